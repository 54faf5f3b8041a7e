import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import type { Box } from '../geometry';
import type { LayoutInput } from '../layout-key';
import { NODE_SIZE } from '../sizes';
import { blockIdOf } from './blocks';
import { CLUSTER_GAP, MARGIN, paddingOf } from './options';
import { placeClusters } from './placement';
import { planLayout } from './plan';
import { restack, wrapLayer } from './wrap';

describe('wrapLayer', () => {
  // Ten tables of 50 px stacked down from y=0 (left to right: across the flow is y), a gateway downstream of them.
  function layer() {
    const boxes = new Map<string, Box>();
    const ids = Array.from({ length: 10 }, (_, i) => `rtb-${i}`);
    ids.forEach((id, i) => boxes.set(id, { x: 100, y: i * 64, width: 200, height: 50 }));
    boxes.set('igw', { x: 400, y: 0, width: 200, height: 50 });
    const tops = new Map<string, Box>([
      ['vpc', { x: 0, y: 0, width: 700, height: 700 }],
      ['pcx', { x: 800, y: 0, width: 200, height: 50 }],
    ]);
    return { ids, boxes, tops };
  }

  it('wraps a layer longer than the limit into columns in its order and moves what is downstream by the width gained', () => {
    const { ids, boxes, tops } = layer();
    expect(wrapLayer(ids, boxes, 'vpc', tops, 300, 60, 'RIGHT')).toBe(true);
    const columns = [...new Set(ids.map((id) => boxes.get(id)?.x))];
    expect(columns.length).toBeGreaterThan(1);
    // Column by column, top to bottom: the order ELK chose is kept.
    const order = [...ids].sort((a, b) => (boxes.get(a)?.x ?? 0) - (boxes.get(b)?.x ?? 0) || (boxes.get(a)?.y ?? 0) - (boxes.get(b)?.y ?? 0));
    expect(order).toEqual(ids);
    expect(boxes.get('rtb-0')?.y).toBe(60);
    const gained = columns.length * 200 + (columns.length - 1) * 24 - 200;
    expect(boxes.get('igw')?.x).toBe(400 + gained);
    expect(tops.get('vpc')?.width).toBe(700 + gained);
    expect(tops.get('pcx')?.x).toBe(800 + gained);
  });

  it('leaves a layer that fits alone', () => {
    const { ids, boxes, tops } = layer();
    const before = new Map(boxes);
    expect(wrapLayer(ids, boxes, 'vpc', tops, 10_000, 60, 'RIGHT')).toBe(false);
    expect(boxes).toEqual(before);
  });

  it('restacks boxes from a start across the flow, in their order, 14 px apart', () => {
    const boxes = new Map<string, Box>([
      ['b', { x: 5, y: 300, width: 10, height: 20 }],
      ['a', { x: 7, y: 100, width: 10, height: 30 }],
    ]);
    restack(['b', 'a'], boxes, 40, 'RIGHT');
    expect(boxes.get('a')).toEqual({ x: 7, y: 40, width: 10, height: 30 });
    expect(boxes.get('b')).toEqual({ x: 5, y: 84, width: 10, height: 20 });
  });
});

describe('placeClusters', () => {
  const graph: LayoutInput = {
    nodes: [
      { id: 'vpc-1', kind: 'vpc' },
      { id: 'sub-1', kind: 'subnet', parentId: 'vpc-1' },
      { id: 'rtb-1', kind: 'routeTable', parentId: 'vpc-1' },
      { id: 'vpc-2', kind: 'vpc' },
      { id: 'rtb-2', kind: 'routeTable', parentId: 'vpc-2' },
    ],
    edges: [{ id: 'a', source: 'sub-1', target: 'rtb-1', kind: 'association' }],
  };
  const plan = planLayout(graph, 'RIGHT');
  const block = plan.blocks.get(blockIdOf('vpc-1', 'vpc-1'));
  // The route table's right edge (ELK's x + its width) plus the VPC's right padding.
  const VPC_1_WIDTH = Math.round(400.6 + NODE_SIZE.routeTable.width + paddingOf('vpc').right);
  // The lower of the block's and the table's bottom edges plus the bottom padding.
  const VPC_1_HEIGHT = Math.max(60 + (block?.size.height ?? 0), 60 + NODE_SIZE.routeTable.height) + paddingOf('vpc').bottom;

  /** What ELK would answer: each cluster's nodes at hand-picked places, with sub-pixel offsets. */
  function elkAnswer(): ElkNode[] {
    const at: Record<string, Partial<ElkNode>> = {
      'vpc-1': { x: 10.4, y: 20, width: 700, height: 200 },
      [blockIdOf('vpc-1', 'vpc-1')]: { x: 20, y: 60 },
      'rtb-1': { x: 400.6, y: 60 },
      'vpc-2': { x: 0, y: 0, width: 400, height: 150 },
      'rtb-2': { x: 20, y: 60 },
    };
    const place = (n: ElkNode): ElkNode => ({ ...n, ...at[n.id], ...(n.children ? { children: n.children.map(place) } : {}) });
    return plan.clusters.map((c) => place(structuredClone(c.root)));
  }

  it('starts each cluster at the margin, packs them one under the other when that shows them bigger, and rounds to whole pixels', () => {
    const placed = placeClusters(elkAnswer(), plan, 'RIGHT');
    // The VPC's box is fitted to what it holds plus its padding (see below), here narrower than ELK's.
    expect(placed.relative.get('vpc-1')).toEqual({ x: MARGIN, y: MARGIN, width: VPC_1_WIDTH, height: VPC_1_HEIGHT });
    const vpc2 = placed.relative.get('vpc-2');
    // Side by side would be 1,061 px wide for 136 px of height: on a 2:1 screen, one under the other is bigger.
    expect(vpc2?.x).toBe(MARGIN);
    expect(vpc2?.y).toBe(MARGIN + VPC_1_HEIGHT + CLUSTER_GAP);
    expect(placed.relative.get('rtb-1')).toEqual({ x: 401, y: 60, width: NODE_SIZE.routeTable.width, height: NODE_SIZE.routeTable.height });
    // vpc-2 holds one table: its box is the VPC's minimum width.
    expect(vpc2?.width).toBe(NODE_SIZE.vpc.width);
    expect(placed.width).toBe(VPC_1_WIDTH + 2 * MARGIN);
    expect(placed.height).toBe(VPC_1_HEIGHT + CLUSTER_GAP + (vpc2?.height ?? 0) + 2 * MARGIN);
  });

  it('puts the block\'s members where ELK put the block, inside their VPC', () => {
    const placed = placeClusters(elkAnswer(), plan, 'RIGHT');
    const inBlock = block?.boxes.get('sub-1');
    expect(placed.relative.get('sub-1')).toEqual({ x: 20 + (inBlock?.x ?? 0), y: 60 + (inBlock?.y ?? 0), width: inBlock?.width, height: inBlock?.height });
  });

  it('measures the lane between the address plan and the route tables', () => {
    const placed = placeClusters(elkAnswer(), plan, 'RIGHT');
    const planEnd = MARGIN + 20 + (block?.size.width ?? 0);
    expect(placed.lanes.get('vpc-1')?.planToTables).toEqual([planEnd, MARGIN + 400.6]);
    // No gateways: the tables' lane runs to the VPC's border.
    expect(placed.lanes.get('vpc-1')?.tablesToGateways).toEqual([MARGIN + 400.6 + NODE_SIZE.routeTable.width, MARGIN + 400.6 + NODE_SIZE.routeTable.width + paddingOf('vpc').right]);
  });

  it('fits a VPC\'s box to what it holds plus its padding, whatever size ELK gave it', () => {
    for (const width of [300, 2000]) {
      const answer = elkAnswer();
      const vpc1 = answer[0]?.children?.find((c) => c.id === 'vpc-1');
      if (vpc1) vpc1.width = width;
      expect(placeClusters(answer, plan, 'RIGHT').relative.get('vpc-1')?.width, String(width)).toBe(VPC_1_WIDTH);
    }
  });
});
