import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyntheticCloudWatch } from '../../scripts/lib/demo-metrics';
import { captureMetrics, meteredFromDescribe, writeMetricsFixture } from './capture';
import { readMetricsFixture } from './fixture-cloudwatch';
import { readMetrics } from './read';
import { METRIC_PERIOD_NAMES } from './types';

const NOW = new Date('2026-12-01T00:00:00Z');
const resources = meteredFromDescribe(
  [
    { VpcEndpointId: 'vpce-0a', VpcId: 'vpc-0a', ServiceName: 'com.amazonaws.us-east-1.kms', VpcEndpointType: 'Interface', State: 'available' },
    { VpcEndpointId: 'vpce-0s3', VpcId: 'vpc-0a', ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway', State: 'available' },
    { VpcEndpointId: 'vpce-0gone', VpcId: 'vpc-0a', ServiceName: 'com.amazonaws.us-east-1.sts', VpcEndpointType: 'Interface', State: 'deleted' },
  ],
  [{ NatGatewayId: 'nat-0a', State: 'available' }],
);
const cloudWatch = new SyntheticCloudWatch((id) => ({ bytesPerHour: id === 'nat-0a' ? 2e9 : 5e6, nat: id === 'nat-0a', ...(id === 'nat-0a' ? { portErrors: [[3, 7]] } : {}) }), NOW);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-capture-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('captureMetrics', () => {
  it('meters interface endpoints and NAT gateways only, not gateway endpoints or deleted ones', () => {
    expect(resources.map((r) => r.id)).toEqual(['vpce-0a', 'nat-0a']);
  });

  it('saves what CloudWatch answered, so fixture mode reads back the same sums and sparklines for every period', async () => {
    const capture = await captureMetrics(cloudWatch, resources, NOW);
    // 12 queries a period (5 for the endpoint, 7 for the NAT gateway), one call each: 36 results, 3 calls.
    expect(capture.body.MetricDataResults).toHaveLength(36);
    expect(capture.calls).toBe(3);
    const file = await writeMetricsFixture(path.join(dir, 'us-east-1'), capture);
    const saved = JSON.parse(await readFile(file, 'utf8')) as typeof capture.body;
    expect(saved.MetricDataResults[0]).toMatchObject({ Id: 'm0', StatusCode: 'Complete', Label: 'AWS/PrivateLinkEndpoints;BytesProcessed;Sum;3600;Endpoint Type=Interface;Service Name=com.amazonaws.us-east-1.kms;VPC Endpoint Id=vpce-0a;VPC Id=vpc-0a' });
    expect(saved.MetricDataResults[0]!.Timestamps[0]).toMatch(/^2026-11-30T00:00:00\+00:00$/);

    const fixture = (await readMetricsFixture(dir, 'us-east-1'))!;
    expect(fixture.dataEnd).toEqual(NOW);
    for (const period of METRIC_PERIOD_NAMES) {
      const direct = await readMetrics(cloudWatch, resources, period, NOW);
      const replayed = await readMetrics(fixture, resources, period, fixture.dataEnd);
      expect(replayed.resources, period).toEqual(direct.resources);
    }
    const day = await readMetrics(fixture, resources, '24h', fixture.dataEnd);
    expect(day.resources['nat-0a']!.metrics.ErrorPortAllocation!.sum).toBe(7);
  });
});
