/** Small facts the canvas derives from its graph: diff marks, counts for data attributes, the filter options. */

import type { Graph, NodeKind } from '@/lib/graph/types';
import { NODE_KINDS } from '@/lib/graph/types';
import type { KindOption } from './graph-store';
import type { DiffMark, GraphDiff } from './types';

/** A snapshot comparison's ids as marks. Later lists win: an id listed as removed and changed is shown as removed. */
export function diffMarks(diff: GraphDiff | undefined): Map<string, DiffMark> | undefined {
  if (!diff) return undefined;
  const marks = new Map<string, DiffMark>();
  for (const id of diff.changed) marks.set(id, 'changed');
  for (const id of diff.added) marks.set(id, 'added');
  for (const id of diff.removed) marks.set(id, 'removed');
  return marks;
}

/**
 * `data-node-count-<kind>` attributes, for tests and the bench: `onlyRenderVisibleElements` and level of detail leave
 * some nodes out of the DOM, so counting DOM nodes would not say what the graph holds.
 */
export function countAttributes(graph: Graph): Record<string, string> {
  const counts = Object.fromEntries(NODE_KINDS.map((k) => [k, 0])) as Record<NodeKind, number>;
  for (const n of graph.nodes) counts[n.kind] += 1;
  // `routeTable` -> `route-table`: HTML lower-cases attribute names.
  return Object.fromEntries(NODE_KINDS.map((k) => [`data-node-count-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, String(counts[k])]));
}

/** Kinds the user can hide (VPCs aside), with how many of each the unfiltered graph has; hidden ones always listed. */
export function kindOptions(graph: Graph, hiddenKinds: readonly NodeKind[]): KindOption[] {
  const counts = new Map<NodeKind, number>();
  for (const n of graph.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return NODE_KINDS.filter((k) => k !== 'vpc' && ((counts.get(k) ?? 0) > 0 || hiddenKinds.includes(k))).map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
}

/** AZ names the user can hide: those drawn and those hidden now, sorted. */
export function azOptions(graph: Graph, hiddenAzs: readonly string[]): string[] {
  const azs = new Set<string>(hiddenAzs);
  for (const n of graph.nodes) if (n.kind === 'az') azs.add(n.data.az);
  return [...azs].sort();
}
