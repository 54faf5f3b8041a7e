/**
 * The semantic overview of big VPCs: what behaves the same is drawn once, as an engineer would on a whiteboard.
 *
 *   classes.ts   route tables with the same routes apart from `local` (a NAT in the table's own AZ counts as one target)
 *   threshold.ts which VPCs need an overview (all the canvas loads up front)
 *   model.ts     their classes, subnet tiers and interface-endpoint classes
 *   graph.ts     the detailed graph with each closed group drawn as one node, edges merged with counts
 *   rollup.ts    findings of the members on their group
 *
 * `viewGraph` is what the server's first layout and the canvas both draw, so their layout keys agree.
 */

import { buildGraph, viewGraphOptions } from '@/lib/graph/build';
import type { Graph } from '@/lib/graph/types';
import type { ViewState } from '@/lib/graph/view-url';
import type { Topology } from '@/lib/topology/types';
import { applyOverview, type OverviewGraph } from './graph';
import { overviewModel } from './model';

export { applyOverview, type OverviewGraph, type OverviewGroupRef } from './graph';
export { overviewModel, type EndpointClass, type Tier, type VpcOverview } from './model';
export { needsOverview, OVERVIEW_ABOVE, topologyNeedsOverview } from './threshold';
export { routeClasses, targetFacts, type RouteClass } from './classes';
export { rollUpFindings } from './rollup';

/**
 * The overview of `graph` (built from `topology` for `vpcId`), or null when no VPC in it is big enough to need one.
 * `open`: the groups drawn as their members.
 */
export function overviewGraph(topology: Topology, graph: Graph, vpcId: string | undefined, open: readonly string[]): OverviewGraph | null {
  const model = overviewModel(topology, vpcId);
  if (model.length === 0) return null;
  return applyOverview(graph, model, new Set(open));
}

type GraphView = Pick<ViewState, 'hiddenKinds' | 'hiddenAzs' | 'endpointsOnly' | 'open'>;

/** The graph a view draws: the topology with the view's filters, as an overview where a VPC needs one. */
export function viewGraph(topology: Topology, vpcId: string | undefined, view: GraphView): Graph {
  const graph = buildGraph(topology, viewGraphOptions(vpcId, view));
  return overviewGraph(topology, graph, vpcId, view.open) ?? graph;
}

/**
 * A link that selects something inside a closed group (a finding's table, a subnet someone shared) opens that group,
 * so what the link names is drawn: the view with the group added to `open`, or the same view when nothing needs it.
 */
export function openSelection<V extends GraphView & Pick<ViewState, 'selected'>>(topology: Topology, vpcId: string | undefined, view: V): V {
  if (view.selected === null) return view;
  const model = overviewModel(topology, vpcId);
  if (model.length === 0) return view;
  const holder = applyOverview(buildGraph(topology, viewGraphOptions(vpcId, view)), model, new Set(view.open)).holders.get(view.selected);
  return holder ? { ...view, open: [...view.open, holder.id] } : view;
}
