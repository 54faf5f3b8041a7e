/**
 * Topology -> graph: which boxes to draw, what sits inside what, and which arrows join them.
 * Pure and deterministic: every collection is sorted by stable keys before it becomes nodes or edges,
 * so the same topology always yields the same graph (and, through ELK, the same picture).
 */

import { endpointLabel } from '@/lib/topology/normalize-endpoints';
import type { Endpoint, NatGateway, NetworkInterface, Route, RouteTable, Topology } from '@/lib/topology/types';
import { applyFilters } from './build-filters';
import { azGroupId, compareSubnets, compareText, endpointEniTitle, externalLabel, formatDestinations, isBlackhole, prefixListLabel, routeDestinationLabel, zoneTypeOf } from './build-labels';
import { endpointEniSize, NODE_SIZE } from './sizes';
import type { BuildGraphOptions, EdgeKind, ExternalData, Graph, GraphEdge, GraphNode } from './types';

export { viewGraphOptions } from './build-filters';
export { azGroupId, compareSubnets, compareText, formatDestinations, prefixListLabel } from './build-labels';

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
        for (const nat of natsBySubnet.get(subnet.id) ?? []) nodes.push(natNode(nat, subnet.id, subnet));
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
      if (vpcId === vpc.id) nodes.push({ id: igw.id, kind: 'internetGateway', parentId: vpc.id, data: { name: igw.name, routeTableCount: 0 } });
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

  // How many tables route to each gateway: what an overview's card says beside its name.
  const tablesInto = new Map<string, number>();
  for (const e of edges.values()) if (e.kind === 'route' && !e.blackhole) tablesInto.set(e.target, (tablesInto.get(e.target) ?? 0) + 1);
  for (const n of nodes) if (n.kind === 'internetGateway') n.data.routeTableCount = tablesInto.get(n.id) ?? 0;
  for (const id of [...externals.keys()].sort(compareText)) {
    const data = externals.get(id);
    if (data) nodes.push({ id, kind: 'external', data: { ...data, routeTableCount: tablesInto.get(id) ?? 0 } });
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

/** A NAT gateway's node; `subnet` is where a zonal one is (absent when its subnet is not in the topology). */
function natNode(nat: NatGateway, parentId: string, subnet?: { id: string; name: string; az: string }): GraphNode {
  return {
    id: nat.id,
    kind: 'natGateway',
    parentId,
    data: {
      name: nat.name,
      ...(subnet ? { az: subnet.az, subnet: subnet.name || subnet.id } : {}),
      state: nat.state,
      connectivityType: nat.connectivityType,
      ...(nat.availabilityMode === 'regional' ? { availabilityMode: 'regional', azs: [...nat.azs] } : {}),
      publicIp: nat.publicIps[0] ?? null,
      privateIp: nat.privateIps[0] ?? null,
    },
  };
}

function eniNode(eni: NetworkInterface, parentId: string, owner: Endpoint | undefined): GraphNode {
  const service = owner?.serviceShortName ?? null;
  // Sized for its title (sizes.ts): a chip that keeps its kind's size says nothing, so layout keys stay as they were.
  const { lines, ...size } = endpointEniSize(endpointEniTitle(service, eni.id));
  const own = lines === 1 && size.width === NODE_SIZE.endpointEni.width ? {} : { size };
  return {
    id: eni.id,
    kind: 'endpointEni',
    parentId,
    ...own,
    data: {
      privateIp: eni.privateIp,
      endpointId: owner?.id ?? eni.endpointId,
      subnetId: eni.subnetId,
      az: eni.az,
      service,
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
