import 'server-only';
import { getConfig } from '@/lib/config';
import { fixtureDirOf, ownAccount, type Source } from '@/lib/ec2/backend';
import { orgRoleCredentials } from '@/lib/ec2/accounts';
import type { Topology } from '@/lib/topology/types';
import { LiveCloudWatch, type CloudWatchApi } from './cloudwatch';
import { classifyMetricsError } from './errors';
import { MetricsFixtureError, readMetricsFixture } from './fixture-cloudwatch';
import { readMetrics, type MeteredResource } from './read';
import type { MetricPeriod, MetricsResult } from './types';

export { METRICS_PERMISSION } from './errors';

export interface MetricsOptions {
  source: Source;
  /** Live only: a profile of the shared AWS config files; unset, the SDK's default chain. */
  profile?: string;
  region: string;
  /** Another account of the fleet (`?account=`): live, read through ATLAS_ORG_ROLE; fixture, its folder. */
  account?: string;
  period: MetricPeriod;
  /** The region's topology, or one VPC's (scoped): its interface endpoints and NAT gateways are read. */
  topology: Topology;
  vpcId?: string;
  /** Tests: the CloudWatch to read instead of the SDK client of (profile, region) or the fixture file. */
  api?: CloudWatchApi;
  now?: Date;
}

interface CacheEntry {
  at: number;
  /** The topology's `fetchedAt`: a Refresh (or a write) reads the topology again, and with it the metrics. */
  fetchedAt: string;
  result: MetricsResult;
}

// Per process, like the topology cache (Next bundles each route with its own copy of this module).
const shared = globalThis as { __atlasMetricsCache?: Map<string, CacheEntry>; __atlasMetricsInFlight?: Map<string, Promise<MetricsResult>> };
const cache: Map<string, CacheEntry> = (shared.__atlasMetricsCache ??= new Map());
const inFlight: Map<string, Promise<MetricsResult>> = (shared.__atlasMetricsInFlight ??= new Map());

/** The interface endpoints and NAT gateways of a topology, as CloudWatch names them. */
export function meteredResources(topology: Topology): MeteredResource[] {
  return [
    ...topology.endpoints
      .filter((e) => e.type === 'Interface')
      .map((e): MeteredResource => ({ kind: 'interface-endpoint', id: e.id, vpcId: e.vpcId, serviceName: e.serviceName })),
    ...topology.natGateways.map((n): MeteredResource => ({ kind: 'nat-gateway', id: n.id })),
  ];
}

/** The CloudWatch to read: the test's, the fixture file's (null: none), or the SDK client's. */
async function cloudWatchFor(options: MetricsOptions): Promise<CloudWatchApi | null> {
  if (options.api) return options.api;
  const config = getConfig();
  if (options.source === 'fixture') return readMetricsFixture(await fixtureDirOf(options.account), options.region);
  // The same credentials as the topology's: a profile, else the member role of another account, else the server's own.
  const assumed = !options.profile && options.account !== undefined && options.account !== (await ownAccount());
  return new LiveCloudWatch({
    region: options.region,
    requestTimeout: config.ec2TimeoutMs,
    ...(assumed ? { credentials: orgRoleCredentials().provider(options.account!) } : { profile: options.profile ?? config.awsProfile }),
  });
}

async function readFresh(options: MetricsOptions): Promise<MetricsResult> {
  let api: CloudWatchApi | null;
  try {
    api = await cloudWatchFor(options);
  } catch (err) {
    if (err instanceof MetricsFixtureError) return { status: 'unavailable', reason: 'fixture-invalid', message: `No traffic metrics: ${err.message}` };
    throw err;
  }
  if (!api) {
    return {
      status: 'unavailable',
      reason: 'fixture',
      message: 'No traffic metrics in this fixture data: add cloudwatch-metrics.json to the region folder (npm run fixtures:capture writes it).',
    };
  }
  // The fixture's saved answer ends where its data does: its "last 24 hours" are the data's.
  const now = options.now ?? ('dataEnd' in api && api.dataEnd instanceof Date ? api.dataEnd : new Date());
  try {
    const read = await readMetrics(api, meteredResources(options.topology), options.period, now);
    return {
      status: 'ok',
      origin: api.origin,
      region: options.region,
      vpcId: options.vpcId ?? null,
      period: options.period,
      start: read.start.toISOString(),
      end: read.end.toISOString(),
      stepSeconds: read.stepSeconds,
      resources: read.resources,
      calls: read.calls,
    };
  } catch (err) {
    const failure = classifyMetricsError(err);
    return { status: 'unavailable', reason: failure.reason, message: failure.message, ...(failure.reason === 'access-denied' ? { permission: 'cloudwatch:GetMetricData' } : {}) };
  }
}

/** A result worth keeping for the cache's lifetime: metrics, a missing permission, or fixture data without them. */
const keeps = (r: MetricsResult) => r.status === 'ok' || r.reason === 'access-denied' || r.reason === 'fixture' || r.reason === 'fixture-invalid';

/**
 * The traffic metrics of the interface endpoints and NAT gateways on screen, from CloudWatch (live) or the fixture
 * data's saved answer. Never throws for CloudWatch's sake: a missing cloudwatch:GetMetricData permission, throttling
 * or an unreachable endpoint is a result with a notice. Results are cached per (source, profile, region, VPC,
 * period) for ATLAS_CACHE_TTL seconds and only while the topology is the one they were read for (a Refresh reads
 * both again); failures other than a missing permission are not kept. Concurrent reads of one key share one set
 * of calls.
 */
export async function loadMetrics(options: MetricsOptions): Promise<MetricsResult> {
  const config = getConfig();
  const who = [options.source === 'live' ? (options.profile ?? config.awsProfile ?? '') : config.fixtureDir, options.account ?? ''].join('#');
  const key = [options.source, who, options.region, options.vpcId ?? '', options.period].join('\u0000');
  const fetchedAt = options.topology.fetchedAt ?? '';
  const ttlMs = config.cacheTtlSeconds * 1000;
  const hit = cache.get(key);
  if (hit && hit.fetchedAt === fetchedAt && (options.source === 'fixture' || (ttlMs > 0 && Date.now() - hit.at < ttlMs))) return hit.result;
  const flightKey = `${key}\u0000${fetchedAt}`;
  const running = inFlight.get(flightKey);
  if (running) return running;
  const load = readFresh(options)
    .then((result) => {
      if (keeps(result) && (ttlMs > 0 || options.source === 'fixture')) cache.set(key, { at: Date.now(), fetchedAt, result });
      else cache.delete(key);
      return result;
    })
    .finally(() => inFlight.delete(flightKey));
  inFlight.set(flightKey, load);
  return load;
}

/** The HTTP status GET /api/metrics answers a result with: a notice is a 200; throttling 503; other failures 502. */
export function metricsHttpStatus(result: MetricsResult): number {
  if (result.status === 'ok' || ['fixture', 'fixture-invalid', 'access-denied'].includes(result.reason)) return 200;
  return result.reason === 'throttled' ? 503 : result.reason === 'timeout' ? 504 : 502;
}
