import { ipv4ToInt, parseIpv4Cidr, type Ipv4Cidr } from '@/lib/net/cidr';
import type { Endpoint, InternetGateway, NatGateway, NetworkInterface, PrefixList, Route, RouteTable, Subnet, Topology, Vpc } from '@/lib/topology/types';
import { innerMap, pushTo } from './group';

/**
 * Where a subnet's traffic to an AWS service goes, resolved the way AWS resolves it:
 * DNS first (an interface endpoint with private DNS answers for the service's public name), then the
 * subnet's effective route table by longest prefix match, with prefix lists expanded to their CIDRs.
 */

export type PathVia = 'gateway-endpoint' | 'interface-endpoint' | 'interface-endpoint-cross-az' | 'nat' | 'igw' | 'none';

export const PATH_VIAS: readonly PathVia[] = ['gateway-endpoint', 'interface-endpoint', 'interface-endpoint-cross-az', 'nat', 'igw', 'none'];

export interface SubnetPath {
  subnetId: string;
  /** The service's short name: `s3`, `dynamodb`, `ecr.dkr`, ... */
  service: string;
  via: PathVia;
  /** Resource ids in the order the traffic passes them, starting with the subnet. */
  hops: string[];
  /** The table that decided (the subnet's effective table); null when the subnet has none. */
  routeTableId: string | null;
  /** The destination of the route that matched (a CIDR or a prefix-list id); null when none matched. */
  routeDestination: string | null;
  /** One or two sentences a person can read. */
  detail: string;
}

/** Services reached through gateway endpoints and route tables. */
export const GATEWAY_SERVICES = ['s3', 'dynamodb'] as const;

/** Services every private workload tends to call; checked even when the VPC has no endpoint for them. */
export const COMMON_INTERFACE_SERVICES = ['sts', 'ecr.api', 'ecr.dkr', 'logs', 'ssm', 'secretsmanager', 'kms'] as const;

/** Services whose interface endpoints are third-party or customer endpoint services, not AWS's. */
function isAwsServiceName(serviceName: string): boolean {
  return /^(?:com|cn\.com)\.amazonaws\.(?!vpce\.)[a-z0-9-]+\./.test(serviceName);
}

/**
 * The services to resolve for a VPC's subnets, in display order: S3 and DynamoDB, then every other
 * service (the common ones and each with an interface endpoint in the VPC) alphabetically.
 */
export function servicesOfInterest(topology: Topology, vpcId: string): string[] {
  const rest = new Set<string>(COMMON_INTERFACE_SERVICES);
  for (const e of topology.endpoints) {
    if (e.vpcId === vpcId && e.type === 'Interface' && e.serviceShortName) rest.add(e.serviceShortName);
  }
  for (const g of GATEWAY_SERVICES) rest.delete(g);
  return [...GATEWAY_SERVICES, ...[...rest].sort()];
}

/** `sts` -> `sts.us-east-1.amazonaws.com`: the name SDKs call, which private DNS answers for. */
export function serviceHostname(service: string, region: string): string {
  return `${service}.${region}.amazonaws.com`;
}

export interface RouteMatch {
  route: Route;
  /** The prefix length that won; for a prefix-list route, that of its most specific matching CIDR. */
  prefixLength: number;
  /** The CIDR that matched (for a prefix-list route, one of its CIDRs). */
  matchedCidr: string;
}

/** One IPv4 destination of a route table, parsed: a CIDR route, or one CIDR of a prefix-list route. */
interface CompiledRoute {
  first: number;
  /** One past the block's last address. */
  end: number;
  prefix: number;
  route: Route;
  cidr: string;
  isPrefixList: boolean;
}

/**
 * A route table's IPv4 and prefix-list routes, parsed once with the prefix lists expanded, most
 * specific first: longer prefixes first; on a tie, CIDR routes before prefix-list routes (AWS: "the
 * static route with the destination CIDR block takes priority" when it overlaps a prefix-list route);
 * then table order. The first entry that holds an address is its longest prefix match.
 */
class CompiledRouteTable {
  private readonly entries: CompiledRoute[] = [];
  /** The table's `0.0.0.0/0` route, if any: the route for a service known only by its public name. */
  readonly defaultRoute: Route | undefined;

  constructor(table: RouteTable, prefixLists: ReadonlyMap<string, PrefixList>, parse: (cidr: string) => Ipv4Cidr | null = parseIpv4Cidr) {
    const add = (route: Route, cidr: string, isPrefixList: boolean) => {
      const c = parse(cidr);
      if (c) this.entries.push({ first: c.base, end: c.base + c.size, prefix: c.prefix, route, cidr, isPrefixList });
    };
    for (const route of table.routes) {
      if (route.destinationType === 'ipv4') add(route, route.destination, false);
      else if (route.destinationType === 'prefix-list') {
        for (const cidr of prefixLists.get(route.destination)?.cidrs ?? []) add(route, cidr, true);
      }
    }
    // Array.prototype.sort is stable, so equal keys keep table order: the first route seen wins a tie.
    this.entries.sort((a, b) => b.prefix - a.prefix || Number(a.isPrefixList) - Number(b.isPrefixList));
    this.defaultRoute = table.routes.find((r) => r.destinationType === 'ipv4' && r.destination === '0.0.0.0/0');
  }

  match(address: number): RouteMatch | null {
    for (const e of this.entries) {
      if (address >= e.first && address < e.end) return { route: e.route, prefixLength: e.prefix, matchedCidr: e.cidr };
    }
    return null;
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

const SERVICE_TITLES: Record<string, string> = { s3: 'S3', dynamodb: 'DynamoDB' };
const title = (service: string) => SERVICE_TITLES[service] ?? service;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function path(subnet: Subnet, service: string, via: PathVia, hops: string[], routeTableId: string | null, routeDestination: string | null, detail: string): SubnetPath {
  return { subnetId: subnet.id, service, via, hops, routeTableId, routeDestination, detail };
}

/**
 * A path through a route table, without the subnet it starts from: the same for every subnet of the
 * VPC that uses the table, so it is resolved once per (table, service) and shared.
 */
interface RoutedPath {
  via: PathVia;
  /** The hops after the subnet, starting with the table. */
  hops: string[];
  routeTableId: string;
  routeDestination: string | null;
  detail: string;
}

function routed(via: PathVia, hops: string[], routeTableId: string, routeDestination: string | null, detail: string): RoutedPath {
  return { via, hops, routeTableId, routeDestination, detail };
}

function startAt(subnet: Subnet, service: string, r: RoutedPath): SubnetPath {
  return path(subnet, service, r.via, [subnet.id, ...r.hops], r.routeTableId, r.routeDestination, r.detail);
}

/**
 * What to route: an address of the service (S3, DynamoDB: from their prefix list), a gateway service
 * whose prefix-list CIDRs the data lacks, or only the default route (a public name with no list).
 */
type Destination = { kind: 'address'; address: number } | { kind: 'unlisted-prefix-list' } | { kind: 'default' };

/** Where an interface endpoint has a network interface. */
interface Placement {
  eniId: string | null;
  subnetId: string;
  az: string;
  /** The interface's private IPv4 address; null when unknown. */
  address: number | null;
}

/**
 * The path to an interface endpoint from the subnets of one AZ: its network interface in that AZ, else
 * the first by AZ (the traffic crosses zones). The same for every subnet of the AZ but for the hops'
 * first element and the route table.
 */
interface InterfacePath {
  chosen: Placement | undefined;
  via: PathVia;
  detail: string;
}

/** What the subnets of one VPC have in common when they call one service. */
interface VpcService {
  /** The VPC's interface endpoints for the service, in topology order. */
  interfaceEps: Endpoint[];
  /** The one whose private DNS answers for the service's public name. */
  dnsEp: Endpoint | undefined;
  /** An available endpoint to a third-party or customer service, called by its own names. */
  thirdParty: Endpoint | undefined;
  /** For a service without a gateway: why its public name resolves to public addresses. */
  publicNameText: string;
}

const byFirstId = <T extends { id: string }>(xs: T[]) => {
  const m = new Map<string, T>();
  for (const x of xs) if (!m.has(x.id)) m.set(x.id, x);
  return m;
};

/**
 * Resolves paths for one topology. Everything that does not depend on the subnet is computed once and
 * kept: lookups by id, the route tables compiled, each VPC's endpoints per service, each endpoint's
 * placements, and the routed path per (VPC, route table, service). Only the subnet's own parts (its id
 * as the first hop; for an interface endpoint, whether it has a network interface in the subnet's AZ)
 * are worked out per subnet.
 */
class PathResolver {
  private readonly subnets: Map<string, Subnet>;
  private readonly routeTables: Map<string, RouteTable>;
  private readonly endpoints: Map<string, Endpoint>;
  private readonly prefixLists: Map<string, PrefixList>;
  private readonly names = new Map<string, string>();
  private readonly enisByEndpoint = new Map<string, NetworkInterface[]>();
  private readonly vpcs: Map<string, Vpc>;
  private readonly natGateways: Map<string, NatGateway>;
  /** Every internet gateway of an id, in topology order (ids are unique in AWS; the data may disagree). */
  private readonly internetGateways = new Map<string, InternetGateway[]>();
  /** Interface endpoints by `vpcId|service`, in topology order. */
  private readonly interfaceEndpoints = new Map<string, Endpoint[]>();

  private readonly compiledTables = new Map<RouteTable, CompiledRouteTable>();
  /** Parsed CIDRs: the tables of a VPC repeat the same destinations (its CIDR, 0.0.0.0/0, the service lists). */
  private readonly cidrs = new Map<string, Ipv4Cidr | null>();
  private readonly parseCidr = (cidr: string): Ipv4Cidr | null => {
    let c = this.cidrs.get(cidr);
    if (c === undefined) {
      c = parseIpv4Cidr(cidr);
      this.cidrs.set(cidr, c);
    }
    return c;
  };
  private readonly destinations = new Map<string, Destination>();
  private readonly vpcServices = new Map<string, Map<string, VpcService>>();
  private readonly interfacePaths = new Map<Endpoint, Map<string, InterfacePath>>();
  private readonly routedPaths = new Map<string, RoutedPath>();

  constructor(private readonly topology: Topology) {
    this.subnets = new Map(topology.subnets.map((s) => [s.id, s]));
    this.routeTables = new Map(topology.routeTables.map((r) => [r.id, r]));
    this.endpoints = new Map(topology.endpoints.map((e) => [e.id, e]));
    this.prefixLists = new Map(topology.prefixLists.map((p) => [p.id, p]));
    this.vpcs = byFirstId(topology.vpcs);
    this.natGateways = byFirstId(topology.natGateways);
    for (const g of topology.internetGateways) pushTo(this.internetGateways, g.id, g);
    const endpointOfEni = new Map<string, string>();
    for (const e of topology.endpoints) {
      for (const n of e.networkInterfaceIds) endpointOfEni.set(n, e.id);
      if (e.type === 'Interface') pushTo(this.interfaceEndpoints, `${e.vpcId}|${e.serviceShortName}`, e);
    }
    for (const n of topology.networkInterfaces) {
      const ep = n.endpointId ?? endpointOfEni.get(n.id);
      if (ep) pushTo(this.enisByEndpoint, ep, n);
    }
    for (const xs of [topology.vpcs, topology.subnets, topology.routeTables, topology.endpoints, topology.natGateways, topology.internetGateways]) {
      for (const x of xs) if (x.name && x.name !== x.id) this.names.set(x.id, x.name);
    }
  }

  /** The name, or the id when the resource has none: details stay short, hops carry the ids. */
  private label(id: string): string {
    return this.names.get(id) ?? id;
  }

  private compiled(table: RouteTable): CompiledRouteTable {
    let c = this.compiledTables.get(table);
    if (!c) {
      c = new CompiledRouteTable(table, this.prefixLists, this.parseCidr);
      this.compiledTables.set(table, c);
    }
    return c;
  }

  /** For S3 and DynamoDB, the first address of their AWS-managed prefix list in this region. */
  private destination(service: string): Destination {
    let dest = this.destinations.get(service);
    if (!dest) {
      dest = { kind: 'default' };
      if ((GATEWAY_SERVICES as readonly string[]).includes(service)) {
        const exact = `com.amazonaws.${this.topology.region}.${service}`;
        const pl = this.topology.prefixLists.find((p) => p.name === exact) ?? this.topology.prefixLists.find((p) => p.serviceShortName === service);
        const first = pl?.cidrs[0] ? parseIpv4Cidr(pl.cidrs[0]) : null;
        dest = first ? { kind: 'address', address: first.base } : { kind: 'unlisted-prefix-list' };
      }
      this.destinations.set(service, dest);
    }
    return dest;
  }

  /** Why an endpoint for the service does not take DNS for its public name, or null when it does. */
  private privateDnsBlocker(vpcId: string, e: Endpoint): string | null {
    if (!e.privateDnsEnabled) return `private DNS is off on ${this.label(e.id)}`;
    const vpc = this.vpcs.get(vpcId);
    // Private hosted zones need both attributes; null means the source did not say, taken as on (AWS's default for a new VPC's DNS support).
    if (vpc?.dnsSupport === false) return `the VPC has DNS support off, so private DNS of ${this.label(e.id)} does not answer`;
    if (vpc?.dnsHostnames === false) return `the VPC has DNS hostnames off, so private DNS of ${this.label(e.id)} does not answer`;
    if (e.state !== 'available') return `${this.label(e.id)} is ${e.state}`;
    return null;
  }

  private vpcService(vpcId: string, service: string): VpcService {
    const ofVpc = innerMap(this.vpcServices, vpcId);
    let vs = ofVpc.get(service);
    if (!vs) {
      const interfaceEps = this.interfaceEndpoints.get(`${vpcId}|${service}`) ?? [];
      const blockers = interfaceEps.map((e) => this.privateDnsBlocker(vpcId, e));
      // AWS allows one endpoint per service with private DNS in a VPC (the names would clash).
      const dnsEp = interfaceEps.find((_, i) => blockers[i] === null);
      const thirdParty = interfaceEps.find((e) => !isAwsServiceName(e.serviceName) && e.state === 'available');
      const blocked = blockers.filter((x): x is string => x !== null);
      const host = serviceHostname(service, this.topology.region);
      const publicNameText = blocked.length ? `${cap(blocked[0]!)}: ${host} resolves to public addresses.` : `No interface endpoint for ${service} in the VPC: ${host} resolves to public addresses.`;
      vs = { interfaceEps, dnsEp, thirdParty, publicNameText };
      ofVpc.set(service, vs);
    }
    return vs;
  }

  /** How one subnet reaches one service. */
  resolve(subnetId: string, service: string): SubnetPath {
    const subnet = this.subnets.get(subnetId);
    if (!subnet) throw new Error(`Subnet ${subnetId} is not in the topology.`);
    const table = subnet.routeTableId ? this.routeTables.get(subnet.routeTableId) : undefined;
    const { dnsEp, thirdParty, publicNameText } = this.vpcService(subnet.vpcId, service);
    const isGatewayService = (GATEWAY_SERVICES as readonly string[]).includes(service);

    if (!isGatewayService && thirdParty && !dnsEp) return this.viaInterfaceEndpoint(subnet, table, service, thirdParty);
    if (!isGatewayService && dnsEp) return this.viaInterfaceEndpoint(subnet, table, service, dnsEp);

    const prefix = isGatewayService ? '' : publicNameText;
    if (!table) {
      return path(subnet, service, 'none', [subnet.id], null, null, `${prefix ? `${prefix} ` : ''}The subnet has no route table: no path.`);
    }
    const key = `${subnet.vpcId}|${table.id}|${service}`;
    let r = this.routedPaths.get(key);
    if (!r) {
      const dest = this.destination(service);
      r = this.followRoute(subnet.vpcId, table, this.matchDestination(table, dest, service), service, dest, prefix);
      this.routedPaths.set(key, r);
    }
    // S3 and DynamoDB also offer interface endpoints; with no gateway route, private DNS sends clients there.
    if (isGatewayService && r.via !== 'gateway-endpoint' && dnsEp) return this.viaInterfaceEndpoint(subnet, table, service, dnsEp);
    return startAt(subnet, service, r);
  }

  private matchDestination(table: RouteTable, dest: Destination, service: string): RouteMatch | null {
    if (dest.kind === 'address') return this.compiled(table).match(dest.address);
    if (dest.kind === 'unlisted-prefix-list') {
      // Without the list's CIDRs, a route to this service's gateway endpoint is taken to cover the
      // service: a prefix list is always more specific than a default route.
      const gw = table.routes.find((r) => {
        if (r.destinationType !== 'prefix-list' || r.targetType !== 'vpce') return false;
        const e = this.endpoints.get(r.target);
        return e?.type === 'Gateway' && e.serviceShortName === service;
      });
      if (gw) return { route: gw, prefixLength: 1, matchedCidr: gw.destination };
    }
    const def = this.compiled(table).defaultRoute;
    return def ? { route: def, prefixLength: 0, matchedCidr: '0.0.0.0/0' } : null;
  }

  private routeText(table: RouteTable, route: Route): string {
    const dest =
      route.destinationType === 'prefix-list'
        ? `${route.destination} (${this.prefixLists.get(route.destination)?.name ?? 'prefix list'})`
        : route.destination;
    return `Route ${dest} in ${this.label(table.id)}`;
  }

  /** Follows the route that matched in a table of the VPC: gateway endpoint, NAT, internet gateway or nowhere. */
  private followRoute(vpcId: string, table: RouteTable, match: RouteMatch | null, service: string, dest: Destination, prefix: string): RoutedPath {
    const lead = prefix ? `${prefix} ` : '';
    if (!match) {
      return routed('none', [table.id], table.id, null, `${lead}${this.label(table.id)} has no route that covers ${title(service)}: no path.`);
    }
    const { route } = match;
    const hops = [table.id];
    const where = this.routeText(table, route);
    if (route.state === 'blackhole' || route.targetType === 'blackhole') {
      return routed('none', hops, table.id, route.destination, `${lead}${where} is a blackhole (its target ${route.target} is gone): traffic is dropped.`);
    }
    switch (route.targetType) {
      case 'vpce': {
        const e = this.endpoints.get(route.target);
        if (e?.type === 'Gateway' && e.serviceShortName === service) {
          const state = e.state === 'available' ? '' : ` (state: ${e.state})`;
          return routed('gateway-endpoint', [...hops, e.id], table.id, route.destination, `${lead}${where} sends ${title(service)} traffic to gateway endpoint ${this.label(e.id)}${state}; no charge.`);
        }
        return routed('none', [...hops, route.target], table.id, route.destination, `${lead}${where} sends the traffic to endpoint ${route.target}, which is not a gateway endpoint for ${title(service)}: no path to the service modelled.`);
      }
      case 'igw': {
        const igw = this.internetGateways.get(route.target)?.[0];
        if (!igw || !igw.vpcIds.includes(vpcId)) {
          return routed('none', [...hops, route.target], table.id, route.destination, `${lead}${where} points at internet gateway ${route.target}, which is not attached to the VPC: no path.`);
        }
        return routed('igw', [...hops, igw.id], table.id, route.destination, `${lead}${where} goes straight to internet gateway ${this.label(igw.id)} (instances need a public IP).`);
      }
      case 'nat':
        return this.followNat(vpcId, table, route, service, dest, lead);
      case 'local':
        return routed('none', hops, table.id, route.destination, `${lead}${where} keeps the traffic inside the VPC: no path to ${title(service)}.`);
      default:
        return routed('none', [...hops, route.target], table.id, route.destination, `${lead}${where} sends the traffic to ${route.target} (${route.targetType}); paths beyond this VPC are not followed.`);
    }
  }

  /**
   * A NAT gateway only reaches the internet when its own subnet's table sends the traffic on to an
   * internet gateway; a private NAT gateway never does.
   */
  private followNat(vpcId: string, table: RouteTable, route: Route, service: string, dest: Destination, lead: string): RoutedPath {
    const hops = [table.id, route.target];
    const where = this.routeText(table, route);
    const nat = this.natGateways.get(route.target);
    if (!nat) return routed('none', hops, table.id, route.destination, `${lead}${where} points at NAT gateway ${route.target}, which does not exist: no path.`);
    const natLabel = `NAT gateway ${this.label(nat.id)}`;
    if (nat.state !== 'available') {
      return routed('none', hops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, which is ${nat.state}: no path.`);
    }
    if (nat.connectivityType === 'private') {
      return routed('none', hops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, a private NAT gateway, which cannot reach the internet: no path.`);
    }
    const natSubnet = this.subnets.get(nat.subnetId);
    const natTable = natSubnet?.routeTableId ? this.routeTables.get(natSubnet.routeTableId) : undefined;
    if (!natSubnet || !natTable) {
      return routed('none', hops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, whose subnet ${nat.subnetId} has no route table in the data: no path.`);
    }
    const natHops = [...hops, natSubnet.id, natTable.id];
    const onward = this.matchDestination(natTable, dest, service)?.route;
    if (onward && onward.state !== 'blackhole' && onward.targetType === 'igw') {
      const igw = this.internetGateways.get(onward.target)?.find((g) => g.vpcIds.includes(vpcId));
      if (igw) {
        return routed('nat', [...natHops, igw.id], table.id, route.destination, `${lead}${where} goes to ${natLabel}, then internet gateway ${this.label(igw.id)}; NAT processing is billed per GB.`);
      }
    }
    if (onward && onward.state !== 'blackhole' && onward.targetType === 'vpce') {
      const e = this.endpoints.get(onward.target);
      if (e?.type === 'Gateway' && e.serviceShortName === service) {
        return routed('nat', [...natHops, e.id], table.id, route.destination, `${lead}${where} goes to ${natLabel}, whose subnet's table sends it on to gateway endpoint ${this.label(e.id)}; NAT processing is billed per GB.`);
      }
    }
    return routed('none', natHops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, but its subnet's table ${this.label(natTable.id)} has no route to an internet gateway for it: no path.`);
  }

  /** The endpoint's ENIs with their AZs (from the ENI list, else from the endpoint's subnets), sorted by AZ. */
  private placements(e: Endpoint): Placement[] {
    const enis = this.enisByEndpoint.get(e.id) ?? [];
    const places: Placement[] = enis.length
      ? enis.map((n) => ({ eniId: n.id, subnetId: n.subnetId, az: n.az || this.subnets.get(n.subnetId)?.az || '', address: n.privateIp ? ipv4ToInt(n.privateIp) : null }))
      : e.subnetIds.map((s) => ({ eniId: null, subnetId: s, az: this.subnets.get(s)?.az ?? '', address: null }));
    return places.sort((a, b) => (a.az < b.az ? -1 : a.az > b.az ? 1 : 0));
  }

  /** The path to an interface endpoint from a subnet in one AZ, but for the subnet and its table. */
  private interfacePath(e: Endpoint, service: string, az: string): InterfacePath {
    const ofEndpoint = innerMap(this.interfacePaths, e);
    let p = ofEndpoint.get(az);
    if (!p) {
      const places = this.placements(e);
      const same = places.find((x) => x.az === az);
      const chosen = same ?? places[0];
      const dns = isAwsServiceName(e.serviceName) ? `Private DNS of ${this.label(e.id)} answers for ${serviceHostname(service, this.topology.region)}` : `Clients use the DNS names of ${this.label(e.id)}`;
      if (!chosen) p = { chosen, via: 'none', detail: `${this.label(e.id)} has no network interfaces in any subnet: no path.` };
      else if (same) p = { chosen, via: 'interface-endpoint', detail: `${dns}, with a network interface in ${az}.` };
      else {
        const azs = [...new Set(places.map((x) => x.az))].join(', ');
        p = { chosen, via: 'interface-endpoint-cross-az', detail: `${dns}, but it has no network interface in ${az} (only ${azs}): traffic crosses Availability Zones.` };
      }
      ofEndpoint.set(az, p);
    }
    return p;
  }

  private viaInterfaceEndpoint(subnet: Subnet, table: RouteTable | undefined, service: string, e: Endpoint): SubnetPath {
    const { chosen, via, detail } = this.interfacePath(e, service, subnet.az);
    if (!chosen) return path(subnet, service, via, [subnet.id, e.id], table?.id ?? null, null, detail);
    const local = table && chosen.address !== null ? this.compiled(table).match(chosen.address) : null;
    return path(subnet, service, via, [subnet.id, chosen.eniId ?? chosen.subnetId, e.id], table?.id ?? null, local?.route.destination ?? null, detail);
  }
}

/** How one subnet reaches one service. */
export function resolvePath(topology: Topology, subnetId: string, service: string): SubnetPath {
  return new PathResolver(topology).resolve(subnetId, service);
}

export interface ResolvePathsOptions {
  /** Only this VPC's subnets. */
  vpcId?: string;
  /** Only these services (default: `servicesOfInterest` of each subnet's VPC). */
  services?: string[];
}

/** Every subnet's path to every service of interest, subnet by subnet in topology order. */
export function resolvePaths(topology: Topology, options: ResolvePathsOptions = {}): SubnetPath[] {
  const resolver = new PathResolver(topology);
  const servicesByVpc = new Map<string, string[]>();
  const out: SubnetPath[] = [];
  for (const s of topology.subnets) {
    if (options.vpcId && s.vpcId !== options.vpcId) continue;
    let services = options.services ?? servicesByVpc.get(s.vpcId);
    if (!services) {
      services = servicesOfInterest(topology, s.vpcId);
      servicesByVpc.set(s.vpcId, services);
    }
    for (const service of services) out.push(resolver.resolve(s.id, service));
  }
  return out;
}

/** The endpoint a path ends at, when it ends at one. */
export function pathEndpointId(p: SubnetPath): string | null {
  const last = p.hops[p.hops.length - 1];
  return last?.startsWith('vpce-') ? last : null;
}
