import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import type { LayoutInput } from '../layout-key';
import { blockIdOf } from './blocks';
import { planLayout } from './plan';

const graph: LayoutInput = {
  nodes: [
    { id: 'vpc', kind: 'vpc' },
    { id: 'az', kind: 'az', parentId: 'vpc' },
    { id: 'sub-1', kind: 'subnet', parentId: 'az' },
    { id: 'sub-2', kind: 'subnet', parentId: 'az' },
    { id: 'nat', kind: 'natGateway', parentId: 'sub-1' },
    { id: 'rtb-used', kind: 'routeTable', parentId: 'vpc' },
    { id: 'rtb-unused', kind: 'routeTable', parentId: 'vpc' },
    { id: 'vpce-s3', kind: 'gatewayEndpoint', parentId: 'vpc' },
    { id: 'pcx', kind: 'external' },
    { id: 'vpc-other', kind: 'vpc' },
    { id: 'rtb-other', kind: 'routeTable', parentId: 'vpc-other' },
  ],
  edges: [
    { id: 'sub-1->rtb-used', source: 'sub-1', target: 'rtb-used', kind: 'association' },
    { id: 'sub-2->rtb-used', source: 'sub-2', target: 'rtb-used', kind: 'association' },
    { id: 'rtb-used->nat', source: 'rtb-used', target: 'nat', kind: 'route' },
    { id: 'rtb-used->pcx', source: 'rtb-used', target: 'pcx', kind: 'route' },
    { id: 'rtb-other->pcx', source: 'rtb-other', target: 'pcx', kind: 'route' },
  ],
};

function find(node: ElkNode, id: string): ElkNode | undefined {
  if (node.id === id) return node;
  for (const c of node.children ?? []) {
    const hit = find(c, id);
    if (hit) return hit;
  }
  return undefined;
}

function edgesOf(node: ElkNode): { id: string; from: string; to: string; in: string }[] {
  return [
    ...(node.edges ?? []).map((e) => ({ id: e.id, from: e.sources[0] ?? '', to: e.targets[0] ?? '', in: node.id })),
    ...(node.children ?? []).flatMap(edgesOf),
  ];
}

describe('buildElkGraphs (through planLayout)', () => {
  const plan = planLayout(graph, 'RIGHT');
  const [first, second] = plan.clusters;

  it('runs each VPC with the targets it routes to, the address plan as one fixed-size node', () => {
    expect(plan.clusters.map((c) => c.tops)).toEqual([['vpc', 'pcx'], ['vpc-other']]);
    const vpc = first && find(first.root, 'vpc');
    expect(vpc?.children?.map((c) => c.id)).toEqual([blockIdOf('vpc', 'vpc'), 'rtb-used', 'rtb-unused', 'vpce-s3']);
    const block = plan.blocks.get(blockIdOf('vpc', 'vpc'));
    const blockNode = first && find(first.root, blockIdOf('vpc', 'vpc'));
    expect(blockNode?.width).toBe(block?.size.width);
    expect(blockNode?.height).toBe(block?.size.height);
    expect(blockNode?.layoutOptions?.['elk.portConstraints']).toBe('FIXED_POS');
  });

  it('gives each subnet with an edge a port on the downstream side of the block, level with the subnet', () => {
    const blockNode = first && find(first.root, blockIdOf('vpc', 'vpc'));
    const block = plan.blocks.get(blockIdOf('vpc', 'vpc'));
    const az = block?.boxes.get('az');
    const sub2 = block?.boxes.get('sub-2');
    expect(blockNode?.ports?.map((p) => p.id)).toEqual(['sub-1>EAST', 'sub-2>EAST']);
    const port = blockNode?.ports?.[1];
    expect(port?.x).toBe(block?.size.width);
    expect(port?.y).toBe((az?.y ?? 0) + (sub2?.y ?? 0) + (sub2?.height ?? 0) / 2);
  });

  it('adds edges where ELK can route them, an invisible one for a table nothing uses, and none against the flow', () => {
    const edges = first ? edgesOf(first.root) : [];
    expect(edges).toEqual([
      { id: 'rtb-used->pcx', from: 'rtb-used', to: 'pcx', in: '__root__:vpc' },
      { id: 'sub-1->rtb-used', from: 'sub-1>EAST', to: 'rtb-used', in: 'vpc' },
      { id: 'sub-2->rtb-used', from: 'sub-2>EAST', to: 'rtb-used', in: 'vpc' },
      { id: '__layer__:rtb-unused', from: blockIdOf('vpc', 'vpc'), to: 'rtb-unused', in: 'vpc' },
      { id: '__layer__:vpce-s3', from: 'rtb-used', to: 'vpce-s3', in: 'vpc' },
    ]);
    // pcx is drawn with the first VPC; the other VPC's route to it crosses runs and is left to the canvas.
    expect(second ? edgesOf(second.root) : []).toEqual([]);
  });

  it('puts ports on the south side when the flow runs top to bottom', () => {
    const down = planLayout(graph, 'DOWN');
    const blockNode = down.clusters[0] && find(down.clusters[0].root, blockIdOf('vpc', 'vpc'));
    expect(blockNode?.ports?.map((p) => p.id)).toEqual(['sub-1>SOUTH', 'sub-2>SOUTH']);
    expect(blockNode?.ports?.every((p) => p.y === down.blocks.get(blockIdOf('vpc', 'vpc'))?.size.height)).toBe(true);
  });
});
