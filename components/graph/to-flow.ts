/**
 * Graph + layout + what the user is doing -> React Flow nodes and edges. Pure, so it is tested without a browser.
 *
 * Every node carries its size (`width`/`height`/`measured`) and its four handles (`handles`) up front: React
 * Flow then draws edges, fits the view and culls off-screen nodes without measuring the DOM first, and a node
 * that has never been rendered (hidden, or outside the viewport) still anchors its edges correctly. The node
 * components render no `<Handle>` of their own.
 *
 * Given the previous call's `FlowCache`, unchanged nodes and edges come back as the very same objects, so that
 * React Flow skips them: selecting or hovering a node re-renders the handful of nodes whose look changed, not
 * the thousand that did not.
 *
 * Edges stay out of the way until they matter: in a big graph, edges of a kind that has many are hidden
 * (`quiet`) unless they touch the selection, the hovered node or the highlighted path; edges are drawn under the
 * group boxes (their tinted backgrounds fade them) and lifted above them when they matter.
 */

import type { GraphLayout } from '@/lib/graph/layout';
import type { Graph } from '@/lib/graph/types';
import { flowEdges } from './to-flow-edges';
import { flowNodes } from './to-flow-nodes';
import { createFlowCache, type FlowCache, type FlowOptions } from './to-flow-shared';
import type { AtlasEdge, AtlasNode } from './types';

export { flowEdges, withHovered } from './to-flow-edges';
export { flowNodes, groupLabel, nodeAriaLabel } from './to-flow-nodes';
export { createFlowCache, sideHandles, type EdgeFlowOptions, type FlowCache, type FlowOptions, type NodeFlowOptions, type QuietEdges } from './to-flow-shared';

/** Builds the React Flow nodes and edges for one graph and its layout. */
export function toFlow(graph: Graph, layout: GraphLayout, options: FlowOptions, cache: FlowCache = createFlowCache()): { nodes: AtlasNode[]; edges: AtlasEdge[] } {
  return { nodes: flowNodes(graph, layout, options, cache), edges: flowEdges(graph, layout, options, cache) };
}
