/** Lookups by AWS id over a Topology, for the inspector: what a resource is and what points at it. */

import type {
  Endpoint,
  InternetGateway,
  NatGateway,
  NetworkInterface,
  PrefixList,
  Route,
  RouteTable,
  SecurityGroup,
  Subnet,
  Topology,
  Vpc,
} from '@/lib/topology/types';

export interface RouteRef {
  routeTable: RouteTable;
  route: Route;
}

export interface TopologyIndex {
  vpcs: Map<string, Vpc>;
  subnets: Map<string, Subnet>;
  routeTables: Map<string, RouteTable>;
  endpoints: Map<string, Endpoint>;
  internetGateways: Map<string, InternetGateway>;
  natGateways: Map<string, NatGateway>;
  securityGroups: Map<string, SecurityGroup>;
  prefixLists: Map<string, PrefixList>;
  networkInterfaces: Map<string, NetworkInterface>;
  /** Routes by target id (igw-..., nat-..., pcx-..., vpce-...). */
  routesTo: Map<string, RouteRef[]>;
  /** Subnets by their effective route table id. */
  subnetsByTable: Map<string, Subnet[]>;
  /** Gateway endpoints by the route tables they are associated with. */
  endpointsByTable: Map<string, Endpoint[]>;
  natGatewaysBySubnet: Map<string, NatGateway[]>;
  networkInterfacesBySubnet: Map<string, NetworkInterface[]>;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes a topology by id and by the relations the inspector shows. */
export function indexTopology(topology: Topology): TopologyIndex {
  const index: TopologyIndex = {
    vpcs: byId(topology.vpcs),
    subnets: byId(topology.subnets),
    routeTables: byId(topology.routeTables),
    endpoints: byId(topology.endpoints),
    internetGateways: byId(topology.internetGateways),
    natGateways: byId(topology.natGateways),
    securityGroups: byId(topology.securityGroups),
    prefixLists: byId(topology.prefixLists),
    networkInterfaces: byId(topology.networkInterfaces),
    routesTo: new Map(),
    subnetsByTable: new Map(),
    endpointsByTable: new Map(),
    natGatewaysBySubnet: new Map(),
    networkInterfacesBySubnet: new Map(),
  };
  for (const rt of topology.routeTables) {
    for (const route of rt.routes) if (route.target && route.targetType !== 'local') push(index.routesTo, route.target, { routeTable: rt, route });
  }
  for (const s of topology.subnets) if (s.routeTableId) push(index.subnetsByTable, s.routeTableId, s);
  for (const e of topology.endpoints) for (const rt of e.routeTableIds) push(index.endpointsByTable, rt, e);
  for (const n of topology.natGateways) push(index.natGatewaysBySubnet, n.subnetId, n);
  for (const n of topology.networkInterfaces) push(index.networkInterfacesBySubnet, n.subnetId, n);
  return index;
}
