/** React Flow node and edge types of the topology canvas, one node type per graph kind. */

import type { Edge, Node } from '@xyflow/react';
import type { InitialLayout } from '@/lib/graph/layout-pack';
import type { FindingSummary, GraphAnalysis } from '@/lib/graph/overlay';
import type { ViewState } from '@/lib/graph/view-url';
import type { Topology } from '@/lib/topology/types';
import type {
  AzData,
  EdgeKind,
  EndpointEniData,
  ExternalData,
  GatewayEndpointData,
  GroupData,
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
/** The semantic overview's groups (`lib/graph/overview`): their members' kind to the layout, a node type of their own here. */
export type RouteClassNode = Node<RouteTableData & Overlay & { group: GroupData }, 'routeClass'>;
export type SubnetTierNode = Node<SubnetData & Overlay & { group: GroupData }, 'subnetTier'>;
export type EndpointClassNode = Node<InterfaceEndpointData & Overlay & { group: GroupData }, 'endpointClass'>;

/** The React Flow node type of each overview group, by the kind of its members. */
export const GROUP_NODE_TYPE = { routeTable: 'routeClass', subnet: 'subnetTier', interfaceEndpoint: 'endpointClass' } as const;

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
  | SummaryNode
  | RouteClassNode
  | SubnetTierNode
  | EndpointClassNode;

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

export interface TopologyGraphProps {
  topology: Topology;
  /** Draw only this VPC; every VPC of the topology when absent (the region view). */
  vpcId?: string;
  /** The view state parsed from the URL by the server page (`parseViewState(searchParams).state`). */
  initialView?: ViewState;
  /** Messages to show above the canvas, e.g. `parseViewState(...).notices`. */
  notices?: string[];
  /** Where "create an endpoint" points when the VPC has none. */
  createEndpointHref?: string;
  /**
   * A frozen view (a snapshot): no affordance that changes anything (no "create an endpoint" link, no "fix"
   * links on findings). Selecting, filtering and panning still work.
   */
  readOnly?: boolean;
  /**
   * Snapshot comparison: node and edge ids to mark as added (green), removed (red) or changed (amber): nodes with a ring
   * and a small badge. The topology must contain them all (the compare page passes the merged topology).
   */
  diff?: GraphDiff;
  /**
   * A change not made yet (the endpoint form's preview): nodes and edges it creates drawn dashed in the accent
   * colour, those it removes dashed in red. The topology must contain them all (`applyEndpointPreview`).
   */
  ghost?: GraphGhost;
  /** Node ids to frame whenever a layout arrives, instead of the whole graph (a preview frames what it changes). */
  focus?: string[];
  /**
   * A small canvas inside a page (the endpoint form): no toolbar and no overview, and the mouse wheel scrolls the
   * page rather than zooming (pinch or Ctrl+wheel and the buttons still zoom).
   */
  compact?: boolean;
  /** Findings and paths from `analyzeTopology`, compacted on the server (`compactAnalysis`). */
  analysis?: GraphAnalysis;
  /** The findings page for this scope, linked from the inspector. */
  findingsHref?: string;
  /**
   * The layout of the first view (this topology, `vpcId`, `initialView`'s filters and direction), computed by the
   * server page (`initialLayoutFor`): drawn at once, without loading ELK. Ignored when it does not fit.
   */
  initialLayout?: InitialLayout;
  /**
   * Set by the server for a canvas it renders whole (`serverRendersCanvas`): the pane it fitted the first picture to.
   * The browser hydrates that picture, then refits to its real pane; without it the server renders a placeholder and
   * the canvas mounts in the browser.
   */
  serverPane?: { width: number; height: number };
}
