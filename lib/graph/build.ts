/**
 * Topology -> graph: which boxes to draw, what sits inside what, and which arrows join them.
 * Pure and deterministic: every collection is sorted by stable keys before it becomes nodes or edges,
 * so the same topology always yields the same graph (and, through ELK, the same picture).
 */

import { compareCidrs } from '@/lib/net/cidr';
import { endpointLabel } from '@/lib/topology/normalize-endpoints';
import type {
  Endpoint,
  NatGateway,
  NetworkInterface,
  PrefixList,
  Route,
  RouteTable,
  RouteTargetType,
  Subnet,
  Topology,
} from '@/lib/topology/types';
import type {
  AzGraphNode,
  BuildGraphOptions,
  EdgeKind,
  ExternalData,
  Graph,
  GraphEdge,
  GraphNode,
  NodeKind,
} from './types';

/** Plain code-unit order, not locale order: the same in Node, every browser and every worker. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Subnets by VPC, then AZ, then CIDR numerically (10.0.2.0/24 before 10.0.10.0/24), then id. */
export function compareSubnets(a: Subnet, b: Subnet): number {
  return (
    compareText(a.vpcId, b.vpcId) || compareText(a.az, b.az) || compareCidrs(a.cidr, b.cidr) || compareText(a.id, b.id)
  );
}

/** The id of the group box for one AZ of one VPC. */
export function azGroupId(vpcId: string, az: string): string {
  return `${vpcId}/${az}`;
}

const EXTERNAL_LABELS: Partial<Record<RouteTargetType, string>> = {
  pcx: 'Peering connection',
  tgw: 'Transit gateway',
  eigw: 'Egress-only internet gateway',
  cagw: 'Carrier gateway',
  lgw: 'Local gateway',
  'core-network': 'Cloud WAN core network',
  vgw: 'Virtual private gateway',
  eni: 'Network interface',
  instance: 'Instance',
  igw: 'Internet gateway',
  nat: 'NAT gateway',
  vpce: 'VPC endpoint',
};

// Targets that `targetType: 'other'` covers; the id prefix is the only thing that tells them apart.
const OTHER_PREFIX_LABELS: [prefix: string, label: string][] = [
  ['eigw-', 'Egress-only internet gateway'],
  ['lgw-', 'Local gateway'],
  ['cagw-', 'Carrier gateway'],
  ['vpce-', 'VPC endpoint'],
  ['tgw-', 'Transit gateway'],
  ['pcx-', 'Peering connection'],
  ['vgw-', 'Virtual private gateway'],
  ['eni-', 'Network interface'],
  ['i-', 'Instance'],
];

function externalLabel(targetType: RouteTargetType, id: string): string {
  const byType = EXTERNAL_LABELS[targetType];
  if (byType) return byType;
  const byPrefix = OTHER_PREFIX_LABELS.find(([prefix]) => id.startsWith(prefix));
  return byPrefix ? byPrefix[1] : 'Route target';
}

/** `s3 (pl-63a5400a)` for an AWS-managed prefix list; the bare id when the list is unknown. */
export function prefixListLabel(prefixListId: string, prefixLists: ReadonlyMap<string, PrefixList>): string {
  const pl = prefixLists.get(prefixListId);
  const service = pl?.serviceShortName || pl?.name;
  return service ? `${service} (${prefixListId})` : prefixListId;
}

function routeDestinationLabel(route: Route, prefixLists: ReadonlyMap<string, PrefixList>): string {
  return route.destinationType === 'prefix-list' ? prefixListLabel(route.destination, prefixLists) : route.destination;
}

/** First two destinations, then a count, so a table with many routes to one target keeps a short label. */
export function formatDestinations(destinations: readonly string[]): string {
  if (destinations.length <= 2) return destinations.join(', ');
  return `${destinations.slice(0, 2).join(', ')} +${destinations.length - 2}`;
}

/**
 * The zone type of an AZ group other than a Region AZ: a Local or Wavelength Zone its subnets say. An Outpost sits in
 * a Region AZ, so its subnets mark only themselves, unless every subnet of the group is on one.
 */
function zoneTypeOf(subnets: readonly Subnet[]): string | undefined {
  const zone = subnets.map((s) => s.zoneType).find((t) => t !== 'availability-zone' && t !== 'outpost');
  if (zone) return zone;
  return subnets.length > 0 && subnets.every((s) => s.zoneType === 'outpost') ? 'outpost' : undefined;
}

function isBlackhole(route: Route): boolean {
  return route.state === 'blackhole' || route.targetType === 'blackhole';
}

interface EdgeDraft {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  dashed: boolean;
  blackhole: boolean;
  destinations: string[];
  /** Shown when no route carries a destination (a gateway endpoint associated without its route). */
  fallbackLabel?: string;
}

/**
 * Builds the graph of one VPC (or of every VPC in the topology) with the requested filters applied.
 *
 * Groups: VPC > AZ > subnet; NAT gateways and endpoint ENIs sit inside their subnet; route tables,
 * internet gateways and endpoints sit inside the VPC beside the AZs; route targets that are not part of
 * the VPC (peering, transit and virtual private gateways, vanished targets) are top-level nodes.
 * Edges: subnet -> effective route table (dashed when implicit through main), route table -> each
 * non-local route's target (labelled with its destinations, blackholes flagged), route table ->
 * gateway endpoint, interface endpoint -> each of its ENIs.
 */
export function buildGraph(topology: Topology, options: BuildGraphOptions): Graph {
  const vpcs = topology.vpcs
    .filter((v) => options.vpcId === undefined || v.id === options.vpcId)
    .sort((a, b) => compareText(a.id, b.id));
  const vpcIds = new Set(vpcs.map((v) => v.id));
  const inScope = <T extends { vpcId: string }>(item: T) => vpcIds.has(item.vpcId);
  const byId = <T extends { id: string }>(a: T, b: T) => compareText(a.id, b.id);

  const subnets = topology.subnets.filter(inScope).sort(compareSubnets);
  const subnetIds = new Set(subnets.map((s) => s.id));
  const routeTables = topology.routeTables
    .filter(inScope)
    .sort((a, b) => compareText(a.vpcId, b.vpcId) || Number(b.main) - Number(a.main) || compareText(a.id, b.id));
  const endpoints = topology.endpoints.filter(inScope).sort(byId);
  // A deleted NAT gateway is kept in the topology for the routes that still point to it; they end at a "(gone)" target.
  const natGateways = topology.natGateways.filter((n) => inScope(n) && n.state !== 'deleted').sort(byId);
  const prefixLists = new Map(topology.prefixLists.map((pl) => [pl.id, pl]));
  const subnetById = new Map(subnets.map((s) => [s.id, s]));

  // An ENI belongs to an endpoint when the endpoint lists it, or (if the endpoint's list is missing) when the
  // ENI says so; DescribeVpcEndpoints is the authority, DescribeNetworkInterfaces the fallback.
  const eniOwner = new Map<string, Endpoint>();
  for (const ep of endpoints) {
    if (ep.type === 'Gateway') continue;
    for (const eniId of ep.networkInterfaceIds) eniOwner.set(eniId, ep);
  }
  const endpointById = new Map(endpoints.map((e) => [e.id, e]));
  for (const eni of topology.networkInterfaces) {
    if (!eniOwner.has(eni.id) && eni.endpointId) {
      const ep = endpointById.get(eni.endpointId);
      if (ep && ep.type !== 'Gateway') eniOwner.set(eni.id, ep);
    }
  }
  const endpointEnis = topology.networkInterfaces.filter((eni) => inScope(eni) && eniOwner.has(eni.id)).sort(byId);

  const internetGateways = topology.internetGateways
    .map((igw) => ({ igw, vpcId: [...igw.vpcIds].sort(compareText).find((id) => vpcIds.has(id)) }))
    .filter((x): x is { igw: (typeof x)['igw']; vpcId: string } => x.vpcId !== undefined)
    .sort((a, b) => compareText(a.igw.id, b.igw.id));

  const nodes: GraphNode[] = [];
  const natsBySubnet = groupBy(natGateways, (n) => n.subnetId);
  const enisBySubnet = groupBy(endpointEnis, (e) => e.subnetId);

  for (const vpc of vpcs) {
    const vpcEndpoints = endpoints.filter((e) => e.vpcId === vpc.id);
    nodes.push({
      id: vpc.id,
      kind: 'vpc',
      data: {
        name: vpc.name,
        cidrBlocks: [...vpc.cidrBlocks],
        ipv6CidrBlocks: [...vpc.ipv6CidrBlocks],
        isDefault: vpc.isDefault,
        subnetCount: subnets.filter((s) => s.vpcId === vpc.id).length,
        endpointCount: vpcEndpoints.length,
      },
    });

    const vpcSubnets = subnets.filter((s) => s.vpcId === vpc.id);
    const azs = [...new Set(vpcSubnets.map((s) => s.az))].sort(compareText);
    for (const az of azs) {
      const azSubnets = vpcSubnets.filter((s) => s.az === az);
      nodes.push({
        id: azGroupId(vpc.id, az),
        kind: 'az',
        parentId: vpc.id,
        data: {
          vpcId: vpc.id,
          az,
          azId: azSubnets.find((s) => s.azId)?.azId ?? null,
          subnetCount: 0,
          publicSubnetCount: 0,
          natGatewayCount: 0,
          endpointEniCount: 0,
          ...(zoneTypeOf(azSubnets) ? { zoneType: zoneTypeOf(azSubnets) } : {}),
        },
      });
      for (const subnet of azSubnets) {
        nodes.push({
          id: subnet.id,
          kind: 'subnet',
          parentId: azGroupId(vpc.id, az),
          data: {
            name: subnet.name,
            cidr: subnet.cidr,
            az: subnet.az,
            public: subnet.public,
            availableIps: subnet.availableIps,
            ...(subnet.ipv6Cidrs.length ? { ipv6Cidrs: [...subnet.ipv6Cidrs] } : {}),
            ...(subnet.ipv6Native ? { ipv6Native: true } : {}),
            ...(subnet.zoneType !== 'availability-zone' ? { zoneType: subnet.zoneType } : {}),
            routeTableId: subnet.routeTableId,
            explicitRouteTable: subnet.explicitRouteTable,
          },
        });
        for (const nat of natsBySubnet.get(subnet.id) ?? []) nodes.push(natNode(nat, subnet.id));
        for (const eni of enisBySubnet.get(subnet.id) ?? []) nodes.push(eniNode(eni, subnet.id, eniOwner.get(eni.id)));
      }
    }
    // NAT gateways and ENIs whose subnet is not in the topology still belong to the VPC.
    for (const nat of natGateways) {
      if (nat.vpcId === vpc.id && !subnetIds.has(nat.subnetId)) nodes.push(natNode(nat, vpc.id));
    }
    for (const eni of endpointEnis) {
      if (eni.vpcId === vpc.id && !subnetIds.has(eni.subnetId)) nodes.push(eniNode(eni, vpc.id, eniOwner.get(eni.id)));
    }

    for (const rt of routeTables) {
      if (rt.vpcId !== vpc.id) continue;
      nodes.push({
        id: rt.id,
        kind: 'routeTable',
        parentId: vpc.id,
        data: {
          name: rt.name,
          main: rt.main,
          routeCount: rt.routes.length,
          subnetCount: rt.effectiveSubnetIds.length,
          blackholeCount: rt.routes.filter(isBlackhole).length,
        },
      });
    }
    for (const { igw, vpcId } of internetGateways) {
      if (vpcId === vpc.id) nodes.push({ id: igw.id, kind: 'internetGateway', parentId: vpc.id, data: { name: igw.name } });
    }
    for (const ep of vpcEndpoints) {
      if (ep.type === 'Gateway') {
        nodes.push({
          id: ep.id,
          kind: 'gatewayEndpoint',
          parentId: vpc.id,
          data: {
            name: ep.name,
            service: ep.serviceShortName,
            serviceName: ep.serviceName,
            state: ep.state,
            routeTableCount: ep.routeTableIds.length,
          },
        });
      }
    }
    for (const ep of vpcEndpoints) {
      if (ep.type !== 'Gateway') {
        const azsCovered = new Set<string>();
        for (const sid of ep.subnetIds) {
          const az = subnetById.get(sid)?.az;
          if (az) azsCovered.add(az);
        }
        nodes.push({
          id: ep.id,
          kind: 'interfaceEndpoint',
          parentId: vpc.id,
          data: {
            name: ep.name,
            label: endpointLabel(ep),
            service: ep.serviceShortName,
            serviceName: ep.serviceName || ep.serviceNetworkArn || ep.resourceConfigurationArn || '',
            endpointType: ep.type,
            azs: [...azsCovered].sort(compareText),
            privateDnsEnabled: ep.privateDnsEnabled,
            state: ep.state,
            eniCount: endpointEnis.filter((eni) => eniOwner.get(eni.id) === ep).length,
          },
        });
      }
    }
  }

  const nodeIds = new Set(nodes.map((n) => n.id));
  const knownTargets = new Set<string>([
    ...topology.internetGateways.map((g) => g.id),
    ...topology.natGateways.map((g) => g.id),
    ...topology.endpoints.map((e) => e.id),
  ]);
  const externals = new Map<string, ExternalData>();
  const edges = new Map<string, EdgeDraft>();
  const addEdge = (draft: Omit<EdgeDraft, 'destinations'>, destination?: string) => {
    const existing = edges.get(draft.id);
    const edge = existing ?? { ...draft, destinations: [] };
    if (destination !== undefined && !edge.destinations.includes(destination)) edge.destinations.push(destination);
    if (!existing) edges.set(draft.id, edge);
  };

  for (const subnet of subnets) {
    if (subnet.routeTableId && nodeIds.has(subnet.routeTableId)) {
      addEdge({
        id: `${subnet.id}->${subnet.routeTableId}`,
        source: subnet.id,
        target: subnet.routeTableId,
        kind: 'association',
        dashed: !subnet.explicitRouteTable,
        blackhole: false,
      });
    }
  }

  for (const rt of routeTables) {
    for (const route of sortedRoutes(rt)) {
      // `local` routes only say the VPC reaches itself; drawing them adds an edge per table and no information.
      if (route.targetType === 'local') continue;
      const blackhole = isBlackhole(route);
      const targetId = route.target && nodeIds.has(route.target) ? route.target : externalTargetId(route, rt);
      if (!nodeIds.has(targetId) && !externals.has(targetId)) {
        externals.set(targetId, {
          targetType: route.targetType,
          label: externalLabel(route.targetType, route.target),
          missing:
            blackhole ||
            ((route.targetType === 'igw' || route.targetType === 'nat' || route.targetType === 'vpce') &&
              !knownTargets.has(route.target)),
        });
      }
      addEdge(
        {
          id: `${rt.id}->${targetId}${blackhole ? '!blackhole' : ''}`,
          source: rt.id,
          target: targetId,
          kind: 'route',
          dashed: false,
          blackhole,
        },
        routeDestinationLabel(route, prefixLists),
      );
    }
  }

  // The route to the prefix list *is* the association, so it shares the route edge's id; a table listed on the
  // endpoint without that route (a half-made association) still gets an edge, labelled with the service.
  for (const ep of endpoints) {
    if (ep.type !== 'Gateway') continue;
    const pl = topology.prefixLists.find((p) => p.serviceShortName === ep.serviceShortName);
    for (const rtId of [...ep.routeTableIds].sort(compareText)) {
      if (!nodeIds.has(rtId)) continue;
      addEdge({
        id: `${rtId}->${ep.id}`,
        source: rtId,
        target: ep.id,
        kind: 'route',
        dashed: false,
        blackhole: false,
        fallbackLabel: pl ? prefixListLabel(pl.id, prefixLists) : ep.serviceShortName,
      });
    }
  }

  for (const eni of endpointEnis) {
    const ep = eniOwner.get(eni.id);
    if (!ep) continue;
    addEdge({
      id: `${ep.id}->${eni.id}`,
      source: ep.id,
      target: eni.id,
      kind: 'endpointEni',
      dashed: false,
      blackhole: false,
    });
  }

  for (const id of [...externals.keys()].sort(compareText)) {
    const data = externals.get(id);
    if (data) nodes.push({ id, kind: 'external', data });
  }

  const allEdges: GraphEdge[] = [...edges.values()].map(({ fallbackLabel, ...e }) => {
    const label =
      e.kind === 'route'
        ? `${e.destinations.length > 0 ? formatDestinations(e.destinations) : (fallbackLabel ?? '')}${e.blackhole ? ' (blackhole)' : ''}`
        : undefined;
    const destinations = e.destinations.length > 0 || !fallbackLabel ? e.destinations : [fallbackLabel];
    return label ? { ...e, destinations, label } : { ...e, destinations };
  });

  return applyFilters({ nodes, edges: allEdges }, options);
}

function sortedRoutes(rt: RouteTable): Route[] {
  return [...rt.routes].sort((a, b) => compareText(a.target, b.target) || compareText(a.destination, b.destination));
}

/** The target's own id; for a blackhole whose target AWS no longer names, an id unique to that route. */
function externalTargetId(route: Route, rt: RouteTable): string {
  return route.target || `${rt.id}/blackhole/${route.destination}`;
}

function natNode(nat: NatGateway, parentId: string): GraphNode {
  return {
    id: nat.id,
    kind: 'natGateway',
    parentId,
    data: {
      name: nat.name,
      state: nat.state,
      connectivityType: nat.connectivityType,
      ...(nat.availabilityMode === 'regional' ? { availabilityMode: 'regional', azs: [...nat.azs] } : {}),
      publicIp: nat.publicIps[0] ?? null,
      privateIp: nat.privateIps[0] ?? null,
    },
  };
}

function eniNode(eni: NetworkInterface, parentId: string, owner: Endpoint | undefined): GraphNode {
  return {
    id: eni.id,
    kind: 'endpointEni',
    parentId,
    data: {
      privateIp: eni.privateIp,
      endpointId: owner?.id ?? eni.endpointId,
      subnetId: eni.subnetId,
      az: eni.az,
      service: owner?.serviceShortName ?? null,
    },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Applies the AZ, endpoints-only and kind filters to a complete graph.
 * Hiding an AZ removes everything inside it; hiding a kind removes only those nodes and moves their children
 * up to the nearest remaining group (hiding subnets keeps their NAT gateways and ENIs, inside the AZ).
 */
function applyFilters(graph: Graph, options: BuildGraphOptions): Graph {
  const hiddenAzs = new Set(options.hiddenAzs ?? []);
  const hiddenKinds = new Set<NodeKind>(options.hiddenKinds ?? []);
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parentId]));

  const removed = new Set<string>();
  for (const node of graph.nodes) {
    const parentRemoved = node.parentId !== undefined && removed.has(node.parentId);
    if (parentRemoved || (node.kind === 'az' && hiddenAzs.has(node.data.az))) removed.add(node.id);
  }

  if (options.endpointsOnly) {
    const keep = new Set<string>();
    const endpointIds = new Set(
      graph.nodes.filter((n) => n.kind === 'gatewayEndpoint' || n.kind === 'interfaceEndpoint').map((n) => n.id),
    );
    for (const id of endpointIds) keep.add(id);
    for (const e of graph.edges) {
      if (e.kind === 'route' && endpointIds.has(e.target)) keep.add(e.source);
      if (e.kind === 'endpointEni') keep.add(e.target);
    }
    // Subnets whose table leads to a gateway endpoint: they are who reaches the service through it.
    for (const e of graph.edges) {
      if (e.kind === 'association' && keep.has(e.target)) keep.add(e.source);
    }
    for (const id of [...keep]) {
      for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) keep.add(p);
    }
    for (const node of graph.nodes) {
      if (!keep.has(node.id) && node.kind !== 'vpc') removed.add(node.id);
    }
  }

  const dropped = (id: string) => removed.has(id) || hiddenKindOf(id);
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  function hiddenKindOf(id: string): boolean {
    const kind = kindOf.get(id);
    return kind !== undefined && hiddenKinds.has(kind);
  }
  const nearestKeptParent = (id: string): string | undefined => {
    let p = parentOf.get(id);
    while (p !== undefined && dropped(p)) p = parentOf.get(p);
    return p;
  };

  let nodes: GraphNode[] = graph.nodes
    .filter((n) => !dropped(n.id))
    .map((n) => {
      const parentId = nearestKeptParent(n.id);
      if (parentId === n.parentId) return n;
      const moved = { ...n };
      if (parentId === undefined) delete moved.parentId;
      else moved.parentId = parentId;
      return moved;
    });

  // AZ boxes exist only to group what is inside them; an emptied one would be a blank frame.
  const parentsWithChildren = new Set(nodes.map((n) => n.parentId).filter((p): p is string => p !== undefined));
  nodes = nodes.filter((n) => n.kind !== 'az' || parentsWithChildren.has(n.id));
  nodes = nodes.map((n) => (n.kind === 'az' ? withAzCounts(n, nodes) : n));

  const kept = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return { nodes, edges };
}

/** Counts of what is drawn inside an AZ box, for its collapsed summary. */
function withAzCounts(az: AzGraphNode, nodes: readonly GraphNode[]): AzGraphNode {
  const inside = new Set<string>([az.id]);
  let subnetCount = 0;
  let publicSubnetCount = 0;
  let natGatewayCount = 0;
  let endpointEniCount = 0;
  // Parents precede children, so one pass finds every descendant.
  for (const n of nodes) {
    if (n.parentId === undefined || !inside.has(n.parentId)) continue;
    inside.add(n.id);
    if (n.kind === 'subnet') {
      subnetCount += 1;
      if (n.data.public) publicSubnetCount += 1;
    } else if (n.kind === 'natGateway') natGatewayCount += 1;
    else if (n.kind === 'endpointEni') endpointEniCount += 1;
  }
  return { ...az, data: { ...az.data, subnetCount, publicSubnetCount, natGatewayCount, endpointEniCount } };
}

/**
 * What `buildGraph` is given for a view of the canvas: the VPC (or the whole region) and the view's filters,
 * left out when none is set. The server page lays out the first view with it and the canvas builds its graph with
 * it, so the two graphs, and their layout keys, are the same.
 */
export function viewGraphOptions(
  vpcId: string | undefined,
  view: { hiddenKinds: readonly NodeKind[]; hiddenAzs: readonly string[]; endpointsOnly: boolean },
): BuildGraphOptions {
  const scope = vpcId === undefined ? {} : { vpcId };
  if (view.hiddenKinds.length === 0 && view.hiddenAzs.length === 0 && !view.endpointsOnly) return scope;
  return { ...scope, hiddenKinds: view.hiddenKinds, hiddenAzs: view.hiddenAzs, endpointsOnly: view.endpointsOnly };
}
