import type { Endpoint, InternetGateway, NatGateway, Route, RouteTable, Subnet } from '@/lib/topology/types';
import type { CompiledRouteTable, RouteMatch } from './route-match';
import { serviceLabel } from '@/lib/aws/services';

/**
 * The routing stage of a path: from the route that matched in a table of the VPC to where the packet
 * goes, hop by hop. It follows a NAT gateway through its own table (a zonal one's subnet table, a
 * regional one's `RouteTableId`) and a Gateway Load Balancer endpoint through its subnet's table, the
 * way AWS forwards the inspected traffic; it stops where the traffic leaves the VPC (transit gateway,
 * Cloud WAN, peering, VPN gateway, local or carrier gateway, an appliance) and says so.
 * Both resolvers (the fast one and the test oracle) route through here, each with its own lookups.
 */

export type PathVia =
  | 'gateway-endpoint'
  | 'interface-endpoint'
  | 'interface-endpoint-cross-az'
  | 'nat'
  | 'igw'
  | 'egress-only-igw'
  | 'transit-gateway'
  | 'core-network'
  | 'peering'
  | 'vpn-gateway'
  | 'local-gateway'
  | 'carrier-gateway'
  | 'appliance'
  | 'gwlb-inspection'
  | 'unrecognised-target'
  | 'none';

/**
 * What to route: an IPv4 address of the service (S3, DynamoDB: from their prefix list), a gateway
 * service whose prefix-list CIDRs the data lacks, the IPv4 default route (a public name with no list),
 * the IPv6 default route (a dual-stack name from an IPv6-only subnet), or a DNS64-synthesized address.
 */
export type Destination =
  | { kind: 'address'; address: number }
  | { kind: 'unlisted-prefix-list' }
  | { kind: 'default' }
  | { kind: 'ipv6' }
  | { kind: 'nat64'; /** What the NAT gateway sends on after translating to IPv4. */ ipv4: Destination };

/** What the routing stage reads from a topology; each resolver answers from its own indexes. */
export interface PathLookups {
  subnet(id: string): Subnet | undefined;
  routeTable(id: string): RouteTable | undefined;
  endpoint(id: string): Endpoint | undefined;
  natGateway(id: string): NatGateway | undefined;
  /** The internet gateway of that id attached to the VPC, if any. */
  attachedInternetGateway(id: string, vpcId: string): InternetGateway | undefined;
  prefixListName(id: string): string | undefined;
  compiled(table: RouteTable): CompiledRouteTable;
  /** Longest prefix match of an IPv4 address. */
  matchAddress(table: RouteTable, address: number): RouteMatch | null;
  /** The name, or the id when the resource has none. */
  label(id: string): string;
}

/** A path through a route table, without the subnet it starts from. */
export interface RoutedPath {
  via: PathVia;
  /** The hops after the subnet, starting with the table. */
  hops: string[];
  routeTableId: string;
  routeDestination: string | null;
  detail: string;
  /** For a path through a NAT gateway or an inspection hop: the kind of the next hop after it. */
  onward?: PathVia;
}

function routed(via: PathVia, hops: string[], routeTableId: string, routeDestination: string | null, detail: string, onward?: PathVia): RoutedPath {
  return onward ? { via, hops, routeTableId, routeDestination, detail, onward } : { via, hops, routeTableId, routeDestination, detail };
}

export const serviceTitle = serviceLabel;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Route targets that take the traffic out of the VPC, with the words for them. */
const LEAVING: Partial<Record<Route['targetType'], { via: PathVia; words: string }>> = {
  tgw: { via: 'transit-gateway', words: 'transit gateway' },
  'core-network': { via: 'core-network', words: 'Cloud WAN core network' },
  pcx: { via: 'peering', words: 'VPC peering connection' },
  vgw: { via: 'vpn-gateway', words: 'virtual private gateway' },
  lgw: { via: 'local-gateway', words: 'Outposts local gateway' },
  cagw: { via: 'carrier-gateway', words: 'Wavelength carrier gateway' },
};

/** Whether a gateway endpoint carries IPv6 (AWS: gateway endpoints with `IpAddressType` dualstack). */
const carriesIpv6 = (e: Endpoint) => e.ipAddressType === 'dualstack' || e.ipAddressType === 'ipv6';

/** The route in `table` for the destination: longest prefix match, or the default route for a public name. */
export function matchDestination(lk: PathLookups, table: RouteTable, dest: Destination, service: string): RouteMatch | null {
  if (dest.kind === 'address') return lk.matchAddress(table, dest.address);
  const gatewayRoute = (ipv6: boolean) => {
    // Without the list's CIDRs, a route to this service's gateway endpoint is taken to cover the
    // service: a prefix list is always more specific than a default route.
    const gw = table.routes.find((r) => {
      if (r.destinationType !== 'prefix-list' || r.targetType !== 'vpce') return false;
      const e = lk.endpoint(r.target);
      return e?.type === 'Gateway' && e.serviceShortName === service && (!ipv6 || carriesIpv6(e));
    });
    return gw ? { route: gw, prefixLength: 1, matchedCidr: gw.destination } : null;
  };
  if (dest.kind === 'unlisted-prefix-list') return gatewayRoute(false) ?? lk.compiled(table).defaultRoute();
  if (dest.kind === 'default') return lk.compiled(table).defaultRoute();
  if (dest.kind === 'ipv6') return gatewayRoute(true) ?? lk.compiled(table).defaultRoute6();
  return gatewayRoute(true) ?? lk.compiled(table).nat64Route();
}

function routeText(lk: PathLookups, table: RouteTable, route: Route): string {
  const dest = route.destinationType === 'prefix-list' ? `${route.destination} (${lk.prefixListName(route.destination) ?? 'prefix list'})` : route.destination;
  return `Route ${dest} in ${lk.label(table.id)}`;
}

/**
 * The state of a walk through tables: the VPC, the service, what is routed, and the (table, destination)
 * pairs already passed: meeting one again is a routing loop (a NAT64 translation changes the destination,
 * so the same table may be met again with IPv4).
 */
export interface Walk {
  vpcId: string;
  service: string;
  dest: Destination;
  visited: ReadonlySet<string>;
}

/** What a walk remembers of a table it passed. */
export const visitKey = (table: RouteTable, dest: Destination) => `${table.id}|${dest.kind}`;

/** Follows the route that matched in a table of the VPC. `lead` opens the detail (why the name resolved as it did). */
export function followRoute(lk: PathLookups, w: Walk, table: RouteTable, match: RouteMatch | null, lead: string): RoutedPath {
  const { service } = w;
  if (!match) {
    return routed('none', [table.id], table.id, null, `${lead}${lk.label(table.id)} has no route that covers ${serviceTitle(service)}: no path.`);
  }
  const { route } = match;
  const hops = [table.id];
  const where = routeText(lk, table, route);
  const out = (via: PathVia, more: string[], text: string, onward?: PathVia) => routed(via, [...hops, ...more], table.id, route.destination, `${lead}${where} ${text}`, onward);
  if (route.state === 'blackhole' || route.targetType === 'blackhole') {
    return out('none', [], `is a blackhole (its target ${route.target} is gone): traffic is dropped.`);
  }
  const leaving = LEAVING[route.targetType];
  if (leaving) {
    // A Cloud WAN target is an ARN (arn:aws:networkmanager::<account>:core-network/core-network-<id>): its last part names it.
    const name = route.targetType === 'core-network' ? (route.target.split('/').pop() ?? route.target) : lk.label(route.target);
    return out(leaving.via, [route.target], `sends the traffic to ${leaving.words} ${name}: it leaves the VPC there, and where it goes next is outside this view.`);
  }
  switch (route.targetType) {
    case 'vpce': {
      const e = lk.endpoint(route.target);
      if (e?.type === 'Gateway' && e.serviceShortName === service) {
        const state = e.state === 'available' ? '' : ` (state: ${e.state})`;
        return out('gateway-endpoint', [e.id], `sends ${serviceTitle(service)} traffic to gateway endpoint ${lk.label(e.id)}${state}; no charge.`);
      }
      if (e?.type === 'GatewayLoadBalancer') return followInspection(lk, w, table, route, e, lead);
      return out('none', [route.target], `sends the traffic to endpoint ${route.target}, which is not a gateway endpoint for ${serviceTitle(service)}: no path to the service modelled.`);
    }
    case 'igw': {
      const igw = lk.attachedInternetGateway(route.target, w.vpcId);
      if (!igw) return out('none', [route.target], `points at internet gateway ${route.target}, which is not attached to the VPC: no path.`);
      if (w.dest.kind === 'nat64') return out('none', [igw.id], `sends the DNS64 address (64:ff9b::/96) to internet gateway ${lk.label(igw.id)}, which does not translate it: no path.`);
      return out('igw', [igw.id], `goes straight to internet gateway ${lk.label(igw.id)} (instances need a public IP).`);
    }
    case 'eigw':
      if (w.dest.kind === 'nat64') return out('none', [route.target], `sends the DNS64 address (64:ff9b::/96) to egress-only internet gateway ${lk.label(route.target)}, which does not translate it: no path.`);
      return out('egress-only-igw', [route.target], `goes out through egress-only internet gateway ${lk.label(route.target)} (IPv6, outbound only).`);
    case 'nat':
      return followNat(lk, w, table, route, lead);
    case 'instance':
    case 'eni':
      return out(
        'appliance',
        [route.target],
        `sends the traffic to ${route.targetType === 'instance' ? 'instance' : 'network interface'} ${lk.label(route.target)}, an appliance (a NAT instance or a firewall): where it sends the traffic next is up to it and outside this view.`,
      );
    case 'local':
      return out('none', [], `keeps the traffic inside the VPC: no path to ${serviceTitle(service)}.`);
    default: {
      // A target type this app does not know (an ODB network, a Route Server next hop, one AWS added later): the
      // route carries the traffic, so it is not "no path"; normalize says the same in the VPC's data warnings.
      const name = route.target === 'unknown' ? 'a target with no id' : route.target;
      return out('unrecognised-target', [route.target], `leaves through ${name} (unrecognised target type): where it goes next is outside this view.`);
    }
  }
}

/** The onward walk from another table of the VPC (a NAT gateway's or an inspection endpoint's), or null on a loop. */
function walkOn(lk: PathLookups, w: Walk, next: RouteTable, dest: Destination): { walk: Walk; path: RoutedPath } | null {
  const key = visitKey(next, dest);
  if (w.visited.has(key)) return null;
  const walk: Walk = { ...w, dest, visited: new Set([...w.visited, key]) };
  return { walk, path: followRoute(lk, walk, next, matchDestination(lk, next, dest, w.service), '') };
}

/**
 * A NAT gateway sends what it translated on through its own table: a zonal one through its subnet's,
 * a regional one (`AvailabilityMode: regional`, no subnet) through its `RouteTableId`. A public NAT
 * gateway reaches the internet through an internet gateway there; a private one never does (AWS: it
 * "cannot be used to reach the internet"), but can go on to a transit or virtual private gateway.
 * Both translate IPv6 from DNS64 (64:ff9b::/96) to IPv4 (NAT64).
 */
function followNat(lk: PathLookups, w: Walk, table: RouteTable, route: Route, lead: string): RoutedPath {
  const hops = [table.id, route.target];
  const where = routeText(lk, table, route);
  const none = (more: string[], text: string) => routed('none', [...hops, ...more], table.id, route.destination, `${lead}${where} ${text}`);
  const nat = lk.natGateway(route.target);
  if (!nat) return none([], `points at NAT gateway ${route.target}, which does not exist: no path.`);
  const natLabel = `${nat.availabilityMode === 'regional' ? 'regional ' : ''}NAT gateway ${lk.label(nat.id)}`;
  if (nat.state !== 'available') return none([], `goes to ${natLabel}, which is ${nat.state}: no path.`);
  const isPrivate = nat.connectivityType === 'private';
  const nat64 = w.dest.kind === 'nat64' ? ' (NAT64: DNS64 gave the IPv4-only name a 64:ff9b::/96 address)' : '';
  const regional = nat.availabilityMode === 'regional';
  const natSubnet = regional ? undefined : lk.subnet(nat.subnetId);
  const natTableId = regional ? (nat.routeTableId ?? null) : (natSubnet?.routeTableId ?? null);
  const natTable = natTableId ? lk.routeTable(natTableId) : undefined;
  if (!natTable) {
    return none([], regional ? `goes to ${natLabel}, whose route table ${nat.routeTableId ? `${nat.routeTableId} ` : ''}is not in the data: no path.` : `goes to ${natLabel}, whose subnet ${nat.subnetId} has no route table in the data: no path.`);
  }
  const natHops = [...hops, ...(natSubnet ? [natSubnet.id] : []), natTable.id];
  const onwardDest = w.dest.kind === 'nat64' ? w.dest.ipv4 : w.dest;
  const next = walkOn(lk, w, natTable, onwardDest);
  const nextTable = `${natSubnet ? 'its subnet’s table' : 'its route table'} ${lk.label(natTable.id)}`;
  if (!next) return routed('none', natHops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, and ${nextTable} sends it back where it came from (a routing loop): no path.`);
  const on = next.path;
  const onHops = [...natHops, ...on.hops.slice(1)];
  if (isPrivate && (on.via === 'igw' || on.via === 'egress-only-igw' || on.via === 'none')) {
    return none([], `goes to ${natLabel}, a private NAT gateway, which cannot reach the internet: no path.`);
  }
  if (on.via === 'igw' || on.via === 'egress-only-igw') {
    return routed('nat', onHops, table.id, route.destination, `${lead}${where} goes to ${natLabel}${nat64}, then internet gateway ${lk.label(on.hops[on.hops.length - 1]!)}; NAT processing is billed per GB.`, on.via);
  }
  if (on.via === 'gateway-endpoint') {
    return routed('nat', onHops, table.id, route.destination, `${lead}${where} goes to ${natLabel}${nat64}, whose subnet's table sends it on to gateway endpoint ${lk.label(on.hops[on.hops.length - 1]!)}; NAT processing is billed per GB.`, on.via);
  }
  if (on.via === 'none') {
    return routed('none', onHops, table.id, route.destination, `${lead}${where} goes to ${natLabel}, but ${nextTable} has no route to an internet gateway for it: no path.`);
  }
  return routed('nat', onHops, table.id, route.destination, `${lead}${where} goes to ${natLabel}${nat64}; after it, ${lowerFirst(on.detail)}`, on.via);
}

/**
 * A Gateway Load Balancer endpoint hands the traffic to the inspection appliances; what they return
 * leaves the endpoint routed by the endpoint subnet's table (AWS: "traffic ... is routed using the
 * route table of the subnet the endpoint is in"), which is followed to where it goes next.
 */
function followInspection(lk: PathLookups, w: Walk, table: RouteTable, route: Route, e: Endpoint, lead: string): RoutedPath {
  const where = routeText(lk, table, route);
  const hops = [table.id, e.id];
  const epLabel = `Gateway Load Balancer endpoint ${lk.label(e.id)}`;
  if (e.state !== 'available') return routed('none', hops, table.id, route.destination, `${lead}${where} goes to ${epLabel}, which is ${e.state}: traffic is dropped.`);
  const epSubnet = e.subnetIds.map((id) => lk.subnet(id)).find((s) => s !== undefined);
  const epTable = epSubnet?.routeTableId ? lk.routeTable(epSubnet.routeTableId) : undefined;
  const inspected = `${lead}${where} sends the traffic to ${epLabel} for inspection`;
  if (!epSubnet || !epTable) {
    return routed('gwlb-inspection', hops, table.id, route.destination, `${inspected}; its subnet's route table is not in the data, so where the inspected traffic goes is unknown.`, 'none');
  }
  const next = walkOn(lk, w, epTable, w.dest);
  const epHops = [...hops, epSubnet.id, epTable.id];
  if (!next) {
    return routed('gwlb-inspection', epHops, table.id, route.destination, `${inspected}; its subnet's table ${lk.label(epTable.id)} sends it back (a routing loop): the inspected traffic goes nowhere.`, 'none');
  }
  const on = next.path;
  return routed('gwlb-inspection', [...epHops, ...on.hops.slice(1)], table.id, route.destination, `${inspected}; after it, ${lowerFirst(on.detail)}`, on.via);
}
