/**
 * The first fit of a server-rendered canvas (`server-render.ts`), before any of the page's script runs: the server
 * fitted the picture to a guessed pane (`SERVER_PANE_GUESS`); an inline script placed right after the canvas's HTML
 * measures the real pane as soon as the canvas is parsed, refits the viewport and leaves the size it measured for the
 * canvas to start from when it hydrates. A phone, or any window other than the guess, then sees its picture fitted
 * from the first paint instead of jumping when the page hydrates.
 */

import { CHIP_ONE_LINE_PX, MAX_MIN_TITLE_PX } from './sizes';

/** Room kept clear around the fitted graph, px (the toolbar floats over the top). `use-fit-view.ts` fits with the same. */
export const FIT_PADDING_PX = { top: 60, right: 20, bottom: 20, left: 20 } as const;
/** The closest a fit zooms in. */
export const FIT_MAX_ZOOM = 1.1;

/** Where the inline script leaves the pane it measured, for the hydrating canvas (`measuredServerPane`). */
declare global {
  interface Window {
    __atlasServerPane?: { width: number; height: number };
  }
}

/**
 * Refits the canvas rendered just before `script` to its pane (or keeps `fixed`, the link's viewport, whose zoom it
 * takes), and sizes its titles for that zoom as the canvas's `LabelScale` does once hydrated (`--atlas-min-title`,
 * `atlas-titles-big`). Self-contained (no closure, no import): its source is the inline script (`serverFitScript`).
 * The same arithmetic as React Flow's `getViewportForBounds` with pixel paddings and as `minTitlePx`, so the canvas,
 * fitting the same pane when it hydrates, draws the same.
 */
export function fitBeforeHydration(
  script: Element | null,
  width: number,
  height: number,
  minZoom: number,
  maxZoom: number,
  top: number,
  right: number,
  bottom: number,
  left: number,
  fixed: number | null,
  maxTitle: number,
  chipOneLine: number,
): void {
  const graph = script ? (script.previousElementSibling as HTMLElement | null) : null;
  const pane = graph ? (graph.querySelector('.react-flow') as HTMLElement | null) : null;
  const viewport = graph ? (graph.querySelector('.react-flow__viewport') as HTMLElement | null) : null;
  if (!graph || !pane || !viewport || !(width > 0 && height > 0)) return;
  let zoom = fixed;
  if (zoom === null) {
    const pw = pane.offsetWidth;
    const ph = pane.offsetHeight;
    if (!(pw > 0 && ph > 0)) return;
    zoom = Math.min(Math.max(Math.min((pw - (left + right)) / width, (ph - (top + bottom)) / height), minZoom), maxZoom);
    const x = pw / 2 - (width / 2) * zoom;
    const y = ph / 2 - (height / 2) * zoom;
    const atLeft = Math.floor(x);
    const atTop = Math.floor(y);
    const atRight = Math.floor(pw - (width * zoom + x));
    const atBottom = Math.floor(ph - (height * zoom + y));
    const fx = x - Math.min(atLeft - left, 0) + Math.min(atRight - right, 0);
    const fy = y - Math.min(atTop - top, 0) + Math.min(atBottom - bottom, 0);
    viewport.style.transform = 'translate(' + fx + 'px,' + fy + 'px) scale(' + zoom + ')';
    window.__atlasServerPane = { width: pw, height: ph };
  }
  const px = Math.ceil((11.1 / Math.max(zoom, 0.01)) * 2) / 2;
  if (px <= 12) return;
  const title = Math.min(maxTitle, px);
  graph.style.setProperty('--atlas-min-title', title + 'px');
  if (title >= chipOneLine) graph.classList.add('atlas-titles-big');
}

/**
 * The inline script that runs `fitBeforeHydration` for a layout of this size, right where it is parsed; `fixed`: the
 * zoom of the link's viewport, which it keeps.
 */
export function serverFitScript(layout: { width: number; height: number }, minZoom: number, fixed: number | null = null): string {
  const p = FIT_PADDING_PX;
  const args = [layout.width, layout.height, minZoom, FIT_MAX_ZOOM, p.top, p.right, p.bottom, p.left, fixed, MAX_MIN_TITLE_PX, CHIP_ONE_LINE_PX].map((n) => JSON.stringify(n)).join(',');
  return `(${fitBeforeHydration.toString()})(document.currentScript,${args})`;
}

/** Drops what the inline script measured, once the canvas that hydrated has taken it. */
export function forgetServerPane(): void {
  if (typeof window !== 'undefined') delete window.__atlasServerPane;
}

/** The pane the inline script measured, in the browser before the canvas hydrates; undefined on the server or without it. */
export function measuredServerPane(): { width: number; height: number } | undefined {
  return typeof window === 'undefined' ? undefined : window.__atlasServerPane;
}
