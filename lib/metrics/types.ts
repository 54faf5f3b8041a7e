/**
 * The metrics contract: what `GET /api/metrics` answers and what the inspector draws. Client-safe (types and
 * constants only); the CloudWatch reads live in ./read.ts and ./cloudwatch.ts.
 */

/** The periods a user can pick: how far back, and how wide one sparkline bucket is. */
export const METRIC_PERIODS = {
  '24h': { seconds: 24 * 3600, stepSeconds: 3600 },
  '7d': { seconds: 7 * 86400, stepSeconds: 6 * 3600 },
  '30d': { seconds: 30 * 86400, stepSeconds: 86400 },
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
  reason: 'fixture' | 'access-denied';
  /** Safe to show as a notice; the graph works without metrics. */
  message: string;
  /** The IAM action that is missing, when that is the reason. */
  permission?: string;
}

export type MetricsResult = MetricsOk | MetricsUnavailable;
