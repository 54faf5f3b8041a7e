/**
 * A preview's ghost on the canvas (see `GraphGhost`): its nodes get the `ghost` / `ghost-removed` marks through the
 * same overlay as a comparison's, and its edges are restyled here, after `toFlow`, so the flow conversion does not
 * need to know about previews. A ghost edge is always drawn, even where a busy graph hides its kind until hovered:
 * it is the point of the picture. A comparison's edges (`GraphDiff` lists edge ids beside node ids) are restyled
 * the same way, in the colours of their nodes' marks.
 */

import type { AtlasEdge, AtlasNode, DiffMark, GraphGhost } from './types';

/** Marks by graph id (nodes and edges); removals win over additions. */
export function ghostMarks(ghost: GraphGhost | undefined): Map<string, DiffMark> | undefined {
  if (!ghost || (ghost.added.length === 0 && ghost.removed.length === 0)) return undefined;
  const marks = new Map<string, DiffMark>();
  for (const id of ghost.added) marks.set(id, 'ghost');
  for (const id of ghost.removed) marks.set(id, 'ghost-removed');
  return marks;
}

interface EdgeMarkStyle {
  stroke: string;
  className: string;
  width: number;
  /** Absent: the edge keeps its own dash (an implicit association stays dashed). */
  dash?: string;
  opacity: number;
  /** Put before the label: `+ s3 (pl-63a5400a)` is a route to come (or added), beside the solid ones that exist. */
  sign?: string;
}

// Comparison colours: the hues of the node marks' rings and pins (emerald-600, red-600, amber-600).
const EDGE_STYLE: Record<DiffMark, EdgeMarkStyle> = {
  ghost: { stroke: 'var(--atlas-ghost)', className: 'atlas-ghost-edge', width: 2.25, dash: '7 5', opacity: 0.9, sign: '+' },
  'ghost-removed': { stroke: 'var(--atlas-ghost-removed)', className: 'atlas-ghost-removed-edge', width: 2.25, dash: '7 5', opacity: 0.7, sign: '−' },
  added: { stroke: '#059669', className: 'atlas-diff-edge atlas-diff-added', width: 3, opacity: 1, sign: '+' },
  removed: { stroke: '#dc2626', className: 'atlas-diff-edge atlas-diff-removed', width: 3, dash: '6 4', opacity: 0.85, sign: '−' },
  changed: { stroke: '#d97706', className: 'atlas-diff-edge atlas-diff-changed', width: 3, opacity: 1 },
};

// The restyled copy of each flow edge, so an unchanged edge keeps its identity (and React Flow skips it).
const restyled = new WeakMap<AtlasEdge, { mark: DiffMark; edge: AtlasEdge }>();

/**
 * The flow's edges with the ghost's (or the comparison's) coloured, shown, and lifted over every node. Edges whose
 * ends are not drawn (inside a collapsed AZ) stay as they were.
 */
export function markGhostEdges(edges: AtlasEdge[], marks: ReadonlyMap<string, DiffMark> | undefined, nodes: readonly AtlasNode[]): AtlasEdge[] {
  if (!marks) return edges;
  let drawn: Set<string> | null = null;
  return edges.map((edge) => {
    const mark = marks.get(edge.id);
    if (mark === undefined) return edge;
    drawn ??= new Set(nodes.filter((n) => !n.hidden).map((n) => n.id));
    if (!drawn.has(edge.source) || !drawn.has(edge.target)) return edge;
    const hit = restyled.get(edge);
    if (hit && hit.mark === mark) return hit.edge;
    const { stroke, className, width, dash, opacity, sign } = EDGE_STYLE[mark];
    const next: AtlasEdge = {
      ...edge,
      hidden: false,
      // Over every box, subnets and their chips included (z 3): the way to a new ENI is traced across its subnet.
      zIndex: 4,
      className: edge.className ? `${edge.className} ${className}` : className,
      style: { ...edge.style, stroke, strokeWidth: width, ...(dash ? { strokeDasharray: dash } : {}), opacity },
      ...(sign && typeof edge.label === 'string' ? { label: `${sign} ${edge.label}` } : {}),
    };
    restyled.set(edge, { mark, edge: next });
    return next;
  });
}
