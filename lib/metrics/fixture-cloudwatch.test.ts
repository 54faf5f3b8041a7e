import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubDemoEnv } from '@/lib/test/demo-env';
import type { Topology } from '@/lib/topology/types';
import { queryLabel } from './cloudwatch';
import { MetricsFixtureError, readMetricsFixture } from './fixture-cloudwatch';
import { readMetrics } from './read';

afterAll(stubDemoEnv());
const { loadMetrics } = await import('./load');

const NAT = 'nat-0a1b2c3d4e5f60718';
const dims = [{ name: 'NatGatewayId', value: NAT }];
const label = (metricName: string, periodSeconds: number, stat: 'Sum' | 'Maximum' = 'Sum') => queryLabel({ namespace: 'AWS/NATGateway', metricName, stat, periodSeconds, dimensions: dims });

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-cw-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function region(name: string, content: string | null): Promise<string> {
  await mkdir(path.join(dir, name), { recursive: true });
  if (content !== null) await writeFile(path.join(dir, name, 'cloudwatch-metrics.json'), content);
  return name;
}

describe('readMetricsFixture', () => {
  it('reads nothing when the region has no metrics file', async () => {
    expect(await readMetricsFixture(dir, await region('eu-north-1', null))).toBeNull();
  });

  it.each([
    ['not JSON', '{', /^eu-west-3\/cloudwatch-metrics\.json is not valid JSON/],
    ['not the output shape', '{"Results": []}', /^eu-west-3\/cloudwatch-metrics\.json: \$\.MetricDataResults MetricDataResults must be a list/],
    ['a result without a label', '{"MetricDataResults": [{"Id": "m0", "Timestamps": [], "Values": []}]}', /\$\.MetricDataResults\[0\]\.Label is missing/],
    ['a bad time', '{"MetricDataResults": [{"Label": "x", "Timestamps": ["yesterday"], "Values": [1]}]}', /\$\.MetricDataResults\[0\]\.Timestamps\[0\] is not a time/],
    ['lists of two lengths', '{"MetricDataResults": [{"Label": "x", "Timestamps": ["2026-11-01T00:00:00Z"], "Values": []}]}', /Timestamps and Values must be as long as each other/],
  ])('refuses a file that is %s, naming the file and the place', async (_, content, message) => {
    const err = await readMetricsFixture(dir, await region('eu-west-3', content)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MetricsFixtureError);
    expect((err as Error).message).toMatch(message);
  });

  it('refuses a metrics file that links outside the fixture directory', async () => {
    await writeFile(path.join(dir, '..', `outside-${path.basename(dir)}.json`), '{"MetricDataResults": []}');
    await mkdir(path.join(dir, 'ca-central-1'), { recursive: true });
    await symlink(path.join(dir, '..', `outside-${path.basename(dir)}.json`), path.join(dir, 'ca-central-1', 'cloudwatch-metrics.json'));
    await expect(readMetricsFixture(dir, 'ca-central-1')).rejects.toThrow(/ca-central-1\/cloudwatch-metrics\.json leads outside the fixture directory/);
  });

  it('answers a query with its label’s datapoints inside the window, ending where the data ends', async () => {
    const file = {
      MetricDataResults: [
        { Id: 'm0', Label: label('BytesOutToDestination', 3600), StatusCode: 'Complete', Timestamps: ['2026-11-29T22:00:00+00:00', '2026-11-29T23:00:00+00:00', '2026-11-27T00:00:00+00:00'], Values: [500, 700, 9] },
        { Id: 'm1', Label: label('BytesOutToDestination', 86400), StatusCode: 'Complete', Timestamps: ['2026-11-20T00:00:00+00:00'], Values: [123] },
      ],
      Messages: [],
    };
    const cw = (await readMetricsFixture(dir, await region('ap-south-1', JSON.stringify(file))))!;
    expect(cw.dataEnd.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    const day = await readMetrics(cw, [{ kind: 'nat-gateway', id: NAT }], '24h', cw.dataEnd);
    // The datapoint three days back is outside the last 24 hours.
    expect(day.resources[NAT]!.metrics.BytesOutToDestination).toMatchObject({ sum: 1200 });
    expect(day.resources[NAT]!.metrics.BytesOutToDestination!.series.slice(-2)).toEqual([500, 700]);
    const month = await readMetrics(cw, [{ kind: 'nat-gateway', id: NAT }], '30d', cw.dataEnd);
    expect(month.resources[NAT]!.metrics.BytesOutToDestination!.sum).toBe(123);
  });
});

describe('loadMetrics in fixture mode', () => {
  const topology = { fetchedAt: '2026-12-01T00:00:00.000Z', endpoints: [], natGateways: [{ id: NAT }] } as unknown as Topology;

  it('says what to add when the region has no metrics file', async () => {
    const out = await loadMetrics({ source: 'fixture', region: 'eu-west-2', period: '24h', topology: { ...topology, fetchedAt: 'a' } });
    expect(out).toEqual({
      status: 'unavailable',
      reason: 'fixture',
      message: 'No traffic metrics in this fixture data: add cloudwatch-metrics.json to the region folder (npm run fixtures:capture writes it).',
    });
  });
});
