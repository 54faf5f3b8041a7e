/**
 * Stage 2: which top-level nodes are laid out together. Each VPC is its own ELK run, with the outside targets
 * it routes to: each run is shorter, and the same VPC gives the same picture whatever else is in the region.
 */

import type { LayoutInput } from '../layout-key';
import { childrenIn, kindIn, topOf } from './tree';
import type { ClusterMembers, Tree } from './types';

/** The cluster of top-level nodes no VPC links to. */
export const LOOSE_CLUSTER = '__loose__';

/**
 * One cluster per VPC, in graph order, then the loose one if anything is left. A route target (or any other
 * top-level node) joins the first VPC, in graph order, that has an edge to or from it.
 */
export function groupClusters(graph: LayoutInput, tree: Tree): ClusterMembers[] {
  const tops = childrenIn(tree, undefined);
  const vpcTops = tops.filter((t) => kindIn(tree, t) === 'vpc');
  const vpcOrder = new Map(vpcTops.map((v, i) => [v, i]));
  const clusterOf = new Map<string, string>(vpcTops.map((v) => [v, v]));
  const linked = new Map<string, string>();
  for (const e of graph.edges) {
    const a = topOf(tree, e.source);
    const b = topOf(tree, e.target);
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (vpcOrder.has(self) || !vpcOrder.has(other)) continue;
      const current = linked.get(self);
      if (current === undefined || (vpcOrder.get(other) ?? 0) < (vpcOrder.get(current) ?? 0)) linked.set(self, other);
    }
  }
  for (const t of tops) if (!clusterOf.has(t)) clusterOf.set(t, linked.get(t) ?? LOOSE_CLUSTER);

  const members = new Map<string, string[]>();
  for (const t of tops) {
    const cid = clusterOf.get(t) ?? LOOSE_CLUSTER;
    const list = members.get(cid);
    if (list) list.push(t);
    else members.set(cid, [t]);
  }
  const ids = [...vpcTops, ...(members.has(LOOSE_CLUSTER) ? [LOOSE_CLUSTER] : [])];
  return ids.map((id) => ({ id, tops: members.get(id) ?? [] }));
}
