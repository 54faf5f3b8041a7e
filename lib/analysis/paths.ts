import { ipv4ToInt, parseIpv4Cidr, type Ipv4Cidr } from '@/lib/net/cidr';
import type { Endpoint, InternetGateway, NatGateway, NetworkInterface, PrefixList, RouteTable, Subnet, Topology, Vpc } from '@/lib/topology/types';
import { followRoute, matchDestination, visitKey, type Destination, type PathLookups, type PathVia, type RoutedPath } from './follow-route';
import { innerMap, pushTo } from './group';
import { CompiledRouteTable, type RouteMatch } from './route-match';
import { GATEWAY_SERVICES, isAwsServiceName, isGatewayService, isIpv6Only, resolveServiceDns, serviceHostname, type ServiceDns } from './service-dns';

/**
 * Where a subnet's traffic to an AWS service goes, resolved the way AWS resolves it:
 * DNS first (an interface endpoint with private DNS answers for the service's public name), then the
 * subnet's effective route table by longest prefix match, with prefix lists expanded to their CIDRs,
 * and on through NAT gateways and inspection hops to where the traffic leaves the VPC.
 */

export type { PathVia } from './follow-route';
export { GATEWAY_SERVICES, serviceHostname } from './service-dns';
export { longestPrefixMatch, type RouteMatch } from './route-match';

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
  /** After a NAT gateway or an inspection hop: where the traffic goes next. */
  onward?: PathVia;
}

/** Services every private workload tends to call; checked even when the VPC has no endpoint for them. */
export const COMMON_INTERFACE_SERVICES = ['sts', 'ecr.api', 'ecr.dkr', 'logs', 'ssm', 'secretsmanager', 'kms'] as const;

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

function path(subnet: Subnet, service: string, r: Omit<SubnetPath, 'subnetId' | 'service'>): SubnetPath {
  const { via, hops, routeTableId, routeDestination, detail, onward } = r;
  return onward ? { subnetId: subnet.id, service, via, hops, routeTableId, routeDestination, detail, onward } : { subnetId: subnet.id, service, via, hops, routeTableId, routeDestination, detail };
}

/** A routed path, started at the subnet. */
export function startAt(subnet: Subnet, service: string, r: RoutedPath): SubnetPath {
  return path(subnet, service, { ...r, hops: [subnet.id, ...r.hops] });
}

/** Where an interface endpoint has a network interface. */
export interface Placement {
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
export interface InterfacePath {
  chosen: Placement | undefined;
  via: PathVia;
  detail: string;
}

/**
 * Whether a subnet's zone can hold an interface endpoint's network interface: a Region's Availability Zone, not a
 * Local Zone, a Wavelength Zone or an Outpost (its `zoneType`, from DescribeAvailabilityZones' ZoneType or its
 * OutpostArn). Interface endpoints live in a Region's Availability Zones, and the AvailabilityZones that
 * DescribeVpcEndpointServices lists for a service are such zones only.
 */
export function zoneCanHoldEndpoint(subnet: Pick<Subnet, 'zoneType'>): boolean {
  return subnet.zoneType === 'availability-zone';
}

/** The endpoint's placements sorted by AZ, and the path from a subnet in `from.az` to it. */
export function interfacePathFrom(
  places: Placement[],
  e: Endpoint,
  service: string,
  from: Pick<Subnet, 'az' | 'zoneType'>,
  region: string,
  label: (id: string) => string,
  ipv6Only: boolean,
): InterfacePath {
  const { az } = from;
  const sorted = [...places].sort((a, b) => (a.az < b.az ? -1 : a.az > b.az ? 1 : 0));
  const same = sorted.find((x) => x.az === az);
  const chosen = same ?? sorted[0];
  const dns = isAwsServiceName(e.serviceName) ? `Private DNS of ${label(e.id)} answers for ${serviceHostname(service, region)}` : `Clients use the DNS names of ${label(e.id)}`;
  const v6 = ipv6Only ? ` over IPv6 (the endpoint is ${e.ipAddressType})` : '';
  if (!chosen) return { chosen, via: 'none', detail: `${label(e.id)} has no network interfaces in any subnet: no path.` };
  if (same) return { chosen, via: 'interface-endpoint', detail: `${dns}${v6}, with a network interface in ${az}.` };
  const azs = [...new Set(sorted.map((x) => x.az))].join(', ');
  if (!zoneCanHoldEndpoint(from)) {
    // Nothing to fix here: the AZ coverage finding leaves these subnets out.
    const zone = from.zoneType === 'outpost' ? 'the subnet is on an Outpost' : `${az} is a ${from.zoneType === 'local-zone' ? 'Local Zone' : from.zoneType === 'wavelength-zone' ? 'Wavelength Zone' : `${from.zoneType} zone`}`;
    return { chosen, via: 'interface-endpoint-cross-az', detail: `${dns}${v6}; ${zone}, which cannot hold an interface endpoint, so traffic goes to its network interface in ${chosen.az}.` };
  }
  return { chosen, via: 'interface-endpoint-cross-az', detail: `${dns}${v6}, but it has no network interface in ${az} (only ${azs}): traffic crosses Availability Zones.` };
}

/** The path from a subnet to an interface endpoint, given the path from its AZ. */
export function interfaceSubnetPath(subnet: Subnet, table: RouteTable | undefined, service: string, e: Endpoint, p: InterfacePath, local: (address: number) => RouteMatch | null): SubnetPath {
  const { chosen, via, detail } = p;
  if (!chosen) return path(subnet, service, { via, hops: [subnet.id, e.id], routeTableId: table?.id ?? null, routeDestination: null, detail });
  const m = table && chosen.address !== null && !isIpv6Only(subnet) ? local(chosen.address) : null;
  return path(subnet, service, { via, hops: [subnet.id, chosen.eniId ?? chosen.subnetId, e.id], routeTableId: table?.id ?? null, routeDestination: m?.route.destination ?? null, detail });
}

/** The destination an IPv4 client routes to: for S3 and DynamoDB, the first address of their AWS-managed prefix list here. */
export function ipv4Destination(topology: Topology, service: string): Destination {
  if (!isGatewayService(service)) return { kind: 'default' };
  const exact = `com.amazonaws.${topology.region}.${service}`;
  const pl = topology.prefixLists.find((p) => p.name === exact) ?? topology.prefixLists.find((p) => p.serviceShortName === service);
  const first = pl?.cidrs.map((c) => parseIpv4Cidr(c)).find((c) => c !== null);
  return first ? { kind: 'address', address: first.base } : { kind: 'unlisted-prefix-list' };
}

/** The ENIs of each endpoint (its own list, or the ENI's endpoint id). */
export function enisByEndpoint(topology: Topology): Map<string, NetworkInterface[]> {
  const out = new Map<string, NetworkInterface[]>();
  const endpointOfEni = new Map<string, string>();
  for (const e of topology.endpoints) for (const n of e.networkInterfaceIds) endpointOfEni.set(n, e.id);
  for (const n of topology.networkInterfaces) {
    const ep = n.endpointId ?? endpointOfEni.get(n.id);
    if (ep) pushTo(out, ep, n);
  }
  return out;
}

/** Display names by id (the id when a resource has none). */
export function namesOf(topology: Topology): Map<string, string> {
  const names = new Map<string, string>();
  for (const xs of [topology.vpcs, topology.subnets, topology.routeTables, topology.endpoints, topology.natGateways, topology.internetGateways, topology.egressOnlyInternetGateways, topology.carrierGateways]) {
    for (const x of xs) if (x.name && x.name !== x.id) names.set(x.id, x.name);
  }
  return names;
}

const byFirstId = <T extends { id: string }>(xs: T[]) => {
  const m = new Map<string, T>();
  for (const x of xs) if (!m.has(x.id)) m.set(x.id, x);
  return m;
};

/**
 * Resolves paths for one topology. Everything that does not depend on the subnet is computed once and
 * kept: lookups by id, the route tables compiled, each VPC's DNS answer per service, each endpoint's
 * placements, and the routed path per (VPC, route table, service, address family). Only the subnet's
 * own parts (its id as the first hop; for an interface endpoint, whether it has a network interface in
 * the subnet's AZ) are worked out per subnet.
 */
class PathResolver implements PathLookups {
  private readonly subnets: Map<string, Subnet>;
  private readonly routeTables: Map<string, RouteTable>;
  private readonly endpoints: Map<string, Endpoint>;
  private readonly prefixLists: Map<string, PrefixList>;
  private readonly names: Map<string, string>;
  private readonly enis: Map<string, NetworkInterface[]>;
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
  private readonly ipv4Dests = new Map<string, Destination>();
  private readonly dnsAnswers = new Map<string, Map<string, ServiceDns>>();
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
    for (const e of topology.endpoints) if (e.type === 'Interface') pushTo(this.interfaceEndpoints, `${e.vpcId}|${e.serviceShortName}`, e);
    this.enis = enisByEndpoint(topology);
    this.names = namesOf(topology);
  }

  // PathLookups, for the routing stage.
  subnet = (id: string) => this.subnets.get(id);
  routeTable = (id: string) => this.routeTables.get(id);
  endpoint = (id: string) => this.endpoints.get(id);
  natGateway = (id: string) => this.natGateways.get(id);
  attachedInternetGateway = (id: string, vpcId: string) => this.internetGateways.get(id)?.find((g) => g.vpcIds.includes(vpcId));
  prefixListName = (id: string) => this.prefixLists.get(id)?.name;
  label = (id: string) => this.names.get(id) ?? id;
  matchAddress = (table: RouteTable, address: number) => this.compiled(table).match(address);

  compiled(table: RouteTable): CompiledRouteTable {
    let c = this.compiledTables.get(table);
    if (!c) {
      c = new CompiledRouteTable(table, this.prefixLists, this.parseCidr);
      this.compiledTables.set(table, c);
    }
    return c;
  }

  private ipv4Dest(service: string): Destination {
    let d = this.ipv4Dests.get(service);
    if (!d) {
      d = ipv4Destination(this.topology, service);
      this.ipv4Dests.set(service, d);
    }
    return d;
  }

  /** How clients of a VPC resolve a service: the same for every subnet of one address family and DNS64 setting. */
  private dns(subnet: Subnet, service: string): ServiceDns {
    const ipv6Only = isIpv6Only(subnet);
    const dns64 = ipv6Only && subnet.enableDns64 === true;
    const ofVpc = innerMap(this.dnsAnswers, subnet.vpcId);
    const key = `${service}|${ipv6Only}|${dns64}`;
    let d = ofVpc.get(key);
    if (!d) {
      const interfaceEps = this.interfaceEndpoints.get(`${subnet.vpcId}|${service}`) ?? [];
      d = resolveServiceDns({ vpc: this.vpcs.get(subnet.vpcId), region: this.topology.region, service, interfaceEps, ipv6Only, dns64, ipv4Dest: this.ipv4Dest(service) }, this.label);
      ofVpc.set(key, d);
    }
    return d;
  }

  /** How one subnet reaches one service. */
  resolve(subnetId: string, service: string): SubnetPath {
    const subnet = this.subnets.get(subnetId);
    if (!subnet) throw new Error(`Subnet ${subnetId} is not in the topology.`);
    const table = subnet.routeTableId ? this.routeTables.get(subnet.routeTableId) : undefined;
    const dns = this.dns(subnet, service);
    if (dns.endpoint) return this.viaInterfaceEndpoint(subnet, table, service, dns.endpoint);
    if (dns.noPath) return path(subnet, service, { via: 'none', hops: [subnet.id], routeTableId: table?.id ?? null, routeDestination: null, detail: dns.noPath });
    if (!table) {
      return path(subnet, service, { via: 'none', hops: [subnet.id], routeTableId: null, routeDestination: null, detail: `${dns.lead ? `${dns.lead} ` : ''}The subnet has no route table: no path.` });
    }
    const key = `${subnet.vpcId}|${table.id}|${service}|${dns.dest.kind}`;
    let r = this.routedPaths.get(key);
    if (!r) {
      const walk = { vpcId: subnet.vpcId, service, dest: dns.dest, visited: new Set([visitKey(table, dns.dest)]) };
      r = followRoute(this, walk, table, matchDestination(this, table, dns.dest, service), dns.lead ? `${dns.lead} ` : '');
      this.routedPaths.set(key, r);
    }
    return startAt(subnet, service, r);
  }

  /** The endpoint's ENIs with their AZs (from the ENI list, else from the endpoint's subnets). */
  private placements(e: Endpoint): Placement[] {
    const enis = this.enis.get(e.id) ?? [];
    return enis.length
      ? enis.map((n) => ({ eniId: n.id, subnetId: n.subnetId, az: n.az || this.subnets.get(n.subnetId)?.az || '', address: n.privateIp ? ipv4ToInt(n.privateIp) : null }))
      : e.subnetIds.map((s) => ({ eniId: null, subnetId: s, az: this.subnets.get(s)?.az ?? '', address: null }));
  }

  private viaInterfaceEndpoint(subnet: Subnet, table: RouteTable | undefined, service: string, e: Endpoint): SubnetPath {
    const ipv6Only = isIpv6Only(subnet);
    const ofEndpoint = innerMap(this.interfacePaths, e);
    const key = `${subnet.az}|${subnet.zoneType}|${ipv6Only}`;
    let p = ofEndpoint.get(key);
    if (!p) {
      p = interfacePathFrom(this.placements(e), e, service, subnet, this.topology.region, this.label, ipv6Only);
      ofEndpoint.set(key, p);
    }
    return interfaceSubnetPath(subnet, table, service, e, p, (a) => (table ? this.compiled(table).match(a) : null));
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
