import { compareParsedCidrs, parseCidr } from './ip';

/**
 * IPv4 as plain numbers, for the hot paths (route matching over an XL account's tables compares numbers, not
 * bigints), from `ipv4.ts` (no dependency, so the browser gets them without ipaddr.js); `ip.ts` reads dotted quads
 * through the same functions, so both families follow one set of rules.
 */
export { intToIpv4, ipv4InCidr, ipv4ToInt, parseIpv4Cidr, type Ipv4Cidr } from './ipv4';

/** Sort key for CIDRs: IPv4 by address then prefix, then IPv6 the same way; text that is neither sorts after, by text. */
export function compareCidrs(a: string, b: string): number {
  return compareParsedCidrs(a, parseCidr(a), b, parseCidr(b));
}
