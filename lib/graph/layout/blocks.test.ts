import { describe, expect, it } from 'vitest';
import type { Box } from '../geometry';
import type { LayoutInput } from '../layout-key';
import { AZ_GAP, BAND_GAP, NODE_SIZE, SUBNET_GAP } from '../sizes';
import type { Direction } from '../types';
import { arrangeBlock, arrangeBlocks, blockIdOf } from './blocks';
import { groupClusters } from './clusters';
import { buildTree } from './tree';

/** A VPC with two AZs of three tiers each (AZ b's app subnet holds two ENIs and a NAT gateway) and two endpoint cards. */
function threeTierVpc(): LayoutInput {
  const nodes: LayoutInput['nodes'][number][] = [{ id: 'vpc', kind: 'vpc' }];
  for (const az of ['a', 'b']) {
    nodes.push({ id: `az-${az}`, kind: 'az', parentId: 'vpc' });
    for (const tier of ['pub', 'app', 'data']) nodes.push({ id: `${tier}-${az}`, kind: 'subnet', parentId: `az-${az}` });
  }
  nodes.push({ id: 'eni-1', kind: 'endpointEni', parentId: 'app-b' }, { id: 'eni-2', kind: 'endpointEni', parentId: 'app-b' }, { id: 'nat', kind: 'natGateway', parentId: 'app-b' });
  nodes.push({ id: 'vpce-1', kind: 'interfaceEndpoint', parentId: 'vpc' }, { id: 'vpce-2', kind: 'interfaceEndpoint', parentId: 'vpc' });
  nodes.push({ id: 'rtb', kind: 'routeTable', parentId: 'vpc' });
  return { nodes, edges: [] };
}

function arrange(direction: Direction) {
  const graph = threeTierVpc();
  const tree = buildTree(graph);
  return arrangeBlock(tree, 'block', 'vpc', ['az-a', 'az-b', 'vpce-1', 'vpce-2'], direction);
}

function box(boxes: ReadonlyMap<string, Box>, id: string): Box {
  const b = boxes.get(id);
  if (!b) throw new Error(`no box for ${id}`);
  return b;
}

describe('arrangeBlock', () => {
  it('draws AZs as columns side by side and each AZ\'s subnets stacked in graph order, tiers aligned across AZs', () => {
    const { boxes } = arrange('RIGHT');
    const azA = box(boxes, 'az-a');
    const azB = box(boxes, 'az-b');
    expect(azB.x).toBe(azA.x + azA.width + AZ_GAP);
    expect(azB.y).toBe(azA.y);
    expect(azA.height).toBe(azB.height);
    for (const tier of ['pub', 'app', 'data']) expect(box(boxes, `${tier}-a`).y, tier).toBe(box(boxes, `${tier}-b`).y);
    // The app row is as tall as AZ b's app subnet, which holds chips; AZ a's app subnet is stretched to match.
    expect(box(boxes, 'app-a').height).toBe(box(boxes, 'app-b').height);
    expect(box(boxes, 'app-b').height).toBeGreaterThan(NODE_SIZE.subnet.height);
    expect(box(boxes, 'data-a').y).toBe(box(boxes, 'app-a').y + box(boxes, 'app-a').height + SUBNET_GAP);
  });

  it('puts chips in a grid inside their subnet: ENIs share a row, a NAT gateway takes a row of its own', () => {
    const { boxes } = arrange('RIGHT');
    const eni1 = box(boxes, 'eni-1');
    const eni2 = box(boxes, 'eni-2');
    const nat = box(boxes, 'nat');
    expect(eni2.y).toBe(eni1.y);
    expect(eni2.x).toBeGreaterThan(eni1.x + eni1.width - 1);
    expect(nat.y).toBeGreaterThan(eni1.y + eni1.height - 1);
    const subnet = box(boxes, 'app-b');
    expect(nat.y + nat.height).toBeLessThanOrEqual(subnet.height);
    expect(nat.x + nat.width).toBeLessThanOrEqual(subnet.width);
  });

  it('puts the band of endpoint cards under the grid left to right and above it top to bottom', () => {
    const right = arrange('RIGHT');
    expect(right.grid).not.toBeNull();
    expect(right.band).not.toBeNull();
    expect(right.band?.y).toBe((right.grid?.height ?? 0) + BAND_GAP);
    expect(box(right.boxes, 'vpce-1').y).toBe(right.band?.y);
    expect(right.size.height).toBe((right.band?.y ?? 0) + (right.band?.height ?? 0));

    const down = arrange('DOWN');
    expect(down.band?.y).toBe(0);
    expect(down.grid?.y).toBe((down.band?.height ?? 0) + BAND_GAP);
    expect(box(down.boxes, 'az-a').y).toBe(down.grid?.y);
  });

  it('places exactly the nodes of its members and what they hold, never a table ELK places', () => {
    const { boxes } = arrange('RIGHT');
    expect([...boxes.keys()].sort()).toEqual(
      ['az-a', 'az-b', 'pub-a', 'app-a', 'data-a', 'pub-b', 'app-b', 'data-b', 'eni-1', 'eni-2', 'nat', 'vpce-1', 'vpce-2'].sort(),
    );
  });
});

describe('arrangeBlocks', () => {
  it('makes one block per VPC and one per cluster for top-level plan nodes, so two clusters never share one', () => {
    const graph: LayoutInput = {
      nodes: [
        { id: 'vpc-1', kind: 'vpc' },
        { id: 'rtb-1', kind: 'routeTable', parentId: 'vpc-1' },
        { id: 'sub-1', kind: 'subnet', parentId: 'vpc-1' },
        { id: 'vpc-2', kind: 'vpc' },
        { id: 'rtb-2', kind: 'routeTable', parentId: 'vpc-2' },
        { id: 'loose-a', kind: 'subnet' },
        { id: 'loose-b', kind: 'subnet' },
      ],
      edges: [
        { id: 'a', source: 'loose-a', target: 'rtb-1', kind: 'association' },
        { id: 'b', source: 'loose-b', target: 'rtb-2', kind: 'association' },
      ],
    };
    const tree = buildTree(graph);
    const blocks = arrangeBlocks(tree, groupClusters(graph, tree), 'RIGHT');
    expect([...blocks.keys()]).toEqual([blockIdOf(undefined, 'vpc-1'), blockIdOf('vpc-1', 'vpc-1'), blockIdOf(undefined, 'vpc-2')]);
    expect(blocks.get(blockIdOf(undefined, 'vpc-1'))?.members).toEqual(['loose-a']);
    expect(blocks.get(blockIdOf(undefined, 'vpc-2'))?.members).toEqual(['loose-b']);
    expect(blocks.get(blockIdOf('vpc-1', 'vpc-1'))?.members).toEqual(['sub-1']);
  });
});
