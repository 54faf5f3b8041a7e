/**
 * The inspector's per-kind panels, one file each. A new node kind fails to compile until it has a panel here.
 * The order of the keys is the order ids are tried in: resources AWS knows by id first, then the graph's own
 * groups and targets (an ENI a route targets is drawn as an external target but described as an ENI).
 */

import type { TopologyIndex } from '@/lib/graph/topology-index';
import type { GraphNode, NodeKind } from '@/lib/graph/types';
import { azPanel } from './az';
import { endpointEniPanel } from './endpoint-eni';
import { gatewayEndpointPanel, interfaceEndpointPanel } from './endpoint';
import { externalPanel } from './external';
import { internetGatewayPanel } from './internet-gateway';
import { natGatewayPanel } from './nat-gateway';
import type { InspectorPanel } from './panel';
import { routeTablePanel } from './route-table';
import { subnetPanel } from './subnet';
import { vpcPanel } from './vpc';

export const INSPECTOR_PANELS = {
  vpc: vpcPanel,
  subnet: subnetPanel,
  routeTable: routeTablePanel,
  gatewayEndpoint: gatewayEndpointPanel,
  interfaceEndpoint: interfaceEndpointPanel,
  internetGateway: internetGatewayPanel,
  natGateway: natGatewayPanel,
  endpointEni: endpointEniPanel,
  az: azPanel,
  external: externalPanel,
} satisfies Record<NodeKind, InspectorPanel>;

const PANEL_ORDER = Object.keys(INSPECTOR_PANELS) as NodeKind[];

/** The kind whose panel describes `id`: the first that finds it; null when nothing in the topology has this id. */
export function panelKind(id: string, index: TopologyIndex, node: GraphNode | undefined): NodeKind | null {
  return PANEL_ORDER.find((kind) => INSPECTOR_PANELS[kind].describes(id, index, node)) ?? null;
}
