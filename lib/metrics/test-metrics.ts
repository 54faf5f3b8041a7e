/** Builders for tests that read metrics: a MetricsOk with the sums a case states and every other metric at 0. */
import { ENDPOINT_METRICS, METRIC_PERIODS, NAT_METRICS, type MeteredKind, type MetricPeriod, type MetricsOk, type ResourceMetrics } from './types';

/** A resource's metrics: the given sums, the rest 0 (what CloudWatch answers for a resource with no datapoints). */
export function measured(kind: MeteredKind, sums: Record<string, number> = {}): ResourceMetrics {
  const defs = kind === 'nat-gateway' ? NAT_METRICS : ENDPOINT_METRICS;
  return {
    kind,
    metrics: Object.fromEntries(defs.map((d) => [d.name, { unit: d.unit, sum: sums[d.name] ?? 0, ...(d.gauge ? { max: 0 } : {}), series: [] }])),
  };
}

/** Metrics read over `period`, ending 2026-12-01T00:00Z. */
export function metricsOk(resources: Record<string, ResourceMetrics>, period: MetricPeriod = '30d'): MetricsOk {
  const end = new Date('2026-12-01T00:00:00Z');
  const { seconds, stepSeconds } = METRIC_PERIODS[period];
  return {
    status: 'ok',
    origin: 'cloudwatch',
    region: 'us-east-1',
    vpcId: null,
    period,
    start: new Date(end.getTime() - seconds * 1000).toISOString(),
    end: end.toISOString(),
    stepSeconds,
    resources,
    calls: 1,
  };
}
