import 'server-only';
import path from 'node:path';
import { cliJson } from '@/lib/ec2/capture';
import { writeFileAtomic } from '@/lib/fs/atomic';
import { queryLabel, type CloudWatchApi } from './cloudwatch';
import { METRICS_FIXTURE_FILE } from './fixture-cloudwatch';
import { fetchSeries, metricsWindow, planQueries, type MeteredResource } from './read';
import { METRIC_PERIOD_NAMES } from './types';

/** One result of the saved GetMetricData answer, as the API and the AWS CLI print it. */
export interface SavedMetricResult {
  Id: string;
  Label: string;
  StatusCode: 'Complete';
  Timestamps: string[];
  Values: number[];
}

export interface MetricsCapture {
  body: { MetricDataResults: SavedMetricResult[]; Messages: [] };
  /** GetMetricData calls the capture took. */
  calls: number;
  /** Results with at least one datapoint. */
  withData: number;
}

/**
 * What the app would ask CloudWatch for these resources, for each period it offers (24 h by the hour, 7 d by six
 * hours, 30 d by the day), all ending at `now`: the answers, in the GetMetricData output shape the fixture backend
 * reads back. Timestamps are written the way the AWS CLI prints them.
 */
export async function captureMetrics(api: CloudWatchApi, resources: readonly MeteredResource[], now: Date): Promise<MetricsCapture> {
  const results: SavedMetricResult[] = [];
  let calls = 0;
  for (const period of METRIC_PERIOD_NAMES) {
    const { start, end, stepSeconds } = metricsWindow(period, now);
    const planned = planQueries(resources, stepSeconds);
    const out = await fetchSeries(api, planned, start, end);
    calls += out.calls;
    for (const p of planned) {
      const s = out.series.get(p.query.id);
      results.push({
        Id: `m${results.length}`,
        Label: queryLabel(p.query),
        StatusCode: 'Complete',
        Timestamps: (s?.timestamps ?? []).map((t) => t.toISOString().replace('.000Z', '+00:00')),
        Values: s?.values ?? [],
      });
    }
  }
  return { body: { MetricDataResults: results, Messages: [] }, calls, withData: results.filter((r) => r.Values.length > 0).length };
}

/** Writes `<regionDir>/cloudwatch-metrics.json` whole or not at all, as `aws cloudwatch get-metric-data` prints it. */
export async function writeMetricsFixture(regionDir: string, capture: MetricsCapture): Promise<string> {
  const file = path.join(regionDir, METRICS_FIXTURE_FILE);
  await writeFileAtomic(file, cliJson(capture.body));
  return file;
}

/** The interface endpoints and NAT gateways of `aws ec2 describe-vpc-endpoints` / `describe-nat-gateways` output. */
export function meteredFromDescribe(
  endpoints: ReadonlyArray<{ VpcEndpointId?: string; VpcId?: string; ServiceName?: string; VpcEndpointType?: string; State?: string }>,
  natGateways: ReadonlyArray<{ NatGatewayId?: string; State?: string }>,
): MeteredResource[] {
  const gone = (state: string | undefined) => state === 'deleted' || state === 'deleting' || state === 'failed';
  return [
    ...endpoints.flatMap((e): MeteredResource[] =>
      e.VpcEndpointType === 'Interface' && e.VpcEndpointId && e.VpcId && !gone(e.State)
        ? [{ kind: 'interface-endpoint', id: e.VpcEndpointId, vpcId: e.VpcId, serviceName: e.ServiceName ?? '' }]
        : [],
    ),
    ...natGateways.flatMap((n): MeteredResource[] => (n.NatGatewayId && !gone(n.State) ? [{ kind: 'nat-gateway', id: n.NatGatewayId }] : [])),
  ];
}
