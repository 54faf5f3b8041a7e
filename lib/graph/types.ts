/**
 * The graph model: plain nodes and edges derived from a Topology, independent of React Flow.
 * Every node id is the AWS id of its resource, so a node can be found, linked and tested by its id;
 * the only synthetic ids are AZ groups (`${vpcId}/${az}`) and blackhole targets whose id AWS no longer knows.
 */

import type { EndpointType, RouteTargetType } from '@/lib/topology/types';
import type { Size } from './sizes';

export const NODE_KINDS = [
  'vpc',
  'az',
  'subnet',
  'routeTable',
  'internetGateway',
  'natGateway',
  'gatewayEndpoint',
  'interfaceEndpoint',
  'endpointEni',
  'external',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

export const DIRECTIONS = ['RIGHT', 'DOWN'] as const;

/** ELK's layered direction: RIGHT draws left to right, DOWN top to bottom. */
export type Direction = (typeof DIRECTIONS)[number];

// Data payloads are `type` aliases, not interfaces: React Flow requires `Record<string, unknown>`,
// which only type aliases satisfy implicitly.

export type VpcData = {
  name: string;
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
  isDefault: boolean;
  subnetCount: number;
  endpointCount: number;
};

export type AzData = {
  vpcId: string;
  az: string;
  azId: string | null;
  subnetCount: number;
  publicSubnetCount: number;
  natGatewayCount: number;
  endpointEniCount: number;
  /** `local-zone`, `wavelength-zone`, `outpost`; absent for a Region AZ. */
  zoneType?: string;
};

export type SubnetData = {
  name: string;
  cidr: string;
  az: string;
  public: boolean;
  availableIps: number | null;
  /** IPv6 blocks; an IPv6-only subnet (`ipv6Native`) has no IPv4 CIDR, and shows these instead. */
  ipv6Cidrs?: string[];
  ipv6Native?: boolean;
  /** `local-zone`, `wavelength-zone`, `outpost`; absent in a Region AZ. Marked on the subnet in its AZ group. */
  zoneType?: string;
  routeTableId: string | null;
  explicitRouteTable: boolean;
  group?: GroupData;
};

/**
 * Set on a node that stands for a group of its kind in the overview of a big VPC (`lib/graph/overview`): a class
 * of route tables, a tier of subnets, a class of interface endpoints. Its id is the group's, not an AWS id.
 */
export type GroupData = {
  /** How many resources it stands for. */
  count: number;
  /** `180 private tables`, `12 private subnets`, `48 interface endpoints`. */
  title: string;
  /** The title in fewer words, for when the view is zoomed out to the whole region: `12 private`, `48 endpoints`. */
  short: string;
  /** What they have in common: a class's routes, a tier's CIDRs and routes, an endpoint class's AZs and services. */
  lines: string[];
  /** The lines in fewer words where they are long (a class's routes: `S3 + DynamoDB -> vpce`), for the middle zoom. */
  glance?: string[];
  /** The whole of it in one sentence, for the tooltip and the accessible name. */
  summary: string;
  /** Ids of the resources it stands for, in graph order. */
  members: string[];
};

export type RouteTableData = {
  name: string;
  main: boolean;
  routeCount: number;
  /** Subnets whose effective table this is (explicit or through main). */
  subnetCount: number;
  blackholeCount: number;
  group?: GroupData;
};

export type InternetGatewayData = {
  name: string;
  /** Route tables with a route to it. */
  routeTableCount: number;
};

export type NatGatewayData = {
  name: string;
  /** The AZ of a zonal NAT gateway. */
  az?: string;
  /** The name (else the id) of a zonal NAT gateway's subnet. */
  subnet?: string;
  state: string;
  connectivityType: string;
  /** zonal or regional (no subnet, addresses in several AZs). */
  availabilityMode?: string;
  /** The AZs a regional NAT gateway serves. */
  azs?: string[];
  publicIp: string | null;
  privateIp: string | null;
};

export type GatewayEndpointData = {
  name: string;
  /** `s3`, `dynamodb`. */
  service: string;
  serviceName: string;
  state: string;
  routeTableCount: number;
};

export type InterfaceEndpointData = {
  name: string;
  /** What the node is titled: the Name tag, else what it reaches (lib/topology `endpointLabel`). */
  label?: string;
  /** `ecr.dkr`, `ssm`, ... */
  service: string;
  serviceName: string;
  /** Interface, GatewayLoadBalancer, ...: every endpoint type that places ENIs in subnets. */
  endpointType: EndpointType;
  /** AZs of its subnets, sorted. */
  azs: string[];
  privateDnsEnabled: boolean;
  state: string;
  eniCount: number;
  group?: GroupData;
};

export type EndpointEniData = {
  privateIp: string | null;
  endpointId: string | null;
  subnetId: string;
  az: string;
  /** Service short name of the owning endpoint, when known. */
  service: string | null;
};

export type ExternalData = {
  /** What the routes call this target (pcx, tgw, vgw, eni, instance, igw, nat, vpce, blackhole, other). */
  targetType: RouteTargetType;
  /** A human name for the kind of target: "Peering connection", "Transit gateway", ... */
  label: string;
  /** True when no live resource in the topology answers to this id (a blackhole or a detached target). */
  missing: boolean;
  /** Route tables with a (not blackholed) route to it. */
  routeTableCount?: number;
};

interface NodeOf<K extends NodeKind, D> {
  id: string;
  kind: K;
  /** The group this node is drawn inside; absent for top-level nodes. */
  parentId?: string;
  data: D;
  /** Drawn at other than its kind's size (`NODE_SIZE`): a node of a semantic overview (`OVERVIEW_SIZE`), an ENI's chip sized for its title (`endpointEniSize`). */
  size?: Size;
}

export type VpcGraphNode = NodeOf<'vpc', VpcData>;
export type AzGraphNode = NodeOf<'az', AzData>;
export type SubnetGraphNode = NodeOf<'subnet', SubnetData>;
export type RouteTableGraphNode = NodeOf<'routeTable', RouteTableData>;
export type InternetGatewayGraphNode = NodeOf<'internetGateway', InternetGatewayData>;
export type NatGatewayGraphNode = NodeOf<'natGateway', NatGatewayData>;
export type GatewayEndpointGraphNode = NodeOf<'gatewayEndpoint', GatewayEndpointData>;
export type InterfaceEndpointGraphNode = NodeOf<'interfaceEndpoint', InterfaceEndpointData>;
export type EndpointEniGraphNode = NodeOf<'endpointEni', EndpointEniData>;
export type ExternalGraphNode = NodeOf<'external', ExternalData>;

export type GraphNode =
  | VpcGraphNode
  | AzGraphNode
  | SubnetGraphNode
  | RouteTableGraphNode
  | InternetGatewayGraphNode
  | NatGatewayGraphNode
  | GatewayEndpointGraphNode
  | InterfaceEndpointGraphNode
  | EndpointEniGraphNode
  | ExternalGraphNode;

/**
 * association: subnet -> its effective route table.
 * route: route table -> a route's target (including gateway endpoints through their prefix-list route).
 * endpointEni: interface endpoint -> one of its network interfaces.
 */
export type EdgeKind = 'association' | 'route' | 'endpointEni';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Short text to draw on the edge; absent for associations and ENI edges. */
  label?: string;
  /** Implicit association through the main route table. */
  dashed: boolean;
  /** A route whose target no longer exists. */
  blackhole: boolean;
  /** Route destinations carried by this edge, as shown (`s3 (pl-63a5400a)`, `0.0.0.0/0`). */
  destinations: string[];
  /** In the overview: how many edges of the detailed graph this one stands for (tables on a route, subnets on an association). */
  count?: number;
}

export interface Graph {
  /** Parents always come before their children, as React Flow requires for subflows. */
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface BuildGraphOptions {
  /** Only this VPC; all VPCs of the topology when absent. */
  vpcId?: string;
  /** Accepted so callers can pass their view state whole; the graph itself does not depend on it. */
  direction?: Direction;
  hiddenKinds?: readonly NodeKind[];
  /** AZ names (`us-east-1a`); everything inside these AZs is left out. */
  hiddenAzs?: readonly string[];
  /** Keep only endpoints and the route tables, subnets and ENIs they touch. */
  endpointsOnly?: boolean;
}
