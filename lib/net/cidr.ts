import { compareParsedCidrs, parseCidr, parseIp } from './ip';

/**
 * IPv4 as plain numbers, for the hot paths (route matching over an XL account's tables compares
 * numbers, not bigints). Parsing and masking are `ip.ts`'s, so both families follow one set of rules;
 * these only narrow its answers to IPv4.
 */

/** `10.0.1.5` -> 167772421, or null when it is not a dotted quad (IPv6 included). */
export function ipv4ToInt(ip: string): number | null {
  const a = parseIp(ip);
  return a?.family === 4 ? Number(a.value) : null;
}

export interface Ipv4Cidr {
  base: number;
  prefix: number;
  /** Number of addresses in the block. */
  size: number;
}

/** Parses `10.0.0.0/16`; null when malformed or IPv6. The base is masked to the prefix. */
export function parseIpv4Cidr(cidr: string): Ipv4Cidr | null {
  const c = parseCidr(cidr);
  if (c?.family !== 4) return null;
  return { base: Number(c.first), prefix: c.prefix, size: Number(c.last - c.first) + 1 };
}

/** Whether the IPv4 address `ip` lies in the IPv4 block `cidr`; false for IPv6 or malformed text. */
export function ipv4InCidr(ip: string, cidr: string): boolean {
  const a = ipv4ToInt(ip);
  const c = parseIpv4Cidr(cidr);
  return a !== null && c !== null && a >= c.base && a < c.base + c.size;
}

/** Sort key for CIDRs: IPv4 by address then prefix, then IPv6 the same way; text that is neither sorts after, by text. */
export function compareCidrs(a: string, b: string): number {
  return compareParsedCidrs(a, parseCidr(a), b, parseCidr(b));
}

/** 167772421 -> `10.0.1.5`. */
export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
