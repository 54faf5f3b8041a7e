/** React Flow node and edge types of the topology canvas, one node type per graph kind. */

import type { Edge, Node } from '@xyflow/react';
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

/** An AZ box knows whether it is drawn collapsed (level of detail when zoomed out). */
export type AzNodeData = AzData & { collapsed: boolean };

export type VpcNode = Node<VpcData, 'vpc'>;
export type AzNode = Node<AzNodeData, 'az'>;
export type SubnetNode = Node<SubnetData, 'subnet'>;
export type RouteTableNode = Node<RouteTableData, 'routeTable'>;
export type InternetGatewayNode = Node<InternetGatewayData, 'internetGateway'>;
export type NatGatewayNode = Node<NatGatewayData, 'natGateway'>;
export type GatewayEndpointNode = Node<GatewayEndpointData, 'gatewayEndpoint'>;
export type InterfaceEndpointNode = Node<InterfaceEndpointData, 'interfaceEndpoint'>;
export type EndpointEniNode = Node<EndpointEniData, 'endpointEni'>;
export type ExternalNode = Node<ExternalData, 'external'>;

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
  | ExternalNode;

export type AtlasEdgeData = {
  kind: EdgeKind;
  destinations: string[];
  blackhole: boolean;
};

export type AtlasEdge = Edge<AtlasEdgeData>;
