import type { Endpoint, PrefixList, Route, RouteTable, Subnet, Topology } from '@/lib/topology/types';
import { followRoute, matchDestination, visitKey, type PathLookups } from './follow-route';
import type { Destination } from './follow-route';
import { enisByEndpoint, interfacePathFrom, interfaceSubnetPath, namesOf, servicesOfInterest, startAt, type ResolvePathsOptions, type RouteMatch, type SubnetPath } from './paths';
import { CompiledRouteTable } from './route-match';
import { isIpv6Only, resolveServiceDns } from './service-dns';

/**
 * The straightforward path resolver that `paths.ts` replaced (it parsed every route's CIDR on every
 * lookup and scanned the whole topology per subnet and service: 1.2 s for 52,000 paths of the XL bench
 * account). Kept, for tests only, as the oracle the fast resolver must agree with
 * (`paths.equivalence.test.ts`); the app never imports it. It shares the DNS and routing stages
 * (`service-dns.ts`, `follow-route.ts`) and checks the fast resolver's indexes, compiled tables and
 * caches (per table, per AZ, per VPC) against plain scans with nothing kept.
 */

/*
 * CIDR containment written separately from `lib/net` on purpose: compare the first `prefix` bits of
 * the address and of the block as strings of 0s and 1s. A bug in `lib/net`'s parsing, masking or
 * range arithmetic then makes the fast resolver and this oracle disagree instead of agreeing wrongly.
 */

/** A dotted quad's 32 bits as text (`10.0.0.1` -> `00001010...00000001`), or null when it is not one. */
function addressBits(text: string): string | null {
  const m = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/.exec(text.trim());
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets.map((o) => o.toString(2).padStart(8, '0')).join('') : null;
}

const numberBits = (address: number) => address.toString(2).padStart(32, '0');
const bitsNumber = (bits: string) => parseInt(bits, 2);

/** An IPv4 block as its network bits (only the first `prefix` of them count), or null when it is not one. */
function blockBits(cidr: string): { network: string; prefix: number } | null {
  const parts = cidr.trim().split('/');
  if (parts.length !== 2 || !/^(0|[1-9]\d?)$/.test(parts[1]!.trim()) || Number(parts[1]) > 32) return null;
  const bits = addressBits(parts[0]!);
  const prefix = Number(parts[1]);
  return bits === null ? null : { network: bits.slice(0, prefix), prefix };
}

/**
 * Longest prefix match of an IPv4 address over a route table's IPv4 and prefix-list routes.
 * Blackhole routes take part: AWS matches them and drops the packet. On a tie, a CIDR route beats
 * a prefix-list route (AWS: "the static route with the destination CIDR block takes priority" when it
 * overlaps a prefix-list route). Returns null when no route matches.
 */
export function longestPrefixMatchReference(table: RouteTable, address: number, prefixLists: ReadonlyMap<string, PrefixList>): RouteMatch | null {
  let best: (RouteMatch & { isPrefixList: boolean }) | null = null;
  const bits = numberBits(address);
  const consider = (route: Route, cidr: string, isPrefixList: boolean) => {
    const c = blockBits(cidr);
    if (!c || !bits.startsWith(c.network)) return;
    if (!best || c.prefix > best.prefixLength || (c.prefix === best.prefixLength && best.isPrefixList && !isPrefixList)) {
      best = { route, prefixLength: c.prefix, matchedCidr: cidr, isPrefixList };
    }
  };
  for (const route of table.routes) {
    if (route.destinationType === 'ipv4') consider(route, route.destination, false);
    else if (route.destinationType === 'prefix-list') {
      for (const cidr of prefixLists.get(route.destination)?.cidrs ?? []) consider(route, cidr, true);
    }
  }
  if (!best) return null;
  const { route, prefixLength, matchedCidr } = best;
  return { route, prefixLength, matchedCidr };
}

/** Lookups by scanning the topology's lists, every time. */
class Scan implements PathLookups {
  readonly prefixLists: Map<string, PrefixList>;
  private readonly names: Map<string, string>;

  constructor(readonly topology: Topology) {
    this.prefixLists = new Map(topology.prefixLists.map((p) => [p.id, p]));
    this.names = namesOf(topology);
  }

  // Maps built from a list keep the last of an id; `find` gives the first. The fast resolver does the same per list.
  subnet = (id: string) => this.topology.subnets.findLast((s) => s.id === id);
  routeTable = (id: string) => this.topology.routeTables.findLast((r) => r.id === id);
  endpoint = (id: string) => this.topology.endpoints.findLast((e) => e.id === id);
  natGateway = (id: string) => this.topology.natGateways.find((g) => g.id === id);
  attachedInternetGateway = (id: string, vpcId: string) => this.topology.internetGateways.find((g) => g.id === id && g.vpcIds.includes(vpcId));
  prefixListName = (id: string) => this.prefixLists.get(id)?.name;
  label = (id: string) => this.names.get(id) ?? id;
  compiled = (table: RouteTable) => new CompiledRouteTable(table, this.prefixLists);
  matchAddress = (table: RouteTable, address: number) => longestPrefixMatchReference(table, address, this.prefixLists);
}

const ipOf = (ip: string | null) => {
  const bits = ip ? addressBits(ip) : null;
  return bits === null ? null : bitsNumber(bits);
};

/** What an IPv4 client routes to: for S3 and DynamoDB, the first address of their AWS-managed prefix list here. */
function ipv4Destination(t: Topology, service: string): Destination {
  if (service !== 's3' && service !== 'dynamodb') return { kind: 'default' };
  const pl = t.prefixLists.find((p) => p.name === `com.amazonaws.${t.region}.${service}`) ?? t.prefixLists.find((p) => p.serviceShortName === service);
  const first = pl?.cidrs.map(blockBits).find((c) => c !== null);
  return first ? { kind: 'address', address: bitsNumber(first.network.padEnd(32, '0')) } : { kind: 'unlisted-prefix-list' };
}

function viaInterfaceEndpoint(ix: Scan, subnet: Subnet, table: RouteTable | undefined, service: string, e: Endpoint): SubnetPath {
  const enis = enisByEndpoint(ix.topology).get(e.id) ?? [];
  const places = enis.length
    ? enis.map((n) => ({ eniId: n.id, subnetId: n.subnetId, az: n.az || ix.subnet(n.subnetId)?.az || '', address: ipOf(n.privateIp) }))
    : e.subnetIds.map((s) => ({ eniId: null, subnetId: s, az: ix.subnet(s)?.az ?? '', address: null }));
  const p = interfacePathFrom(places, e, service, subnet, ix.topology.region, ix.label, isIpv6Only(subnet));
  return interfaceSubnetPath(subnet, table, service, e, p, (a) => (table ? longestPrefixMatchReference(table, a, ix.prefixLists) : null));
}

/** How one subnet reaches one service. */
export function resolvePathReference(topology: Topology, subnetId: string, service: string): SubnetPath {
  return resolveWith(new Scan(topology), subnetId, service);
}

function resolveWith(ix: Scan, subnetId: string, service: string): SubnetPath {
  const subnet = ix.subnet(subnetId);
  if (!subnet) throw new Error(`Subnet ${subnetId} is not in the topology.`);
  const table = subnet.routeTableId ? ix.routeTable(subnet.routeTableId) : undefined;
  const ipv6Only = isIpv6Only(subnet);
  const dns = resolveServiceDns(
    {
      vpc: ix.topology.vpcs.find((v) => v.id === subnet.vpcId),
      region: ix.topology.region,
      service,
      interfaceEps: ix.topology.endpoints.filter((e) => e.vpcId === subnet.vpcId && e.type === 'Interface' && e.serviceShortName === service),
      ipv6Only,
      dns64: ipv6Only && subnet.enableDns64 === true,
      ipv4Dest: ipv4Destination(ix.topology, service),
    },
    ix.label,
  );
  if (dns.endpoint) return viaInterfaceEndpoint(ix, subnet, table, service, dns.endpoint);
  if (dns.noPath) return { subnetId: subnet.id, service, via: 'none', hops: [subnet.id], routeTableId: table?.id ?? null, routeDestination: null, detail: dns.noPath };
  const lead = dns.lead ? `${dns.lead} ` : '';
  if (!table) return { subnetId: subnet.id, service, via: 'none', hops: [subnet.id], routeTableId: null, routeDestination: null, detail: `${lead}The subnet has no route table: no path.` };
  const walk = { vpcId: subnet.vpcId, service, dest: dns.dest, visited: new Set([visitKey(table, dns.dest)]) };
  return startAt(subnet, service, followRoute(ix, walk, table, matchDestination(ix, table, dns.dest, service), lead));
}

/** Every subnet's path to every service of interest, subnet by subnet in topology order. */
export function resolvePathsReference(topology: Topology, options: ResolvePathsOptions = {}): SubnetPath[] {
  const ix = new Scan(topology);
  const out: SubnetPath[] = [];
  for (const s of topology.subnets) {
    if (options.vpcId && s.vpcId !== options.vpcId) continue;
    for (const service of options.services ?? servicesOfInterest(topology, s.vpcId)) out.push(resolveWith(ix, s.id, service));
  }
  return out;
}
