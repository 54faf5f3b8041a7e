import { describe, expect, it } from 'vitest';
import type { Box } from '../geometry';
import type { LayoutInput } from '../layout-key';
import { buildTree } from './tree';
import { routeEdges } from './routing';
import type { Lanes, Plan } from './types';

const graph: LayoutInput = {
  nodes: [
    { id: 'vpc', kind: 'vpc' },
    { id: 'sub-a', kind: 'subnet', parentId: 'vpc' },
    { id: 'sub-b', kind: 'subnet', parentId: 'vpc' },
    { id: 'rtb-top', kind: 'routeTable', parentId: 'vpc' },
    { id: 'rtb-bottom', kind: 'routeTable', parentId: 'vpc' },
    { id: 'igw', kind: 'internetGateway', parentId: 'vpc' },
    { id: 'vpce', kind: 'interfaceEndpoint', parentId: 'vpc' },
    { id: 'eni', kind: 'endpointEni', parentId: 'sub-a' },
  ],
  edges: [
    { id: 'a->bottom', source: 'sub-a', target: 'rtb-bottom', kind: 'association' },
    { id: 'b->bottom', source: 'sub-b', target: 'rtb-bottom', kind: 'association' },
    { id: 'a->top', source: 'sub-a', target: 'rtb-top', kind: 'association' },
    { id: 'top->igw', source: 'rtb-top', target: 'igw', kind: 'route' },
    { id: 'vpce->eni', source: 'vpce', target: 'eni', kind: 'endpointEni' },
  ],
};

// Absolute boxes, left to right: subnets at x 0-288, tables at x 400, the gateway at x 700, endpoint card below.
const absolute = new Map<string, Box>([
  ['vpc', { x: -20, y: -60, width: 1000, height: 600 }],
  ['sub-a', { x: 0, y: 0, width: 288, height: 100 }],
  ['sub-b', { x: 0, y: 110, width: 288, height: 56 }],
  ['eni', { x: 8, y: 52, width: 132, height: 34 }],
  ['rtb-top', { x: 400, y: 0, width: 208, height: 52 }],
  ['rtb-bottom', { x: 400, y: 100, width: 208, height: 52 }],
  ['igw', { x: 700, y: 0, width: 200, height: 52 }],
  ['vpce', { x: 0, y: 300, width: 224, height: 52 }],
]);

const lanes: Lanes = { planToTables: [288, 400], tablesToGateways: [608, 700], outside: null, gridToBand: [166, 300] };
const plan: Plan = { tree: buildTree(graph), clusters: [], blocks: new Map() };

describe('routeEdges', () => {
  const edges = routeEdges(graph, plan, absolute, new Map([['vpc', lanes]]), 'RIGHT');

  it('turns each route table\'s associations in a lane of its own, in the order of the tables', () => {
    const top = edges['a->top']?.bend;
    const bottom = edges['a->bottom']?.bend;
    expect(edges['b->bottom']?.bend).toBe(bottom);
    // Two tables share the 112 px gap: at a third and two thirds of it, 10 px kept clear at each side.
    expect(top).toBe(Math.round(288 + 10 + 92 / 3));
    expect(bottom).toBe(Math.round(288 + 10 + (92 * 2) / 3));
    expect(edges['a->top']).toMatchObject({ source: 'right', target: 'left' });
  });

  it('turns routes to gateways in the gap between the tables and the gateways', () => {
    expect(edges['top->igw']?.bend).toBe(Math.round(608 + 10 + 72 / 2));
  });

  it('runs an endpoint\'s ENI edge up across the band, turning halfway between the grid and the band', () => {
    expect(edges['vpce->eni']).toEqual({ source: 'top', target: 'bottom', bend: 233 });
  });

  it('gives no bend in a lane narrower than 8 px, only sides', () => {
    const narrow = routeEdges(graph, plan, absolute, new Map([['vpc', { ...lanes, planToTables: [288, 295] as [number, number] }]]), 'RIGHT');
    expect(narrow['a->top']).toEqual({ source: 'right', target: 'left' });
  });
});
