import { describe, expect, it } from 'vitest';
import { boxAround } from '@/lib/graph/geometry';
import { keepInPlace } from './camera-anchor';

const pane = { width: 1000, height: 800 };
const margins = { top: 60, right: 20, bottom: 50, left: 20 };

/** Where a box of the graph is on screen under a viewport. */
const onScreen = (v: { x: number; y: number; zoom: number }, b: { x: number; y: number }) => ({ x: b.x * v.zoom + v.x, y: b.y * v.zoom + v.y });

describe('keeping an opened group in place', () => {
  it('puts the members where the group was, at the same zoom, when they fit there', () => {
    const v = { x: 100, y: 50, zoom: 0.5 };
    const group = { x: 400, y: 300, width: 200, height: 60 };
    const members = { x: 380, y: 900, width: 600, height: 400 };
    const next = keepInPlace(v, pane, group, members, margins);
    expect(next.zoom).toBe(0.5);
    expect(onScreen(next, members)).toEqual(onScreen(v, group));
  });

  it('pans the least that shows members running past the right and bottom edges', () => {
    const v = { x: 0, y: 0, zoom: 1 };
    const group = { x: 700, y: 500, width: 100, height: 40 };
    const members = { x: 700, y: 500, width: 400, height: 300 };
    const next = keepInPlace(v, pane, group, members, margins);
    const at = onScreen(next, members);
    expect(at.x + 400).toBe(pane.width - margins.right);
    expect(at.y + 300).toBe(pane.height - margins.bottom);
    // Not a pixel further than that.
    expect(at.x).toBe(580);
  });

  it('brings members that start off screen to the edge, and keeps the start of members longer than the pane', () => {
    const v = { x: 0, y: 0, zoom: 1 };
    const next = keepInPlace(v, pane, { x: -50, y: 100, width: 20, height: 20 }, { x: -50, y: 100, width: 100, height: 2000 }, margins);
    expect(onScreen(next, { x: -50, y: 100 })).toEqual({ x: 20, y: 100 });
    // Low on the screen, a long box comes up only until a third of the room is left for it.
    const low = keepInPlace(v, pane, { x: 100, y: 700, width: 20, height: 20 }, { x: 100, y: 700, width: 100, height: 2000 }, margins);
    expect(onScreen(low, { x: 100, y: 700 }).y).toBeCloseTo(750 - 690 / 3, 6);
  });

  it('boxes the members the layout has, and none when it has none', () => {
    const boxes = new Map([
      ['a', { x: 10, y: 20, width: 5, height: 5 }],
      ['b', { x: 0, y: 40, width: 30, height: 10 }],
    ]);
    expect(boxAround(boxes, ['a', 'b', 'gone'])).toEqual({ x: 0, y: 20, width: 30, height: 30 });
    expect(boxAround(boxes, ['gone'])).toBeNull();
  });
});
