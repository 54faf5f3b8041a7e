'use client';

import { FileImage, ImageDown, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { menuItem } from '@/components/ui/menu';

/** Where the diagram is: React Flow's root inside the topology canvas. Found by selector, not by a ref. */
export const CANVAS_SELECTOR = '.atlas-graph .react-flow, .react-flow';
const LEGEND_SELECTOR = '[data-testid="graph-legend"]';

/** Parts of the canvas that are controls or passing messages, not the diagram; the legend stays in. */
const LEFT_OUT_CLASSES = ['react-flow__controls', 'react-flow__minimap', 'react-flow__attribution'];
const LEFT_OUT_TEST_IDS = new Set(['graph-inspector', 'graph-notices', 'graph-no-endpoints', 'graph-layout-pending', 'graph-loading']);

function isLeftOut(node: HTMLElement): boolean {
  const cls = node.classList;
  if (!cls) return false;
  if (LEFT_OUT_CLASSES.some((c) => cls.contains(c))) return true;
  // The search-and-filter toolbar sits in the top-left panel.
  if (cls.contains('react-flow__panel') && cls.contains('top') && cls.contains('left')) return true;
  const testId = node.dataset?.testid;
  if (testId && LEFT_OUT_TEST_IDS.has(testId)) return true;
  return node.dataset?.exportExclude !== undefined;
}

/**
 * What to draw: the smallest box around the canvas that also holds its legend (the legend may sit on the canvas
 * or beside it), else the canvas alone.
 */
export function findDiagramElement(): HTMLElement | null {
  const canvas = document.querySelector<HTMLElement>(CANVAS_SELECTOR);
  if (!canvas) return null;
  const legend = document.querySelector(LEGEND_SELECTOR);
  if (!legend || canvas.contains(legend)) return canvas;
  for (let e: HTMLElement | null = canvas.parentElement; e && e !== document.body; e = e.parentElement) {
    if (e.contains(legend)) return e;
  }
  return canvas;
}

// html-to-image copies an <svg> element whole, without the computed styles of what is inside it, and the copy
// is drawn without the page's stylesheets. React Flow styles edge labels and markers by class, so they would come
// out black; these are the properties written inline for the time of the capture.
const SVG_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
];

/** Writes the computed SVG paint of every element inside the diagram's SVGs inline; returns the undo. */
function inlineSvgPaint(root: HTMLElement): () => void {
  const saved: [SVGElement, string | null][] = [];
  for (const el of root.querySelectorAll('svg *')) {
    if (!(el instanceof SVGElement)) continue;
    const computed = getComputedStyle(el);
    saved.push([el, el.getAttribute('style')]);
    for (const p of SVG_PROPERTIES) {
      const v = computed.getPropertyValue(p);
      if (v) el.style.setProperty(p, v);
    }
  }
  return () => {
    for (const [el, style] of saved) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  };
}

/** The first non-transparent background behind the element: the theme's canvas colour. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? '#020617' : '#ffffff';
}

function download(href: string, filename: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export interface ExportImageButtonsProps {
  /** File name without extension, e.g. `vpc-atlas-vpc-0abc-2025-01-01`. */
  fileBase: string;
}

/**
 * "Export PNG" and "Export SVG", items of the share toolbar's Export menu: the diagram as it is on screen (same viewport, the theme's background, the
 * legend), drawn by html-to-image from the canvas DOM. PNG at twice the screen's pixels so labels stay sharp.
 */
export function ExportImageButtons({ fileBase }: ExportImageButtonsProps) {
  const [busy, setBusy] = useState<'png' | 'svg' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: 'png' | 'svg') => {
    setError(null);
    const el = findDiagramElement();
    if (!el) {
      setError('There is no diagram on this page to export yet.');
      return;
    }
    setBusy(format);
    let undo = () => {};
    try {
      const { toPng, toSvg } = await import('html-to-image');
      undo = inlineSvgPaint(el);
      const options = {
        backgroundColor: backgroundOf(el),
        width: el.clientWidth,
        height: el.clientHeight,
        // System fonts only: nothing to embed, and no stylesheet fetches.
        skipFonts: true,
        filter: (node: HTMLElement) => !isLeftOut(node),
      };
      const dataUrl = format === 'png' ? await toPng(el, { ...options, pixelRatio: 2 }) : await toSvg(el, options);
      download(dataUrl, `${fileBase}.${format}`);
    } catch (err) {
      setError(`The ${format.toUpperCase()} could not be made: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      undo();
      setBusy(null);
    }
  };

  return (
    <>
      <button type="button" className={menuItem} disabled={busy !== null} onClick={() => void run('png')} data-testid="export-png">
        {busy === 'png' ? <LoaderCircle aria-hidden size={15} className="animate-spin" /> : <ImageDown aria-hidden size={15} />}
        Export PNG
      </button>
      <button type="button" className={menuItem} disabled={busy !== null} onClick={() => void run('svg')} data-testid="export-svg">
        {busy === 'svg' ? <LoaderCircle aria-hidden size={15} className="animate-spin" /> : <FileImage aria-hidden size={15} />}
        Export SVG
      </button>
      {error ? (
        <p role="alert" className="max-w-64 px-2.5 py-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </>
  );
}
