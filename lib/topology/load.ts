import 'server-only';
import { getConfig } from '@/lib/config';
import { getEc2Api, type Source } from '@/lib/ec2/backend';
import { readRegion } from '@/lib/ec2/read-region';
import { normalizeTopology, scopeToVpc } from './normalize';
import type { Topology } from './types';

export interface LoadOptions {
  source: Source;
  region: string;
  vpcId?: string;
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

interface CacheEntry {
  at: number;
  topology: Topology;
}

const cache = new Map<string, CacheEntry>();
const inFlight = new Map<string, Promise<Topology>>();

function cacheKey(source: Source, region: string): string {
  const config = getConfig();
  return [source, source === 'live' ? (config.awsProfile ?? 'default') : config.fixtureDir, region].join('\u0000');
}

/**
 * Forgets cached topologies (all, or one source and region): after a write, or on Refresh.
 */
export function invalidateTopology(source?: Source, region?: string): void {
  if (!source) {
    cache.clear();
    return;
  }
  for (const key of cache.keys()) {
    const [s, , r] = key.split('\u0000');
    if (s === source && (!region || r === region)) cache.delete(key);
  }
}

async function readFresh(source: Source, region: string): Promise<Topology> {
  const api = await getEc2Api(source, region);
  const raw = await readRegion(api);
  return normalizeTopology(raw, { source, fetchedAt: new Date().toISOString() });
}

/**
 * A region's topology from a source. Live results are cached per (source, profile, region) for
 * ATLAS_CACHE_TTL seconds; fixture state is in memory already and always read fresh, so what a
 * form wrote shows at once. Concurrent loads of one key share a single read (single flight): 50
 * people opening the dashboard at once cause one set of Describe calls.
 */
async function loadRegion(source: Source, region: string, refresh: boolean): Promise<Topology> {
  const key = cacheKey(source, region);
  const ttlMs = getConfig().cacheTtlSeconds * 1000;
  if (source === 'live' && !refresh && ttlMs > 0) {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.topology;
  }
  const running = inFlight.get(key);
  if (running) return running;
  const load = readFresh(source, region)
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
 * `vpcId` is given. Throws Ec2Error (the source failed), FixtureError (a fixture file is bad) or
 * VpcNotFoundError.
 */
export async function loadTopology(options: LoadOptions): Promise<Topology> {
  const topology = await loadRegion(options.source, options.region, options.refresh ?? false);
  if (!options.vpcId) return topology;
  if (!topology.vpcs.some((v) => v.id === options.vpcId)) throw new VpcNotFoundError(options.vpcId, options.region);
  return scopeToVpc(topology, options.vpcId);
}
