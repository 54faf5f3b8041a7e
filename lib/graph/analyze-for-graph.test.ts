import { describe, expect, it } from 'vitest';
import { analyzeForGraph } from './analyze-for-graph';
import { sampleTopology } from './test-topology';

describe('analyzeForGraph', () => {
  it('remembers the analysis of a topology object', () => {
    const topology = sampleTopology();
    expect(analyzeForGraph(topology)).toBe(analyzeForGraph(topology));
    expect(analyzeForGraph(topology, { vpcId: 'vpc-0a1' })).not.toBe(analyzeForGraph(topology));
  });

  it('analyses another topology with the same ids, time and counts afresh (a comparison, an edited copy)', () => {
    const before = sampleTopology();
    // Same source, region, fetchedAt, VPCs and counts: only a route differs, as in a merged comparison topology.
    const after = structuredClone(before);
    const table = after.routeTables.find((r) => r.routes.some((x) => x.targetType === 'igw'))!;
    table.routes = table.routes.filter((x) => x.targetType !== 'igw');
    const a = analyzeForGraph(before);
    const b = analyzeForGraph(after);
    expect(b).not.toBe(a);
    expect(b).not.toEqual(a);
  });
});
