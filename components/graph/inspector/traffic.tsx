'use client';

/**
 * Traffic from CloudWatch in the inspector of an interface endpoint or a NAT gateway: totals over the period and a
 * sparkline. Read from /api/metrics only when such a panel opens (the graph never waits for it), once per VPC and
 * period; the period is in the URL (`period=24h|7d|30d`).
 */

import { useEffect, useState } from 'react';
import { formatMetric } from '@/lib/metrics/format';
import { METRIC_PERIOD_NAMES, type MeteredKind, type MetricPeriod, type MetricsResult } from '@/lib/metrics/types';
import { cx } from '../format';
import { useGraph } from '../graph-store';
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

const PERIOD_WORDS: Record<MetricPeriod, string> = { '24h': '24 hours', '7d': '7 days', '30d': '30 days' };
const STEP_WORDS: Record<MetricPeriod, string> = { '24h': 'hour', '7d': '6 hours', '30d': 'day' };

type Loaded = { result: MetricsResult } | { error: string };

// One read per (page scope, VPC, period) for the page's life: moving between endpoints of a VPC reads nothing.
const reads = new Map<string, Promise<Loaded>>();

function readMetrics(url: string): Promise<Loaded> {
  let read = reads.get(url);
  if (!read) {
    read = fetch(url, { headers: { accept: 'application/json' } })
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as MetricsResult & { error?: string };
        return res.ok ? { result: body } : { error: body.error ?? `The metrics request failed (HTTP ${res.status}).` };
      })
      .catch(() => ({ error: 'The metrics request failed: the server did not answer.' }));
    reads.set(url, read);
    // A failure is not kept: opening the panel again tries again.
    void read.then((r) => 'error' in r && reads.delete(url));
  }
  return read;
}

function periodFromUrl(): MetricPeriod {
  const p = new URLSearchParams(window.location.search).get('period');
  return (METRIC_PERIOD_NAMES as string[]).includes(p ?? '') ? (p as MetricPeriod) : '24h';
}

/** The page's own scope (region, source, profile) with the VPC and period: the same topology the graph drew. */
function metricsUrl(vpcId: string, period: MetricPeriod): string {
  const page = new URLSearchParams(window.location.search);
  const q = new URLSearchParams();
  for (const name of ['region', 'source', 'profile']) {
    const v = page.get(name);
    if (v) q.set(name, v);
  }
  q.set('vpc', vpcId);
  q.set('period', period);
  return `/api/metrics?${q.toString()}`;
}

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
  const [period, setPeriod] = useState<MetricPeriod>(() => (typeof window === 'undefined' ? '24h' : periodFromUrl()));
  const [loaded, setLoaded] = useState<{ url: string; value: Loaded } | null>(null);
  const url = typeof window === 'undefined' ? '' : metricsUrl(vpcId, period);

  useEffect(() => {
    if (readOnly || !url) return;
    let live = true;
    void readMetrics(url).then((value) => live && setLoaded({ url, value }));
    return () => {
      live = false;
    };
  }, [url, readOnly]);

  // A frozen view (a shared snapshot, a preview) has no live account to ask.
  if (readOnly) return null;

  const choose = (p: MetricPeriod) => {
    setPeriod(p);
    const next = new URL(window.location.href);
    next.searchParams.set('period', p);
    window.history.replaceState(window.history.state, '', next);
  };

  const current = loaded?.url === url ? loaded.value : null;
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
              <Sparkline values={first.series} label={`${shown[0]!.label} over the last ${PERIOD_WORDS[period]}`} />
              <figcaption className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
                {shown[0]!.label} per {STEP_WORDS[period]}, last {PERIOD_WORDS[period]}
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
      <div role="group" aria-label="Traffic period" className="mb-2 inline-flex overflow-hidden rounded border border-slate-300 text-xs dark:border-slate-700">
        {METRIC_PERIOD_NAMES.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={p === period}
            onClick={() => choose(p)}
            className={cx('px-2 py-0.5', p === period ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800')}
          >
            {p}
          </button>
        ))}
      </div>
      <div data-testid="inspector-traffic">{body}</div>
    </Section>
  );
}
