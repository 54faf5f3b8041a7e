/**
 * The one `nodeTypes` and `edgeTypes` registries, at module scope: React Flow re-mounts every node when this
 * object's identity changes, so it must never be built inside a component.
 */

import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import type { NodeKind } from '@/lib/graph/types';
import { AtlasEdgeComponent } from './atlas-edge';
import { AzNode } from './az-node';
import { EndpointEniNode } from './endpoint-eni-node';
import { ExternalNode } from './external-node';
import { GatewayEndpointNode } from './gateway-endpoint-node';
import { InterfaceEndpointNode } from './interface-endpoint-node';
import { InternetGatewayNode } from './internet-gateway-node';
import { NatGatewayNode } from './nat-gateway-node';
import { EndpointClassNode, RouteClassNode, SubnetTierNode } from './overview-nodes';
import { RouteTableNode } from './route-table-node';
import { SubnetNode } from './subnet-node';
import { SummaryNode } from './summary-node';
import { VpcNode } from './vpc-node';

export const nodeTypes = {
  vpc: VpcNode,
  az: AzNode,
  subnet: SubnetNode,
  routeTable: RouteTableNode,
  internetGateway: InternetGatewayNode,
  natGateway: NatGatewayNode,
  gatewayEndpoint: GatewayEndpointNode,
  interfaceEndpoint: InterfaceEndpointNode,
  endpointEni: EndpointEniNode,
  external: ExternalNode,
  summary: SummaryNode,
  routeClass: RouteClassNode,
  subnetTier: SubnetTierNode,
  endpointClass: EndpointClassNode,
} satisfies Record<NodeKind | 'summary' | 'routeClass' | 'subnetTier' | 'endpointClass', NodeTypes[string]>;

export const edgeTypes = {
  atlas: AtlasEdgeComponent,
} satisfies EdgeTypes;
