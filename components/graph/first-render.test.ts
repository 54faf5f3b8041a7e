import { describe, expect, it } from 'vitest';
import { MIN_ZOOM } from '@/lib/graph/view-url';
import { OVERVIEW_READABLE_ZOOM } from './overview-controls';
import { startViewport, wholeGraph } from './use-fit-view';
import type { AtlasEdge, AtlasNode } from './types';
import { initialMount, seedFlowStore } from './use-progressive-mount';

describe("the canvas's first render", () => {
  const layout = { width: 1959, height: 698 };

  it("starts at the URL's viewport when there is one, whatever the pane", () => {
    const saved = { x: 10, y: -20, zoom: 1.5 };
    expect(startViewport(saved, layout, { width: 1200, height: 600 })).toBe(saved);
    expect(startViewport(saved, null, null)).toBe(saved);
  });

  it('fits the whole graph into the pane measured before React Flow mounted, inside the toolbar band', () => {
    const v = startViewport(null, layout, { width: 1278, height: 560 });
    expect(v).toEqual(wholeGraph({ width: 1278, height: 560 }, layout));
    if (!v) throw new Error('no viewport');
    // The graph's width fills the pane between the 20 px side paddings, centred.
    expect(layout.width * v.zoom).toBeCloseTo(1278 - 40, 0);
    expect(v.x).toBeCloseTo(20, 0);
    // Below the 60 px band at the top.
    expect(v.y).toBeGreaterThanOrEqual(60);
    expect(v.y + layout.height * v.zoom).toBeLessThanOrEqual(560 - 20 + 0.5);
    expect(v.zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
  });

  it("shows an overview too big to read whole in the pane (a phone) by its classes and gateways, at a zoom where their titles read", () => {
    // The L VPC's overview: 2,700 x 1,500, its classes and gateways in a 1,000 x 700 box on the right.
    const big = { width: 2700, height: 1500 };
    const glance = { x: 1500, y: 200, width: 1000, height: 700 };
    const phone = { width: 366, height: 640 };
    expect(wholeGraph(phone, big).zoom).toBeLessThan(OVERVIEW_READABLE_ZOOM);
    const v = startViewport(null, big, phone, glance);
    if (!v) throw new Error('no viewport');
    expect(v).toEqual(wholeGraph(phone, big, glance));
    expect(v.zoom).toBeGreaterThanOrEqual(OVERVIEW_READABLE_ZOOM);
    // The box's left edge is on screen, right of the 20 px padding.
    expect(v.x + glance.x * v.zoom).toBeGreaterThanOrEqual(20 - 0.5);
    // Where the whole graph reads, it is shown whole, glance or not.
    const laptop = { width: 1278, height: 760 };
    expect(wholeGraph(laptop, layout, glance)).toEqual(wholeGraph(laptop, layout));
  });

  it("waits for React Flow's own measurement without a layout or a pane with a size", () => {
    expect(startViewport(null, null, { width: 1278, height: 560 })).toBeNull();
    expect(startViewport(null, layout, null)).toBeNull();
    expect(startViewport(null, layout, { width: 0, height: 560 })).toBeNull();
  });

  it('hands a small picture whole to the first render, a big one in slices after the viewport is set', () => {
    expect(initialMount('k', 41, true)).toEqual({ key: 'k', count: Number.POSITIVE_INFINITY });
    expect(initialMount('k', 48, true).count).toBe(Number.POSITIVE_INFINITY);
    expect(initialMount('k', 49, true)).toEqual({ key: null, count: 0 });
    expect(initialMount('k', 41, false)).toEqual({ key: null, count: 0 });
    expect(initialMount(null, 41, true)).toEqual({ key: null, count: 0 });
  });
});

describe("React Flow's store before its first render", () => {
  const node = { id: 'subnet-1', position: { x: 0, y: 0 }, data: {} } as unknown as AtlasNode;
  const edge = { id: 'e-1', source: 'subnet-1', target: 'rtb-1' } as unknown as AtlasEdge;
  const store = (nodes: unknown[] = [], edges: unknown[] = []) => {
    const calls: string[] = [];
    return {
      calls,
      state: { nodes, edges, setNodes: (n: AtlasNode[]) => calls.push(`nodes ${n.length}`), setEdges: (e: AtlasEdge[]) => calls.push(`edges ${e.length}`) },
    };
  };

  it('gets the first picture, so React Flow draws it in its first render instead of re-rendering every node in an effect', () => {
    const s = store();
    expect(seedFlowStore(s.state, [node], [edge])).toBe(true);
    expect(s.calls).toEqual(['nodes 1', 'edges 1']);
  });

  it('is left alone when it already holds a picture, or when there is none yet (a layout still coming)', () => {
    const full = store([node]);
    expect(seedFlowStore(full.state, [node], [edge])).toBe(false);
    const withEdges = store([], [edge]);
    expect(seedFlowStore(withEdges.state, [node], [edge])).toBe(false);
    const empty = store();
    expect(seedFlowStore(empty.state, [], [])).toBe(false);
    expect([...full.calls, ...withEdges.calls, ...empty.calls]).toEqual([]);
  });
});
