import 'server-only';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { callerAccount, orgRoleCredentials } from './accounts';
import type { Ec2Api } from './api';
import { Ec2Error } from './errors';
import { FixtureEc2Api } from './fixture';
import { fixtureReadNotes, listFixtureRegions, readFixtureRegion } from './fixture-files';
import { deleteFixtureState, loadFixtureState, saveFixtureState } from './fixture-store';
import type { LiveEc2Api } from './live';
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
 * The region names a source offers: fixture region folders (of an account's folder when `account` names one),
 * or DescribeRegions live (as the profile, when one is given, else as the account, else the SDK's default
 * credentials).
 */
export async function listRegions(source: Source, profile?: string, account?: string): Promise<string[]> {
  const config = getConfig();
  if (source === 'fixture') return listFixtureRegions(await fixtureDirOf(account));
  const api = await liveApi(config.defaultRegion, profile, account);
  const out = await api.describeRegions({});
  return (out.Regions ?? []).flatMap((r) => (r.RegionName ? [r.RegionName] : [])).sort();
}

/**
 * The folder of a fixture account: `ATLAS_FIXTURE_DIR/<account id>`, or ATLAS_FIXTURE_DIR itself for the
 * default account (no `account`). Throws `wrong-account` when the folder does not exist.
 */
export async function fixtureDirOf(account: string | undefined): Promise<string> {
  const dir = getConfig().fixtureDir;
  if (!account) return dir;
  const sub = path.join(/* turbopackIgnore: true */ dir, account);
  // Only a 12-digit folder name is an account: no path separators or dots reach the file system.
  const ok = /^\d{12}$/.test(account) && (await fs.stat(sub).then((s) => s.isDirectory(), () => false));
  if (!ok) throw new Ec2Error('not-found', 'InvalidAccount.NotFound', `Account ${account} is not in the fixture data (no folder ${account}/ in the fixture directory).`);
  return sub;
}

// The account the server's own credentials belong to, asked once per process (sts:GetCallerIdentity).
const shared = globalThis as { __atlasOwnAccount?: Promise<string | null> };

/** The account id of the server's default credentials, or null when it cannot be read. */
export function ownAccount(): Promise<string | null> {
  shared.__atlasOwnAccount ??= callerAccount().catch(() => {
    shared.__atlasOwnAccount = undefined;
    return null;
  });
  return shared.__atlasOwnAccount;
}

/**
 * One client per (profile or account, region): the SDK keeps its connections, credentials and retry quota per
 * client. An account without a profile is read through ATLAS_ORG_ROLE (assumed, cached), except the server's own
 * account, which its own credentials read.
 */
async function liveApi(region: string, profile?: string, account?: string): Promise<LiveEc2Api> {
  const config = getConfig();
  const effective = profile ?? config.awsProfile;
  const assumed = !profile && account !== undefined && account !== (await ownAccount());
  const key = assumed ? `account:${account}\u0000${region}` : `${effective ?? ''}\u0000${region}`;
  const cached = liveApis.get(key);
  if (cached) return cached;
  // Loaded on first use: the EC2 SDK takes about a second of CPU to load, which a fixture-only server never needs.
  const { LiveEc2Api } = await import('./live');
  // Another request may have made it while the module loaded.
  let api = liveApis.get(key);
  if (!api) {
    api = new LiveEc2Api({
      region,
      requestTimeout: config.ec2TimeoutMs,
      ...(assumed ? { credentials: orgRoleCredentials().provider(account) } : { profile: effective }),
    });
    liveApis.set(key, api);
  }
  return api;
}

/**
 * The Ec2Api of a source for a region. Fixture backends are read once per process and kept,
 * so what forms write survives between requests. `profile` (live only) names a profile of the
 * shared AWS config files; unset, the SDK's own chain decides (AWS_PROFILE, environment keys, ...).
 * `account` names another account of the fleet: live, read through ATLAS_ORG_ROLE; fixture, its folder.
 */
export async function getEc2Api(source: Source, region: string, profile?: string, account?: string): Promise<Ec2Api & { pager?: Pager }> {
  const config = getConfig();
  if (source === 'live') return liveApi(region, profile, account);
  const fixtureDir = await fixtureDirOf(account);
  const key = `${fixtureDir}\u0000${region}`;
  let api = fixtureApis.get(key);
  if (!api) {
    api = (async () => {
      const regions = await listFixtureRegions(fixtureDir);
      if (!regions.includes(region)) {
        throw new Ec2Error(
          'wrong-region',
          'InvalidRegion',
          `Region ${region} is not in the fixture data (it has: ${regions.join(', ') || 'none'}).`,
        );
      }
      // What forms wrote earlier (ATLAS_DATA_DIR) wins over the seed files.
      const [seed, saved] = await Promise.all([
        readFixtureRegion(fixtureDir, region),
        loadFixtureState(config.dataDir, fixtureDir, region),
      ]);
      return new FixtureEc2Api(saved?.state ?? seed, {
        meta: saved?.meta,
        notes: fixtureReadNotes(seed),
        pendingMs: FIXTURE_PENDING_MS,
        persist: (state, meta) => saveFixtureState(config.dataDir, fixtureDir, region, state, meta),
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
 * configured fixture directory (every account and region) and drops the in-memory state, so the next read
 * starts again from `describe-*.json`.
 */
export async function resetFixtureData(): Promise<void> {
  const config = getConfig();
  const dirs = new Set<string>();
  const dropped = [...fixtureApis.entries()].filter(([key]) => {
    const dir = key.split('\u0000')[0]!;
    const mine = dir === config.fixtureDir || path.dirname(dir) === config.fixtureDir;
    if (mine) dirs.add(dir);
    return mine;
  });
  for (const [key] of dropped) fixtureApis.delete(key);
  await Promise.all(dropped.map(([, api]) => api.then((a) => a.close()).catch(() => undefined)));
  // Only now: a write that was running when the reset began has finished and cannot save again.
  dirs.add(config.fixtureDir);
  // Accounts not opened since the start may have saved state of an earlier run.
  for (const name of await fs.readdir(config.fixtureDir).catch(() => [] as string[])) {
    if (/^\d{12}$/.test(name)) dirs.add(path.join(/* turbopackIgnore: true */ config.fixtureDir, name));
  }
  await Promise.all([...dirs].map((dir) => deleteFixtureState(config.dataDir, dir)));
}
