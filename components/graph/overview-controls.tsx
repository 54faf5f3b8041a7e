'use client';

/**
 * The canvas's side of the semantic overview (`lib/graph/overview`): the label scale that keeps titles legible at
 * the zoom that fits a big VPC or a region, and the bar that lists the open groups and closes them again.
 */

import { Panel, useStore, type ReactFlowState } from '@xyflow/react';
import { X } from 'lucide-react';
import { memo, useLayoutEffect, type RefObject } from 'react';
import type { OverviewGroupRef } from '@/lib/graph/overview/graph';
import { useGraphStore } from './graph-store';

/**
 * Titles grow as the view zooms out so that the smallest, a chip's 12 px, stays at least 11 px on screen (11 / 12 /
 * zoom, rounded up to a tenth so it changes rarely), and no more than 3.5 times.
 */
const scaleSelector = (s: ReactFlowState) => Math.min(3.5, Math.max(1, Math.ceil((11 / 12 / Math.max(s.transform[2], 0.01)) * 10) / 10));

/**
 * Sets `--atlas-label-scale` on the canvas root while an overview is drawn (nothing re-renders: the nodes' CSS
 * reads it), and `atlas-labels-big` when titles take the room of the detail lines. Renders nothing.
 */
export const LabelScale = memo(function LabelScale({ root }: { root: RefObject<HTMLDivElement | null> }) {
  const scale = useStore(scaleSelector);
  // The canvas root's ref is attached after this child's first layout effect; React Flow's own element (set in
  // its store once mounted) finds it then, so a scale that is right from the first render is still applied.
  const flowElement = useStore((s) => s.domNode);
  useLayoutEffect(() => {
    const el = root.current ?? flowElement?.closest<HTMLElement>('.atlas-graph') ?? null;
    if (!el) return;
    el.style.setProperty('--atlas-label-scale', String(scale));
    el.classList.toggle('atlas-labels-big', scale >= 1.6);
    return () => {
      el.style.removeProperty('--atlas-label-scale');
      el.classList.remove('atlas-labels-big');
    };
  }, [root, flowElement, scale]);
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
