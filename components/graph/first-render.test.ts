import { describe, expect, it } from 'vitest';
import { MIN_ZOOM } from '@/lib/graph/view-url';
import { startViewport, wholeGraph } from './use-fit-view';
import { initialMount } from './use-progressive-mount';

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
