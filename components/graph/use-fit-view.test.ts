import { describe, expect, it } from 'vitest';
import { intendedViewport } from './use-fit-view';

const pane = { width: 1000, height: 800 };
const v = { x: 50, y: 40, zoom: 0.5 };
const group = { x: 400, y: 300, width: 200, height: 60 };
const before = new Map([['g', group]]);
const after = new Map([
  ['t1', { x: 380, y: 500, width: 100, height: 40 }],
  ['t2', { x: 500, y: 560, width: 100, height: 40 }],
]);
const at = Date.now();

describe('where the view goes after a group opens or closes', () => {
  it('opened: its members start where the group was on screen, at the same zoom', () => {
    const next = intendedViewport({ kind: 'keep', group: 'g', members: ['t1', 't2'], at, whole: true }, v, pane, before, after);
    expect(next).toEqual({ x: v.x + (400 - 380) * 0.5, y: v.y + (300 - 500) * 0.5, zoom: 0.5 });
  });

  it('closed: the group takes its members’ place, unless the whole graph was in view (then it is fitted again)', () => {
    const closed = intendedViewport({ kind: 'keep', group: 'g', members: ['t1', 't2'], at, whole: false }, v, pane, after, before);
    expect(closed).toEqual({ x: v.x + (380 - 400) * 0.5, y: v.y + (500 - 300) * 0.5, zoom: 0.5 });
    expect(intendedViewport({ kind: 'keep', group: 'g', members: ['t1', 't2'], at, whole: true }, v, pane, after, before)).toBeNull();
  });

  it('a layout where the group neither appeared nor went (a filter came first) is fitted as any other', () => {
    expect(intendedViewport({ kind: 'keep', group: 'g', members: ['t1'], at, whole: false }, v, pane, before, before)).toBeNull();
  });

  it('centres a resource a search opened, at a zoom where it reads', () => {
    const next = intendedViewport({ kind: 'centre', id: 't2', at }, v, pane, before, after);
    expect(next).toEqual({ x: 500 - 550 * 0.8, y: 400 - 580 * 0.8, zoom: 0.8 });
    expect(intendedViewport({ kind: 'centre', id: 'gone', at }, v, pane, before, after)).toBeNull();
  });
});
