import { describe, expect, it } from 'vitest';
import { measured, metricsOk } from './test-metrics';
import { IDLE_WIDTH, MAX_WIDTH, MIN_WIDTH, trafficWeights, weighEdges } from './edge-weights';

const metrics = metricsOk({
  'nat-busy': measured('nat-gateway', { BytesInFromSource: 4e12, BytesInFromDestination: 6e12 }),
  'vpce-some': measured('interface-endpoint', { BytesProcessed: 1e5 }),
  'vpce-idle': measured('interface-endpoint'),
});

describe('trafficWeights', () => {
  it('gives the busiest resource the thickest stroke, a quiet one a log-scaled share, an idle one less than the thinnest', () => {
    const w = trafficWeights(metrics);
    expect(w.get('nat-busy')).toEqual({ bytes: 1e13, width: MAX_WIDTH });
    // log10(1e5 + 1) / log10(1e13 + 1) = 5/13 of the way from the thinnest to the thickest.
    expect(w.get('vpce-some')!.width).toBeCloseTo(MIN_WIDTH + ((MAX_WIDTH - MIN_WIDTH) * 5) / 13, 2);
    expect(w.get('vpce-idle')).toEqual({ bytes: 0, width: IDLE_WIDTH });
  });
});

describe('weighEdges', () => {
  const edges = [
    { id: 'rtb-1->nat-busy', source: 'rtb-1', target: 'nat-busy', style: { stroke: '#123' } },
    { id: 'vpce-some->eni-1', source: 'vpce-some', target: 'eni-1' },
    { id: 'subnet-1->rtb-1', source: 'subnet-1', target: 'rtb-1' },
  ];
  it('thickens the edges at a metered resource, keeps their colour and leaves the others alone', () => {
    const out = weighEdges(edges, trafficWeights(metrics));
    expect(out[0]).toMatchObject({ style: { stroke: '#123', strokeWidth: MAX_WIDTH }, data: { trafficBytes: 1e13 } });
    expect(out[1]).toMatchObject({ style: { strokeWidth: expect.any(Number) } });
    expect(Number(Object(out[1]!.style).strokeWidth)).toBeGreaterThan(MIN_WIDTH);
    expect(out[2]).toBe(edges[2]);
    expect(weighEdges(edges, new Map())).toBe(edges);
  });
});
