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

  it('with since=, answers an update: every row at first, then only what changed since the version it gave', async () => {
    const all = await get('?since=');
    expect(all.status).toBe(200);
    expect(all.cache).toBe('no-store');
    expect(all.body).toMatchObject({ full: true, source: 'fixture', total: 2, done: 2, removed: [] });
    const rows = all.body.rows as Array<{ row: { region: string; counts: { vpcs: number } }; items: Array<{ rule: string; region: string }> }>;
    expect(rows.map((r) => r.row.region)).toEqual(['eu-west-1', 'us-east-1']);
    expect(rows[1]!.row.counts.vpcs).toBe(4);
    // Each row carries its own findings: the page groups them as GET /api/fleet does.
    expect(rows[1]!.items.some((i) => i.rule === 'nat-to-gateway-service' && i.region === 'us-east-1')).toBe(true);
    expect(all.body.accounts).toHaveLength(1);

    const version = all.body.version as string;
    const none = await get(`?since=${version}`);
    expect(none.body).toMatchObject({ full: false, rows: [], removed: [], version, total: 2, done: 2 });
    expect(none.body.accounts).toBeUndefined();

    // A refresh: the next answers carry the rows as they reload, never the whole fleet again.
    const refreshing = await get(`?refresh=1&since=${version}`);
    expect(refreshing.body).toMatchObject({ full: false, refreshing: true, finishedAt: null });
    let since = refreshing.body.version as string;
    const states: string[] = [];
    for (let finished = false; !finished; ) {
      const u = await get(`?since=${since}`);
      expect(u.body.full).toBe(false);
      states.push(...(u.body.rows as Array<{ row: { region: string; load: { state: string } } }>).map((r) => `${r.row.region} ${r.row.load.state}`));
      since = u.body.version as string;
      finished = u.body.finishedAt !== null;
    }
    expect(states.sort()).toEqual(['eu-west-1 loaded', 'eu-west-1 loading', 'us-east-1 loaded', 'us-east-1 loading']);
  });

  it('with the version of another server (or a reset fleet), answers every row', async () => {
    const r = await get('?since=0abc.12');
    expect(r.body).toMatchObject({ full: true, total: 2 });
    expect(r.body.rows).toHaveLength(2);
  });

  it.each([
    ['?since=12;drop', { error: 'since: must be the version of an earlier answer, such as 1x2y3z.42' }],
    ['?wait=1&since=0abc.1', { error: 'since: wait and since cannot be combined: wait answers the whole fleet when the pass ends, since what changed' }],
    ['?wait=yes', { error: 'wait: must be 1 or 0' }],
    ['?source=cloud', { error: 'source must be fixture or live' }],
    ['?source=live', { error: 'source: live mode is not configured on this server (start it with ATLAS_SOURCE=live).' }],
  ])('%s answers 400 naming the parameter', async (query, body) => {
    const r = await get(query);
    expect(r.status).toBe(400);
    expect(r.body).toEqual(body);
  });
});
