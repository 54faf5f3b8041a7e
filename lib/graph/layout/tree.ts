/** Stage 0: the graph's nesting as lookups every later stage reads. */

import type { LayoutInput } from '../layout-key';
import { NODE_SIZE, type Size } from '../sizes';
import type { NodeKind } from '../types';
import type { Tree } from './types';

/** Kinds, parents and children of every node. A parent id that is not in the graph makes a top-level node. */
export function buildTree(graph: LayoutInput): Tree {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const sizeOf = new Map(graph.nodes.flatMap((n) => (n.size ? [[n.id, n.size] as const] : [])));
  const parentOf = new Map<string, string | undefined>();
  const childrenOf = new Map<string | undefined, string[]>();
  for (const n of graph.nodes) {
    const parent = n.parentId !== undefined && ids.has(n.parentId) ? n.parentId : undefined;
    parentOf.set(n.id, parent);
    const list = childrenOf.get(parent);
    if (list) list.push(n.id);
    else childrenOf.set(parent, [n.id]);
  }
  return { kindOf, parentOf, childrenOf, sizeOf };
}

/** The size of a node ELK places: its own when the graph gives one, else its kind's. */
export function sizeIn(tree: Tree, id: string): Size {
  return tree.sizeOf.get(id) ?? NODE_SIZE[kindIn(tree, id)];
}

/** The kind of `id`; an id the tree does not know is treated as an outside target. */
export function kindIn(tree: Tree, id: string): NodeKind {
  return tree.kindOf.get(id) ?? 'external';
}

export function childrenIn(tree: Tree, id: string | undefined): readonly string[] {
  return tree.childrenOf.get(id) ?? [];
}

/** The top-level node `id` is drawn inside (itself when it is top-level). */
export function topOf(tree: Tree, id: string): string {
  let cur = id;
  for (let p = tree.parentOf.get(cur); p !== undefined; p = tree.parentOf.get(cur)) cur = p;
  return cur;
}
