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

/** A path lit up on the graph: the nodes it passes, the edges joining them, and the steps no edge joins. */
export interface PathHighlight {
  nodes: Set<string>;
  edges: Set<string>;
  /** Consecutive hops with no edge between them (a NAT gateway's subnet to its table is a parent, not an edge). */
  extra: GraphEdge[];
}

/**
 * What to light up for a path given as hops (resource ids in the order traffic passes them): each hop and the
 * groups around it, the edge joining each pair of consecutive hops (in either direction), and a synthetic
 * `path` edge for pairs no edge joins, unless one hop contains the other. Hops not on the graph are skipped.
 */
export function pathHighlight(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }, hops: readonly string[]): PathHighlight {
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parentId]));
  const drawn = hops.filter((h) => parentOf.has(h));
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const extra: GraphEdge[] = [];
  const between = new Map<string, string>();
  for (const e of graph.edges) {
    between.set(`${e.source}\n${e.target}`, e.id);
    if (!between.has(`${e.target}\n${e.source}`)) between.set(`${e.target}\n${e.source}`, e.id);
  }
  const contains = (outer: string, inner: string) => {
    for (let p = parentOf.get(inner); p !== undefined; p = parentOf.get(p)) if (p === outer) return true;
    return false;
  };
  for (const h of drawn) {
    nodes.add(h);
    for (let p = parentOf.get(h); p !== undefined; p = parentOf.get(p)) nodes.add(p);
  }
  for (let i = 1; i < drawn.length; i++) {
    const a = drawn[i - 1];
    const b = drawn[i];
    if (a === undefined || b === undefined || a === b) continue;
    const id = between.get(`${a}\n${b}`);
    if (id !== undefined) edges.add(id);
    else if (!contains(a, b) && !contains(b, a)) {
      extra.push({ id: `path:${a}->${b}`, source: a, target: b, kind: 'route', dashed: true, blackhole: false, destinations: [] });
    }
  }
  return { nodes, edges, extra };
}
