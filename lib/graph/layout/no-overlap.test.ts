import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { readRegion } from '@/lib/ec2/read-region';
import { normalizeTopology } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import { buildGraph } from '../build';
import { toLayoutInput } from '../layout-key';
import type { Direction } from '../types';
import { clearLayoutCache, layoutGraph, type GraphLayout } from './index';

/**
 * What a person sees: on a VPC page no two boxes cover each other, whatever their parents. layout.test.ts checks
 * siblings on made-up topologies; this checks every pair of boxes, in page coordinates, on the VPCs of the demo
 * account and of fixtures/real-shapes, whose edge VPC has Local Zone, Wavelength and Outpost subnets, routes to
 * egress-only, carrier, local and transit gateways, and a route table that sends traffic back into the address
 * plan (to a GWLB endpoint), which once put the wrapped route-table column on top of the AZs.
 */

const ROOT = path.resolve(__dirname, '../../../fixtures');
const DIRECTIONS: Direction[] = ['RIGHT', 'DOWN'];

async function load(dir: string, region: string): Promise<Topology> {
  const api = new FixtureEc2Api(await readFixtureRegion(path.join(ROOT, dir), region));
  return normalizeTopology(await readRegion(api), { source: 'fixture', fetchedAt: '2026-12-07T00:00:00.000Z' });
}

interface Abs {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  ancestors: Set<string>;
}

function absoluteBoxes(layout: GraphLayout): Abs[] {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  return layout.nodes.map((n) => {
    const box: Abs = { id: n.id, x: n.x, y: n.y, width: n.width, height: n.height, ancestors: new Set() };
    for (let p = n.parentId === undefined ? undefined : byId.get(n.parentId); p; p = p.parentId === undefined ? undefined : byId.get(p.parentId)) {
      box.ancestors.add(p.id);
      box.x += p.x;
      box.y += p.y;
    }
    return box;
  });
}

/** Every pair of boxes that cover each other, neither inside the other. */
function overlaps(layout: GraphLayout): string[] {
  const boxes = absoluteBoxes(layout);
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (!a || !b || a.ancestors.has(b.id) || b.ancestors.has(a.id)) continue;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

const SETS: { dir: string; region: string }[] = [
  { dir: 'real-shapes', region: 'us-east-1' },
  { dir: 'real-shapes', region: 'ap-southeast-2' },
  { dir: 'demo', region: 'us-east-1' },
  { dir: 'demo', region: 'eu-west-1' },
];

describe.each(SETS)('no two boxes overlap: $dir $region', ({ dir, region }) => {
  let topology: Topology;
  beforeAll(async () => {
    topology = await load(dir, region);
  });

  it('has VPCs to look at', () => {
    expect(topology.vpcs.length).toBeGreaterThan(0);
  });

  for (const direction of DIRECTIONS) {
    it(`each VPC page and the region view, ${direction}`, async () => {
      clearLayoutCache();
      const views = [...topology.vpcs.map((v) => v.id), undefined];
      for (const vpcId of views) {
        const graph = buildGraph(topology, vpcId === undefined ? {} : { vpcId });
        const layout = await layoutGraph(toLayoutInput(graph), direction);
        expect(layout.nodes.length, `${vpcId ?? 'region'} has nodes`).toBeGreaterThan(3);
        expect(overlaps(layout), `${vpcId ?? 'region'} ${direction}`).toEqual([]);
      }
    });
  }
});

it('the real-shapes edge VPC keeps its route tables beside the AZ grid, not on it', async () => {
  clearLayoutCache();
  const t = await load('real-shapes', 'us-east-1');
  const edge = 'vpc-06d86f77d8aa9fa1e';
  const layout = await layoutGraph(toLayoutInput(buildGraph(t, { vpcId: edge })), 'RIGHT');
  const boxes = absoluteBoxes(layout);
  const azs = boxes.filter((b) => b.id.startsWith(`${edge}/`));
  const tables = boxes.filter((b) => b.id.startsWith('rtb-'));
  expect(azs.map((b) => b.id)).toEqual(expect.arrayContaining([`${edge}/us-east-1-bos-1a`, `${edge}/us-east-1-wl1-bos-wlz-1`]));
  expect(tables.length).toBeGreaterThan(10);
  // Left to right the route tables are a layer after the address plan: every table starts right of every AZ.
  const gridEnd = Math.max(...azs.map((b) => b.x + b.width));
  for (const t of tables) expect(t.x, t.id).toBeGreaterThan(gridEnd);
});
