import 'server-only';
import { getConfig } from '@/lib/config';
import { getEc2Api, type Source } from '@/lib/ec2/backend';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readRegion } from '@/lib/ec2/read-region';
import { normalizeTopology, scopeToVpc } from './normalize';
import { perTopology } from './per-topology';
import type { Topology } from './types';

export interface LoadOptions {
  source: Source;
  region: string;
  /** Live only: a profile of the shared AWS config files; unset, the SDK's default chain. */
  profile?: string;
  /** Another account of the fleet (`?account=`): live, read through ATLAS_ORG_ROLE unless a profile is given; fixture, its folder. */
  account?: string;
  vpcId?: string;
  /** An endpoint the caller needs (its page): a miss re-reads the region once, as for `vpcId`. */
  endpointId?: string;
  /** Skip the cache and read the source again (the Refresh button). */
  refresh?: boolean;
}

/** Thrown when the region loads but has no VPC with the requested id. */
export class VpcNotFoundError extends Error {
  readonly vpcId: string;
  constructor(vpcId: string, region: string) {
    super(`VPC ${vpcId} was not found in ${region}.`);
    this.name = 'VpcNotFoundError';
    this.vpcId = vpcId;
  }
}

/** A topology younger than this is not read again for an id it does not have. */
const MISS_REREAD_MIN_AGE_MS = 5_000;

interface CacheEntry {
  at: number;
  topology: Topology;
}

// Per process, not per module copy: Next bundles pages, route handlers and server actions
// separately, each with its own copy of this module. One shared cache is what makes single flight
// hold across /, /api/topology and the rest, and lets a server action's invalidation reach pages.
const shared = globalThis as { __atlasTopologyCache?: Map<string, CacheEntry>; __atlasTopologyInFlight?: Map<string, Promise<Topology>> };
const cache: Map<string, CacheEntry> = (shared.__atlasTopologyCache ??= new Map());
const inFlight: Map<string, Promise<Topology>> = (shared.__atlasTopologyInFlight ??= new Map());
/**
 * Fixture: the topology read from each backend state. The state only changes through a write, which bumps its
 * revision, so a page load after another without a write in between reuses the topology (and with its unchanged
 * `fetchedAt`, the analysis and layout caches keyed on it hit too) instead of reading and normalizing it again.
 */
const fixtureReads: WeakMap<FixtureEc2Api, { revision: number; topology: Topology }> = ((
  globalThis as { __atlasFixtureReads?: WeakMap<FixtureEc2Api, { revision: number; topology: Topology }> }
).__atlasFixtureReads ??= new WeakMap());

/**
 * Who is being looked at: the profile for live (an explicit one, else AWS_PROFILE, else '' for
 * the SDK's default chain, which may be environment keys rather than the `default` profile),
 * the fixture folder for fixture.
 */
function identity(source: Source, profile: string | undefined, account?: string): string {
  const config = getConfig();
  const who = source === 'live' ? (profile ?? config.awsProfile ?? '') : config.fixtureDir;
  // An account read through its profile is that profile's; one without is the assumed role's.
  return account && !(source === 'live' && profile) ? `${who}#${account}` : who;
}

function cacheKey(source: Source, region: string, profile: string | undefined, account?: string): string {
  return [source, identity(source, profile, account), region].join('\u0000');
}

/**
 * Forgets cached topologies (all, or those of one source, optionally one region and one
 * profile): after a write, or on Refresh.
 */
export function invalidateTopology(source?: Source, region?: string, profile?: string, account?: string): void {
  if (!source) {
    cache.clear();
    return;
  }
  const who = profile === undefined && account === undefined ? undefined : identity(source, profile, account);
  for (const key of cache.keys()) {
    const [s, p, r] = key.split('\u0000');
    if (s === source && (!region || r === region) && (who === undefined || p === who)) cache.delete(key);
  }
}

async function readFresh(source: Source, region: string, profile: string | undefined, account: string | undefined, refresh: boolean): Promise<Topology> {
  const api = await getEc2Api(source, region, profile, account);
  const fixture = api instanceof FixtureEc2Api ? api : null;
  const revision = fixture?.revision;
  if (fixture && !refresh) {
    const hit = fixtureReads.get(fixture);
    if (hit && hit.revision === revision) return hit.topology;
  }
  const raw = await readRegion(api);
  const topology = normalizeTopology(raw, { source, fetchedAt: new Date().toISOString() });
  // A write that landed while this read ran may be half in it: use it for this request only.
  if (fixture && revision !== undefined && fixture.revision === revision) fixtureReads.set(fixture, { revision, topology });
  return topology;
}

/**
 * A region's topology from a source. Live results are cached per (source, profile, region) for
 * ATLAS_CACHE_TTL seconds; fixture state is in memory already and read again whenever it has changed, so what
 * a form wrote shows at once. Concurrent loads of one key share a single read (single flight): 50
 * people opening the dashboard at once cause one set of Describe calls.
 */
async function loadRegion(source: Source, region: string, profile: string | undefined, account: string | undefined, refresh: boolean): Promise<Topology> {
  const key = cacheKey(source, region, profile, account);
  const ttlMs = getConfig().cacheTtlSeconds * 1000;
  if (source === 'live' && !refresh && ttlMs > 0) {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.topology;
  }
  const running = inFlight.get(key);
  if (running) return running;
  const load = readFresh(source, region, profile, account, refresh)
    .then((topology) => {
      if (source === 'live' && ttlMs > 0) cache.set(key, { at: Date.now(), topology });
      return topology;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, load);
  return load;
}

/**
 * Loads a region's topology from a source, normalized to the contract; scoped to one VPC when
 * `vpcId` is given. A `vpcId` or `endpointId` the cached topology lacks makes it read the region again once. Throws Ec2Error (the source failed), FixtureError (a fixture file is bad) or
 * VpcNotFoundError.
 */
export async function loadTopology(options: LoadOptions): Promise<Topology> {
  const profile = options.source === 'live' ? options.profile : undefined;
  const refresh = options.refresh ?? false;
  const account = options.account;
  let topology = await loadRegion(options.source, options.region, profile, account, refresh);
  const has = (t: Topology) =>
    (!options.vpcId || t.vpcs.some((v) => v.id === options.vpcId)) && (!options.endpointId || t.endpoints.some((e) => e.id === options.endpointId));
  // A link to a VPC or endpoint made after the cached read opens: a miss reads the region again, once, unless the
  // topology is fresh already (so a stream of made-up ids cannot turn every request into a full region read).
  // Fixture topologies are never stale: the state only changes through writes, which are read at once.
  if (!has(topology) && options.source === 'live' && !refresh && Date.now() - Date.parse(topology.fetchedAt) >= MISS_REREAD_MIN_AGE_MS) {
    topology = await loadRegion(options.source, options.region, profile, account, true);
  }
  if (!options.vpcId) return topology;
  if (!topology.vpcs.some((v) => v.id === options.vpcId)) throw new VpcNotFoundError(options.vpcId, options.region);
  return scopedTo(topology, options.vpcId);
}

/**
 * One scoped copy per loaded topology and VPC: a VPC page loaded again gets the same object, which is what the
 * analysis and layout caches recognise it by.
 */
const scopedCopies = perTopology<Topology>();

function scopedTo(topology: Topology, vpcId: string): Topology {
  return scopedCopies.get(topology, vpcId, () => scopeToVpc(topology, vpcId));
}
