import 'server-only';
import { CloudWatchClient, GetMetricDataCommand, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import type { AwsCredentialIdentity } from '@smithy/types';

/** One GetMetricData query, in the API's own shape (the SDK stays inside this file). */
export interface MetricQuery {
  id: string;
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  stat: 'Sum' | 'Maximum';
  periodSeconds: number;
}

/**
 * A query's label, which names the metric, its statistic, its period and its dimensions: GetMetricData returns it
 * with the results, so a saved answer (the fixture's `cloudwatch-metrics.json`) can be matched to a query again.
 * `AWS/NATGateway;BytesOutToDestination;Sum;3600;NatGatewayId=nat-0abc`.
 */
export function queryLabel(q: Pick<MetricQuery, 'namespace' | 'metricName' | 'stat' | 'periodSeconds' | 'dimensions'>): string {
  return [q.namespace, q.metricName, q.stat, String(q.periodSeconds), ...q.dimensions.map((d) => `${d.name}=${d.value}`)].join(';');
}

/** The period a label names (its fourth field), in seconds; NaN for a label of another form. */
export function labelPeriodSeconds(label: string): number {
  return Number(label.split(';')[3]);
}

/** The datapoints of one query id, merged over the pages of one call. */
export interface MetricSeries {
  id: string;
  timestamps: Date[];
  values: number[];
}

/** What the reads need of CloudWatch: one batch of at most 500 queries, its pages followed. */
export interface CloudWatchApi {
  /** Where the numbers come from: AWS's (or moto's) CloudWatch, or a fixture file's saved answer. */
  readonly origin: 'cloudwatch' | 'fixture';
  /** Resolves the batch's series and how many calls (pages) it took. */
  getMetricData(queries: MetricQuery[], start: Date, end: Date): Promise<{ series: MetricSeries[]; calls: number }>;
}

/** GetMetricData accepts at most 500 queries a call. */
export const MAX_QUERIES_PER_CALL = 500;

export interface LiveCloudWatchOptions {
  region: string;
  profile?: string;
  /** Credentials to use instead of the profile's (another account's assumed role). */
  credentials?: () => Promise<AwsCredentialIdentity>;
  /** Overrides the SDK's endpoint resolution (tests); normally unset so AWS_ENDPOINT_URL(_CLOUDWATCH) apply. */
  endpoint?: string;
  requestTimeout?: number;
}

/** CloudWatch over the AWS SDK, with the same retry mode and timeouts as the EC2 client. */
export class LiveCloudWatch implements CloudWatchApi {
  readonly origin = 'cloudwatch';
  readonly client: CloudWatchClient;

  constructor(options: LiveCloudWatchOptions) {
    const config: CloudWatchClientConfig = {
      region: options.region,
      maxAttempts: 3,
      retryMode: 'standard',
      requestHandler: { connectionTimeout: 3_000, requestTimeout: options.requestTimeout ?? 10_000 },
    };
    if (options.credentials) config.credentials = options.credentials;
    else if (options.profile) config.profile = options.profile;
    if (options.endpoint) config.endpoint = options.endpoint;
    this.client = new CloudWatchClient(config);
  }

  async getMetricData(queries: MetricQuery[], start: Date, end: Date): Promise<{ series: MetricSeries[]; calls: number }> {
    if (queries.length > MAX_QUERIES_PER_CALL) throw new Error(`GetMetricData takes at most ${MAX_QUERIES_PER_CALL} queries, not ${queries.length}`);
    const byId = new Map<string, MetricSeries>(queries.map((q) => [q.id, { id: q.id, timestamps: [], values: [] }]));
    let nextToken: string | undefined;
    let calls = 0;
    do {
      const out = await this.client.send(
        new GetMetricDataCommand({
          StartTime: start,
          EndTime: end,
          NextToken: nextToken,
          ScanBy: 'TimestampAscending',
          MetricDataQueries: queries.map((q) => ({
            Id: q.id,
            Label: queryLabel(q),
            ReturnData: true,
            MetricStat: {
              Metric: { Namespace: q.namespace, MetricName: q.metricName, Dimensions: q.dimensions.map((d) => ({ Name: d.name, Value: d.value })) },
              Period: q.periodSeconds,
              Stat: q.stat,
            },
          })),
        }),
      );
      calls++;
      for (const result of out.MetricDataResults ?? []) {
        const series = result.Id ? byId.get(result.Id) : undefined;
        if (!series) continue;
        const timestamps = result.Timestamps ?? [];
        const values = result.Values ?? [];
        for (let i = 0; i < Math.min(timestamps.length, values.length); i++) {
          series.timestamps.push(timestamps[i]!);
          series.values.push(values[i]!);
        }
      }
      nextToken = out.NextToken || undefined;
    } while (nextToken);
    return { series: [...byId.values()], calls };
  }
}
