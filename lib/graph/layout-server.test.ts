import { describe, expect, it } from 'vitest';
import { scopeToVpc } from '@/lib/topology/normalize';
import { toLayoutInput } from './layout-key';
import { initialLayoutFor } from './layout-server';
import { viewGraph } from './overview';
import { largeTopology, sampleTopology } from './test-topology';
import { DEFAULT_VIEW_STATE } from './view-url';

const VPC = 'vpc-0a1';

function boxesOf(initial: Awaited<ReturnType<typeof initialLayoutFor>>) {
  if (!initial) throw new Error('no layout');
  return 'packed' in initial ? initial.packed.boxes : initial.layout.nodes;
}

describe('initialLayoutFor', () => {
  it('answers a view of a topology it has laid out with the same layout, without computing it again', async () => {
    const topology = scopeToVpc(sampleTopology(), VPC);
    const first = initialLayoutFor(topology, VPC, DEFAULT_VIEW_STATE);
    const again = initialLayoutFor(topology, VPC, { ...DEFAULT_VIEW_STATE });
    expect(again).toBe(first);
    expect(boxesOf(await again).length).toBeGreaterThan(0);
  });

  it('lays out another view, and the same view of another (reloaded) topology, afresh', async () => {
    const topology = scopeToVpc(sampleTopology(), VPC);
    const across = await initialLayoutFor(topology, VPC, DEFAULT_VIEW_STATE);
    const downward = await initialLayoutFor(topology, VPC, { ...DEFAULT_VIEW_STATE, direction: 'DOWN' });
    const noRouteTables = await initialLayoutFor(topology, VPC, { ...DEFAULT_VIEW_STATE, hiddenKinds: ['routeTable'] });
    expect(downward).not.toEqual(across);
    expect(noRouteTables).not.toBe(across);
    expect(boxesOf(noRouteTables).length).toBeLessThan(boxesOf(across).length);

    const reloaded = scopeToVpc(sampleTopology(), VPC);
    const fresh = initialLayoutFor(reloaded, VPC, DEFAULT_VIEW_STATE);
    expect(fresh).not.toBe(initialLayoutFor(topology, VPC, DEFAULT_VIEW_STATE));
    expect(await fresh).toEqual(across);
  });

  it('lays out the overview of a big VPC, and the same view with a class open as another layout', async () => {
    const topology = largeTopology();
    const closed = await initialLayoutFor(topology, 'vpc-big', DEFAULT_VIEW_STATE);
    const overview = viewGraph(topology, 'vpc-big', DEFAULT_VIEW_STATE);
    if (!closed) throw new Error('no layout');
    // Boxes for exactly the overview's nodes (four numbers each when packed), under the overview's key.
    const count = 'packed' in closed ? closed.packed.boxes.length / 4 : closed.layout.nodes.length;
    expect(count).toBe(toLayoutInput(overview).nodes.length);
    expect(count).toBeLessThan(60);
    const group = overview.nodes.find((n) => n.kind === 'routeTable' && n.data.group);
    const members = group?.kind === 'routeTable' ? (group.data.group?.count ?? 0) : 0;
    const classId = group?.id ?? '';
    const opened = await initialLayoutFor(topology, 'vpc-big', { ...DEFAULT_VIEW_STATE, open: [classId] });
    const openedCount = opened && ('packed' in opened ? opened.packed.boxes.length / 4 : opened.layout.nodes.length);
    expect(members).toBeGreaterThan(1);
    expect(openedCount).toBe(count - 1 + members);
  });
});
