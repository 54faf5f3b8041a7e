import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const listRegions = vi.fn<(source: string, profile?: string) => Promise<string[]>>();
const listProfiles = vi.fn();

vi.mock('@/lib/ec2/backend', () => ({ listRegions: (s: string, p?: string) => listRegions(s, p) }));
vi.mock('@/lib/ec2/profiles', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/ec2/profiles')>()),
  listProfiles: () => listProfiles(),
}));

// getConfig() reads the environment once, on first use: live is configured through an endpoint.
vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:1');
for (const name of ['ATLAS_SOURCE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL_EC2']) vi.stubEnv(name, undefined);
afterAll(() => vi.unstubAllEnvs());

const { loadedScope, resolvePageScope, scopeQuery } = await import('./page-params');

beforeEach(() => {
  listRegions.mockReset();
  listRegions.mockImplementation(async (source) =>
    source === 'fixture' ? ['eu-west-1', 'us-east-1'] : ['ap-southeast-2', 'eu-west-1', 'us-east-1', 'us-west-2'],
  );
  listProfiles.mockReset();
  listProfiles.mockResolvedValue([
    { name: 'default', region: null },
    { name: 'sydney', region: 'ap-southeast-2' },
  ]);
});

describe('resolvePageScope', () => {
  it('defaults to the configured source and offers live when an endpoint is set', async () => {
    const scope = await resolvePageScope({});
    expect(scope).toMatchObject({ source: 'fixture', sources: ['fixture', 'live'], profile: undefined, profiles: [], region: 'us-east-1', notices: [] });
    expect(listProfiles).not.toHaveBeenCalled();
  });

  it('takes source, profile and region from the URL, and regions as that profile sees them', async () => {
    const scope = await resolvePageScope({ source: 'live', profile: 'sydney', region: 'us-west-2' });
    expect(scope).toMatchObject({ source: 'live', profile: 'sydney', region: 'us-west-2', notices: [] });
    expect(scope.profiles.map((p) => p.name)).toEqual(['default', 'sydney']);
    expect(listRegions).toHaveBeenCalledWith('live', 'sydney');
  });

  it('starts a profile in its own region when the URL names none', async () => {
    expect((await resolvePageScope({ source: 'live', profile: 'sydney' })).region).toBe('ap-southeast-2');
  });

  it('ignores a profile that is not in the config files, with a notice', async () => {
    const scope = await resolvePageScope({ source: 'live', profile: 'admin' });
    expect(scope.profile).toBeUndefined();
    expect(scope.notices).toEqual([expect.stringMatching(/^Ignored profile is not in the AWS config files.*“admin”/)]);
  });

  it('ignores a region the source does not offer, with a notice', async () => {
    const scope = await resolvePageScope({ region: 'us-west-2' });
    expect(scope.region).toBe('us-east-1');
    expect(scope.notices).toEqual(['Region us-west-2 is not available from this source; showing us-east-1.']);
  });

  it('drops a profile in fixture mode without a fuss', async () => {
    const scope = await resolvePageScope({ source: 'fixture', profile: 'sydney' });
    expect(scope).toMatchObject({ source: 'fixture', profile: undefined, notices: [] });
  });

  it('still shows a page when DescribeRegions fails: the URL’s region is used as is', async () => {
    listRegions.mockRejectedValueOnce(new Error('denied'));
    const scope = await resolvePageScope({ source: 'live', profile: 'default', region: 'eu-west-1' });
    expect(scope).toMatchObject({ region: 'eu-west-1', regions: [], notices: [] });
  });

  it('reads refresh=1', async () => {
    expect((await resolvePageScope({ refresh: '1' })).refresh).toBe(true);
    expect((await resolvePageScope({})).refresh).toBe(false);
  });
});

describe('scopeQuery', () => {
  it('keeps region always, source and profile when the URL chose them, and adds extras', async () => {
    expect(scopeQuery(await resolvePageScope({}))).toBe('region=us-east-1');
    expect(scopeQuery(await resolvePageScope({ source: 'live', profile: 'sydney' }), { refresh: '1' })).toBe(
      'region=ap-southeast-2&source=live&profile=sydney&refresh=1',
    );
  });
});

describe('loadedScope', () => {
  it('gives the fetch time and the distinct owner accounts of the VPCs', () => {
    const vpc = (ownerId: string | null) => ({ ownerId }) as never;
    expect(
      loadedScope({ fetchedAt: '2025-01-01T00:00:00.000Z', vpcs: [vpc('222'), vpc('111'), vpc('222'), vpc(null)] } as never),
    ).toEqual({ fetchedAt: '2025-01-01T00:00:00.000Z', accountIds: ['111', '222'] });
  });
});
