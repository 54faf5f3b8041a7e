/**
 * Level of detail: when zoomed far out, each AZ box stands for everything inside it. Hidden nodes keep their
 * laid-out places (nothing moves when the user zooms back in); edges that touched them are redrawn to the AZ.
 */

import type { GraphEdge, GraphNode } from './types';

export interface Collapsed {
  /** Nodes inside a collapsed AZ (and, in the overview, the members of every group). */
  hidden: Set<string>;
  /** The graph's edges with ends inside an AZ moved to the AZ, merged, and without labels. */
  edges: GraphEdge[];
  /** Overview only (`collapseForOverview`): a VPC's many route tables or interface endpoints, each drawn as one box. */
  groups?: CollapsedGroup[];
}

/** A VPC's route tables or interface endpoints standing in one box, over the area they occupy. */
export interface CollapsedGroup {
  /** `${vpcId}/route-tables` or `${vpcId}/interface-endpoints`. */
  id: string;
  vpcId: string;
  kind: 'routeTable' | 'interfaceEndpoint';
  members: string[];
}

/** Kinds placed in a VPC's layers that the overview draws as one box per VPC when there are many. */
const GROUPED: Record<CollapsedGroup['kind'], string> = { routeTable: 'route-tables', interfaceEndpoint: 'interface-endpoints' };

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

/**
 * The overview of a big graph, far zoomed out: every AZ collapsed (`collapseAzs`), and a VPC's route tables or
 * interface endpoints, when it has more than `groupAbove` of them, drawn as one box over the area they occupy
 * ("200 route tables"). At that zoom they would be hundreds of unreadable specks, each a DOM node to draw on every
 * frame of a pan or zoom. Their edges are left out: the overview hides edges anyway until they matter.
 */
export function collapseForOverview(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }, groupAbove: number): Collapsed {
  const byAz = collapseAzs(graph);
  const members = new Map<string, CollapsedGroup>();
  for (const n of graph.nodes) {
    if ((n.kind !== 'routeTable' && n.kind !== 'interfaceEndpoint') || n.parentId === undefined) continue;
    const id = `${n.parentId}/${GROUPED[n.kind]}`;
    let group = members.get(id);
    if (!group) {
      group = { id, vpcId: n.parentId, kind: n.kind, members: [] };
      members.set(id, group);
    }
    group.members.push(n.id);
  }
  const groups = [...members.values()].filter((g) => g.members.length > groupAbove);
  if (groups.length === 0) return byAz;
  const hidden = new Set(byAz.hidden);
  for (const g of groups) for (const m of g.members) hidden.add(m);
  const edges = byAz.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
  return { hidden, edges, groups };
}
