import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { jsonPathOf } from '@/lib/ec2/fixture-files';
import { FixtureFileRefused, readFixtureText } from '@/lib/ec2/fixture-read';
import { labelPeriodSeconds, queryLabel, type CloudWatchApi, type MetricQuery, type MetricSeries } from './cloudwatch';

/**
 * Fixture mode's CloudWatch: `<fixture dir>/<region>/cloudwatch-metrics.json`, the answer of one GetMetricData call
 * as the API and `aws cloudwatch get-metric-data` print it (`MetricDataResults` with `Label`, `Timestamps`,
 * `Values`), as `npm run fixtures:capture` writes it: the answers to the queries the app sends for each period it
 * offers. Each result's label names its query, period included (`queryLabel`), so a query is answered with the
 * saved datapoints of its label inside its window (two in one bucket are added up, or the larger kept for a
 * Maximum, as CloudWatch aggregates). The file is optional: without it fixture mode has no metrics.
 */

export const METRICS_FIXTURE_FILE = 'cloudwatch-metrics.json';

const Time = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const t = new Date(v).getTime();
  if (Number.isNaN(t)) ctx.addIssue({ code: 'custom', message: 'is not a time (ISO 8601 expected)' });
  return t;
});

const MetricsFile = z.object({
  MetricDataResults: z.array(
    z
      .object({
        Id: z.string().optional(),
        Label: z.string({ error: 'is missing: each result needs the Label of its query' }),
        StatusCode: z.string().optional(),
        Timestamps: z.array(Time),
        Values: z.array(z.number({ error: 'must be a number' })),
      })
      .refine((r) => r.Timestamps.length === r.Values.length, { message: 'Timestamps and Values must be as long as each other' }),
    { error: 'MetricDataResults must be a list (the GetMetricData output shape)' },
  ),
});

/** A metrics file that is there but cannot be used; the message names the file and the place. */
export class MetricsFixtureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricsFixtureError';
  }
}

interface Points {
  times: number[];
  values: number[];
}

export class FixtureCloudWatch implements CloudWatchApi {
  readonly origin = 'fixture';
  /** Where the saved data ends: the end of its latest datapoint's period. Reads are windows ending here. */
  readonly dataEnd: Date;

  constructor(private readonly byLabel: ReadonlyMap<string, Points>) {
    let last = -Infinity;
    for (const [label, p] of byLabel) {
      const step = (labelPeriodSeconds(label) || 60) * 1000;
      for (const t of p.times) last = Math.max(last, t + step);
    }
    this.dataEnd = new Date(Number.isFinite(last) ? last : Date.now());
  }

  async getMetricData(queries: MetricQuery[], start: Date, end: Date): Promise<{ series: MetricSeries[]; calls: number }> {
    const series = queries.map((q): MetricSeries => {
      const points = this.byLabel.get(queryLabel(q));
      const buckets = new Map<number, number>();
      for (let i = 0; i < (points?.times.length ?? 0); i++) {
        const t = points!.times[i]!;
        if (t < start.getTime() || t >= end.getTime()) continue;
        const bucket = start.getTime() + Math.floor((t - start.getTime()) / (q.periodSeconds * 1000)) * q.periodSeconds * 1000;
        const before = buckets.get(bucket);
        const v = points!.values[i]!;
        buckets.set(bucket, before === undefined ? v : q.stat === 'Maximum' ? Math.max(before, v) : before + v);
      }
      const times = [...buckets.keys()].sort((a, b) => a - b);
      return { id: q.id, timestamps: times.map((t) => new Date(t)), values: times.map((t) => buckets.get(t)!) };
    });
    return { series, calls: 1 };
  }
}

/**
 * The fixture region's saved metrics, or null when it has no metrics file. Throws MetricsFixtureError when the file
 * is there but refused (see fixture-read.ts) or not in the GetMetricData output shape.
 */
export async function readMetricsFixture(dir: string, region: string): Promise<FixtureCloudWatch | null> {
  const display = `${region}/${METRICS_FIXTURE_FILE}`;
  let text: string;
  try {
    text = await readFixtureText(dir, path.join(dir, region, METRICS_FIXTURE_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (err instanceof FixtureFileRefused) throw new MetricsFixtureError(`${display} ${err.message}.`);
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MetricsFixtureError(`${display} is not valid JSON: ${(err as Error).message}.`);
  }
  const parsed = MetricsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MetricsFixtureError(`${display}: ${jsonPathOf(issue.path)} ${issue.message}.`);
  }
  const byLabel = new Map<string, Points>();
  for (const r of parsed.data.MetricDataResults) {
    const p = byLabel.get(r.Label) ?? { times: [], values: [] };
    p.times.push(...r.Timestamps);
    p.values.push(...r.Values);
    byLabel.set(r.Label, p);
  }
  return new FixtureCloudWatch(byLabel);
}
