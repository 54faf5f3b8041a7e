import type { Endpoint, NetworkInterface, PrefixList, Route, RouteTable, Subnet, Topology } from '@/lib/topology/types';
import { GATEWAY_SERVICES, serviceHostname, servicesOfInterest, type PathVia, type ResolvePathsOptions, type RouteMatch, type SubnetPath } from './paths';

/**
 * The straightforward path resolver that `paths.ts` replaced (it parsed every route's CIDR on every
 * lookup and scanned the whole topology per subnet and service: 1.2 s for 52,000 paths of the XL bench
 * account). Kept verbatim, for tests only, as the oracle the fast resolver must agree with
 * (`paths.equivalence.test.ts`); the app never imports it.
 */

/** Services whose interface endpoints are third-party or customer endpoint services, not AWS's. */
function isAwsServiceName(serviceName: string): boolean {
  return /^(?:com|cn\.com)\.amazonaws\.(?!vpce\.)[a-z0-9-]+\./.test(serviceName);
}

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

/** Lookups built once per topology. */
class Index {
  readonly subnets: Map<string, Subnet>;
  readonly routeTables: Map<string, RouteTable>;
  readonly endpoints: Map<string, Endpoint>;
  readonly prefixLists: Map<string, PrefixList>;
  readonly names: Map<string, string>;
  readonly enisByEndpoint: Map<string, NetworkInterface[]>;

  constructor(readonly topology: Topology) {
    this.subnets = new Map(topology.subnets.map((s) => [s.id, s]));
    this.routeTables = new Map(topology.routeTables.map((r) => [r.id, r]));
    this.endpoints = new Map(topology.endpoints.map((e) => [e.id, e]));
    this.prefixLists = new Map(topology.prefixLists.map((p) => [p.id, p]));
    this.enisByEndpoint = new Map();
    const endpointOfEni = new Map<string, string>();
    for (const e of topology.endpoints) for (const n of e.networkInterfaceIds) endpointOfEni.set(n, e.id);
    for (const n of topology.networkInterfaces) {
      const ep = n.endpointId ?? endpointOfEni.get(n.id);
      if (ep) this.enisByEndpoint.set(ep, [...(this.enisByEndpoint.get(ep) ?? []), n]);
    }
    this.names = new Map();
    for (const xs of [topology.vpcs, topology.subnets, topology.routeTables, topology.endpoints, topology.natGateways, topology.internetGateways]) {
      for (const x of xs) if (x.name && x.name !== x.id) this.names.set(x.id, x.name);
    }
  }

  /** The name, or the id when the resource has none: details stay short, hops carry the ids. */
  label(id: string): string {
    return this.names.get(id) ?? id;
  }

  /** The AWS-managed prefix list of a gateway service in this region. */
  servicePrefixList(service: string): PrefixList | undefined {
    const exact = `com.amazonaws.${this.topology.region}.${service}`;
    return this.topology.prefixLists.find((p) => p.name === exact) ?? this.topology.prefixLists.find((p) => p.serviceShortName === service);
  }
}

const SERVICE_TITLES: Record<string, string> = { s3: 'S3', dynamodb: 'DynamoDB' };
const title = (service: string) => SERVICE_TITLES[service] ?? service;

function path(subnet: Subnet, service: string, via: PathVia, hops: string[], routeTableId: string | null, routeDestination: string | null, detail: string): SubnetPath {
  return { subnetId: subnet.id, service, via, hops, routeTableId, routeDestination, detail };
}

/**
 * What to route: an address of the service (S3, DynamoDB: from their prefix list), a gateway service
 * whose prefix-list CIDRs the data lacks, or only the default route (a public name with no list).
 */
type Destination = { kind: 'address'; address: number } | { kind: 'unlisted-prefix-list' } | { kind: 'default' };

function matchDestination(ix: Index, table: RouteTable, dest: Destination, service: string): RouteMatch | null {
  if (dest.kind === 'address') return longestPrefixMatchReference(table, dest.address, ix.prefixLists);
  if (dest.kind === 'unlisted-prefix-list') {
    // Without the list's CIDRs, a route to this service's gateway endpoint is taken to cover the
    // service: a prefix list is always more specific than a default route.
    const gw = table.routes.find((r) => {
      if (r.destinationType !== 'prefix-list' || r.targetType !== 'vpce') return false;
      const e = ix.endpoints.get(r.target);
      return e?.type === 'Gateway' && e.serviceShortName === service;
    });
    if (gw) return { route: gw, prefixLength: 1, matchedCidr: gw.destination };
  }
  const def = table.routes.find((r) => r.destinationType === 'ipv4' && r.destination === '0.0.0.0/0');
  return def ? { route: def, prefixLength: 0, matchedCidr: '0.0.0.0/0' } : null;
}

function routeText(ix: Index, table: RouteTable, route: Route): string {
  const dest =
    route.destinationType === 'prefix-list'
      ? `${route.destination} (${ix.prefixLists.get(route.destination)?.name ?? 'prefix list'})`
      : route.destination;
  return `Route ${dest} in ${ix.label(table.id)}`;
}

/** Follows the route that matched in the subnet's table: gateway endpoint, NAT, internet gateway or nowhere. */
function followRoute(ix: Index, subnet: Subnet, table: RouteTable, match: RouteMatch | null, service: string, dest: Destination, prefix: string): SubnetPath {
  const t = ix.topology;
  const lead = prefix ? `${prefix} ` : '';
  if (!match) {
    return path(subnet, service, 'none', [subnet.id, table.id], table.id, null, `${lead}${ix.label(table.id)} has no route that covers ${title(service)}: no path.`);
  }
  const { route } = match;
  const hops = [subnet.id, table.id];
  const where = routeText(ix, table, route);
  if (route.state === 'blackhole' || route.targetType === 'blackhole') {
    return path(subnet, service, 'none', hops, table.id, route.destination, `${lead}${where} is a blackhole (its target ${route.target} is gone): traffic is dropped.`);
  }
  switch (route.targetType) {
    case 'vpce': {
      const e = ix.endpoints.get(route.target);
      if (e?.type === 'Gateway' && e.serviceShortName === service) {
        const state = e.state === 'available' ? '' : ` (state: ${e.state})`;
        return path(subnet, service, 'gateway-endpoint', [...hops, e.id], table.id, route.destination, `${lead}${where} sends ${title(service)} traffic to gateway endpoint ${ix.label(e.id)}${state}; no charge.`);
      }
      return path(subnet, service, 'none', [...hops, route.target], table.id, route.destination, `${lead}${where} sends the traffic to endpoint ${route.target}, which is not a gateway endpoint for ${title(service)}: no path to the service modelled.`);
    }
    case 'igw': {
      const igw = t.internetGateways.find((g) => g.id === route.target);
      if (!igw || !igw.vpcIds.includes(subnet.vpcId)) {
        return path(subnet, service, 'none', [...hops, route.target], table.id, route.destination, `${lead}${where} points at internet gateway ${route.target}, which is not attached to the VPC: no path.`);
      }
      return path(subnet, service, 'igw', [...hops, igw.id], table.id, route.destination, `${lead}${where} goes straight to internet gateway ${ix.label(igw.id)} (instances need a public IP).`);
    }
    case 'nat':
      return followNat(ix, subnet, table, route, service, dest, lead);
    case 'local':
      return path(subnet, service, 'none', hops, table.id, route.destination, `${lead}${where} keeps the traffic inside the VPC: no path to ${title(service)}.`);
    default:
      return path(subnet, service, 'none', [...hops, route.target], table.id, route.destination, `${lead}${where} sends the traffic to ${route.target} (${route.targetType}); paths beyond this VPC are not followed.`);
  }
}

/**
 * A NAT gateway only reaches the internet when its own subnet's table sends the traffic on to an
 * internet gateway; a private NAT gateway never does.
 */
function followNat(ix: Index, subnet: Subnet, table: RouteTable, route: Route, service: string, dest: Destination, lead: string): SubnetPath {
  const t = ix.topology;
  const hops = [subnet.id, table.id, route.target];
  const where = routeText(ix, table, route);
  const nat = t.natGateways.find((g) => g.id === route.target);
  if (!nat) return path(subnet, service, 'none', hops, table.id, route.destination, `${lead}${where} points at NAT gateway ${route.target}, which does not exist: no path.`);
  const natLabel = `NAT gateway ${ix.label(nat.id)}`;
  if (nat.state !== 'available') {
    return path(subnet, service, 'none', hops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, which is ${nat.state}: no path.`);
  }
  if (nat.connectivityType === 'private') {
    return path(subnet, service, 'none', hops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, a private NAT gateway, which cannot reach the internet: no path.`);
  }
  const natSubnet = ix.subnets.get(nat.subnetId);
  const natTable = natSubnet?.routeTableId ? ix.routeTables.get(natSubnet.routeTableId) : undefined;
  if (!natSubnet || !natTable) {
    return path(subnet, service, 'none', hops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, whose subnet ${nat.subnetId} has no route table in the data: no path.`);
  }
  const natHops = [...hops, natSubnet.id, natTable.id];
  const next = matchDestination(ix, natTable, dest, service);
  const onward = next?.route;
  if (onward && onward.state !== 'blackhole' && onward.targetType === 'igw') {
    const igw = t.internetGateways.find((g) => g.id === onward.target && g.vpcIds.includes(subnet.vpcId));
    if (igw) {
      return path(subnet, service, 'nat', [...natHops, igw.id], table.id, route.destination, `${lead}${where} goes to ${natLabel}, then internet gateway ${ix.label(igw.id)}; NAT processing is billed per GB.`);
    }
  }
  if (onward && onward.state !== 'blackhole' && onward.targetType === 'vpce') {
    const e = ix.endpoints.get(onward.target);
    if (e?.type === 'Gateway' && e.serviceShortName === service) {
      return path(subnet, service, 'nat', [...natHops, e.id], table.id, route.destination, `${lead}${where} goes to ${natLabel}, whose subnet's table sends it on to gateway endpoint ${ix.label(e.id)}; NAT processing is billed per GB.`);
    }
  }
  return path(subnet, service, 'none', natHops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, but its subnet's table ${ix.label(natTable.id)} has no route to an internet gateway for it: no path.`);
}

/** The endpoint's ENIs with their AZs, from the ENI list, else from the endpoint's subnets. */
function endpointPlacements(ix: Index, e: Endpoint): { eniId: string | null; subnetId: string; az: string; ip: string | null }[] {
  const enis = ix.enisByEndpoint.get(e.id) ?? [];
  if (enis.length) return enis.map((n) => ({ eniId: n.id, subnetId: n.subnetId, az: n.az || ix.subnets.get(n.subnetId)?.az || '', ip: n.privateIp }));
  return e.subnetIds.map((s) => ({ eniId: null, subnetId: s, az: ix.subnets.get(s)?.az ?? '', ip: null }));
}

/** Why an endpoint for the service does not take DNS for its public name, or null when it does. */
function privateDnsBlocker(ix: Index, subnet: Subnet, e: Endpoint): string | null {
  if (!e.privateDnsEnabled) return `private DNS is off on ${ix.label(e.id)}`;
  const vpc = ix.topology.vpcs.find((v) => v.id === subnet.vpcId);
  // Private hosted zones need both attributes; null means the source did not say, taken as on (AWS's default for a new VPC's DNS support).
  if (vpc?.dnsSupport === false) return `the VPC has DNS support off, so private DNS of ${ix.label(e.id)} does not answer`;
  if (vpc?.dnsHostnames === false) return `the VPC has DNS hostnames off, so private DNS of ${ix.label(e.id)} does not answer`;
  if (e.state !== 'available') return `${ix.label(e.id)} is ${e.state}`;
  return null;
}

function viaInterfaceEndpoint(ix: Index, subnet: Subnet, service: string, e: Endpoint, prefix = ''): SubnetPath {
  const places = endpointPlacements(ix, e).sort((a, b) => (a.az < b.az ? -1 : a.az > b.az ? 1 : 0));
  const same = places.find((p) => p.az === subnet.az);
  const chosen = same ?? places[0];
  const table = subnet.routeTableId ? ix.routeTables.get(subnet.routeTableId) : undefined;
  const lead = prefix ? `${prefix} ` : '';
  if (!chosen) {
    return path(subnet, service, 'none', [subnet.id, e.id], table?.id ?? null, null, `${lead}${ix.label(e.id)} has no network interfaces in any subnet: no path.`);
  }
  const ipBits = chosen.ip ? addressBits(chosen.ip) : null;
  const ip = ipBits === null ? null : bitsNumber(ipBits);
  const local = table && ip !== null ? longestPrefixMatchReference(table, ip, ix.prefixLists) : null;
  const hops = [subnet.id, chosen.eniId ?? chosen.subnetId, e.id];
  const dns = isAwsServiceName(e.serviceName) ? `Private DNS of ${ix.label(e.id)} answers for ${serviceHostname(service, ix.topology.region)}` : `Clients use the DNS names of ${ix.label(e.id)}`;
  if (same) {
    return path(subnet, service, 'interface-endpoint', hops, table?.id ?? null, local?.route.destination ?? null, `${lead}${dns}, with a network interface in ${subnet.az}.`);
  }
  const azs = [...new Set(places.map((p) => p.az))].join(', ');
  return path(subnet, service, 'interface-endpoint-cross-az', hops, table?.id ?? null, local?.route.destination ?? null, `${lead}${dns}, but it has no network interface in ${subnet.az} (only ${azs}): traffic crosses Availability Zones.`);
}

/** How one subnet reaches one service. */
export function resolvePathReference(topology: Topology, subnetId: string, service: string): SubnetPath {
  return resolveWith(new Index(topology), subnetId, service);
}

function resolveWith(ix: Index, subnetId: string, service: string): SubnetPath {
  const subnet = ix.subnets.get(subnetId);
  if (!subnet) throw new Error(`Subnet ${subnetId} is not in the topology.`);
  const table = subnet.routeTableId ? ix.routeTables.get(subnet.routeTableId) : undefined;
  const interfaceEps = ix.topology.endpoints.filter((e) => e.vpcId === subnet.vpcId && e.type === 'Interface' && e.serviceShortName === service);
  // AWS allows one endpoint per service with private DNS in a VPC (the names would clash).
  const dnsEp = interfaceEps.find((e) => privateDnsBlocker(ix, subnet, e) === null);
  const thirdParty = interfaceEps.find((e) => !isAwsServiceName(e.serviceName) && e.state === 'available');
  const isGatewayService = (GATEWAY_SERVICES as readonly string[]).includes(service);

  if (!isGatewayService && thirdParty && !dnsEp) return viaInterfaceEndpoint(ix, subnet, service, thirdParty);
  if (!isGatewayService && dnsEp) return viaInterfaceEndpoint(ix, subnet, service, dnsEp);

  let dest: Destination = { kind: 'default' };
  let prefix = '';
  if (isGatewayService) {
    const pl = ix.servicePrefixList(service);
    const first = pl?.cidrs[0] ? blockBits(pl.cidrs[0]) : null;
    dest = first ? { kind: 'address', address: bitsNumber(first.network.padEnd(32, '0')) } : { kind: 'unlisted-prefix-list' };
  } else {
    const blocked = interfaceEps.map((e) => privateDnsBlocker(ix, subnet, e)).filter((x): x is string => x !== null);
    const host = serviceHostname(service, ix.topology.region);
    prefix = blocked.length ? `${cap(blocked[0]!)}: ${host} resolves to public addresses.` : `No interface endpoint for ${service} in the VPC: ${host} resolves to public addresses.`;
  }
  if (!table) {
    return path(subnet, service, 'none', [subnet.id], null, null, `${prefix ? `${prefix} ` : ''}The subnet has no route table: no path.`);
  }
  const match = matchDestination(ix, table, dest, service);
  const routed = followRoute(ix, subnet, table, match, service, dest, prefix);
  // S3 and DynamoDB also offer interface endpoints; with no gateway route, private DNS sends clients there.
  if (isGatewayService && routed.via !== 'gateway-endpoint' && dnsEp) return viaInterfaceEndpoint(ix, subnet, service, dnsEp);
  return routed;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every subnet's path to every service of interest, subnet by subnet in topology order. */
export function resolvePathsReference(topology: Topology, options: ResolvePathsOptions = {}): SubnetPath[] {
  const ix = new Index(topology);
  const servicesByVpc = new Map<string, string[]>();
  const out: SubnetPath[] = [];
  for (const s of topology.subnets) {
    if (options.vpcId && s.vpcId !== options.vpcId) continue;
    let services = options.services ?? servicesByVpc.get(s.vpcId);
    if (!services) {
      services = servicesOfInterest(topology, s.vpcId);
      servicesByVpc.set(s.vpcId, services);
    }
    for (const service of services) out.push(resolveWith(ix, s.id, service));
  }
  return out;
}
