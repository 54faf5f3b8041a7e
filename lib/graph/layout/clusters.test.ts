import { describe, expect, it } from 'vitest';
import type { LayoutInput } from '../layout-key';
import { groupClusters, LOOSE_CLUSTER } from './clusters';
import { buildTree, topOf } from './tree';

const graph: LayoutInput = {
  nodes: [
    { id: 'vpc-a', kind: 'vpc' },
    { id: 'rtb-a', kind: 'routeTable', parentId: 'vpc-a' },
    { id: 'vpc-b', kind: 'vpc' },
    { id: 'rtb-b', kind: 'routeTable', parentId: 'vpc-b' },
    { id: 'pcx-shared', kind: 'external' },
    { id: 'tgw-b', kind: 'external' },
    { id: 'orphan', kind: 'external' },
    { id: 'sub-x', kind: 'subnet', parentId: 'gone' },
  ],
  edges: [
    { id: 'e1', source: 'rtb-b', target: 'pcx-shared', kind: 'route' },
    { id: 'e2', source: 'rtb-a', target: 'pcx-shared', kind: 'route' },
    { id: 'e3', source: 'rtb-b', target: 'tgw-b', kind: 'route' },
  ],
};

describe('buildTree', () => {
  it('makes a node whose parent is not in the graph top-level, and finds top-level ancestors', () => {
    const tree = buildTree(graph);
    expect(tree.parentOf.get('sub-x')).toBeUndefined();
    expect(tree.childrenOf.get(undefined)).toEqual(['vpc-a', 'vpc-b', 'pcx-shared', 'tgw-b', 'orphan', 'sub-x']);
    expect(topOf(tree, 'rtb-b')).toBe('vpc-b');
    expect(topOf(tree, 'vpc-b')).toBe('vpc-b');
  });
});

describe('groupClusters', () => {
  it('puts a target with the first VPC in graph order that routes to it, and the unlinked rest in one loose cluster', () => {
    expect(groupClusters(graph, buildTree(graph))).toEqual([
      { id: 'vpc-a', tops: ['vpc-a', 'pcx-shared'] },
      { id: 'vpc-b', tops: ['vpc-b', 'tgw-b'] },
      { id: LOOSE_CLUSTER, tops: ['orphan', 'sub-x'] },
    ]);
  });

  it('has no loose cluster when every top-level node is linked to a VPC', () => {
    const linked: LayoutInput = { nodes: graph.nodes.slice(0, 6), edges: graph.edges };
    expect(groupClusters(linked, buildTree(linked)).map((c) => c.id)).toEqual(['vpc-a', 'vpc-b']);
  });
});
