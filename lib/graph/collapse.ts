/**
 * Level of detail: when zoomed far out, each AZ box stands for everything inside it. Hidden nodes keep their
 * laid-out places (nothing moves when the user zooms back in); edges that touched them are redrawn to the AZ.
 */

import type { GraphEdge, GraphNode } from './types';

export interface Collapsed {
  /** Nodes inside a collapsed AZ. */
  hidden: Set<string>;
  /** The graph's edges with ends inside an AZ moved to the AZ, merged, and without labels. */
  edges: GraphEdge[];
}

/** Collapses every AZ except those in `expanded`. */
export function collapseAzs(
  graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
  expanded: ReadonlySet<string> = new Set(),
): Collapsed {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const stand = new Map<string, string>();
  // Parents precede children, so a node's parent has already been assigned its stand-in.
  for (const n of graph.nodes) {
    if (n.parentId === undefined) continue;
    const parent = byId.get(n.parentId);
    if (!parent) continue;
    if (parent.kind === 'az' && !expanded.has(parent.id)) stand.set(n.id, parent.id);
    else {
      const up = stand.get(parent.id);
      if (up !== undefined) stand.set(n.id, up);
    }
  }

  const merged = new Map<string, GraphEdge>();
  const edges: GraphEdge[] = [];
  for (const e of graph.edges) {
    const source = stand.get(e.source) ?? e.source;
    const target = stand.get(e.target) ?? e.target;
    if (source === e.source && target === e.target) {
      edges.push(e);
      continue;
    }
    if (source === target) continue;
    const id = `${source}->${target}~${e.kind}`;
    const existing = merged.get(id);
    if (existing) {
      existing.dashed &&= e.dashed;
      existing.blackhole ||= e.blackhole;
      for (const d of e.destinations) if (!existing.destinations.includes(d)) existing.destinations.push(d);
    } else {
      const edge: GraphEdge = {
        id,
        source,
        target,
        kind: e.kind,
        dashed: e.dashed,
        blackhole: e.blackhole,
        destinations: [...e.destinations],
      };
      merged.set(id, edge);
      edges.push(edge);
    }
  }
  return { hidden: new Set(stand.keys()), edges };
}
