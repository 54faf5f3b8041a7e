'use client';

/**
 * Traffic from CloudWatch in the inspector of an interface endpoint or a NAT gateway: totals over the period and a
 * sparkline. Read from /api/metrics only when such a panel opens (the graph never waits for it), once per VPC and
 * period (the reads are shared with the edge thickness, `traffic-store.ts`); the period is in the URL
 * (`period=24h|7d|30d`).
 */

import { formatMetric } from '@/lib/metrics/format';
import { METRIC_PERIODS, type MeteredKind } from '@/lib/metrics/types';
import { useGraph } from '../graph-store';
import { metricsUrl, useMetrics, useTrafficView } from '../traffic-store';
import { PeriodSwitch } from '../traffic-toggle';
import { Fields, Section, type Row } from './parts';

/** The metrics shown, in order: the first is the sparkline's. */
const SHOWN: Record<MeteredKind, { metric: string; label: string; stat: 'sum' | 'max' }[]> = {
  'interface-endpoint': [
    { metric: 'BytesProcessed', label: 'Bytes processed', stat: 'sum' },
    { metric: 'NewConnections', label: 'New connections', stat: 'sum' },
    { metric: 'ActiveConnections', label: 'Peak connections', stat: 'max' },
    { metric: 'PacketsDropped', label: 'Packets dropped', stat: 'sum' },
  ],
  'nat-gateway': [
    { metric: 'BytesOutToDestination', label: 'Out to destination', stat: 'sum' },
    { metric: 'BytesInFromSource', label: 'In from source', stat: 'sum' },
    { metric: 'BytesInFromDestination', label: 'In from destination', stat: 'sum' },
    { metric: 'ActiveConnectionCount', label: 'Peak connections', stat: 'max' },
    { metric: 'ErrorPortAllocation', label: 'Port allocation errors', stat: 'sum' },
    { metric: 'PacketsDropCount', label: 'Packets dropped', stat: 'sum' },
  ],
};

const savedUntil = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const w = 240;
  const h = 36;
  const max = values.reduce((a, b) => Math.max(a, b), 0);
  const step = values.length > 1 ? w / (values.length - 1) : w;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(h - 2 - (max > 0 ? (v / max) * (h - 4) : 0)).toFixed(1)}`).join(' ');
  return (
    <svg data-testid="traffic-sparkline" role="img" aria-label={label} viewBox={`0 0 ${w} ${h}`} className="h-9 w-full text-sky-600 dark:text-sky-400" preserveAspectRatio="none">
      <polyline points={`0,${h} ${points} ${w},${h}`} className="fill-sky-100 dark:fill-sky-950" stroke="none" />
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

export function TrafficSection({ id, kind, vpcId }: { id: string; kind: MeteredKind; vpcId: string }) {
  const readOnly = useGraph((s) => s.inspector?.readOnly ?? true);
  const { period } = useTrafficView();
  const current = useMetrics(readOnly || typeof window === 'undefined' ? null : metricsUrl(vpcId, period));

  // A frozen view (a shared snapshot, a preview) has no live account to ask.
  if (readOnly) return null;

  const words = METRIC_PERIODS[period].words;
  let body;
  if (!current) body = <p className="text-sm text-slate-500 dark:text-slate-400">Reading CloudWatch…</p>;
  else if ('error' in current) body = <p className="text-sm text-red-700 dark:text-red-300">{current.error}</p>;
  else if (current.result.status === 'unavailable') body = <p className="text-sm text-slate-600 dark:text-slate-300">{current.result.message}</p>;
  else {
    const resource = current.result.resources[id];
    if (!resource) body = <p className="text-sm text-slate-500 dark:text-slate-400">No metrics were read for this resource.</p>;
    else {
      const shown = SHOWN[kind];
      const first = resource.metrics[shown[0]!.metric];
      const rows: Row[] = shown.flatMap(({ metric, label, stat }) => {
        const m = resource.metrics[metric];
        return m ? [[label, <span key={metric} data-testid={`traffic-${metric}`}>{formatMetric(stat === 'max' ? (m.max ?? 0) : m.sum, m.unit)}</span>] as Row] : [];
      });
      body = (
        <>
          {first ? (
            <figure>
              <Sparkline values={first.series} label={`${shown[0]!.label} over the last ${words}`} />
              <figcaption className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
                {shown[0]!.label} per {METRIC_PERIODS[period].stepWords}, last {words}
                {current.result.origin === 'fixture' ? ` of the saved data (to ${savedUntil.format(new Date(current.result.end))} UTC)` : ''}
              </figcaption>
            </figure>
          ) : null}
          <div className="mt-2">
            <Fields rows={rows} />
          </div>
        </>
      );
    }
  }

  return (
    <Section title="Traffic">
      <PeriodSwitch label="Traffic period" className="mb-2" buttonClassName="px-2 py-0.5 pointer-coarse:py-1" />
      <div data-testid="inspector-traffic">{body}</div>
    </Section>
  );
}
