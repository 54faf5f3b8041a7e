'use client';

/**
 * The canvas's side of the semantic overview (`lib/graph/overview`): the label scale that keeps titles legible at
 * the zoom that fits a big VPC or a region (and a small VPC's detail), and the bar that lists the open groups and closes them again.
 */

import { Panel, useOnViewportChange, useStore, type ReactFlowState } from '@xyflow/react';
import { X } from 'lucide-react';
import { memo, useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { OverviewGroupRef } from '@/lib/graph/overview/graph';
import { CHIP_ONE_LINE_PX, MAX_MIN_TITLE_PX } from '@/lib/graph/sizes';
import { useGraphStore } from './graph-store';

/** How far an overview's titles grow at most: the overview's nodes hold two lines of them at this scale (OVERVIEW_SIZE). */
const MAX_LABEL_SCALE = 3.5;

/** Below this zoom an overview's titles, grown all they can, read smaller than 11 px on screen. */
export const OVERVIEW_READABLE_ZOOM = 11 / 12 / MAX_LABEL_SCALE;

/**
 * Overview: titles grow as the view zooms out so that the smallest, a chip's 12 px, stays at least 11 px on screen
 * (11 / 12 / zoom, rounded up to a tenth so it changes rarely), and no more than MAX_LABEL_SCALE times.
 */
function overviewScale(zoom: number): number {
  return Math.min(MAX_LABEL_SCALE, Math.max(1, Math.ceil((11 / 12 / Math.max(zoom, 0.01)) * 10) / 10));
}

/**
 * Detail: the size (CSS px, in half pixels) a title needs to be 11 px on screen at `zoom`, up to `MAX_MIN_TITLE_PX`;
 * null where every title (12 px and up) already is. The inline fit of a server-rendered canvas (`server-fit.ts`)
 * applies the same before hydration.
 */
export function minTitlePx(zoom: number): number | null {
  const px = Math.ceil((11.1 / Math.max(zoom, 0.01)) * 2) / 2;
  return px <= 12 ? null : Math.min(MAX_MIN_TITLE_PX, px);
}

/**
 * Overview: from this label scale a class's route lines, grown with it, no longer fit its card's width ('S3 + DynamoDB →
 * gateway endpoints' is 270 px at 1.2 times 11.5 px): it says them in fewer words (`atlas-labels-glance`)...
 */
const LABELS_GLANCE_SCALE = 1.3;
/** ...from this one titles take the room of the icons and most detail lines (`atlas-labels-big`)... */
const LABELS_BIG_SCALE = 1.6;
/**
 * ...and past this one (below about 45 % zoom) the first two detail lines of a card go too (`atlas-labels-far`): up to
 * here a card of OVERVIEW_SIZE (104 px tall) holds its title on one line of 24 px and two lines of 18.4 px.
 */
const LABELS_FAR_SCALE = 2;

function clear(el: HTMLElement): void {
  el.style.removeProperty('--atlas-label-scale');
  el.style.removeProperty('--atlas-min-title');
  el.classList.remove('atlas-labels-glance', 'atlas-labels-big', 'atlas-labels-far', 'atlas-titles-big');
}

/**
 * Keeps titles legible at the zoom that fits the graph, through CSS variables on the canvas root (nothing re-renders:
 * the nodes' CSS reads them). In an `overview`, `--atlas-label-scale` grows group titles up to 3.5 times and
 * `atlas-labels-big` gives them the room of the detail lines. In the `detail` of a small graph fitted below 100 %,
 * `--atlas-min-title` is the least size of every title (cards, chips, subnet, AZ and VPC names): just what reads as
 * 11 px on screen, so names are cut no more than they must be. While the view moves, the viewport is one compositing
 * layer (`atlas-moving`) whose pixels a new text size would re-raster on every step of a zoom: sizes follow when the
 * move ends. Renders nothing.
 */
export const LabelScale = memo(function LabelScale({ root, mode }: { root: RefObject<HTMLDivElement | null>; mode: 'overview' | 'detail' }) {
  const value = useStore((s: ReactFlowState) => (mode === 'overview' ? overviewScale(s.transform[2]) : minTitlePx(s.transform[2])));
  // The canvas root's ref is attached after this child's first layout effect; React Flow's own element (set in
  // its store once mounted) finds it then, so a size that is right from the first render is still applied.
  const flowElement = useStore((s) => s.domNode);
  const moving = useRef(false);
  const [settled, setSettled] = useState(0);
  const onStart = useCallback(() => {
    moving.current = true;
  }, []);
  const onEnd = useCallback(() => {
    moving.current = false;
    setSettled((n) => n + 1);
  }, []);
  useOnViewportChange({ onStart, onEnd });
  useLayoutEffect(() => {
    const el = root.current ?? flowElement?.closest<HTMLElement>('.atlas-graph') ?? null;
    return el ? () => clear(el) : undefined;
  }, [root, flowElement, mode]);
  useLayoutEffect(() => {
    const el = root.current ?? flowElement?.closest<HTMLElement>('.atlas-graph') ?? null;
    if (!el || moving.current) return;
    if (mode === 'overview') {
      el.style.setProperty('--atlas-label-scale', String(value));
      el.classList.toggle('atlas-labels-glance', value !== null && value >= LABELS_GLANCE_SCALE);
      el.classList.toggle('atlas-labels-big', value !== null && value >= LABELS_BIG_SCALE);
      el.classList.toggle('atlas-labels-far', value !== null && value > LABELS_FAR_SCALE);
    } else {
      if (value === null) el.style.removeProperty('--atlas-min-title');
      else el.style.setProperty('--atlas-min-title', `${value}px`);
      el.classList.toggle('atlas-titles-big', value !== null && value >= CHIP_ONE_LINE_PX);
    }
  }, [root, flowElement, mode, value, settled]);
  return null;
});

/** The open groups, each with a button that closes it (where its members were on screen), and one that closes them all. */
export const OpenGroups = memo(function OpenGroups({ opened }: { opened: readonly OverviewGroupRef[] }) {
  const store = useGraphStore();
  if (opened.length === 0) return null;
  return (
    <Panel position="bottom-center">
      <div
        role="group"
        aria-label="Open groups"
        data-testid="open-groups"
        className="flex max-w-[min(44rem,70vw)] flex-wrap items-center gap-1.5 rounded-lg border border-slate-200 bg-white/95 px-2 py-1.5 text-[12px] shadow-sm dark:border-slate-700 dark:bg-slate-900/95"
      >
        <span className="font-medium text-slate-600 dark:text-slate-300">Open:</span>
        {opened.map((g) => (
          <button
            key={g.id}
            type="button"
            onClick={() => store.toggleGroup(g.id, g.members)}
            title={`Draw the ${g.title} as one box again`}
            aria-label={`Close ${g.title}`}
            className="inline-flex max-w-[16rem] items-center gap-1 rounded-full border border-slate-300 bg-slate-50 py-0.5 pl-2 pr-1 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            <span className="truncate">{g.title}</span>
            <X aria-hidden size={12} className="shrink-0" />
          </button>
        ))}
        {opened.length > 1 ? (
          <button
            type="button"
            onClick={() => store.dispatch({ type: 'closeAll' })}
            className="rounded px-1.5 py-0.5 font-medium text-sky-700 hover:underline dark:text-sky-300"
          >
            Close all
          </button>
        ) : null}
      </div>
    </Panel>
  );
});
