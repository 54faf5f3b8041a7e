import { describe, expect, it } from 'vitest';
import { scopeToVpc } from '@/lib/topology/normalize';
import { initialLayoutFor } from './layout-server';
import { sampleTopology } from './test-topology';
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
});
