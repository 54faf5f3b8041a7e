import { describe, expect, it } from 'vitest';
import { minTitlePx } from '@/components/graph/overview-controls';
import { wholeGraph } from '@/components/graph/use-fit-view';
import { forgetServerPane, measuredServerPane, serverFitScript } from './server-fit';
import { MIN_ZOOM } from './view-url';

/** Runs the inline script against a canvas of this pane, as the browser would when it parses it. */
function runScript(layout: { width: number; height: number }, pane: { width: number; height: number } | null, fixed: number | null = null) {
  const viewport = { style: { transform: 'translate(1px,2px) scale(1)' } };
  const vars = new Map<string, string>();
  const classes = new Set<string>();
  const graph = {
    querySelector: (sel: string) => (sel === '.react-flow' ? (pane ? { offsetWidth: pane.width, offsetHeight: pane.height } : null) : sel === '.react-flow__viewport' ? viewport : null),
    style: { setProperty: (name: string, value: string) => vars.set(name, value) },
    classList: { add: (name: string) => classes.add(name) },
  };
  const win: { __atlasServerPane?: unknown } = {};
  new Function('document', 'window', serverFitScript(layout, MIN_ZOOM, fixed))({ currentScript: { previousElementSibling: graph } }, win);
  return { transform: viewport.style.transform, measured: win.__atlasServerPane, minTitle: vars.get('--atlas-min-title') ?? null, big: classes.has('atlas-titles-big') };
}

describe('the inline fit of a server-rendered canvas', () => {
  const layout = { width: 1959, height: 698 };

  it.each([
    ['the guessed desktop pane', { width: 1246, height: 665 }],
    ['a phone', { width: 366, height: 640 }],
    ['a tall narrow pane', { width: 500, height: 1400 }],
    ['a big screen, where the fit stops at 110 %', { width: 3000, height: 1600 }],
  ])('draws, in %s, exactly the transform the canvas fits when it hydrates, and leaves it the pane', (_name, pane) => {
    const { transform, measured } = runScript(layout, pane);
    const v = wholeGraph(pane, layout);
    expect(transform).toBe(`translate(${v.x}px,${v.y}px) scale(${v.zoom})`);
    expect(measured).toEqual(pane);
  });

  it.each([
    ['a phone, fitted far out: titles at their largest, chips keep their titles only', { width: 366, height: 640 }],
    ['the desktop pane', { width: 1246, height: 665 }],
    ['a big screen at 110 %: titles as they are', { width: 3000, height: 1600 }],
  ])('sizes the titles, in %s, as the hydrated canvas does', (_name, pane) => {
    const { minTitle, big } = runScript(layout, pane);
    const px = minTitlePx(wholeGraph(pane, layout).zoom);
    expect(minTitle).toBe(px === null ? null : `${px}px`);
    expect(big).toBe(px !== null && px >= 16);
  });

  it("keeps the link's viewport and sizes the titles for its zoom", () => {
    const r = runScript(layout, { width: 1246, height: 665 }, 0.5);
    expect(r.transform).toBe('translate(1px,2px) scale(1)');
    expect(r.measured).toBeUndefined();
    expect(r.minTitle).toBe(`${minTitlePx(0.5)}px`);
  });

  it('leaves the server\'s transform alone when there is no pane to measure', () => {
    expect(runScript(layout, null)).toEqual({ transform: 'translate(1px,2px) scale(1)', measured: undefined, minTitle: null, big: false });
    expect(runScript(layout, { width: 0, height: 300 }).measured).toBeUndefined();
  });

  it('hands its measurement to the one canvas that hydrates, and to no canvas drawn later on a client-side navigation', () => {
    const g = globalThis as { window?: { __atlasServerPane?: unknown } };
    g.window = { __atlasServerPane: { width: 366, height: 640 } };
    try {
      expect(measuredServerPane()).toEqual({ width: 366, height: 640 });
      forgetServerPane();
      expect(measuredServerPane()).toBeUndefined();
    } finally {
      delete g.window;
    }
  });
});
