'use client';

import { Maximize2, Minimize2 } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { TopologyGraphLoader } from '@/components/graph/topology-graph-loader';
import { applyEndpointPreview } from '@/lib/endpoints/ghost';
import type { EndpointPreview } from '@/lib/endpoints/preview';
import type { Topology } from '@/lib/topology/types';

/** How long the choices must rest before the graph is drawn again: a relayout per keystroke would be wasted. */
const SETTLE_MS = 300;

/** What the picture depends on; a preview that differs only elsewhere (security groups, DNS) draws the same. */
function pictureKey(p: EndpointPreview): string {
  return JSON.stringify([
    p.action,
    p.vpcId,
    p.endpoint.type,
    p.endpoint.serviceName,
    p.endpoint.name,
    p.addRoutes.map((r) => r.routeTableId),
    p.removeRoutes.map((r) => r.routeTableId),
    p.addNetworkInterfaces.map((n) => n.subnetId),
    p.removeNetworkInterfaces.map((n) => n.networkInterfaceId),
  ]);
}

/** The preview once it has stopped changing for SETTLE_MS; the first one at once. */
function useSettled(preview: EndpointPreview): EndpointPreview {
  const [settled, setSettled] = useState(preview);
  const key = pictureKey(preview);
  const settledKey = pictureKey(settled);
  useEffect(() => {
    if (key === settledKey) return;
    const timer = window.setTimeout(() => setSettled(preview), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [key, settledKey, preview]);
  return settled;
}

/** What the line above the canvas says the marks mean. */
function Caption({ preview, marked }: { preview: EndpointPreview; marked: boolean }) {
  const accent = 'font-semibold text-teal-700 dark:text-teal-300';
  const red = 'font-semibold text-red-700 dark:text-red-300';
  if (!marked) return <>{preview.action === 'create' ? 'The VPC as it is now' : 'The endpoint in its VPC, as it is now'}</>;
  if (preview.action === 'create') {
    return (
      <>
        <span className={accent}>Dashed</span>: what Create adds
      </>
    );
  }
  if (preview.action === 'delete') {
    return (
      <>
        <span className={red}>Red</span>: what Delete takes away
      </>
    );
  }
  const adds = preview.addRoutes.length + preview.addNetworkInterfaces.length > 0;
  const removes = preview.removeRoutes.length + preview.removeNetworkInterfaces.length > 0;
  return (
    <>
      {adds && (
        <>
          <span className={accent}>Dashed</span>: what Save adds
        </>
      )}
      {adds && removes && ' · '}
      {removes && (
        <>
          <span className={red}>Red</span>: what it takes away
        </>
      )}
    </>
  );
}

/**
 * The VPC on the graph with a change drawn over it as a ghost: a new endpoint, dashed route edges from the tables
 * it adds, dashed network interfaces in the subnets it adds, and in red what a change or a delete takes away.
 * Framed on what changes, or on `frame` while nothing does; "Enlarge" lays the whole VPC over the page.
 */
export function PreviewGraph({
  topology,
  preview,
  frame,
  label = 'Preview on the graph',
  height = 'h-80 xl:h-96',
}: {
  topology: Topology;
  preview: EndpointPreview;
  /** Nodes to frame while the preview marks nothing (an existing endpoint and what it uses); the whole VPC when absent. */
  frame?: string[];
  label?: string;
  /** The canvas's height classes while not enlarged. */
  height?: string;
}) {
  const settled = useSettled(preview);
  const ghost = useMemo(() => applyEndpointPreview(topology, settled), [topology, settled]);
  const marks = useMemo(() => (ghost.added.length + ghost.removed.length > 0 ? { added: ghost.added, removed: ghost.removed } : undefined), [ghost]);
  const focus = marks ? ghost.focus : frame;
  const [enlarged, setEnlarged] = useState(false);

  useEffect(() => {
    if (!enlarged) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setEnlarged(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enlarged]);

  if (!topology.vpcs.some((v) => v.id === settled.vpcId)) return null;
  const toggle = (
    <button
      type="button"
      onClick={() => setEnlarged((v) => !v)}
      aria-pressed={enlarged}
      className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
    >
      {enlarged ? <Minimize2 aria-hidden className="h-3.5 w-3.5" /> : <Maximize2 aria-hidden className="h-3.5 w-3.5" />}
      {enlarged ? 'Back to the page' : 'Enlarge'}
    </button>
  );
  return (
    <section aria-label={label} data-testid="preview-graph" data-ghost={marks ? 'true' : 'false'} data-action={settled.action}>
      {enlarged && <div aria-hidden className="fixed inset-0 z-40 bg-slate-950/40 backdrop-blur-[1px]" onClick={() => setEnlarged(false)} />}
      <div
        className={
          enlarged
            ? 'fixed inset-4 z-50 flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3 shadow-2xl sm:inset-8 dark:border-slate-800 dark:bg-slate-900'
            : 'flex flex-col gap-2'
        }
        {...(enlarged ? { role: 'dialog', 'aria-modal': true, 'aria-label': label } : {})}
      >
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="preview-graph-caption">
            <Caption preview={settled} marked={!!marks} />
          </p>
          {toggle}
        </div>
        {/* The canvas (and its placeholder) has a floor of 560px for full pages; here it fits its box. */}
        <div className={`[&>*]:min-h-0 ${enlarged ? 'min-h-0 flex-1' : height}`}>
          <TopologyGraphLoader topology={ghost.topology} vpcId={settled.vpcId} readOnly compact={!enlarged} {...(marks ? { ghost: marks } : {})} {...(focus && !enlarged ? { focus } : {})} />
        </div>
      </div>
    </section>
  );
}
