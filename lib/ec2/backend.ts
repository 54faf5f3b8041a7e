import 'server-only';
import { getConfig } from '@/lib/config';
import type { Ec2Api } from './api';
import { Ec2Error } from './errors';
import { FixtureEc2Api } from './fixture';
import { fixtureReadNotes, listFixtureRegions, readFixtureRegion } from './fixture-files';
import { deleteFixtureState, loadFixtureState, saveFixtureState } from './fixture-store';
import { LiveEc2Api } from './live';
import type { Pager } from './read-region';

export type Source = 'fixture' | 'live';

// One fixture backend per region for the whole process. Next bundles route handlers, pages and server
// actions separately, and each bundle gets its own copy of this module: a module-level Map would give
// each its own in-memory state, and a create made by a form would not show in /api/topology.
const fixtureApis: Map<string, Promise<FixtureEc2Api>> = ((globalThis as { __atlasFixtureApis?: Map<string, Promise<FixtureEc2Api>> }).__atlasFixtureApis ??=
  new Map());
// Per process too, for the same reason: one set of connections, credentials and retry quota per (profile, region).
const liveApis: Map<string, LiveEc2Api> = ((globalThis as { __atlasLiveApis?: Map<string, LiveEc2Api> }).__atlasLiveApis ??= new Map());

/** How long a new interface endpoint stays `pending` in fixture mode, so the UI's polling shows. */
const FIXTURE_PENDING_MS = 3_000;

/**
 * The region names a source offers: fixture region folders, or DescribeRegions live (as the
 * profile, when one is given, else the SDK's default credentials).
 */
export async function listRegions(source: Source, profile?: string): Promise<string[]> {
  const config = getConfig();
  if (source === 'fixture') return listFixtureRegions(config.fixtureDir);
  const api = liveApi(config.defaultRegion, profile);
  const out = await api.describeRegions({});
  return (out.Regions ?? []).flatMap((r) => (r.RegionName ? [r.RegionName] : [])).sort();
}

/** One client per (profile, region): the SDK keeps its connections, credentials and retry quota per client. */
function liveApi(region: string, profile?: string): LiveEc2Api {
  const config = getConfig();
  const effective = profile ?? config.awsProfile;
  const key = `${effective ?? ''}\u0000${region}`;
  let api = liveApis.get(key);
  if (!api) {
    api = new LiveEc2Api({ region, profile: effective, requestTimeout: config.ec2TimeoutMs });
    liveApis.set(key, api);
  }
  return api;
}

/**
 * The Ec2Api of a source for a region. Fixture backends are read once per process and kept,
 * so what forms write survives between requests. `profile` (live only) names a profile of the
 * shared AWS config files; unset, the SDK's own chain decides (AWS_PROFILE, environment keys, ...).
 */
export async function getEc2Api(source: Source, region: string, profile?: string): Promise<Ec2Api & { pager?: Pager }> {
  const config = getConfig();
  if (source === 'live') return liveApi(region, profile);
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
      // What forms wrote earlier (ATLAS_DATA_DIR) wins over the seed files.
      const [seed, saved] = await Promise.all([
        readFixtureRegion(config.fixtureDir, region),
        loadFixtureState(config.dataDir, config.fixtureDir, region),
      ]);
      return new FixtureEc2Api(saved?.state ?? seed, {
        meta: saved?.meta,
        notes: fixtureReadNotes(seed),
        pendingMs: FIXTURE_PENDING_MS,
        persist: (state, meta) => saveFixtureState(config.dataDir, config.fixtureDir, region, state, meta),
      });
    })();
    fixtureApis.set(key, api);
    // A failed read is not cached: fixing the file and reloading the page must work.
    api.catch(() => fixtureApis.delete(key));
  }
  return api;
}

/**
 * Restores the fixture backend to its seed files: deletes what forms saved in ATLAS_DATA_DIR for the
 * configured fixture directory (every region) and drops the in-memory state, so the next read starts
 * again from `describe-*.json`.
 */
export async function resetFixtureData(): Promise<void> {
  const config = getConfig();
  const prefix = `${config.fixtureDir}\u0000`;
  const dropped = [...fixtureApis.entries()].filter(([key]) => key.startsWith(prefix));
  for (const [key] of dropped) fixtureApis.delete(key);
  await Promise.all(dropped.map(([, api]) => api.then((a) => a.close()).catch(() => undefined)));
  // Only now: a write that was running when the reset began has finished and cannot save again.
  await deleteFixtureState(config.dataDir, config.fixtureDir);
}
