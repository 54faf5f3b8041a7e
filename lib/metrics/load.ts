import 'server-only';
import { getConfig } from '@/lib/config';
import type { Source } from '@/lib/ec2/backend';
import { toEc2Error } from '@/lib/ec2/errors';
import type { Topology } from '@/lib/topology/types';
import { LiveCloudWatch, type CloudWatchApi } from './cloudwatch';
import { readMetrics, type MeteredResource } from './read';
import type { MetricPeriod, MetricsResult } from './types';

export const METRICS_PERMISSION = 'cloudwatch:GetMetricData';

export interface MetricsOptions {
  source: Source;
  /** Live only: a profile of the shared AWS config files; unset, the SDK's default chain. */
  profile?: string;
  region: string;
  period: MetricPeriod;
  /** The region's topology, or one VPC's (scoped): its interface endpoints and NAT gateways are read. */
  topology: Topology;
  vpcId?: string;
  /** Tests: the CloudWatch to read instead of the SDK client of (profile, region). */
  api?: CloudWatchApi;
  now?: Date;
}

interface CacheEntry {
  at: number;
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

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess']);

function isDenied(err: unknown): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: number } };
  return (typeof e.name === 'string' && DENIED.has(e.name)) || (typeof e.Code === 'string' && DENIED.has(e.Code)) || e.$metadata?.httpStatusCode === 403;
}

async function readFresh(options: MetricsOptions): Promise<MetricsResult> {
  const config = getConfig();
  const api = options.api ?? new LiveCloudWatch({ region: options.region, profile: options.profile ?? config.awsProfile, requestTimeout: config.ec2TimeoutMs });
  try {
    const read = await readMetrics(api, meteredResources(options.topology), options.period, options.now ?? new Date());
    return {
      status: 'ok',
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
    if (isDenied(err)) {
      return {
        status: 'unavailable',
        reason: 'access-denied',
        permission: METRICS_PERMISSION,
        message: `Traffic metrics need ${METRICS_PERMISSION}: add it to the IAM policy of the role or user vpc-atlas runs as. The graph works without it.`,
      };
    }
    // Credentials, throttling, timeouts, network: the EC2 classifier's kinds and advice, named for CloudWatch.
    const e = toEc2Error(err, 'GetMetricData');
    throw Object.assign(e, { message: e.message.replace(/\bEC2\b/g, 'CloudWatch') });
  }
}

/**
 * The traffic metrics of the interface endpoints and NAT gateways on screen. Fixture mode has none (a notice
 * says so). Live results are cached per (source, profile, region, VPC, period) for ATLAS_CACHE_TTL seconds, and
 * concurrent reads of one key share one set of calls. A missing cloudwatch:GetMetricData permission is a result
 * naming it; any other failure throws an Ec2Error (its kind decides the HTTP status).
 */
export async function loadMetrics(options: MetricsOptions): Promise<MetricsResult> {
  if (options.source === 'fixture') {
    return { status: 'unavailable', reason: 'fixture', message: 'No metrics in fixture mode: traffic is read from CloudWatch in live mode only.' };
  }
  const config = getConfig();
  const key = [options.source, options.profile ?? config.awsProfile ?? '', options.region, options.vpcId ?? '', options.period].join('\u0000');
  const ttlMs = config.cacheTtlSeconds * 1000;
  const hit = cache.get(key);
  if (hit && ttlMs > 0 && Date.now() - hit.at < ttlMs) return hit.result;
  const running = inFlight.get(key);
  if (running) return running;
  const load = readFresh(options)
    .then((result) => {
      if (ttlMs > 0) cache.set(key, { at: Date.now(), result });
      return result;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, load);
  return load;
}
