import 'server-only';
import { getConfig } from '@/lib/config';
import type { Source } from '@/lib/ec2/backend';
import { loadEndpointServices } from '@/lib/endpoints/services';
import type { ServiceOffering } from '@/lib/endpoints/types';
import type { ServiceZones } from './findings';

/** Where a region's endpoint services are read from: the same scope its topology is loaded with. */
export interface ServiceZonesFrom {
  source: Source;
  region: string;
  profile: string | undefined;
  /** The fleet's account when it is not read through a profile. */
  account?: string;
}

interface Entry {
  at: number;
  zones: ServiceZones | undefined;
}

const cache = new Map<string, Entry>();
const inFlight = new Map<string, Promise<ServiceZones | undefined>>();

/**
 * The zones each interface endpoint service is offered in (DescribeVpcEndpointServices' `AvailabilityZones`), for
 * the AZ coverage findings. Services a region lists with no zones are left out (every zone counts for them).
 */
export function serviceZonesOf(offerings: readonly ServiceOffering[]): ServiceZones {
  return { byService: new Map(offerings.filter((o) => o.type === 'Interface' && o.azs.length).map((o) => [o.serviceName, o.azs])) };
}

/**
 * The service zones of a region, read the way its topology is, for every place that shows findings (the findings
 * page, `/api/analysis`, the graph's badges), so they all count the same zones. Undefined when the services cannot
 * be read (a denied DescribeVpcEndpointServices): the findings then count every zone that can hold an endpoint.
 * Cached per (source, profile, account, region) for ATLAS_CACHE_TTL seconds, with concurrent reads sharing one;
 * fixture services never change, so they are kept.
 */
export async function loadServiceZones(from: ServiceZonesFrom): Promise<ServiceZones | undefined> {
  const key = [from.source, from.profile ?? '', from.account ?? '', from.region].join('\u0000');
  const ttlMs = getConfig().cacheTtlSeconds * 1000;
  const hit = cache.get(key);
  if (hit && (from.source === 'fixture' || (ttlMs > 0 && Date.now() - hit.at < ttlMs))) return hit.zones;
  const running = inFlight.get(key);
  if (running) return running;
  const load = loadEndpointServices(from.source, from.region, from.profile, from.account)
    .then(serviceZonesOf, () => undefined)
    .then((zones) => {
      // A failed read is not kept: the next page asks again.
      if (zones && (from.source === 'fixture' || ttlMs > 0)) cache.set(key, { at: Date.now(), zones });
      return zones;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, load);
  return load;
}
