/**
 * IPv4 as plain numbers, with no dependency: what the browser needs (the graph's subnet order, the search by
 * address) without ipaddr.js in its bundle. `ip.ts` reads dotted quads through these too, so IPv4 follows one
 * set of rules on the server and in the browser.
 */

// Decimal only, no leading zeros: `010.1.0.0` would be read as octal by some parsers, and AWS never writes it.
const FOUR_PART_DECIMAL = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;
const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

/** The four octets of a dotted quad (blanks around it ignored), or null when it is not one. */
export function ipv4Octets(text: string): number[] | null {
  const t = text.trim();
  if (!FOUR_PART_DECIMAL.test(t)) return null;
  const octets = t.split('.').map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** `10.0.1.5` -> 167772421, or null when it is not a dotted quad (IPv6 included). */
export function ipv4ToInt(ip: string): number | null {
  const o = ipv4Octets(ip);
  return o ? o[0]! * 16777216 + o[1]! * 65536 + o[2]! * 256 + o[3]! : null;
}

export interface Ipv4Cidr {
  base: number;
  prefix: number;
  /** Number of addresses in the block. */
  size: number;
}

/** Parses `10.0.0.0/16`; null when malformed or IPv6. The base is masked to the prefix. */
export function parseIpv4Cidr(cidr: string): Ipv4Cidr | null {
  const slash = cidr.indexOf('/');
  if (slash < 0) return null;
  const address = ipv4ToInt(cidr.slice(0, slash));
  const bits = cidr.slice(slash + 1).trim();
  if (address === null || !PREFIX.test(bits)) return null;
  const prefix = Number(bits);
  if (prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  return { base: address - (address % size), prefix, size };
}

/** Whether the IPv4 address `ip` lies in the IPv4 block `cidr`; false for IPv6 or malformed text. */
export function ipv4InCidr(ip: string, cidr: string): boolean {
  const a = ipv4ToInt(ip);
  const c = parseIpv4Cidr(cidr);
  return a !== null && c !== null && a >= c.base && a < c.base + c.size;
}

/** 167772421 -> `10.0.1.5`. */
export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function compareParsed(a: string, ca: Ipv4Cidr | null, b: string, cb: Ipv4Cidr | null): number {
  if (ca && cb) return ca.base - cb.base || ca.prefix - cb.prefix;
  if (ca) return -1;
  if (cb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders IPv4 blocks by address, then prefix (a wider block before the blocks it holds); any other text (an IPv6
 * block, a prefix-list id, '') after them, by text. For lists that hold IPv4 blocks or nothing (a subnet's `cidr`)
 * this is `compareCidrs`'s order, without parsing IPv6.
 */
export function compareIpv4Cidrs(a: string, b: string): number {
  return compareParsed(a, parseIpv4Cidr(a), b, parseIpv4Cidr(b));
}

/** `compareIpv4Cidrs` with each text parsed once: for sorting thousands of blocks (an XL account's routes). */
export function ipv4CidrComparer(): (a: string, b: string) => number {
  const parsed = new Map<string, Ipv4Cidr | null>();
  const parse = (cidr: string) => {
    let c = parsed.get(cidr);
    if (c === undefined) {
      c = parseIpv4Cidr(cidr);
      parsed.set(cidr, c);
    }
    return c;
  };
  return (a, b) => compareParsed(a, parse(a), b, parse(b));
}
