import { beforeEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../build';
import { chooseSides, clearLayoutCache, layoutGraph, packClusters, type GraphLayout, type PositionedNode } from './index';
import { toLayoutInput } from '../layout-key';
import { largeTopology, sampleTopology } from '../test-topology';
import type { Direction, Graph } from '../types';

const DIRECTIONS: Direction[] = ['RIGHT', 'DOWN'];

function overlaps(a: PositionedNode, b: PositionedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function byId(layout: GraphLayout): Map<string, PositionedNode> {
  return new Map(layout.nodes.map((n) => [n.id, n]));
}

function absolute(layout: GraphLayout, id: string): { x: number; y: number; width: number; height: number } {
  const nodes = byId(layout);
  let n = nodes.get(id);
  if (!n) throw new Error(`no node ${id}`);
  const box = { x: n.x, y: n.y, width: n.width, height: n.height };
  while (n.parentId !== undefined) {
    n = nodes.get(n.parentId);
    if (!n) break;
    box.x += n.x;
    box.y += n.y;
  }
  return box;
}

function checkGeometry(graph: Graph, layout: GraphLayout) {
  const nodes = byId(layout);
  expect(layout.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
  for (const n of layout.nodes) {
    expect(n.width, n.id).toBeGreaterThan(0);
    expect(n.height, n.id).toBeGreaterThan(0);
    if (n.parentId === undefined) continue;
    const p = nodes.get(n.parentId);
    expect(p, `${n.id} parent`).toBeDefined();
    if (!p) continue;
    // Relative to the parent, inside it.
    expect(n.x, `${n.id} x`).toBeGreaterThanOrEqual(0);
    expect(n.y, `${n.id} y`).toBeGreaterThanOrEqual(0);
    expect(n.x + n.width, `${n.id} right edge within ${p.id}`).toBeLessThanOrEqual(p.width);
    expect(n.y + n.height, `${n.id} bottom edge within ${p.id}`).toBeLessThanOrEqual(p.height);
  }
  const siblings = new Map<string, PositionedNode[]>();
  for (const n of layout.nodes) {
    const key = n.parentId ?? '';
    siblings.set(key, [...(siblings.get(key) ?? []), n]);
  }
  for (const list of siblings.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a && b) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  }
  for (const e of graph.edges) expect(layout.edges[e.id], e.id).toBeDefined();
}

describe('layoutGraph', () => {
  beforeEach(() => clearLayoutCache());

  for (const direction of DIRECTIONS) {
    describe(direction, () => {
      it('is deterministic: the same graph twice gives identical positions', async () => {
        const graph = buildGraph(sampleTopology(), { direction });
        const first = await layoutGraph(toLayoutInput(graph), direction);
        clearLayoutCache();
        const second = await layoutGraph(toLayoutInput(buildGraph(sampleTopology(), { direction })), direction);
        expect(second).not.toBe(first);
        expect(second).toEqual(first);
      });

      it('keeps children inside their parents and siblings apart', async () => {
        const graph = buildGraph(sampleTopology(), { direction });
        checkGeometry(graph, await layoutGraph(toLayoutInput(graph), direction));
      });

      it('keeps geometry sound for a filtered graph', async () => {
        const graph = buildGraph(sampleTopology(), { direction, hiddenKinds: ['subnet', 'az'] });
        checkGeometry(graph, await layoutGraph(toLayoutInput(graph), direction));
      });

      it('draws AZs as columns in AZ order, and each AZ\'s subnets in CIDR order, top to bottom then left to right', async () => {
        const graph = buildGraph(largeTopology(60, 6), { direction });
        const layout = await layoutGraph(toLayoutInput(graph), direction);
        checkGeometry(graph, layout);
        const nodes = byId(layout);
        const azs = graph.nodes.filter((n) => n.kind === 'az');
        const xs = azs.map((a) => absolute(layout, a.id).x);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
        expect(new Set(azs.map((a) => absolute(layout, a.id).y)).size).toBe(1);
        for (const az of azs) {
          const boxes = graph.nodes.filter((n) => n.kind === 'subnet' && n.parentId === az.id).map((n) => nodes.get(n.id));
          for (let i = 1; i < boxes.length; i++) {
            const a = boxes[i - 1];
            const b = boxes[i];
            if (!a || !b) continue;
            expect(b.x > a.x || (b.x === a.x && b.y > a.y), `${b.id} after ${a.id}`).toBe(true);
          }
        }
      });

      it('lines up the subnets of each tier across the AZ columns', async () => {
        const graph = buildGraph(largeTopology(12, 0), { direction });
        const layout = await layoutGraph(toLayoutInput(graph), direction);
        const nodes = byId(layout);
        const firstOfEachAz = graph.nodes.filter((n) => n.kind === 'az').map((az) => graph.nodes.find((n) => n.parentId === az.id));
        const rows = firstOfEachAz.map((n) => (n ? nodes.get(n.id) : undefined));
        expect(new Set(rows.map((r) => r?.y)).size).toBe(1);
        expect(new Set(rows.map((r) => r?.height)).size).toBe(1);
      });

      it('turns association edges in lanes between the address plan and the route tables', async () => {
        const graph = buildGraph(sampleTopology(), { vpcId: 'vpc-0a1', direction });
        const layout = await layoutGraph(toLayoutInput(graph), direction);
        const flow = (b: { x: number; y: number; width: number; height: number }) => (direction === 'RIGHT' ? [b.x, b.x + b.width] : [b.y, b.y + b.height]);
        const lanes = new Set<number>();
        for (const e of graph.edges.filter((x) => x.kind === 'association')) {
          const bend = layout.edges[e.id]?.bend;
          expect(bend, e.id).toBeDefined();
          const [, sourceEnd] = flow(absolute(layout, e.source));
          const [targetStart] = flow(absolute(layout, e.target));
          expect(bend).toBeGreaterThan(sourceEnd ?? 0);
          expect(bend).toBeLessThan(targetStart ?? 0);
          lanes.add(bend ?? 0);
        }
        // One lane per route table.
        expect(lanes.size).toBe(new Set(graph.edges.filter((x) => x.kind === 'association').map((x) => x.target)).size);
      });

      it('puts route tables downstream of subnets and external targets outside the VPC', async () => {
        const graph = buildGraph(sampleTopology(), { vpcId: 'vpc-0a1', direction });
        const layout = await layoutGraph(toLayoutInput(graph), direction);
        const flow = (id: string) => (direction === 'RIGHT' ? absolute(layout, id).x : absolute(layout, id).y);
        expect(flow('rtb-private')).toBeGreaterThan(flow('subnet-priv-a'));
        expect(flow('vpce-s3')).toBeGreaterThan(flow('rtb-private'));
        const vpc = absolute(layout, 'vpc-0a1');
        const pcx = absolute(layout, 'pcx-1');
        expect(byId(layout).get('pcx-1')?.parentId).toBeUndefined();
        expect(direction === 'RIGHT' ? pcx.x >= vpc.x + vpc.width : pcx.y >= vpc.y + vpc.height).toBe(true);
      });
    });
  }

  it('returns the cached layout for the same graph and direction', async () => {
    const graph = toLayoutInput(buildGraph(sampleTopology(), { direction: 'RIGHT' }));
    const first = await layoutGraph(graph, 'RIGHT');
    expect(await layoutGraph(graph, 'RIGHT')).toBe(first);
    expect((await layoutGraph(graph, 'DOWN')).key).not.toBe(first.key);
  });

  it('lays out a VPC at default quotas as a wide picture, wrapping the 200 route tables into columns', async () => {
    const graph = buildGraph(largeTopology(200, 50), { direction: 'RIGHT' });
    const layout = await layoutGraph(toLayoutInput(graph), 'RIGHT');
    expect(layout.nodes).toHaveLength(graph.nodes.length);
    checkGeometry(graph, layout);
    expect(layout.width).toBeGreaterThan(layout.height);
    const tableColumns = new Set(layout.nodes.filter((n) => n.kind === 'routeTable').map((n) => n.x));
    expect(tableColumns.size).toBeGreaterThan(1);
  }, 60_000);

  it('puts a table that no subnet uses in the route table layer, not beside the address plan', async () => {
    const graph = buildGraph(sampleTopology(), { vpcId: 'vpc-0a1', direction: 'RIGHT', hiddenKinds: ['subnet', 'az'] });
    const layout = await layoutGraph(toLayoutInput(graph), 'RIGHT');
    checkGeometry(graph, layout);
    const nat = absolute(layout, 'nat-1');
    for (const id of ['rtb-main', 'rtb-private', 'rtb-public']) expect(absolute(layout, id).x).toBeGreaterThan(nat.x + nat.width);
  });

  it('packs the VPCs of a region in rows, about twice as wide as tall', () => {
    const square = { width: 1000, height: 600 };
    const positions = packClusters([square, square, square, square]);
    expect(positions).toHaveLength(4);
    const rows = new Set(positions.map((p) => p.y));
    expect(rows.size).toBe(2);
    expect(packClusters([])).toEqual([]);
  });

  it('handles an empty graph and a VPC with nothing in it', async () => {
    expect((await layoutGraph({ nodes: [], edges: [] }, 'RIGHT')).nodes).toEqual([]);
    const layout = await layoutGraph({ nodes: [{ id: 'vpc-1', kind: 'vpc' }], edges: [] }, 'DOWN');
    expect(layout.nodes).toHaveLength(1);
  });
});

describe('chooseSides', () => {
  const a = { x: 0, y: 0, width: 100, height: 50 };
  it('uses facing sides along the flow, and faces backwards for edges against it', () => {
    expect(chooseSides(a, { x: 200, y: 0, width: 10, height: 10 }, 'RIGHT')).toEqual({ source: 'right', target: 'left' });
    expect(chooseSides(a, { x: -200, y: 0, width: 10, height: 10 }, 'RIGHT')).toEqual({ source: 'left', target: 'right' });
    expect(chooseSides(a, { x: 0, y: 200, width: 10, height: 10 }, 'DOWN')).toEqual({ source: 'bottom', target: 'top' });
    expect(chooseSides(a, { x: 0, y: -200, width: 10, height: 10 }, 'DOWN')).toEqual({ source: 'top', target: 'bottom' });
    expect(chooseSides(a, { x: 10, y: 200, width: 10, height: 10 }, 'RIGHT')).toEqual({ source: 'bottom', target: 'top' });
  });
});
