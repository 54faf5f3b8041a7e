/**
 * The CloudWatch read through the real SDK client, its transport mocked with aws-sdk-client-mock for what a
 * server cannot be made to answer on demand: more than 500 queries, NextToken pages, AccessDenied, throttling.
 */
import { CloudWatchClient, CloudWatchServiceException, GetMetricDataCommand, type GetMetricDataCommandInput, type GetMetricDataCommandOutput } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { stubDemoEnv } from '@/lib/test/demo-env';
import type { Topology } from '@/lib/topology/types';
import { LiveCloudWatch } from './cloudwatch';
import { readMetrics, type MeteredResource } from './read';

afterAll(stubDemoEnv());
const { loadMetrics, metricsHttpStatus } = await import('./load');

const cw = mockClient(CloudWatchClient);
beforeEach(() => cw.reset());

const NOW = new Date('2026-12-07T12:00:00Z');
const HOUR = 3600_000;
const START = NOW.getTime() - 24 * HOUR;
const at = (hoursAfterStart: number) => new Date(START + hoursAfterStart * HOUR);

const ENDPOINT: MeteredResource = { kind: 'interface-endpoint', id: 'vpce-0a1b2c3d4e5f60718', vpcId: 'vpc-0a1b2c3d4e5f60718', serviceName: 'com.amazonaws.us-east-1.ssm' };
const NAT: MeteredResource = { kind: 'nat-gateway', id: 'nat-0a1b2c3d4e5f60718' };
const nat = (i: number): MeteredResource => ({ kind: 'nat-gateway', id: `nat-${i.toString(16).padStart(17, '0')}` });

type Query = NonNullable<GetMetricDataCommandInput['MetricDataQueries']>[number];
const dim = (q: Query, name: string) => q.MetricStat?.Metric?.Dimensions?.find((d) => d.Name === name)?.Value;

/** Answers every query with datapoints that say which query they are: 1000 per hour for hour 0 and hour 5. */
function answerAll(input: GetMetricDataCommandInput): GetMetricDataCommandOutput {
  return {
    $metadata: {},
    MetricDataResults: (input.MetricDataQueries ?? []).map((q) => ({ Id: q.Id, StatusCode: 'Complete', Timestamps: [at(0), at(5)], Values: [1000, 3000] })),
  };
}

const sent = () => cw.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input);

describe('readMetrics', () => {
  it('reads an endpoint and a NAT gateway in one call, with the dimensions AWS publishes', async () => {
    cw.on(GetMetricDataCommand).callsFake(answerAll);
    const out = await readMetrics(new LiveCloudWatch({ region: 'us-east-1' }), [ENDPOINT, NAT], '24h', NOW);

    expect(out.calls).toBe(1);
    const [input] = sent();
    expect(input!.StartTime).toEqual(new Date(START));
    expect(input!.EndTime).toEqual(NOW);
    const queries = input!.MetricDataQueries!;
    // 4 endpoint metrics + ActiveConnections' Maximum; 6 NAT metrics + ActiveConnectionCount's Maximum.
    expect(queries).toHaveLength(12);
    const bytes = queries.find((q) => q.MetricStat?.Metric?.MetricName === 'BytesProcessed')!;
    expect(bytes.MetricStat).toMatchObject({ Period: 3600, Stat: 'Sum', Metric: { Namespace: 'AWS/PrivateLinkEndpoints' } });
    expect(bytes.MetricStat!.Metric!.Dimensions).toEqual([
      { Name: 'Endpoint Type', Value: 'Interface' },
      { Name: 'Service Name', Value: 'com.amazonaws.us-east-1.ssm' },
      { Name: 'VPC Endpoint Id', Value: ENDPOINT.id },
      { Name: 'VPC Id', Value: 'vpc-0a1b2c3d4e5f60718' },
    ]);
    const natQueries = queries.filter((q) => q.MetricStat?.Metric?.Namespace === 'AWS/NATGateway');
    expect(natQueries.map((q) => `${q.MetricStat!.Metric!.MetricName}:${q.MetricStat!.Stat}`)).toEqual([
      'BytesOutToDestination:Sum',
      'BytesInFromSource:Sum',
      'BytesInFromDestination:Sum',
      'ActiveConnectionCount:Sum',
      'ActiveConnectionCount:Maximum',
      'ErrorPortAllocation:Sum',
      'PacketsDropCount:Sum',
    ]);
    expect(natQueries.every((q) => dim(q, 'NatGatewayId') === NAT.id)).toBe(true);

    const endpoint = out.resources[ENDPOINT.id]!;
    expect(endpoint.kind).toBe('interface-endpoint');
    expect(Object.keys(endpoint.metrics)).toEqual(['BytesProcessed', 'ActiveConnections', 'NewConnections', 'PacketsDropped']);
    const series = new Array(24).fill(0);
    series[0] = 1000;
    series[5] = 3000;
    expect(endpoint.metrics.BytesProcessed).toEqual({ unit: 'Bytes', sum: 4000, series });
    // A gauge: its sum, its maximum, and the maximum per bucket as the sparkline.
    expect(endpoint.metrics.ActiveConnections).toEqual({ unit: 'Count', sum: 4000, max: 3000, series });
    expect(out.resources[NAT.id]!.metrics.ErrorPortAllocation).toEqual({ unit: 'Count', sum: 4000, series });
  });

  it('sends more than 500 queries in calls of at most 500, never one per resource', async () => {
    cw.on(GetMetricDataCommand).callsFake(answerAll);
    const resources = [...Array.from({ length: 80 }, (_, i) => nat(i)), ENDPOINT];
    const out = await readMetrics(new LiveCloudWatch({ region: 'us-east-1' }), resources, '7d', NOW);

    expect(sent().map((i) => i.MetricDataQueries!.length)).toEqual([500, 65]);
    expect(out.calls).toBe(2);
    // The NAT gateway cut in two by the batch boundary (queries 497-503) has every metric.
    const split = out.resources[nat(71).id]!;
    expect(Object.values(split.metrics).map((m) => m.sum)).toEqual([4000, 4000, 4000, 4000, 4000, 4000]);
    expect(out.resources[ENDPOINT.id]!.metrics.PacketsDropped!.sum).toBe(4000);
    // 7 days in 28 buckets of 6 hours; the datapoints (6 days + 0 h and + 5 h into the week) fall in the 25th.
    const week = new Array(28).fill(0);
    week[24] = 4000;
    expect(out.resources[nat(0).id]!.metrics.BytesOutToDestination!.series).toEqual(week);
  });

  it('follows NextToken and joins a series split over pages', async () => {
    cw.on(GetMetricDataCommand)
      .resolvesOnce({ NextToken: 'page-2', MetricDataResults: [{ Id: 'q0', StatusCode: 'PartialData', Timestamps: [at(1)], Values: [7] }] })
      .resolvesOnce({ MetricDataResults: [{ Id: 'q0', StatusCode: 'Complete', Timestamps: [at(2), at(23.5)], Values: [11, 13] }] });
    const out = await readMetrics(new LiveCloudWatch({ region: 'us-east-1' }), [NAT], '24h', NOW);

    expect(sent().map((i) => i.NextToken)).toEqual([undefined, 'page-2']);
    expect(out.calls).toBe(2);
    const bytes = out.resources[NAT.id]!.metrics.BytesOutToDestination!;
    expect(bytes.sum).toBe(31);
    expect(bytes.series[1]).toBe(7);
    expect(bytes.series[2]).toBe(11);
    expect(bytes.series[23]).toBe(13);
    // No datapoints at all: zero, not missing.
    expect(out.resources[NAT.id]!.metrics.ActiveConnectionCount).toEqual({ unit: 'Count', sum: 0, max: 0, series: new Array(24).fill(0) });
  });
});

/** A topology with one interface endpoint, one gateway endpoint (no metrics) and one NAT gateway. */
const topology = {
  endpoints: [
    { id: ENDPOINT.id, vpcId: 'vpc-0a1b2c3d4e5f60718', type: 'Interface', serviceName: 'com.amazonaws.us-east-1.ssm' },
    { id: 'vpce-0000000000000000a', vpcId: 'vpc-0a1b2c3d4e5f60718', type: 'Gateway', serviceName: 'com.amazonaws.us-east-1.s3' },
  ],
  natGateways: [{ id: NAT.id }],
  fetchedAt: '2026-12-07T12:00:00.000Z',
} as unknown as Topology;

function serviceError(name: string, httpStatusCode: number) {
  return new CloudWatchServiceException({ name, $fault: 'client', $metadata: { httpStatusCode }, message: `${name} for test` });
}

describe('loadMetrics', () => {
  it('reads the fixture data’s saved answer in fixture mode, never CloudWatch', async () => {
    const out = await loadMetrics({ source: 'fixture', region: 'us-east-1', period: '24h', topology });
    expect(out).toMatchObject({ status: 'ok', origin: 'fixture', end: '2026-11-30T00:00:00.000Z' });
    expect(sent()).toHaveLength(0);
  });

  it('reads the interface endpoints and NAT gateways of the topology, not its gateway endpoints, and caches the result', async () => {
    cw.on(GetMetricDataCommand).callsFake(answerAll);
    const options = { source: 'live', region: 'eu-west-1', period: '30d', topology, now: NOW } as const;
    const out = await loadMetrics(options);
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(Object.keys(out.resources).sort()).toEqual([NAT.id, ENDPOINT.id].sort());
    expect(out).toMatchObject({ region: 'eu-west-1', period: '30d', stepSeconds: 86400, end: NOW.toISOString(), calls: 1 });
    expect(await loadMetrics(options)).toBe(out);
    expect(sent()).toHaveLength(1);
  });

  it.each([
    ['AccessDenied', 403],
    ['AccessDeniedException', 400],
  ])('turns %s into a notice naming cloudwatch:GetMetricData', async (code, status) => {
    cw.on(GetMetricDataCommand).rejects(serviceError(code, status));
    const out = await loadMetrics({ source: 'live', region: 'us-east-2', vpcId: `vpc-${code.length}`, period: '24h', topology });
    expect(out).toEqual({
      status: 'unavailable',
      reason: 'access-denied',
      permission: 'cloudwatch:GetMetricData',
      message: 'Traffic metrics need cloudwatch:GetMetricData: add it to the IAM policy of the role or user vpc-atlas runs as. The graph works without it.',
    });
  });

  it('turns throttling into a notice about CloudWatch, not EC2, and reads again next time', async () => {
    cw.on(GetMetricDataCommand).rejectsOnce(serviceError('Throttling', 400)).callsFake(answerAll);
    const options = { source: 'live', region: 'us-west-2', period: '7d', topology, api: new LiveCloudWatch({ region: 'us-west-2' }) } as const;
    const first = await loadMetrics(options);
    expect(first).toEqual({ status: 'unavailable', reason: 'throttled', message: expect.stringMatching(/^CloudWatch is throttling GetMetricData \(Throttling\) even after retries/) });
    expect(metricsHttpStatus(first)).toBe(503);
    // Not cached: the next read asks again.
    expect((await loadMetrics(options)).status).toBe('ok');
  });

  it('reads the metrics again when the topology was read again (Refresh)', async () => {
    cw.on(GetMetricDataCommand).callsFake(answerAll);
    const options = { source: 'live', region: 'ca-central-1', period: '24h', topology, now: NOW } as const;
    const first = await loadMetrics(options);
    expect(await loadMetrics(options)).toBe(first);
    const refreshed = await loadMetrics({ ...options, topology: { ...topology, fetchedAt: '2026-12-07T12:05:00.000Z' } });
    expect(refreshed).not.toBe(first);
    expect(sent()).toHaveLength(2);
  });
});
