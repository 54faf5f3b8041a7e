/**
 * The metrics contract: what `GET /api/metrics` answers and what the inspector draws. Client-safe (types and
 * constants only); the CloudWatch reads live in ./read.ts and ./cloudwatch.ts.
 */

/** The periods a user can pick: how far back, how wide one sparkline bucket is, and both in words. */
export const METRIC_PERIODS = {
  '24h': { seconds: 24 * 3600, stepSeconds: 3600, words: '24 hours', stepWords: 'hour' },
  '7d': { seconds: 7 * 86400, stepSeconds: 6 * 3600, words: '7 days', stepWords: '6 hours' },
  '30d': { seconds: 30 * 86400, stepSeconds: 86400, words: '30 days', stepWords: 'day' },
} as const;
export type MetricPeriod = keyof typeof METRIC_PERIODS;
export const METRIC_PERIOD_NAMES = Object.keys(METRIC_PERIODS) as MetricPeriod[];

export type MetricUnit = 'Bytes' | 'Count';

export interface MetricDefinition {
  name: string;
  unit: MetricUnit;
  /** A gauge (a level, such as concurrent connections): its maximum is read too, and the sparkline draws it. */
  gauge: boolean;
}

/**
 * AWS/PrivateLinkEndpoints, published for interface (and GWLB) endpoints with the dimensions
 * `Endpoint Type`, `Service Name`, `VPC Endpoint Id`, `VPC Id` (and a per-subnet set with `Subnet Id`):
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-cloudwatch-metrics.html
 */
export const ENDPOINT_METRICS: readonly MetricDefinition[] = [
  { name: 'BytesProcessed', unit: 'Bytes', gauge: false },
  { name: 'ActiveConnections', unit: 'Count', gauge: true },
  { name: 'NewConnections', unit: 'Count', gauge: false },
  { name: 'PacketsDropped', unit: 'Count', gauge: false },
];

/**
 * AWS/NATGateway, dimension `NatGatewayId`:
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway-cloudwatch.html
 */
export const NAT_METRICS: readonly MetricDefinition[] = [
  { name: 'BytesOutToDestination', unit: 'Bytes', gauge: false },
  { name: 'BytesInFromSource', unit: 'Bytes', gauge: false },
  { name: 'BytesInFromDestination', unit: 'Bytes', gauge: false },
  { name: 'ActiveConnectionCount', unit: 'Count', gauge: true },
  { name: 'ErrorPortAllocation', unit: 'Count', gauge: false },
  { name: 'PacketsDropCount', unit: 'Count', gauge: false },
];

export type MeteredKind = 'interface-endpoint' | 'nat-gateway';

export interface MetricSummary {
  unit: MetricUnit;
  /** The sum of every datapoint in the period, in the metric's unit (bytes as bytes). */
  sum: number;
  /** Gauges only: the highest one-minute value in the period. */
  max?: number;
  /** One value per bucket of `stepSeconds`, oldest first (gauges: the bucket's maximum; others: its sum). */
  series: number[];
}

export interface ResourceMetrics {
  kind: MeteredKind;
  /** Keyed by CloudWatch metric name. */
  metrics: Record<string, MetricSummary>;
}

export interface MetricsOk {
  status: 'ok';
  /** CloudWatch itself, or the fixture data's saved GetMetricData answer (its window ends where the data does). */
  origin: 'cloudwatch' | 'fixture';
  region: string;
  vpcId: string | null;
  period: MetricPeriod;
  /** ISO times: the window read, `[start, end)`. */
  start: string;
  end: string;
  stepSeconds: number;
  /** Keyed by endpoint or NAT gateway id. */
  resources: Record<string, ResourceMetrics>;
  /** How many GetMetricData calls the read took (batched: up to 500 queries a call, and its pages). */
  calls: number;
}

export interface MetricsUnavailable {
  status: 'unavailable';
  /** `fixture`: the fixture data has no metrics file; `fixture-invalid`: it has one that cannot be read; the rest: CloudWatch failed. */
  reason: 'fixture' | 'fixture-invalid' | 'access-denied' | 'throttled' | 'credentials' | 'unreachable' | 'timeout' | 'server-error' | 'error';
  /** Safe to show as a notice; the graph works without metrics. */
  message: string;
  /** The IAM action that is missing, when that is the reason. */
  permission?: string;
}

export type MetricsResult = MetricsOk | MetricsUnavailable;

/** The sum of a resource's metric over the period, or null when the resource was not read. */
export function metricSum(metrics: MetricsOk, resourceId: string, metric: string): number | null {
  const resource = metrics.resources[resourceId];
  if (!resource) return null;
  return resource.metrics[metric]?.sum ?? 0;
}

/** What an interface endpoint carried over the period: `BytesProcessed`, both directions. */
export function endpointBytes(metrics: MetricsOk, endpointId: string): number | null {
  return metricSum(metrics, endpointId, 'BytesProcessed');
}

/**
 * What a NAT gateway processed over the period: every byte that entered it, from the VPC's clients
 * (`BytesInFromSource`) and from the destinations answering them (`BytesInFromDestination`). AWS bills NAT data
 * processing on the traffic through the gateway in either direction.
 */
export function natProcessedBytes(metrics: MetricsOk, natGatewayId: string): number | null {
  const fromSource = metricSum(metrics, natGatewayId, 'BytesInFromSource');
  const fromDestination = metricSum(metrics, natGatewayId, 'BytesInFromDestination');
  return fromSource === null || fromDestination === null ? null : fromSource + fromDestination;
}
