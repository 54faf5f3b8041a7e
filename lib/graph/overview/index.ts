/**
 * The semantic overview of big VPCs: what behaves the same is drawn once, as an engineer would on a whiteboard.
 *
 *   classes.ts   route tables with the same routes apart from `local` (a NAT in the table's own AZ counts as one target)
 *   model.ts     which VPCs need an overview, their classes, subnet tiers and interface-endpoint classes
 *   graph.ts     the detailed graph with each closed group drawn as one node, edges merged with counts
 *   rollup.ts    findings of the members on their group
 *
 * `viewGraph` is what the server's first layout and the canvas both draw, so their layout keys agree.
 */

import { buildGraph, viewGraphOptions } from '@/lib/graph/build';
import type { Graph, NodeKind } from '@/lib/graph/types';
import type { Topology } from '@/lib/topology/types';
import { applyOverview, type OverviewGraph } from './graph';
import { overviewModel } from './model';

export { applyOverview, type OverviewGraph } from './graph';
export { needsOverview, overviewModel, OVERVIEW_ABOVE, type EndpointClass, type Tier, type VpcOverview } from './model';
export { routeClasses, targetFacts, type RouteClass } from './classes';
export { rollUpFindings } from './rollup';

/**
 * The overview of `graph` (built from `topology` for `vpcId`), or null when no VPC in it is big enough to need one.
 * `open`: the groups drawn as their members; `selected`: a resource whose group is drawn open while it is selected.
 */
export function overviewGraph(topology: Topology, graph: Graph, vpcId: string | undefined, open: readonly string[], selected: string | null = null): OverviewGraph | null {
  const model = overviewModel(topology, vpcId);
  if (model.length === 0) return null;
  return applyOverview(graph, model, new Set(open), selected);
}

/** The graph a view draws: the topology with the view's filters, as an overview where a VPC needs one. */
export function viewGraph(
  topology: Topology,
  vpcId: string | undefined,
  view: { hiddenKinds: readonly NodeKind[]; hiddenAzs: readonly string[]; endpointsOnly: boolean; open: readonly string[]; selected?: string | null },
): Graph {
  const graph = buildGraph(topology, viewGraphOptions(vpcId, view));
  return overviewGraph(topology, graph, vpcId, view.open, view.selected ?? null) ?? graph;
}
