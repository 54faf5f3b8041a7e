'use client';

import { BookOpen, ChevronDown } from 'lucide-react';
import { memo } from 'react';
import { NODE_KINDS } from '@/lib/graph/types';
import { EDGE_COLOR, KIND_STYLE } from './kind-style';
import { KindChip } from './node-parts';

function EdgeSample({ color, dash, label }: { color: string; dash?: string; label: string }) {
  return (
    <li className="flex items-center gap-1.5">
      <svg aria-hidden width="30" height="10" className="shrink-0">
        <line x1="1" y1="5" x2="23" y2="5" stroke={color} strokeWidth="2" strokeDasharray={dash} />
        <path d="M22 1 L29 5 L22 9 Z" fill={color} />
      </svg>
      <span>{label}</span>
    </li>
  );
}

function Swatch({ className, label }: { className: string; label: string }) {
  return (
    <li className="flex items-center gap-1.5">
      <span aria-hidden className={`h-4 w-6 shrink-0 rounded border ${className}`} />
      <span>{label}</span>
    </li>
  );
}

/** A preview's mark: a dashed box with its word, and a dashed line, in the ghost's colour (topology-graph.css). */
function GhostSample({ removed, label }: { removed: boolean; label: string }) {
  const color = removed ? 'var(--atlas-ghost-removed)' : 'var(--atlas-ghost)';
  return (
    <li className="flex items-center gap-1.5">
      <span
        aria-hidden
        className={`inline-flex h-5 w-16 shrink-0 items-center justify-center rounded text-[10px] font-bold uppercase ${
          removed ? 'atlas-mark-ghost-removed text-red-700 dark:text-red-300' : 'atlas-mark-ghost text-teal-800 dark:text-teal-100'
        }`}
      >
        {removed ? 'removed' : 'new'}
      </span>
      <svg aria-hidden width="30" height="10" className="shrink-0">
        <line x1="1" y1="5" x2="23" y2="5" style={{ stroke: color }} strokeWidth="2" strokeDasharray="5 3" />
        <path d="M22 1 L29 5 L22 9 Z" style={{ fill: color }} />
      </svg>
      <span>{label}</span>
    </li>
  );
}

/**
 * What each colour, icon, line and pin means: a button in the canvas's corner that unfolds over the graph, so it
 * never takes room from it. A `<details>`, so it works without script and keeps its own open state.
 */
export const GraphLegend = memo(function GraphLegend({
  withDiff = false,
  withGhost = false,
  compact = false,
}: {
  withDiff?: boolean;
  withGhost?: boolean;
  /** In a small canvas: the button is an icon, the panel fits the canvas. */
  compact?: boolean;
}) {
  return (
    <details data-testid="graph-legend" className="group relative text-xs text-slate-700 dark:text-slate-200">
      <summary title="Legend" className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800">
        <BookOpen aria-hidden size={15} /> <span className={compact ? 'sr-only' : 'sr-only @3xl/canvas:not-sr-only'}>Legend</span>
        <ChevronDown aria-hidden size={14} className="transition-transform group-open:rotate-180" />
      </summary>
      <div className={`absolute right-0 z-20 mt-1 space-y-3 ${compact ? 'max-h-64 w-[min(24rem,80cqw)]' : 'max-h-[70vh] w-[min(30rem,90cqw)]'} overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900`}>
        {withGhost ? (
          <ul data-testid="legend-ghost" className="space-y-1.5 border-b border-slate-200 pb-2 dark:border-slate-700">
            <GhostSample removed={false} label="Will be created (a preview: nothing is made until you press Create)" />
            <GhostSample removed label="Will be removed" />
          </ul>
        ) : null}
        <ul className="grid grid-cols-2 gap-x-4 gap-y-1.5">
          {NODE_KINDS.map((kind) => (
            <li key={kind} className="flex items-center gap-1.5" data-legend-kind={kind}>
              <KindChip kind={kind} size="sm" />
              <span>{KIND_STYLE[kind].label}</span>
            </li>
          ))}
        </ul>
        <ul className="grid grid-cols-2 gap-x-4 gap-y-1.5 border-t border-slate-200 pt-2 dark:border-slate-700">
          <Swatch className="border-emerald-300 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950" label="Public subnet (route to an internet gateway)" />
          <Swatch className="border-sky-300 bg-sky-50 dark:border-sky-700 dark:bg-sky-950" label="Private subnet" />
        </ul>
        <ul className="grid grid-cols-2 gap-x-4 gap-y-1 border-t border-slate-200 pt-2 dark:border-slate-700">
          <EdgeSample color={EDGE_COLOR.association} label="Subnet → its route table" />
          <EdgeSample color={EDGE_COLOR.association} dash="5 3" label="Subnet → main table (implicit)" />
          <EdgeSample color={EDGE_COLOR.gatewayEndpoint} label="Route to a gateway endpoint" />
          <EdgeSample color={EDGE_COLOR.internetGateway} label="Route to an internet gateway" />
          <EdgeSample color={EDGE_COLOR.natGateway} label="Route to a NAT gateway" />
          <EdgeSample color={EDGE_COLOR.route} label="Route to a target outside the VPC" />
          <EdgeSample color={EDGE_COLOR.blackhole} dash="3 3" label="Blackhole route (target gone)" />
          <EdgeSample color={EDGE_COLOR.endpointEni} label="Interface endpoint → its ENI" />
          <EdgeSample color={EDGE_COLOR.path} dash="2 4" label="Step of a highlighted path" />
        </ul>
        <p className="border-t border-slate-200 pt-2 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          In a busy graph some lines are hidden until they matter: hover over or select a resource to see its links.
          ENI links appear when you hover over or select an interface endpoint.
        </p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1.5 border-t border-slate-200 pt-2 dark:border-slate-700">
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="inline-flex h-5 items-center rounded-full bg-red-600 px-1.5 text-[11px] font-bold text-white">
              2
            </span>
            Findings (colour: worst severity, high · medium · low · info)
          </li>
          {withDiff ? (
            <>
              <li className="flex items-center gap-1.5">
                <span aria-hidden className="rounded-full bg-emerald-600 px-1.5 text-[10px] font-bold uppercase text-white">added</span>
              </li>
              <li className="flex items-center gap-1.5">
                <span aria-hidden className="rounded-full bg-red-600 px-1.5 text-[10px] font-bold uppercase text-white">removed</span>
              </li>
              <li className="flex items-center gap-1.5">
                <span aria-hidden className="rounded-full bg-amber-400 px-1.5 text-[10px] font-bold uppercase text-amber-950">changed</span>
              </li>
            </>
          ) : null}
        </ul>
      </div>
    </details>
  );
});
