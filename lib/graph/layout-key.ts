/**
 * What a layout depends on, and a cheap key for it. Kept apart from `layout.ts` so the client can compute
 * cache keys and send compact requests to the layout worker without bundling ELK on the main thread.
 */

import type { Size } from './sizes';
import type { Direction, EdgeKind, GraphEdge, GraphNode, NodeKind } from './types';

/**
 * The part of a graph that decides positions: ids, kinds (which fix sizes), nesting and edges. `size` is set only
 * where a node is not its kind's size: a node of a semantic overview, whose title is drawn bigger (`OVERVIEW_SIZE`),
 * or an endpoint ENI's chip sized for its title (`endpointEniSize`).
 */
export interface LayoutInput {
  nodes: readonly { id: string; kind: NodeKind; parentId?: string; size?: Size }[];
  edges: readonly { id: string; source: string; target: string; kind: EdgeKind }[];
}

/** Strips a graph down to what the layout reads, so a worker message carries no names or tags. */
export function toLayoutInput(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }): LayoutInput {
  return {
    nodes: graph.nodes.map((n) => {
      const base = n.parentId === undefined ? { id: n.id, kind: n.kind } : { id: n.id, kind: n.kind, parentId: n.parentId };
      return n.size ? { ...base, size: n.size } : base;
    }),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind })),
  };
}

/**
 * A 53-bit string hash (cyrb53): fast, well spread, not cryptographic. Collisions only cost a wrong cache hit,
 * and the key also carries the node and edge counts, which makes that practically impossible between
 * graphs that could be on screen in one session.
 */
export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Cache key of the layout of `input` in `direction`: equal keys mean equal pictures. */
export function layoutKey(input: LayoutInput, direction: Direction): string {
  let text = direction;
  for (const n of input.nodes) text += `|${n.id},${n.kind},${n.parentId ?? ''}${n.size ? `,${n.size.width}x${n.size.height}` : ''}`;
  text += '#';
  for (const e of input.edges) text += `|${e.source}>${e.target},${e.kind}`;
  return `${direction}-${input.nodes.length}-${input.edges.length}-${hashString(text)}`;
}
