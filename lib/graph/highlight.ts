/** What lights up when a node is selected: the node, what it contains, what it is joined to, and their groups. */

import type { GraphEdge, GraphNode } from './types';

export interface Related {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * The selected node, its descendants, every node one edge away from any of them, and the groups that
 * contain all of those (so their boxes are not dimmed around a highlighted child). Edges: those touching
 * the selected node or its descendants.
 */
export function relatedTo(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }, id: string): Related {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!graph.nodes.some((n) => n.id === id)) return { nodes, edges };

  const core = new Set<string>([id]);
  // Parents precede children, so one pass collects every descendant.
  for (const n of graph.nodes) if (n.parentId !== undefined && core.has(n.parentId)) core.add(n.id);
  for (const c of core) nodes.add(c);

  for (const e of graph.edges) {
    if (core.has(e.source) || core.has(e.target)) {
      edges.add(e.id);
      nodes.add(e.source);
      nodes.add(e.target);
    }
  }

  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parentId]));
  for (const n of [...nodes]) {
    for (let p = parentOf.get(n); p !== undefined; p = parentOf.get(p)) nodes.add(p);
  }
  return { nodes, edges };
}
