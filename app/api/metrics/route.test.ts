import { afterAll, describe, expect, it } from 'vitest';
import { apiGetter } from '@/lib/test/api-get';
import { stubDemoEnv } from '@/lib/test/demo-env';

// The demo fixtures; live not configured.
afterAll(stubDemoEnv());

const { GET } = await import('./route');
const PROD = 'vpc-0660179868a527d19';

const get = apiGetter(GET, '/api/metrics');

describe('GET /api/metrics', () => {
  it('answers that fixture mode has no metrics, as a result rather than an error', async () => {
    const r = await get(`?region=us-east-1&vpc=${PROD}&period=7d`);
    expect(r.status).toBe(200);
    expect(r.cache).toBe('no-store');
    expect(r.body).toEqual({ status: 'unavailable', reason: 'fixture', message: 'No metrics in fixture mode: traffic is read from CloudWatch in live mode only.' });
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
