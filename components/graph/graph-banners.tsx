'use client';

import { Info, LoaderCircle, Route as RouteIcon, TriangleExclamationPoint, X } from 'lucide-react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { SubnetPath } from '@/lib/analysis/paths';
import { serviceLabel } from '@/lib/aws/services';
import { useGraphStore } from './graph-store';

export interface GraphBannersProps {
  /** Messages about the page's query, e.g. `parseViewState(...).notices`; the user can dismiss them. */
  notices: readonly string[];
  /** The VPC drawn has no endpoints: say so, and link to the form unless the view is read-only. */
  noEndpoints: boolean;
  createEndpointHref?: string | undefined;
  readOnly: boolean;
  /** The highlighted path, and the name of its subnet. */
  activePath: SubnetPath | null;
  pathFrom: string;
  /** The topology has nothing to draw. */
  empty: boolean;
  /** Why the layout failed, if it did. */
  error: string | null;
}

/** What the canvas has to say, stacked under the toolbar: notices, no endpoints, the path shown, nothing to draw, a failed layout. */
export function GraphBanners({ notices, noEndpoints, createEndpointHref, readOnly, activePath, pathFrom, empty, error }: GraphBannersProps) {
  const store = useGraphStore();
  const [dismissed, setDismissed] = useState(false);
  const messages = dismissed ? [] : notices;
  const top = useBelowToolbar();
  return (
    <div
      ref={top.ref}
      style={top.px === null ? undefined : { top: top.px }}
      className="pointer-events-none absolute inset-x-0 top-14 z-10 flex flex-col items-center gap-2 px-4"
    >
      {messages.length > 0 ? (
        <div
          data-testid="graph-notices"
          role="status"
          className="pointer-events-auto flex max-w-xl items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 shadow dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <TriangleExclamationPoint aria-hidden size={16} className="mt-0.5 shrink-0" />
          <ul className="flex-1 space-y-0.5">
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <button type="button" aria-label="Dismiss" onClick={() => setDismissed(true)} className="rounded p-0.5 hover:bg-amber-100 dark:hover:bg-amber-900">
            <X aria-hidden size={14} />
          </button>
        </div>
      ) : null}
      {noEndpoints ? (
        <div
          data-testid="graph-no-endpoints"
          className="pointer-events-auto flex max-w-xl items-start gap-2 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900 shadow dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
        >
          <Info aria-hidden size={16} className="mt-0.5 shrink-0" />
          <p>
            This VPC has no endpoints: its traffic to AWS services follows its routes (NAT, internet gateway, or out of the VPC).
            {createEndpointHref && !readOnly ? (
              <>
                {' '}
                <a href={createEndpointHref} className="font-medium underline">
                  Create an endpoint
                </a>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {activePath ? (
        <div
          data-testid="graph-path-banner"
          role="status"
          className="pointer-events-auto flex max-w-xl items-center gap-2 rounded-full border border-sky-300 bg-white/95 px-3 py-1 text-sm text-slate-800 shadow dark:border-sky-700 dark:bg-slate-900/95 dark:text-slate-100"
        >
          <RouteIcon aria-hidden size={15} className="shrink-0 text-sky-600 dark:text-sky-400" />
          <span>
            Path to <strong>{serviceLabel(activePath.service)}</strong> from {pathFrom}
          </span>
          <button
            type="button"
            aria-label="Stop highlighting the path"
            onClick={() => store.dispatch({ type: 'path', service: null })}
            className="rounded-full p-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <X aria-hidden size={14} />
          </button>
        </div>
      ) : null}
      {empty ? (
        <div data-testid="graph-empty" className="pointer-events-auto rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow dark:border-slate-700 dark:bg-slate-900">
          No VPCs to draw.
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="pointer-events-auto rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 shadow dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          The layout failed: {error}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The banners' top edge: 8 px under the toolbar, which wraps to two or three rows when the inspector takes the
 * room, so a banner never covers a toolbar control. Null (the class's 56 px) until measured, or with no toolbar.
 */
function useBelowToolbar() {
  const ref = useRef<HTMLDivElement>(null);
  const [px, setPx] = useState<number | null>(null);
  useLayoutEffect(() => {
    const parent = ref.current?.parentElement;
    const toolbar = parent?.querySelector<HTMLElement>('.atlas-toolbar-panel');
    if (!parent || !toolbar || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const box = toolbar.getBoundingClientRect();
      setPx(box.height > 0 ? Math.round(box.bottom - parent.getBoundingClientRect().top + 8) : null);
    };
    // No measurement here: it would lay the whole new canvas out inside the commit that mounts it, and its state
    // update would make React re-render at once and run every passive effect in that same long task. The observer's
    // first callback comes after the frame's own layout and before its paint, so a banner is never drawn misplaced.
    const observer = new ResizeObserver(measure);
    observer.observe(toolbar);
    return () => observer.disconnect();
  }, []);
  return { ref, px };
}

/** The pill at the bottom while a layout is being computed. */
export function LayoutPending({ count }: { count: number }) {
  return (
    <div
      data-testid="graph-layout-pending"
      aria-live="polite"
      className="pointer-events-none absolute bottom-4 left-1/2 z-10 flex -translate-x-1/2 items-center gap-2 rounded-full bg-slate-900/80 px-3 py-1.5 text-sm text-white shadow dark:bg-slate-100/90 dark:text-slate-900"
    >
      <LoaderCircle aria-hidden size={14} className="animate-spin" /> Laying out {count} resources…
    </div>
  );
}
