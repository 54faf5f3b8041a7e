/**
 * The demo account's CloudWatch, made up but steady: each interface endpoint and NAT gateway gets hourly traffic
 * with a day-and-night swing and a little SHA-256-derived noise, so a rerun writes byte-identical files. The
 * demo's `cloudwatch-metrics.json` is what `npm run fixtures:capture` would save from an account that answered
 * like this: the capture code itself asks this CloudWatch.
 *
 * Chosen to show what the app finds: staging's ssm endpoint carries nothing (the idle-endpoint finding), one prod
 * NAT gateway ran out of source ports for two hours, staging's single NAT gateway serves two AZs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudWatchApi, MetricQuery, MetricSeries } from '@/lib/metrics/cloudwatch';
import { captureMetrics, meteredFromDescribe, writeMetricsFixture } from '@/lib/metrics/capture';
import type { MeteredResource } from '@/lib/metrics/read';

/** Where the demo's saved metrics end: the data covers the 30 days before. */
export const DEMO_METRICS_END = new Date('2026-11-30T00:00:00Z');
const HOUR = 3600_000;

/** Bytes per hour by endpoint Name tag; an endpoint missing here carries nothing. */
const ENDPOINT_BYTES: Record<string, number> = {
  'prod-ssm': 42e6,
  'prod-ssmmessages': 16e6,
  'prod-ec2messages': 8e6,
  'prod-secretsmanager': 5e6,
  'prod-logs': 950e6,
  'prod-kms': 31e6,
  'prod-sts': 12e6,
  'prod-ecr.api': 64e6,
  'prod-ecr.dkr': 2.4e9,
  'staging-logs': 120e6,
  'shared-sts': 9e6,
  'shared-ecr.api': 22e6,
  'shared-ecr.dkr': 610e6,
  'eu-prod-ssm': 21e6,
  'eu-prod-logs': 310e6,
};

/** Bytes per hour the NAT gateways' clients send out, by Name tag; answers are three times larger. */
const NAT_BYTES: Record<string, number> = { 'prod-nat-a': 3.1e9, 'prod-nat-b': 2.2e9, 'prod-nat-c': 1.6e9, 'staging-nat-a': 0.55e9, 'eu-prod-nat-a': 0.9e9 };
/** Source-port exhaustion on one prod NAT gateway: hours before the end, and the failed allocations. */
const PORT_ERRORS: Record<string, [hoursBefore: number, count: number][]> = { 'prod-nat-a': [[6, 37], [5, 12]] };

function noise(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 0xffffffff;
}

/** A day-and-night swing: busiest mid-afternoon UTC, a third of that at night. */
function daily(t: number): number {
  const hour = new Date(t).getUTCHours();
  return 0.65 + 0.35 * Math.sin(((hour - 9) / 24) * 2 * Math.PI);
}

/** How busy a resource is: bytes per hour (0: idle), and hours before the end when its NAT gateway ran out of ports. */
export interface TrafficProfile {
  bytesPerHour: number;
  nat: boolean;
  portErrors?: [hoursBefore: number, count: number][];
}

/** A CloudWatch that answers every query from hourly values made up per resource: deterministic, with a daily swing. */
export class SyntheticCloudWatch implements CloudWatchApi {
  readonly origin = 'cloudwatch';
  constructor(
    private readonly profileOf: (id: string) => TrafficProfile | null,
    private readonly end: Date,
  ) {}

  /** One hour's value of a metric, starting at `t`; a gauge's is its level. */
  private hourly(id: string, metric: string, t: number): number {
    const profile = this.profileOf(id);
    const jitter = 0.85 + 0.3 * noise(`${id}:${metric}:${t}`);
    const base = profile?.bytesPerHour ?? 0;
    const nat = profile?.nat ?? false;
    if (!base) return 0;
    const bytes = base * daily(t) * jitter;
    switch (metric) {
      case 'BytesProcessed':
      case 'BytesOutToDestination':
        return Math.round(bytes);
      case 'BytesInFromSource':
        return Math.round(bytes * 1.02);
      case 'BytesInFromDestination':
        return Math.round(bytes * 3);
      case 'NewConnections':
        return Math.round(bytes / 48_000);
      case 'ActiveConnections':
      case 'ActiveConnectionCount':
        return Math.round(bytes / (nat ? 4e6 : 2e6));
      case 'ErrorPortAllocation': {
        const hoursBefore = Math.round((this.end.getTime() - t) / HOUR);
        return (profile?.portErrors ?? []).find(([h]) => h === hoursBefore)?.[1] ?? 0;
      }
      default:
        return 0;
    }
  }

  async getMetricData(queries: MetricQuery[], start: Date, end: Date): Promise<{ series: MetricSeries[]; calls: number }> {
    const series = queries.map((q): MetricSeries => {
      const id = q.dimensions.find((d) => d.name === 'NatGatewayId' || d.name === 'VPC Endpoint Id')!.value;
      const gauge = q.metricName === 'ActiveConnections' || q.metricName === 'ActiveConnectionCount';
      const out: MetricSeries = { id: q.id, timestamps: [], values: [] };
      for (let t = start.getTime(); t < end.getTime(); t += q.periodSeconds * 1000) {
        const hours = Array.from({ length: q.periodSeconds / 3600 }, (_, i) => this.hourly(id, q.metricName, t + i * HOUR));
        // A gauge's Sum adds its one-minute samples (60 an hour); its Maximum is the busiest minute.
        const value = q.stat === 'Maximum' ? Math.round(Math.max(...hours) * 1.15) : hours.reduce((a, b) => a + (gauge ? b * 60 : b), 0);
        // CloudWatch has no datapoint for a period in which nothing was published.
        if (value > 0) {
          out.timestamps.push(new Date(t));
          out.values.push(value);
        }
      }
      return out;
    });
    return { series, calls: 1 };
  }
}

/** The interface endpoints and NAT gateways of a fixture region folder, and their Name tags. */
export function meteredOfFixture(regionDir: string): { resources: MeteredResource[]; names: Map<string, string> } {
  const read = <T>(file: string, key: string): T[] => (JSON.parse(readFileSync(join(regionDir, file), 'utf8')) as Record<string, T[]>)[key] ?? [];
  type Tagged = { Tags?: { Key?: string; Value?: string }[] };
  const endpoints = read<Parameters<typeof meteredFromDescribe>[0][number] & Tagged>('describe-vpc-endpoints.json', 'VpcEndpoints');
  const nats = read<{ NatGatewayId?: string; State?: string } & Tagged>('describe-nat-gateways.json', 'NatGateways');
  const names = new Map<string, string>();
  for (const r of [...endpoints.map((e) => ({ id: e.VpcEndpointId, tags: e.Tags })), ...nats.map((n) => ({ id: n.NatGatewayId, tags: n.Tags }))]) {
    const name = r.tags?.find((t) => t.Key === 'Name')?.Value;
    if (r.id && name) names.set(r.id, name);
  }
  return { resources: meteredFromDescribe(endpoints, nats), names };
}

/** Writes `<dir>/<region>/cloudwatch-metrics.json` for the region's interface endpoints and NAT gateways. */
export async function writeDemoMetrics(dir: string, region: string): Promise<string> {
  const regionDir = join(dir, region);
  const { resources, names } = meteredOfFixture(regionDir);
  const profile = (id: string): TrafficProfile | null => {
    const name = names.get(id) ?? id;
    const endpoint = ENDPOINT_BYTES[name];
    const nat = NAT_BYTES[name];
    if (endpoint === undefined && nat === undefined) return null;
    return { bytesPerHour: endpoint ?? nat ?? 0, nat: nat !== undefined, ...(PORT_ERRORS[name] ? { portErrors: PORT_ERRORS[name] } : {}) };
  };
  const capture = await captureMetrics(new SyntheticCloudWatch(profile, DEMO_METRICS_END), resources, DEMO_METRICS_END);
  const file = await writeMetricsFixture(regionDir, capture);
  return `${region}: ${capture.withData} of ${capture.body.MetricDataResults.length} metric series with data -> ${file}`;
}
