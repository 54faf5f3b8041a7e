import { afterAll, describe, expect, it } from 'vitest';
import { apiGetter } from '@/lib/test/api-get';
import { stubFixtureFleet } from './test-fleet';

// The fleet of lib/fleet/test-fleet.ts; its account 222222222222 ("Production") has the demo's regions.
const { restore } = stubFixtureFleet();

const { resolvePageScope, scopeLoad, scopeQuery } = await import('@/lib/topology/page-params');
const { loadTopology } = await import('@/lib/topology/load');
const { invalidateTopology } = await import('@/lib/topology/load');
const { getEc2Api } = await import('@/lib/ec2/backend');
const { GET } = await import('@/app/api/topology/route');
const getTopology = apiGetter(GET, '/api/topology');

afterAll(restore);

describe('?account= in the scope of a page', () => {
  it('opens the named account: its name in the scope, its id in every link, its topology loaded', async () => {
    const scope = await resolvePageScope({ account: '222222222222', region: 'eu-west-1' });
    expect(scope).toMatchObject({ account: '222222222222', accountName: 'Production', region: 'eu-west-1', notices: [] });
    expect(scope.accounts.map((a) => a.id)).toEqual(['111122223333', '333333333333', '222222222222']);
    expect(scopeQuery(scope, { selected: 'vpc-1' })).toBe('region=eu-west-1&account=222222222222&selected=vpc-1');
    expect(scopeLoad(scope)).toEqual({ source: 'fixture', region: 'eu-west-1', profile: undefined, account: '222222222222' });
  });

  it('reads each account from its own folder, through a fixture backend of its own', async () => {
    const prod = await getEc2Api('fixture', 'us-east-1', undefined, '222222222222');
    const vpcs = (await prod.describeVpcs({})).Vpcs ?? [];
    const other = await getEc2Api('fixture', 'us-east-1', undefined, '333333333333');
    expect(other).not.toBe(prod);
    const prodTopology = await loadTopology({ source: 'fixture', region: 'us-east-1', account: '222222222222' });
    const defaultTopology = await loadTopology({ source: 'fixture', region: 'us-east-1' });
    expect(prodTopology).not.toBe(defaultTopology);
    expect(prodTopology.vpcs.map((v) => v.id)).toEqual(vpcs.map((v) => v.VpcId).sort());
    invalidateTopology();
  });

  it('falls back to the default account with a notice for an id that is not one of the fleet’s, or not an id', async () => {
    const unknown = await resolvePageScope({ account: '444444444444', region: 'us-east-1' });
    expect(unknown.account).toBeUndefined();
    expect(unknown.notices).toEqual([
      'Ignored account 444444444444 is not one of the accounts this server reads (fixture data) (got “444444444444”); showing the server’s default account.',
    ]);
    const bad = await resolvePageScope({ account: '../etc', region: 'us-east-1' });
    expect(bad.account).toBeUndefined();
    expect(bad.notices[0]).toMatch(/^Ignored account must be a 12-digit AWS account id/);
  });

  it('keeps the region list of the chosen account', async () => {
    const scope = await resolvePageScope({ account: '333333333333', region: 'us-west-2' });
    expect(scope.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(scope.notices).toEqual(['Region us-west-2 is not available from this source; showing us-east-1.']);
  });
});

describe('GET /api/topology?account=', () => {
  it('answers the account’s topology, and 400 naming the parameter for one the fleet does not have', async () => {
    const ok = await getTopology('?region=us-east-1&account=222222222222');
    expect(ok.status).toBe(200);
    expect((ok.body.vpcs as unknown[]).length).toBe(4);
    const broken = await getTopology('?region=eu-west-1&account=333333333333');
    expect(broken.status).toBe(502);
    expect(broken.body.error).toContain('describe-vpcs.json');
    const unknown = await getTopology('?region=us-east-1&account=999999999999');
    expect(unknown).toMatchObject({ status: 400, body: { error: 'account 999999999999 is not one of the accounts this server reads (fixture data)' } });
  });
});
