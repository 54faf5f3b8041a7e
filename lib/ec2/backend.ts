import 'server-only';
import { getConfig } from '@/lib/config';
import type { Ec2Api } from './api';
import { Ec2Error } from './errors';
import { FixtureEc2Api } from './fixture';
import { listFixtureRegions, readFixtureRegion } from './fixture-files';
import { LiveEc2Api } from './live';
import type { Pager } from './read-region';

export type Source = 'fixture' | 'live';

const fixtureApis = new Map<string, Promise<FixtureEc2Api>>();
const liveApis = new Map<string, LiveEc2Api>();

/** The region names a source offers: fixture region folders, or DescribeRegions live. */
export async function listRegions(source: Source): Promise<string[]> {
  const config = getConfig();
  if (source === 'fixture') return listFixtureRegions(config.fixtureDir);
  const api = liveApi(config.defaultRegion);
  const out = await api.describeRegions({});
  return (out.Regions ?? []).flatMap((r) => (r.RegionName ? [r.RegionName] : [])).sort();
}

function liveApi(region: string): LiveEc2Api {
  const config = getConfig();
  let api = liveApis.get(region);
  if (!api) {
    api = new LiveEc2Api({ region, profile: config.awsProfile });
    liveApis.set(region, api);
  }
  return api;
}

/**
 * The Ec2Api of a source for a region. Fixture backends are read once per process and kept,
 * so what forms write survives between requests.
 */
export async function getEc2Api(source: Source, region: string): Promise<Ec2Api & { pager?: Pager }> {
  const config = getConfig();
  if (source === 'live') return liveApi(region);
  const key = `${config.fixtureDir}\u0000${region}`;
  let api = fixtureApis.get(key);
  if (!api) {
    api = (async () => {
      const regions = await listFixtureRegions(config.fixtureDir);
      if (!regions.includes(region)) {
        throw new Ec2Error(
          'wrong-region',
          'InvalidRegion',
          `Region ${region} is not in the fixture data (it has: ${regions.join(', ') || 'none'}).`,
        );
      }
      return new FixtureEc2Api(await readFixtureRegion(config.fixtureDir, region));
    })();
    fixtureApis.set(key, api);
    // A failed read is not cached: fixing the file and reloading the page must work.
    api.catch(() => fixtureApis.delete(key));
  }
  return api;
}
