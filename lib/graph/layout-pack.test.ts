import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { layoutGraph } from './layout';
import { layoutKey, toLayoutInput } from './layout-key';
import { packLayout, readInitialLayout, unpackLayout } from './layout-pack';
import { largeTopology, sampleTopology } from './test-topology';

describe('packed layouts', () => {
  it('unpack to the very layout they were packed from, given the same graph', async () => {
    for (const direction of ['RIGHT', 'DOWN'] as const) {
      const input = toLayoutInput(buildGraph(sampleTopology(), {}));
      const layout = await layoutGraph(input, direction);
      const packed = packLayout(layout, input);
      expect(packed).not.toBeNull();
      if (!packed) continue;
      expect(unpackLayout(packed, input)).toEqual(layout);
      // Through JSON, as the page sends it.
      expect(unpackLayout(JSON.parse(JSON.stringify(packed)), input)).toEqual(layout);
      expect(readInitialLayout({ packed }, input, layoutKey(input, direction))).toEqual(layout);
    }
  });

  it('are a fraction of the layout they stand for', async () => {
    const input = toLayoutInput(buildGraph(largeTopology(), {}));
    const layout = await layoutGraph(input, 'RIGHT');
    const packed = packLayout(layout, input);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(layout).length / 3);
    // A VPC at default quotas: seconds of ELK on a busy machine, as in layout.test.ts.
  }, 60_000);

  it('are refused for another graph or another direction', async () => {
    const input = toLayoutInput(buildGraph(sampleTopology(), { vpcId: 'vpc-0a1' }));
    const layout = await layoutGraph(input, 'RIGHT');
    const packed = packLayout(layout, input);
    if (!packed) throw new Error('not packed');
    const filtered = toLayoutInput(buildGraph(sampleTopology(), { vpcId: 'vpc-0a1', hiddenKinds: ['routeTable'] }));
    expect(unpackLayout(packed, filtered)).toBeNull();
    expect(readInitialLayout({ packed }, filtered, layoutKey(filtered, 'RIGHT'))).toBeNull();
    expect(readInitialLayout({ packed }, input, layoutKey(input, 'DOWN'))).toBeNull();
    expect(readInitialLayout({ layout }, input, layoutKey(input, 'DOWN'))).toBeNull();
    expect(readInitialLayout({ layout }, input, layoutKey(input, 'RIGHT'))).toBe(layout);
  });

  it('are not packed against an input the layout does not follow', async () => {
    const input = toLayoutInput(buildGraph(sampleTopology(), { vpcId: 'vpc-0a1' }));
    const layout = await layoutGraph(input, 'RIGHT');
    expect(packLayout(layout, { nodes: input.nodes.slice(1), edges: input.edges })).toBeNull();
    expect(packLayout(layout, { nodes: input.nodes, edges: input.edges.slice(1) })).toBeNull();
  });
});
