/**
 * Issue 16's figures: the synthetic account's traffic as a fixture's `cloudwatch-metrics.json` (what
 * `npm run fixtures:capture` would save, made up per resource), then the app's own read of it for the view the bench
 * draws: how many resources, how many GetMetricData queries, in how many calls (at most 500 queries a call, never
 * one per resource), and how long. The browser phase draws the same view with the Traffic toggle on; the check
 * below holds its drawn time to the plain one's.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { readRegion } from '@/lib/ec2/read-region';
import { MAX_QUERIES_PER_CALL } from '@/lib/metrics/cloudwatch';
import { captureMetrics, writeMetricsFixture } from '@/lib/metrics/capture';
import { readMetricsFixture } from '@/lib/metrics/fixture-cloudwatch';
import { meteredResources } from '@/lib/metrics/load';
import { planQueries, readMetrics } from '@/lib/metrics/read';
import { METRIC_PERIODS } from '@/lib/metrics/types';
import { normalizeTopology, scopeToVpc } from '@/lib/topology/normalize';
import { meteredOfFixture, SyntheticCloudWatch } from '../../scripts/lib/demo-metrics';
import type { TargetCheck } from './report';
import type { View } from './server-phase';
import { figure, since, type Figure } from './stats';

/** Where the bench's saved metrics end. */
const END = new Date('2026-11-30T00:00:00Z');

export interface MetricsFigures {
  /** Interface endpoints and NAT gateways of the view. */
  resources: number;
  /** GetMetricData queries of one read (each metric's Sum, a gauge's Maximum too). */
  queries: number;
  /** GetMetricData calls of one read, and the bound batching promises: ceil(queries / 500). */
  calls: number;
  bound: number;
  /** Reading and summing the view's metrics over 24 hours (sparklines included), from the saved file. */
  readMs: Figure;
}

/** Writes `<fixtureDir>/<region>/cloudwatch-metrics.json`: 1 MB to 10 GB an hour per resource, a few idle. */
export async function writeBenchMetrics(fixtureDir: string, region: string): Promise<number> {
  const { resources } = meteredOfFixture(path.join(fixtureDir, region));
  const nats = new Set(resources.filter((r) => r.kind === 'nat-gateway').map((r) => r.id));
  const share = (id: string) => createHash('sha256').update(id).digest().readUInt32BE(0) / 0xffffffff;
  const cw = new SyntheticCloudWatch((id) => (share(id) < 0.05 ? null : { bytesPerHour: 1e6 * 10 ** (4 * share(id)), nat: nats.has(id) }), END);
  const capture = await captureMetrics(cw, resources, END);
  await writeMetricsFixture(path.join(fixtureDir, region), capture);
  return capture.body.MetricDataResults.length;
}

/** The app's read of the view's metrics from the saved file, `runs` times (after one warm-up). */
export async function benchMetrics(fixtureDir: string, region: string, view: View, runs: number): Promise<MetricsFigures> {
  const raw = await readRegion(new FixtureEc2Api(await readFixtureRegion(fixtureDir, region)));
  const region0 = normalizeTopology(raw, { source: 'fixture', fetchedAt: END.toISOString() });
  const topology = view.vpcId ? scopeToVpc(region0, view.vpcId) : region0;
  const resources = meteredResources(topology);
  const queries = planQueries(resources, METRIC_PERIODS['24h'].stepSeconds).length;
  const times: number[] = [];
  let calls = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const cw = await readMetricsFixture(fixtureDir, region);
    if (!cw) throw new Error(`no cloudwatch-metrics.json in ${fixtureDir}/${region}`);
    const read = await readMetrics(cw, resources, '24h', cw.dataEnd);
    if (i > 0) times.push(since(t0));
    calls = read.calls;
  }
  return { resources: resources.length, queries, calls, bound: Math.ceil(queries / MAX_QUERIES_PER_CALL), readMs: figure(times) };
}

/** Issue 16: the XL read within its call bound, and the drawn time with the Traffic toggle on no worse than 10 % off. */
export function checkMetrics(results: { size: string; metrics?: MetricsFigures; browser?: { ours: { drawnMs: Figure }; oursTraffic?: { drawnMs: Figure } } }[]): TargetCheck[] {
  const xl = results.find((r) => r.size === 'XL');
  const m = xl?.metrics;
  const checks: TargetCheck[] = [];
  checks.push(
    m
      ? { target: 'XL metrics: GetMetricData calls within ceil(queries / 500)', value: `${m.calls} calls for ${m.queries} queries`, status: m.calls <= m.bound ? 'met' : 'missed', ...(m.calls > m.bound ? { by: `+${m.calls - m.bound}` } : {}) }
      : { target: 'XL metrics: GetMetricData calls within ceil(queries / 500)', value: 'not run', status: 'not measured' },
  );
  const off = xl?.browser?.ours.drawnMs.median;
  const on = xl?.browser?.oursTraffic?.drawnMs.median;
  if (off === undefined || off === null || on === undefined || on === null) {
    checks.push({ target: 'XL drawn with Traffic on within 10 % of off', value: 'not run', status: 'not measured' });
  } else {
    const over = on - off * 1.1;
    checks.push({ target: 'XL drawn with Traffic on within 10 % of off', value: `${on} ms on, ${off} ms off`, status: over <= 0 ? 'met' : 'missed', ...(over > 0 ? { by: `+${Math.round(on - off)} ms` } : {}) });
  }
  return checks;
}
