'use client';

/**
 * The traffic view of the canvas: whether edges are drawn by bytes (`traffic=1` in the URL), the period both that
 * and the inspector's Traffic section measure over (`period=24h|7d|30d`), and the /api/metrics reads they share.
 * Kept out of the view-state store: the canvas never waits for metrics, and the layout never depends on them.
 */

import { useEffect, useState, useSyncExternalStore } from 'react';
import { METRIC_PERIOD_NAMES, type MetricPeriod, type MetricsResult } from '@/lib/metrics/types';

export interface TrafficView {
  /** Edges drawn by bytes. */
  on: boolean;
  period: MetricPeriod;
}

const DEFAULT: TrafficView = { on: false, period: '24h' };
let view: TrafficView | null = null;
const listeners = new Set<() => void>();

function fromUrl(): TrafficView {
  const q = new URLSearchParams(window.location.search);
  const p = q.get('period');
  return { on: q.get('traffic') === '1', period: (METRIC_PERIOD_NAMES as string[]).includes(p ?? '') ? (p as MetricPeriod) : '24h' };
}

function snapshot(): TrafficView {
  return (view ??= fromUrl());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The traffic view, from the URL on first use. */
export function useTrafficView(): TrafficView {
  return useSyncExternalStore(subscribe, snapshot, () => DEFAULT);
}

/** Changes the traffic view and writes it into the URL (no history entry), keeping every other parameter. */
export function setTrafficView(patch: Partial<TrafficView>): void {
  view = { ...snapshot(), ...patch };
  const url = new URL(window.location.href);
  if (view.on) url.searchParams.set('traffic', '1');
  else url.searchParams.delete('traffic');
  if (view.period === DEFAULT.period && !url.searchParams.has('period')) url.searchParams.delete('period');
  else url.searchParams.set('period', view.period);
  window.history.replaceState(window.history.state, '', url);
  for (const l of listeners) l();
}

export type Loaded = { result: MetricsResult } | { error: string };

// One read per (scope, VPC, period, topology read) for the page's life: moving between endpoints reads nothing, and a
// Refresh (a new `fetchedAt`) reads again, as the server's cache does.
const reads = new Map<string, Promise<Loaded>>();
let stamp = '';

/** The topology the graph draws was read at `fetchedAt`: reads for another stay behind. Called while the canvas renders. */
export function stampTopology(fetchedAt: string): void {
  stamp = fetchedAt;
}

/** /api/metrics for the page's own scope (region, source, profile), the VPC (none: the region) and the period. */
export function metricsUrl(vpcId: string | undefined, period: MetricPeriod): string {
  const page = new URLSearchParams(window.location.search);
  const q = new URLSearchParams();
  for (const name of ['region', 'source', 'profile']) {
    const v = page.get(name);
    if (v) q.set(name, v);
  }
  if (vpcId) q.set('vpc', vpcId);
  q.set('period', period);
  return `/api/metrics?${q.toString()}`;
}

function read(url: string): Promise<Loaded> {
  const key = `${url}\u0000${stamp}`;
  let r = reads.get(key);
  if (!r) {
    r = fetch(url, { headers: { accept: 'application/json' } })
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as Partial<MetricsResult> & { error?: string };
        // A CloudWatch failure answers its notice with a 5xx status: it is still a result to show.
        if (body.status === 'ok' || body.status === 'unavailable') return { result: body as MetricsResult };
        return { error: body.error ?? `The metrics request failed (HTTP ${res.status}).` };
      })
      .catch(() => ({ error: 'The metrics request failed: the server did not answer.' }));
    reads.set(key, r);
    // Only metrics and lasting notices are kept: opening the panel again after a failure tries again.
    void r.then((x) => ('error' in x || (x.result.status === 'unavailable' && !['fixture', 'access-denied'].includes(x.result.reason))) && reads.delete(key));
  }
  return r;
}

/** The metrics at `url` (null: read nothing), or null while they load. */
export function useMetrics(url: string | null): Loaded | null {
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded } | null>(null);
  const key = url ? `${url}\u0000${stamp}` : null;
  useEffect(() => {
    if (!url || !key) return;
    let live = true;
    void read(url).then((value) => live && setLoaded({ key, value }));
    return () => {
      live = false;
    };
  }, [url, key]);
  return loaded && loaded.key === key ? loaded.value : null;
}

/** What the traffic view shows now, for the toolbar: nothing asked, reading, drawn, or why not. */
export type TrafficStatus = { state: 'off' } | { state: 'reading' } | { state: 'drawn'; origin: 'cloudwatch' | 'fixture'; end: string } | { state: 'none'; message: string };

let status: TrafficStatus = { state: 'off' };
const statusListeners = new Set<() => void>();

export function publishTrafficStatus(next: TrafficStatus): void {
  if (JSON.stringify(next) === JSON.stringify(status)) return;
  status = next;
  for (const l of statusListeners) l();
}

export function useTrafficStatus(): TrafficStatus {
  return useSyncExternalStore(
    (l) => {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    () => status,
    () => status,
  );
}
