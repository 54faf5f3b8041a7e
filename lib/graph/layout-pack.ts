/**
 * A laid-out graph in the few bytes the browser needs when it already has the graph: the server lays out the
 * first view of a page (`layout-server.ts`) and sends it with the page, so the canvas draws at once without
 * loading ELK. Node ids, kinds and parents, and edge ids, are left out: the browser rebuilds the same graph from
 * the same topology and reads them from its own `LayoutInput`, in the same order. Client-safe: no ELK here.
 *
 * `unpackLayout` refuses (returns null) anything that does not fit the input it is given, so a packed layout
 * for another graph can never be drawn on this one: the canvas then lays out in the browser as before.
 */

import type { EdgeRoute, Side } from './geometry';
import type { GraphLayout, PositionedNode } from './layout';
import { layoutKey, type LayoutInput } from './layout-key';
import { DIRECTIONS, type Direction } from './types';

/** The layout of one graph, packed against that graph's `LayoutInput`. */
export interface PackedLayout {
  /** `layoutKey(input, direction)` of the graph it was computed for. */
  key: string;
  direction: Direction;
  width: number;
  height: number;
  /** x, y, width, height of each input node, in input order (relative to the parent, as in `GraphLayout`). */
  boxes: number[];
  /** Two letters per input edge (source side, target side: `t`, `r`, `b`, `l`), `--` for an edge without a route. */
  sides: string;
  /** Each input edge's bend (`EdgeRoute.bend`), null when it has none. */
  bends: (number | null)[];
}

/** What the server page hands the canvas: the packed first layout, or the layout whole when it cannot be packed. */
export type InitialLayout = { packed: PackedLayout } | { layout: GraphLayout };

const SIDE_LETTER: Record<Side, string> = { top: 't', right: 'r', bottom: 'b', left: 'l' };
const LETTER_SIDE: Record<string, Side> = { t: 'top', r: 'right', b: 'bottom', l: 'left' };

/**
 * Packs `layout` against `input` (the graph it was computed from), or returns null when the layout does not
 * follow the input one to one (a node left out, a parent other than the input's): the caller then sends it whole.
 */
export function packLayout(layout: GraphLayout, input: LayoutInput): PackedLayout | null {
  if (layout.nodes.length !== input.nodes.length) return null;
  const boxes: number[] = [];
  for (let i = 0; i < input.nodes.length; i++) {
    const n = layout.nodes[i] as PositionedNode;
    const want = input.nodes[i] as LayoutInput['nodes'][number];
    if (n.id !== want.id || n.kind !== want.kind || n.parentId !== want.parentId) return null;
    boxes.push(n.x, n.y, n.width, n.height);
  }
  let sides = '';
  const bends: (number | null)[] = [];
  let routed = 0;
  for (const e of input.edges) {
    const route = layout.edges[e.id];
    if (!route) {
      sides += '--';
      bends.push(null);
      continue;
    }
    routed += 1;
    sides += SIDE_LETTER[route.source] + SIDE_LETTER[route.target];
    bends.push(route.bend ?? null);
  }
  // Routes for edges the input does not have would be lost.
  if (routed !== Object.keys(layout.edges).length) return null;
  return { key: layout.key, direction: layout.direction, width: layout.width, height: layout.height, boxes, sides, bends };
}

/**
 * The `GraphLayout` a packed layout stands for, given the same input; null when it is not this input's layout.
 * `key`: `layoutKey(input, packed.direction)` when the caller has it already.
 */
export function unpackLayout(packed: PackedLayout, input: LayoutInput, key?: string): GraphLayout | null {
  if (!DIRECTIONS.includes(packed.direction)) return null;
  if (packed.boxes.length !== input.nodes.length * 4 || packed.sides.length !== input.edges.length * 2 || packed.bends.length !== input.edges.length) return null;
  if ((key ?? layoutKey(input, packed.direction)) !== packed.key) return null;
  const nodes: PositionedNode[] = input.nodes.map((n, i) => {
    const [x, y, width, height] = packed.boxes.slice(i * 4, i * 4 + 4) as [number, number, number, number];
    return n.parentId === undefined ? { id: n.id, kind: n.kind, x, y, width, height } : { id: n.id, kind: n.kind, parentId: n.parentId, x, y, width, height };
  });
  const edges: Record<string, EdgeRoute> = {};
  for (let i = 0; i < input.edges.length; i++) {
    const s = LETTER_SIDE[packed.sides[i * 2] ?? ''];
    const t = LETTER_SIDE[packed.sides[i * 2 + 1] ?? ''];
    if (!s || !t) continue;
    const bend = packed.bends[i];
    const id = (input.edges[i] as LayoutInput['edges'][number]).id;
    edges[id] = bend === null || bend === undefined ? { source: s, target: t } : { source: s, target: t, bend };
  }
  return { key: packed.key, direction: packed.direction, nodes, edges, width: packed.width, height: packed.height };
}

/** The key of the layout an `InitialLayout` carries. */
export function initialLayoutKey(initial: InitialLayout): string {
  return 'packed' in initial ? initial.packed.key : initial.layout.key;
}

/**
 * The layout an `InitialLayout` stands for, when it is the layout of `input` (whose key, in the direction wanted,
 * is `key`); null otherwise.
 */
export function readInitialLayout(initial: InitialLayout, input: LayoutInput, key: string): GraphLayout | null {
  if (initialLayoutKey(initial) !== key) return null;
  if ('packed' in initial) return unpackLayout(initial.packed, input, key);
  return initial.layout;
}
