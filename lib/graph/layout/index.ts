/**
 * Graph -> positions.
 *
 * People read a VPC by its address plan, and a picture that fits a screen has to be about as wide as it is
 * tall, so the layout has three parts:
 *
 * 1. The address plan is arranged by hand into one rectangular "block" per VPC: the AZs side by side as
 *    columns, each AZ's subnets stacked in CIDR order, rows aligned across the columns (a three-tier VPC reads
 *    as a public / app / data grid), NAT gateways and endpoint ENIs as compact chips in a grid inside their
 *    subnet, and the interface endpoints as a band of cards beside the grid (below it left to right, above it
 *    top to bottom). Stacking is pure arithmetic, so the order is exactly the graph's order.
 * 2. ELK's layered algorithm places everything else inside each VPC (route tables, then internet gateways and
 *    gateway endpoints) and the route targets outside it, with compound VPC nodes and
 *    `elk.hierarchyHandling: INCLUDE_CHILDREN`. The block is one fixed-size node with one fixed port per subnet
 *    or chip that has an edge, so ELK's crossing minimisation lines route tables up with their subnets. A
 *    layer much longer than the block (200 route tables) is then wrapped into several columns, keeping ELK's
 *    order.
 * 3. Each VPC with its outside targets is laid out on its own and the VPCs are packed in rows, wrapped so the
 *    whole picture has about the aspect ratio of a wide screen (the region view).
 *
 * Edges get the sides they leave and enter by, and a `bend`: where their one orthogonal turn goes, staggered
 * in the gap between two layers so that each route table's edges run in a lane of their own.
 *
 * Why not let ELK lay out the AZs and subnets as nested compounds too: it reorders them freely to save
 * crossings, and the options that would pin model order (`considerModelOrder.*`,
 * `crossingMinimization.forceNodeModelOrder`) crash ELK 0.12 inside INCLUDE_CHILDREN hierarchies
 * (eclipse-elk/elk#1182: MAX_MODEL_ORDER_NODES is only set on the root graph). Partitions and layer choice
 * constraints are ignored in INCLUDE_CHILDREN hierarchies too, so a table or endpoint without edges gets an
 * invisible edge that puts it in its layer.
 *
 * The stages, one module each, hand each other plain values (`types.ts`):
 *
 *   tree.ts        the graph's nesting
 *   clusters.ts    which top-level nodes share an ELK run (a VPC and its outside targets)
 *   blocks.ts      each container's address plan arranged by hand (grids.ts: the chip and card grids)
 *   elk-graph.ts   ELK's JSON graph of each cluster, blocks as nodes with ports
 *   (ELK runs)
 *   placement.ts   wrapping long layers (wrap.ts), packing clusters (pack.ts), lanes (lanes.ts)
 *   routing.ts     edge sides and bends
 *   cache.ts       the last few layouts by key
 *
 * Runs unchanged in Node (server, tests) and in a Web Worker (`components/graph/layout.worker.ts`):
 * `elk.bundled.js` carries its own in-process "fake worker", so no second worker or URL is needed.
 */

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Box } from '../geometry';
import { layoutKey, type LayoutInput } from '../layout-key';
import type { Direction } from '../types';
import { cachedLayout, cacheLayout } from './cache';
import { placeClusters } from './placement';
import { planLayout } from './plan';
import { routeEdges } from './routing';
import type { GraphLayout, Plan, PositionedNode } from './types';

export { chooseSides, type EdgeRoute, type EdgeSides, type Side } from '../geometry';
export { clearLayoutCache } from './cache';
export { packClusters } from './pack';
export { planLayout } from './plan';
export type { GraphLayout, PositionedNode } from './types';

let elk: InstanceType<typeof ELK> | null = null;

/**
 * Lays out a graph: each VPC's address plan arranged by hand, everything else placed by ELK (layered, compound
 * VPC nodes, `INCLUDE_CHILDREN`), VPCs packed in rows. Deterministic: the same graph and direction always give
 * the same positions. Results are cached by a hash of what positions depend on; callers must not mutate them.
 */
export async function layoutGraph(graph: LayoutInput, direction: Direction): Promise<GraphLayout> {
  const key = layoutKey(graph, direction);
  const hit = cachedLayout(key);
  if (hit) return hit;

  const plan = planLayout(graph, direction);
  elk ??= new ELK();
  const laidOut: ElkNode[] = [];
  // One cluster at a time: each run is shorter, and the same VPC gives the same picture whatever else is in the region.
  for (const cluster of plan.clusters) laidOut.push(await elk.layout(cluster.root));
  const layout = collectLayout(laidOut, plan, graph, direction, key);
  cacheLayout(layout);
  return layout;
}

/** Positions in graph order, relative to their parents, and the edges routed over their absolute boxes. */
function collectLayout(laidOut: readonly ElkNode[], plan: Plan, graph: LayoutInput, direction: Direction, key: string): GraphLayout {
  const placed = placeClusters(laidOut, plan, direction);
  const nodes: PositionedNode[] = [];
  const absolute = new Map<string, Box>();
  for (const n of graph.nodes) {
    const box = placed.relative.get(n.id);
    if (!box) continue;
    const parentId = plan.tree.parentOf.get(n.id);
    const parentAbs = parentId === undefined ? undefined : absolute.get(parentId);
    absolute.set(n.id, parentAbs ? { ...box, x: parentAbs.x + box.x, y: parentAbs.y + box.y } : box);
    nodes.push(parentId === undefined ? { id: n.id, kind: n.kind, ...box } : { id: n.id, kind: n.kind, parentId, ...box });
  }
  const edges = routeEdges(graph, plan, absolute, placed.lanes, direction);
  return { key, direction, nodes, edges, width: placed.width, height: placed.height };
}
