/**
 * Issue 16's proof against moto's CloudWatch, through the real SDK over HTTP: known datapoints are put for an interface
 * endpoint and a NAT gateway of a moto VPC, and the app's own reads (GET /api/analysis?period=30d, GET /api/metrics)
 * answer costs equal to the put values priced at the rates table, to the cent, and the drop finding they prove. Then a
 * fault proxy in front of CloudWatch answers AccessDenied: the metrics are a notice naming cloudwatch:GetMetricData,
 * and the topology (the graph) and the analysis still answer.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Analysis } from '@/lib/analysis/analyze';
import { buildTrafficVpc, datum, putMetrics } from '@/lib/ec2/test/moto-traffic';
import { startFaultProxy, type FaultProxy } from '@/lib/test/fault-proxy';
import { stubDemoEnv } from '@/lib/test/demo-env';
import type { MetricsResult } from './types';

const REGION = 'us-west-2';
const motoUrl = inject('motoUrl');
afterAll(stubDemoEnv({ liveEndpoint: motoUrl }));
// Every read asks again: the fault below must reach the app's next read.
vi.stubEnv('ATLAS_CACHE_TTL', '0');
const analysisRoute = await import('@/app/api/analysis/route');
const metricsRoute = await import('@/app/api/metrics/route');
const topologyRoute = await import('@/app/api/topology/route');

const now = Date.now();
let vpcId = '';
let endpointId = '';
let natId = '';
let proxy: FaultProxy;

beforeAll(async () => {
  const built = await buildTrafficVpc(motoUrl, REGION, { second: 71, service: 'kms' });
  ({ vpcId, endpointId, natId } = built);
  const at = (name: string, dimensions: typeof built.natDimensions, value: number, daysAgo: number, unit: 'Bytes' | 'Count') => datum(name, dimensions, value, daysAgo * 24, unit, now);
  const [ep, nat] = [built.endpointDimensions, built.natDimensions];
  // 72 GB through the endpoint, 720 GB through the NAT gateway (in from source + in from destination), in 30 days.
  await putMetrics(motoUrl, REGION, 'AWS/PrivateLinkEndpoints', [at('BytesProcessed', ep, 50e9, 3.5, 'Bytes'), at('BytesProcessed', ep, 22e9, 9.5, 'Bytes')]);
  await putMetrics(motoUrl, REGION, 'AWS/NATGateway', [
    at('BytesInFromSource', nat, 240e9, 1.5, 'Bytes'),
    at('BytesInFromDestination', nat, 480e9, 1.5, 'Bytes'),
    at('BytesOutToDestination', nat, 240e9, 1.5, 'Bytes'),
    at('ErrorPortAllocation', nat, 4, 2.5, 'Count'),
  ]);
  proxy = await startFaultProxy(motoUrl);
});
afterAll(() => proxy?.close());

async function get<T>(route: { GET: (r: NextRequest) => Promise<Response> }, path: string, query: string): Promise<{ status: number; body: T }> {
  const res = await route.GET(new NextRequest(`http://127.0.0.1${path}?source=live&region=${REGION}&vpc=${vpcId}${query}`));
  return { status: res.status, body: (await res.json()) as T };
}

describe('costs from moto CloudWatch', () => {
  it('prices the measured bytes to the cent: per GB, scaled from 30 days to 730 hours', async () => {
    const { status, body } = await get<Analysis>(analysisRoute, '/api/analysis', '&period=30d');
    expect(status).toBe(200);
    expect(body.costs.traffic).toMatchObject({ measured: true, period: '30d' });
    const v = body.costs.vpcs.find((x) => x.vpcId === vpcId)!;
    // 72 GB x 730/720 x $0.01 (PrivateLink, us-west-2) = $0.73; one AZ x 730 h x $0.01 = $7.30.
    expect(v.interfaceEndpoints).toEqual([{ endpointId, service: 'kms', azCount: 1, monthly: 7.3, bytes: 72e9, dataMonthly: 0.73 }]);
    expect(v.interfaceEndpointsMonthly).toBe(8.03);
    // 720 GB x 730/720 x $0.045 = $32.85; 730 h x $0.045 = $32.85.
    expect(v.natGateways).toEqual([expect.objectContaining({ natGatewayId: natId, monthly: 32.85, bytes: 720e9, dataMonthly: 32.85 })]);
    expect(v.natGatewaysMonthly).toBe(65.7);
    expect(v.trafficBytes).toBe(792e9);
    expect(v.totalMonthly).toBe(73.73);
    // The port errors put are a finding; the endpoint created seconds ago is too new to call idle.
    expect(body.findings.map((f) => f.id).filter((id) => /^(traffic-drops|idle-interface-endpoint):/.test(id))).toEqual([`traffic-drops:${natId}:ErrorPortAllocation`]);
  });

  it('answers the same sums in the metrics the inspector and the edge widths read', async () => {
    const { body } = await get<MetricsResult>(metricsRoute, '/api/metrics', '&period=30d');
    if (body.status !== 'ok') throw new Error(`metrics: ${JSON.stringify(body)}`);
    expect(body.resources[endpointId]!.metrics.BytesProcessed!.sum).toBe(72e9);
    expect(body.resources[natId]!.metrics.BytesInFromDestination!.series.reduce((a, b) => a + b, 0)).toBe(480e9);
  });
});

describe('a role without cloudwatch:GetMetricData (a fault proxy answering AccessDenied)', () => {
  it('makes the metrics a notice naming the permission, and the graph and the analysis still answer', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_CLOUDWATCH', proxy.url);
    proxy.setFault({ mode: 'json-error', status: 400, code: 'AccessDenied', message: 'User: arn:aws:iam::123456789012:user/atlas is not authorized to perform: cloudwatch:GetMetricData' });
    try {
      const metrics = await get<MetricsResult>(metricsRoute, '/api/metrics', '&period=24h');
      expect(metrics.status).toBe(200);
      expect(metrics.body).toMatchObject({ status: 'unavailable', reason: 'access-denied', permission: 'cloudwatch:GetMetricData' });
      expect(proxy.count('GetMetricData')).toBeGreaterThan(0);

      const topology = await get<{ vpcs: { id: string }[]; natGateways: { id: string }[] }>(topologyRoute, '/api/topology', '');
      expect(topology.status).toBe(200);
      expect(topology.body.natGateways.map((n) => n.id)).toEqual([natId]);

      const analysis = await get<Analysis>(analysisRoute, '/api/analysis', '&period=24h');
      expect(analysis.status).toBe(200);
      expect(analysis.body.costs.traffic).toEqual({ measured: false, reason: expect.stringContaining('cloudwatch:GetMetricData') });
      expect(analysis.body.costs.vpcs.find((x) => x.vpcId === vpcId)!.natGatewaysMonthly).toBe(32.85);
    } finally {
      proxy.clear();
      vi.stubEnv('AWS_ENDPOINT_URL_CLOUDWATCH', undefined);
    }
  });
});
