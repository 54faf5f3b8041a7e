/** React Flow node and edge types of the topology canvas, one node type per graph kind. */

import type { Edge, Node } from '@xyflow/react';
import type { FindingSummary } from '@/lib/graph/overlay';
import type {
  AzData,
  EdgeKind,
  EndpointEniData,
  ExternalData,
  GatewayEndpointData,
  InterfaceEndpointData,
  InternetGatewayData,
  NatGatewayData,
  RouteTableData,
  SubnetData,
  VpcData,
} from '@/lib/graph/types';

/**
 * How a resource differs between two snapshots (the compare page: added, removed, changed), or what a change
 * not made yet will do to it (a preview: `ghost` will be created, `ghost-removed` will be removed).
 */
export type DiffMark = 'added' | 'removed' | 'changed' | 'ghost' | 'ghost-removed';

/**
 * Graph ids to mark on a snapshot comparison, by how they changed: nodes (AWS ids) get a ring and a pin, edges
 * (`buildGraph`'s ids, `subnet-1->rtb-1`) are drawn in the same colour (ghost.ts).
 */
export interface GraphDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/**
 * A change not made yet, drawn over the topology (the endpoint form's preview): graph ids of the nodes and edges it
 * creates and of those it removes (lib/endpoints/ghost.ts). The topology must contain them all.
 */
export interface GraphGhost {
  added: string[];
  removed: string[];
}

/** What the canvas adds to every node's data: its findings badge and its comparison mark. */
export type Overlay = {
  findings?: FindingSummary;
  mark?: DiffMark;
};

/** An AZ box knows whether it is drawn collapsed (level of detail when zoomed out). */
export type AzNodeData = AzData & Overlay & { collapsed: boolean };

export type VpcNode = Node<VpcData & Overlay, 'vpc'>;
export type AzNode = Node<AzNodeData, 'az'>;
export type SubnetNode = Node<SubnetData & Overlay, 'subnet'>;
export type RouteTableNode = Node<RouteTableData & Overlay, 'routeTable'>;
export type InternetGatewayNode = Node<InternetGatewayData & Overlay, 'internetGateway'>;
export type NatGatewayNode = Node<NatGatewayData & Overlay, 'natGateway'>;
export type GatewayEndpointNode = Node<GatewayEndpointData & Overlay, 'gatewayEndpoint'>;
export type InterfaceEndpointNode = Node<InterfaceEndpointData & Overlay, 'interfaceEndpoint'>;
export type EndpointEniNode = Node<EndpointEniData & Overlay, 'endpointEni'>;
export type ExternalNode = Node<ExternalData & Overlay, 'external'>;
/** The overview's stand-in for a VPC's many route tables or interface endpoints (`collapseForOverview`). */
export type SummaryNode = Node<{ kind: 'routeTable' | 'interfaceEndpoint'; count: number } & Overlay, 'summary'>;

export type AtlasNode =
  | VpcNode
  | AzNode
  | SubnetNode
  | RouteTableNode
  | InternetGatewayNode
  | NatGatewayNode
  | GatewayEndpointNode
  | InterfaceEndpointNode
  | EndpointEniNode
  | ExternalNode
  | SummaryNode;

export type AtlasEdgeData = {
  kind: EdgeKind | 'path';
  destinations: string[];
  blackhole: boolean;
  /** Where the edge's orthogonal turn goes (absolute); absent: half way. */
  bend?: number;
  /** Where its label sits: by the arrowhead, or by the source when the target is inside another box. */
  labelAt?: 'source' | 'target';
};

export type AtlasEdge = Edge<AtlasEdgeData, 'atlas'>;
