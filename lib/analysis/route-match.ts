import { parseIpv4Cidr, type Ipv4Cidr } from '@/lib/net/cidr';
import { parseCidr, parseIp } from '@/lib/net/ip';
import type { PrefixList, Route, RouteTable } from '@/lib/topology/types';

/**
 * Longest prefix match over a route table, the way the VPC router picks a route: the most specific
 * destination that holds the address wins; prefix lists count through their CIDRs.
 */

export interface RouteMatch {
  route: Route;
  /** The prefix length that won; for a prefix-list route, that of its most specific matching CIDR. */
  prefixLength: number;
  /** The CIDR that matched (for a prefix-list route, one of its CIDRs). */
  matchedCidr: string;
}

/**
 * Where a service known only by its public name is taken to be, for a default route split in halves
 * (`0.0.0.0/1` + `128.0.0.0/1`, often set by VPN clients and firewall designs): AWS's public service
 * ranges in the regions (3.x, 13.x, 18.x, 35.x, 52.x, 54.x ...) lie in the lower half, so the lower
 * half's route is the one that carries them. A route more specific than /1 is not a default route.
 */
const PUBLIC_SERVICE_V4 = parseIpv4Cidr('52.0.0.0/32')!.base;
/** The same for IPv6: AWS's service addresses lie in 2600:1f00::/24 (global unicast, 2000::/3). */
const PUBLIC_SERVICE_V6 = parseIp('2600:1f00::1')!.value;
/** NAT64's well-known prefix (RFC 6052), as DNS64 on a subnet synthesizes it: 64:ff9b::/96 + the IPv4 address. */
export const NAT64_PREFIX = '64:ff9b::/96';
const NAT64_SERVICE = parseIp('64:ff9b::3400:0')!.value;

/** One destination of a route table, parsed: a CIDR route, or one CIDR of a prefix-list route. */
interface CompiledRoute {
  first: number;
  /** One past the block's last address. */
  end: number;
  prefix: number;
  route: Route;
  cidr: string;
  isPrefixList: boolean;
}

interface CompiledRoute6 {
  first: bigint;
  last: bigint;
  prefix: number;
  route: Route;
  cidr: string;
  isPrefixList: boolean;
}

const mostSpecificFirst = (a: { prefix: number; isPrefixList: boolean }, b: { prefix: number; isPrefixList: boolean }) =>
  b.prefix - a.prefix || Number(a.isPrefixList) - Number(b.isPrefixList);

/**
 * A route table's routes, parsed once with the prefix lists expanded, most specific first: longer
 * prefixes first; on a tie, CIDR routes before prefix-list routes (AWS: "the static route with the
 * destination CIDR block takes priority" when it overlaps a prefix-list route); then table order. The
 * first entry that holds an address is its longest prefix match.
 */
export class CompiledRouteTable {
  private readonly v4: CompiledRoute[] = [];
  private readonly v6: CompiledRoute6[] = [];

  constructor(table: RouteTable, prefixLists: ReadonlyMap<string, PrefixList>, parse: (cidr: string) => Ipv4Cidr | null = parseIpv4Cidr) {
    const add = (route: Route, cidr: string, isPrefixList: boolean) => {
      const c = parse(cidr);
      if (c) {
        this.v4.push({ first: c.base, end: c.base + c.size, prefix: c.prefix, route, cidr, isPrefixList });
        return;
      }
      const c6 = cidr.includes(':') ? parseCidr(cidr) : null;
      if (c6?.family === 6) this.v6.push({ first: c6.first, last: c6.last, prefix: c6.prefix, route, cidr, isPrefixList });
    };
    for (const route of table.routes) {
      if (route.destinationType === 'prefix-list') {
        for (const cidr of prefixLists.get(route.destination)?.cidrs ?? []) add(route, cidr, true);
      } else add(route, route.destination, false);
    }
    // Array.prototype.sort is stable, so equal keys keep table order: the first route seen wins a tie.
    this.v4.sort(mostSpecificFirst);
    this.v6.sort(mostSpecificFirst);
  }

  /** The longest IPv4 match among blocks no more specific than /`widest`, or null. */
  match(address: number, widest = 32): RouteMatch | null {
    for (const e of this.v4) {
      if (e.prefix <= widest && address >= e.first && address < e.end) return { route: e.route, prefixLength: e.prefix, matchedCidr: e.cidr };
    }
    return null;
  }

  /** The longest IPv6 match among blocks no more specific than /`widest`, or null. */
  match6(address: bigint, widest = 128): RouteMatch | null {
    for (const e of this.v6) {
      if (e.prefix <= widest && address >= e.first && address <= e.last) return { route: e.route, prefixLength: e.prefix, matchedCidr: e.cidr };
    }
    return null;
  }

  /** The IPv4 default route (`0.0.0.0/0`, or the half of a split default that holds AWS's public ranges). */
  defaultRoute(): RouteMatch | null {
    return this.match(PUBLIC_SERVICE_V4, 1);
  }

  /** The IPv6 default route (`::/0`, `::/1` or `2000::/3`: no more specific than that). */
  defaultRoute6(): RouteMatch | null {
    return this.match6(PUBLIC_SERVICE_V6, 3);
  }

  /** The route for a DNS64-synthesized address of an IPv4-only service (the 64:ff9b::/96 route, else a default). */
  nat64Route(): RouteMatch | null {
    return this.match6(NAT64_SERVICE);
  }
}

/**
 * Longest prefix match of an IPv4 address over a route table's IPv4 and prefix-list routes.
 * Blackhole routes take part: AWS matches them and drops the packet. On a tie, a CIDR route beats
 * a prefix-list route. Returns null when no route matches.
 */
export function longestPrefixMatch(table: RouteTable, address: number, prefixLists: ReadonlyMap<string, PrefixList>): RouteMatch | null {
  return new CompiledRouteTable(table, prefixLists).match(address);
}
