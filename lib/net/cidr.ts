/** IPv4 helpers for CIDR arithmetic; pure, used by normalization, analysis and forms. */

/** `10.0.1.5` -> 167772421, or null when it is not a dotted quad. */
export function ipv4ToInt(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export interface Ipv4Cidr {
  base: number;
  prefix: number;
  /** Number of addresses in the block. */
  size: number;
}

/** Parses `10.0.0.0/16`; null when malformed. The base is masked to the prefix. */
export function parseIpv4Cidr(cidr: string): Ipv4Cidr | null {
  const [ip, bits] = cidr.trim().split('/');
  if (ip === undefined || bits === undefined || !/^\d{1,2}$/.test(bits)) return null;
  const prefix = Number(bits);
  const addr = ipv4ToInt(ip);
  if (addr === null || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  const base = Math.floor(addr / size) * size;
  return { base, prefix, size };
}

/** Whether `ip` lies in `cidr`. */
export function ipv4InCidr(ip: string, cidr: string): boolean {
  const a = ipv4ToInt(ip);
  const c = parseIpv4Cidr(cidr);
  return a !== null && c !== null && a >= c.base && a < c.base + c.size;
}

/** Sort key for CIDRs: numeric address, then prefix; non-IPv4 text sorts after, by text. */
export function compareCidrs(a: string, b: string): number {
  const ca = parseIpv4Cidr(a);
  const cb = parseIpv4Cidr(b);
  if (ca && cb) return ca.base - cb.base || ca.prefix - cb.prefix;
  if (ca) return -1;
  if (cb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
