'use client';

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

/**
 * What each colour, icon and line style means: a strip under the canvas rather than a panel on it, so it never
 * covers the graph. A `<details>` so it folds away on small screens.
 */
export function GraphLegend() {
  return (
    <details
      open
      data-testid="graph-legend"
      className="shrink-0 border-t border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200"
    >
      <summary className="cursor-pointer select-none font-semibold text-slate-600 dark:text-slate-300">Legend</summary>
      <div className="mt-1.5 space-y-1.5 pb-1">
        <ul className="flex flex-wrap gap-x-4 gap-y-1.5">
          {NODE_KINDS.map((kind) => (
            <li key={kind} className="flex items-center gap-1.5" data-legend-kind={kind}>
              <KindChip kind={kind} size="sm" />
              <span>{KIND_STYLE[kind].label}</span>
            </li>
          ))}
        </ul>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <EdgeSample color={EDGE_COLOR.association} label="Subnet → its route table" />
          <EdgeSample color={EDGE_COLOR.association} dash="5 3" label="Subnet → main route table (implicit)" />
          <EdgeSample color={EDGE_COLOR.gatewayEndpoint} label="Route to a gateway endpoint" />
          <EdgeSample color={EDGE_COLOR.internetGateway} label="to an internet gateway" />
          <EdgeSample color={EDGE_COLOR.natGateway} label="to a NAT gateway" />
          <EdgeSample color={EDGE_COLOR.route} label="to a target outside the VPC" />
          <EdgeSample color={EDGE_COLOR.blackhole} dash="3 3" label="Blackhole route (target gone)" />
          <EdgeSample color={EDGE_COLOR.endpointEni} label="Interface endpoint → its network interface" />
        </ul>
      </div>
    </details>
  );
}
