import 'server-only';
import { maxOf } from '@/lib/arrays';
import { MAX_QUERIES_PER_CALL, type CloudWatchApi, type MetricQuery, type MetricSeries } from './cloudwatch';
import {
  ENDPOINT_METRICS,
  METRIC_PERIODS,
  NAT_METRICS,
  type MeteredKind,
  type MetricDefinition,
  type MetricPeriod,
  type MetricSummary,
  type ResourceMetrics,
} from './types';

/** A resource whose metrics are read: an interface endpoint or a NAT gateway, with what its dimensions need. */
export type MeteredResource =
  | { kind: 'interface-endpoint'; id: string; vpcId: string; serviceName: string }
  | { kind: 'nat-gateway'; id: string };

export interface Planned {
  query: MetricQuery;
  resourceId: string;
  kind: MeteredKind;
  metric: MetricDefinition;
}

function namespaceOf(resource: MeteredResource): { namespace: string; dimensions: MetricQuery['dimensions']; metrics: readonly MetricDefinition[] } {
  if (resource.kind === 'nat-gateway') {
    return { namespace: 'AWS/NATGateway', dimensions: [{ name: 'NatGatewayId', value: resource.id }], metrics: NAT_METRICS };
  }
  // The endpoint-wide dimension set exactly as AWS publishes it (a metric matches only its full dimension set).
  return {
    namespace: 'AWS/PrivateLinkEndpoints',
    dimensions: [
      { name: 'Endpoint Type', value: 'Interface' },
      { name: 'Service Name', value: resource.serviceName },
      { name: 'VPC Endpoint Id', value: resource.id },
      { name: 'VPC Id', value: resource.vpcId },
    ],
    metrics: ENDPOINT_METRICS,
  };
}

/** Every query the resources need: each metric's Sum, and a gauge's Maximum too; ids `q0`, `q1`, ... */
export function planQueries(resources: readonly MeteredResource[], periodSeconds: number): Planned[] {
  const planned: Planned[] = [];
  for (const resource of resources) {
    const { namespace, dimensions, metrics } = namespaceOf(resource);
    for (const metric of metrics) {
      for (const stat of metric.gauge ? (['Sum', 'Maximum'] as const) : (['Sum'] as const)) {
        planned.push({
          query: { id: `q${planned.length}`, namespace, metricName: metric.name, dimensions, stat, periodSeconds },
          resourceId: resource.id,
          kind: resource.kind,
          metric,
        });
      }
    }
  }
  return planned;
}

/** The series' values in `buckets` buckets of `stepSeconds` from `start` (added up when two fall in one). */
function bucketed(series: MetricSeries | undefined, start: Date, stepSeconds: number, buckets: number, combine: (a: number, b: number) => number): number[] {
  const out = new Array<number>(buckets).fill(0);
  if (!series) return out;
  for (let i = 0; i < series.timestamps.length; i++) {
    const index = Math.floor((series.timestamps[i]!.getTime() - start.getTime()) / (stepSeconds * 1000));
    if (index >= 0 && index < buckets) out[index] = combine(out[index]!, series.values[i]!);
  }
  return out;
}

/** The window a read of `period` ending at `now` covers: whole minutes (CloudWatch's finest period for these metrics). */
export function metricsWindow(period: MetricPeriod, now: Date): { start: Date; end: Date; stepSeconds: number; buckets: number } {
  const { seconds, stepSeconds } = METRIC_PERIODS[period];
  const end = new Date(Math.ceil(now.getTime() / 60_000) * 60_000);
  return { start: new Date(end.getTime() - seconds * 1000), end, stepSeconds, buckets: seconds / stepSeconds };
}

/** The series of every planned query: batches of at most 500 queries (never a call per resource), pages followed. */
export async function fetchSeries(api: CloudWatchApi, planned: readonly Planned[], start: Date, end: Date): Promise<{ series: Map<string, MetricSeries>; calls: number }> {
  const series = new Map<string, MetricSeries>();
  let calls = 0;
  for (let from = 0; from < planned.length; from += MAX_QUERIES_PER_CALL) {
    const batch = planned.slice(from, from + MAX_QUERIES_PER_CALL);
    const out = await api.getMetricData(
      batch.map((p) => p.query),
      start,
      end,
    );
    calls += out.calls;
    for (const s of out.series) series.set(s.id, s);
  }
  return { series, calls };
}

export interface ReadMetricsResult {
  start: Date;
  end: Date;
  stepSeconds: number;
  resources: Record<string, ResourceMetrics>;
  calls: number;
}

/**
 * Reads the metrics of the resources over the period ending at `now`: all their queries in batches of at most
 * 500 (never a call per resource), each batch's pages followed, then per resource and metric the period's sum
 * (and a gauge's maximum) and the sparkline series.
 */
export async function readMetrics(api: CloudWatchApi, resources: readonly MeteredResource[], period: MetricPeriod, now: Date): Promise<ReadMetricsResult> {
  const { start, end, stepSeconds, buckets } = metricsWindow(period, now);
  const planned = planQueries(resources, stepSeconds);
  const { series: seriesById, calls } = await fetchSeries(api, planned, start, end);

  const result: Record<string, ResourceMetrics> = {};
  for (const r of resources) result[r.id] = { kind: r.kind, metrics: {} };
  for (const p of planned) {
    const metrics = result[p.resourceId]!.metrics;
    const series = seriesById.get(p.query.id);
    const summary: MetricSummary = (metrics[p.metric.name] ??= { unit: p.metric.unit, sum: 0, series: [] });
    if (p.query.stat === 'Sum') {
      summary.sum = (series?.values ?? []).reduce((a, b) => a + b, 0);
      if (!p.metric.gauge) summary.series = bucketed(series, start, stepSeconds, buckets, (a, b) => a + b);
    } else {
      summary.max = maxOf(series?.values ?? [], 0);
      summary.series = bucketed(series, start, stepSeconds, buckets, Math.max);
    }
  }
  return { start, end, stepSeconds, resources: result, calls };
}
