import { afterAll, describe, expect, it } from 'vitest';
import { apiGetter } from '@/lib/test/api-get';
import type { MetricsOk } from '@/lib/metrics/types';
import { stubDemoEnv } from '@/lib/test/demo-env';

// The demo fixtures; live not configured.
afterAll(stubDemoEnv());

const { GET } = await import('./route');
const PROD = 'vpc-0660179868a527d19';
const PROD_NAT_A = 'nat-0d0283270929cd079';
const STAGING = 'vpc-0661f838a98aac5f6';
const STAGING_SSM = 'vpce-026883e822431f6f4';

const get = apiGetter(GET, '/api/metrics');

describe('GET /api/metrics', () => {
  it('answers the demo data’s saved CloudWatch metrics, for the window that ends where the data does', async () => {
    const r = await get(`?region=us-east-1&vpc=${PROD}&period=7d`);
    expect(r.status).toBe(200);
    expect(r.cache).toBe('no-store');
    const body = r.body as unknown as MetricsOk;
    expect(body).toMatchObject({ status: 'ok', origin: 'fixture', period: '7d', stepSeconds: 6 * 3600, start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z', calls: 1 });
    // prod's nine interface endpoints and three NAT gateways, nothing of the other VPCs.
    expect(Object.values(body.resources).filter((x) => x.kind === 'interface-endpoint')).toHaveLength(9);
    expect(Object.values(body.resources).filter((x) => x.kind === 'nat-gateway')).toHaveLength(3);
    const natA = body.resources[PROD_NAT_A]!.metrics;
    expect(natA.BytesOutToDestination!.series).toHaveLength(28);
    expect(natA.BytesOutToDestination!.sum).toBe(natA.BytesOutToDestination!.series.reduce((a, b) => a + b, 0));
    expect(natA.BytesOutToDestination!.sum).toBeGreaterThan(300e9);
    // The two hours of port exhaustion inside the week.
    expect(natA.ErrorPortAllocation!.sum).toBe(49);
  });

  it('answers 0 for an endpoint the saved data has no datapoint for (staging’s idle ssm endpoint)', async () => {
    const r = await get(`?region=us-east-1&vpc=${STAGING}&period=24h`);
    expect((r.body as unknown as MetricsOk).resources[STAGING_SSM]!.metrics.BytesProcessed!.sum).toBe(0);
  });

  it.each([
    ['?region=us-east-1&period=1y', 400, { error: 'period must be 24h, 7d, 30d' }],
    ['?region=us-east-1&period=', 400, { error: 'period must be 24h, 7d, 30d' }],
    ['?region=us-east-1&vpc=nope&period=24h', 400, { error: 'vpc must look like vpc-0a1b2c3d4e5f60718' }],
    ['?region=Mars', 400, { error: expect.stringMatching(/^region/) }],
    ['?source=live', 400, { error: 'source: live mode is not configured on this server (start it with ATLAS_SOURCE=live).' }],
    ['?region=us-east-1&vpc=vpc-0123456789abcdef0', 404, { error: expect.stringContaining('vpc-0123456789abcdef0'), code: 'VpcNotFound' }],
  ])('%s answers %i', async (query, status, body) => {
    const r = await get(query);
    expect(r.status).toBe(status);
    expect(r.body).toEqual(body);
  });
});
