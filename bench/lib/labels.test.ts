import { describe, expect, it } from 'vitest';
import { countLabels, READABLE_PX } from './labels';

describe('countLabels', () => {
  it('counts a node as labelled when one of its texts is at least 11 px on screen', () => {
    const out = countLabels([
      { type: 'subnet', textPx: [12 * 0.5, 10 * 0.5] },
      { type: 'subnet', textPx: [14 * 0.8, 10 * 0.8] },
      { type: 'vpc', textPx: [] },
    ]);
    expect(out.nodes).toBe(3);
    expect(out.labelled).toBe(1);
    expect(out.readableTexts).toBe(1);
    expect(out.byType).toEqual({ subnet: [2, 1], vpc: [1, 0] });
  });

  it('takes 11 px as readable and anything smaller as not, tolerating layout rounding', () => {
    expect(READABLE_PX).toBe(11);
    expect(countLabels([{ type: 'natGateway', textPx: [10.999999] }]).labelled).toBe(1);
    expect(countLabels([{ type: 'natGateway', textPx: [10.9] }]).labelled).toBe(0);
  });

  it('names the kinds that must be labelled and are not: gateways, endpoints and route tables, not subnets', () => {
    const out = countLabels([
      { type: 'internetGateway', textPx: [5] },
      { type: 'routeTable', textPx: [4, 4] },
      { type: 'routeTable', textPx: [12] },
      { type: 'interfaceEndpoint', textPx: [] },
      { type: 'subnet', textPx: [3] },
      { type: 'external', textPx: [11.5] },
    ]);
    expect(out.unlabelledMust).toEqual({ internetGateway: 1, routeTable: 1, interfaceEndpoint: 1 });
    expect(out.labelled).toBe(2);
  });

  it('does not count a text that is cut (an ellipsis, a clamped line), however big', () => {
    const out = countLabels([
      { type: 'gatewayEndpoint', textPx: [13], cut: [true] },
      { type: 'internetGateway', textPx: [13, 12], cut: [true, false] },
      { type: 'routeClass', textPx: [9], cut: [true] },
    ]);
    expect(out.labelled).toBe(1);
    expect(out.readableTexts).toBe(1);
    expect(out.cutTexts).toBe(2);
    expect(out.unlabelledMust).toEqual({ gatewayEndpoint: 1, routeClass: 1 });
  });

  it("names the overview's classes among the kinds that must be labelled", () => {
    expect(countLabels([{ type: 'routeClass', textPx: [] }, { type: 'endpointClass', textPx: [] }, { type: 'subnetTier', textPx: [] }]).unlabelledMust).toEqual({
      routeClass: 1,
      endpointClass: 1,
    });
  });

  it('counts nothing on an empty canvas', () => {
    expect(countLabels([])).toEqual({ nodes: 0, labelled: 0, readableTexts: 0, cutTexts: 0, byType: {}, unlabelledMust: {} });
  });
});
