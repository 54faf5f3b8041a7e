import { afterAll, describe, expect, it } from 'vitest';
import { apiGetter } from '@/lib/test/api-get';
import { stubDemoEnv } from '@/lib/test/demo-env';

// The demo fixtures: the single-account layout, one account of two regions; live not configured.
afterAll(stubDemoEnv());

const { GET } = await import('./route');
const get = apiGetter(GET, '/api/fleet');

describe('GET /api/fleet', () => {
  it('with wait=1, answers the whole fleet when every account-region has loaded, uncached', async () => {
    const r = await get('?wait=1');
    expect(r.status).toBe(200);
    expect(r.cache).toBe('no-store');
    expect(r.body).toMatchObject({ source: 'fixture', total: 2, done: 2, refreshing: false, notices: [] });
    const rows = r.body.rows as Array<{ region: string; load: { state: string }; counts: { vpcs: number }; query: string }>;
    expect(rows.map((x) => [x.region, x.load.state, x.query])).toEqual([
      ['eu-west-1', 'loaded', 'region=eu-west-1'],
      ['us-east-1', 'loaded', 'region=us-east-1'],
    ]);
    expect(rows[1]!.counts.vpcs).toBe(4);
    expect((r.body.findings as Array<{ rule: string }>).some((f) => f.rule === 'nat-to-gateway-service')).toBe(true);
  });

  it('without wait, answers the state it has at once', async () => {
    const r = await get('');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ source: 'fixture', total: 2 });
  });

  it.each([
    ['?wait=yes', { error: 'wait: must be 1 or 0' }],
    ['?source=cloud', { error: 'source must be fixture or live' }],
    ['?source=live', { error: 'source: live mode is not configured on this server (start it with ATLAS_SOURCE=live).' }],
  ])('%s answers 400 naming the parameter', async (query, body) => {
    const r = await get(query);
    expect(r.status).toBe(400);
    expect(r.body).toEqual(body);
  });
});
