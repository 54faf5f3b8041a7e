import ipaddr from 'ipaddr.js';
import { ipv4Octets } from './ipv4';

/**
 * IPv4 and IPv6 addresses and CIDR blocks, for both families at once: parsing and masking by
 * `ipaddr.js` (the parser under Express's `proxy-addr`), the arithmetic on `bigint`s so a /0 of
 * IPv6 (2^128 addresses) is as exact as a /32 of IPv4. Pure; runs on the server and in the browser.
 */

export type IpFamily = 4 | 6;

/** An address as its family and its value (`10.0.0.1` is 4 / 167772161n). */
export interface IpAddress {
  family: IpFamily;
  value: bigint;
}

/** A CIDR block with its base masked to the prefix: `10.0.1.7/24` is the block 10.0.1.0 to 10.0.1.255. */
export interface Cidr {
  family: IpFamily;
  prefix: number;
  /** The block's first address (the base, masked). */
  first: bigint;
  /** The block's last address. */
  last: bigint;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

function fromBytes(bytes: readonly number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function parseLibraryAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  // Dotted quads by `ipv4.ts`'s rules (decimal only: `ipaddr.js` on its own also reads `010.1` or `0x0a.0.0.1`,
  // which AWS never writes and which a person would read differently, as octal).
  const octets = ipv4Octets(text);
  if (octets) return new ipaddr.IPv4(octets);
  // A zone (`fe80::1%eth0`) names an interface of one host; it is never part of a VPC's CIDR or route.
  if (!text.includes('%') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return null;
}

/** `10.0.1.5` or `2600:1f18::1` as an address; null when it is neither (surrounding blanks are ignored). */
export function parseIp(text: string): IpAddress | null {
  const a = parseLibraryAddress(text.trim());
  if (!a) return null;
  return { family: a.kind() === 'ipv4' ? 4 : 6, value: fromBytes(a.toByteArray()) };
}

/**
 * `10.0.0.0/16` or `2600:1f18:abcd::/56` as a block; null when malformed (no `/`, a prefix longer
 * than the family's 32 or 128 bits, an address that is not one). A base with host bits set is masked
 * to its prefix, as AWS does: `10.0.1.7/24` is `10.0.1.0/24`.
 */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const address = parseLibraryAddress(text.slice(0, slash).trim());
  const bits = text.slice(slash + 1).trim();
  if (!address || !PREFIX.test(bits)) return null;
  const family: IpFamily = address.kind() === 'ipv4' ? 4 : 6;
  const prefix = Number(bits);
  if (prefix > BITS[family]) return null;
  const mask = (family === 4 ? ipaddr.IPv4 : ipaddr.IPv6).subnetMaskFromPrefixLength(prefix).toByteArray();
  const first = fromBytes(address.toByteArray().map((b, i) => b & mask[i]!));
  return { family, prefix, first, last: first + cidrSize({ family, prefix }) - 1n };
}

/** How many addresses a block holds: 2^(32 - prefix) for IPv4, 2^(128 - prefix) for IPv6. */
export function cidrSize(cidr: Pick<Cidr, 'family' | 'prefix'>): bigint {
  return 1n << BigInt(BITS[cidr.family] - cidr.prefix);
}

/** Whether the block holds the address; an address of the other family never is. */
export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  return cidr.family === address.family && address.value >= cidr.first && address.value <= cidr.last;
}

/** Whether `ip` lies in `cidr`, for either family; false when either is malformed. */
export function ipInCidr(ip: string, cidr: string): boolean {
  const a = parseIp(ip);
  const c = parseCidr(cidr);
  return !!a && !!c && cidrContains(c, a);
}

/** Whether every address of `inner` is in `outer` (a block covers itself); false when either is malformed or the families differ. */
export function cidrCovers(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  return !!o && !!i && o.family === i.family && o.first <= i.first && i.last <= o.last;
}

/** Whether the two blocks share at least one address; false when either is malformed or the families differ. */
export function cidrsOverlap(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return !!x && !!y && x.family === y.family && x.first <= y.last && y.first <= x.last;
}

/** Whether the block is a default route, `0.0.0.0/0` or `::/0` (however written): it holds every address of its family. */
export function isDefaultRoute(cidr: string): boolean {
  return parseCidr(cidr)?.prefix === 0;
}

/** The family of a CIDR block, or null when the text is not one (a prefix-list id, say). */
export function cidrFamily(cidr: string): IpFamily | null {
  return parseCidr(cidr)?.family ?? null;
}

/** An address in its canonical text: dotted quad, or IPv6 in RFC 5952 form (`2600:1f18::1`). */
export function formatIp(address: IpAddress): string {
  const bytes: number[] = [];
  for (let i = BITS[address.family] / 8 - 1; i >= 0; i--) bytes.push(Number((address.value >> BigInt(i * 8)) & 255n));
  // ipaddr.js 2 writes IPv6 in RFC 5952 form (lowercase, longest run of zeros as `::`).
  return ipaddr.fromByteArray(bytes).toString();
}

/** A block in its canonical text: masked base, RFC 5952 for IPv6 (`2600:1f18:0:0::/56` -> `2600:1f18::/56`). */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ family: cidr.family, value: cidr.first })}/${cidr.prefix}`;
}

/**
 * Orders two parsed blocks (or unparsable texts, as null): IPv4 before IPv6, each by first address then
 * by prefix (a wider block before the blocks it holds); anything that is not a CIDR after them all, by text.
 */
export function compareParsedCidrs(a: string, ca: Cidr | null, b: string, cb: Cidr | null): number {
  if (ca && cb) {
    if (ca.family !== cb.family) return ca.family - cb.family;
    return ca.first < cb.first ? -1 : ca.first > cb.first ? 1 : ca.prefix - cb.prefix;
  }
  if (ca) return -1;
  if (cb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
