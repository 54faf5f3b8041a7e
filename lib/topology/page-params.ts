import 'server-only';
import { getConfig } from '@/lib/config';
import { listRegions, type Source } from '@/lib/ec2/backend';
import type { AwsProfile } from '@/lib/ec2/profiles';
import { peekKnownAccounts } from '@/lib/fleet/accounts';
import { accountLoad, resolveAccount } from '@/lib/fleet/scope';
import type { FleetAccount } from '@/lib/fleet/types';
import type { Topology } from './types';
import { describeIssue, RegionName, SourceName } from './params';
import { availableSources, defaultRegion, resolveProfile, resolveSource } from './resolve';

export type SearchParams = Record<string, string | string[] | undefined>;

export function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export interface PageScope {
  source: Source;
  /** The sources this server offers; the source picker shows when there are two. */
  sources: Source[];
  /** Live only: the profile the URL chose; undefined means the server's default credentials. */
  profile: string | undefined;
  /** Live only: the profiles of the server's shared AWS config files. */
  profiles: AwsProfile[];
  /** AWS_PROFILE, what "server default" means when it is set. */
  serverProfile: string | undefined;
  /**
   * `?account=`: the fleet's account the URL chose (12 digits), when it is not the server's default one; links
   * carry it so that a shared link opens the same account.
   */
  account: string | undefined;
  /** The chosen account's name, when it has one besides its id. */
  accountName: string | undefined;
  /** The fleet's accounts of this source as last discovered (the account picker shows when there are two or more). */
  accounts: FleetAccount[];
  region: string;
  regions: string[];
  /** `refresh=1`: read the source again instead of the cache (the Refresh button). */
  refresh: boolean;
  /** Whether the URL named the source; links keep it only then. */
  sourceInUrl: boolean;
  /** Why a value from the URL was not used; shown as a small notice, never an error page. */
  notices: string[];
}

/** DescribeRegions answers change rarely; one call per (source, identity) per 10 minutes is plenty. */
const REGIONS_TTL_MS = 10 * 60_000;
/**
 * The region list is a convenience: a page does not wait longer than this for it (the load
 * after it reports a real failure; a hung endpoint should not cost a page this wait and then
 * the load's timeouts on top).
 */
const REGIONS_WAIT_MS = 3_000;
type RegionCache = Map<string, { at: number; regions: Promise<string[]> }>;
// Per process (pages and route handlers are bundled apart, each with its own copy of this module).
const regionCache: RegionCache = ((globalThis as { __atlasRegionCache?: RegionCache }).__atlasRegionCache ??= new Map());

function cachedRegions(source: Source, profile: string | undefined, account: string | undefined): Promise<string[]> {
  if (source === 'fixture') return listRegions(source, undefined, account);
  const key = account && !profile ? `#${account}` : (profile ?? getConfig().awsProfile ?? '');
  const hit = regionCache.get(key);
  if (hit && Date.now() - hit.at < REGIONS_TTL_MS) return hit.regions;
  const regions = listRegions(source, profile, account);
  regionCache.set(key, { at: Date.now(), regions });
  // A failure is not kept: the next page asks again.
  regions.catch(() => regionCache.delete(key));
  return regions;
}

async function regionsOrNothing(source: Source, profile: string | undefined, account: string | undefined): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), REGIONS_WAIT_MS);
  });
  try {
    return await Promise.race([cachedRegions(source, profile, account), giveUp]);
  } catch {
    // The load of the topology reports the real failure.
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads source, profile and region from a page's query string. Bad values fall back to
 * defaults with a notice; the list of regions comes from the source (fixture folders or
 * DescribeRegions), the list of profiles from the server's shared AWS config files.
 */
export async function resolvePageScope(sp: SearchParams): Promise<PageScope> {
  const notices: string[] = [];
  let requestedSource: Source | undefined;
  const rawSource = first(sp.source);
  if (rawSource !== undefined) {
    const s = SourceName.safeParse(rawSource);
    if (s.success) requestedSource = s.data;
    else notices.push(`Ignored ${describeIssue(s.error)} (got “${rawSource.slice(0, 40)}”).`);
  }
  let resolved = resolveSource(requestedSource);
  if ('error' in resolved) {
    notices.push(resolved.error);
    resolved = resolveSource(undefined) as { source: Source };
  }
  const source = (resolved as { source: Source }).source;

  const rawProfile = first(sp.profile);
  const p = await resolveProfile(source, rawProfile);
  let profile: string | undefined;
  if ('error' in p) notices.push(`Ignored ${p.error} (got “${(rawProfile ?? '').slice(0, 40)}”); using the server’s default credentials.`);
  else profile = p.profile;
  const profiles = p.profiles;

  // The fleet's account: a profile account is read through its profile, the others by their id.
  const rawAccount = first(sp.account);
  let account: FleetAccount | undefined;
  if (rawAccount !== undefined && rawAccount !== '') {
    const a = await resolveAccount(source, rawAccount);
    if ('error' in a) notices.push(`Ignored ${a.error} (got “${rawAccount.slice(0, 40)}”); showing the server’s default account.`);
    else if (a.account && profile && a.account.profile !== profile) {
      notices.push(`Ignored account ${a.account.id}: profile ${profile} reads another account.`);
    } else account = a.account;
  }
  const load = accountLoad(account);
  if (load.profile) profile = load.profile;

  const regions = await regionsOrNothing(source, profile, load.account);
  const profileRegion = profiles.find((x) => x.name === (profile ?? getConfig().awsProfile))?.region;
  let region = (source === 'live' && profileRegion) || defaultRegion();
  if (regions.length && !regions.includes(region)) region = regions[0]!;
  const rawRegion = first(sp.region);
  if (rawRegion !== undefined) {
    const r = RegionName.safeParse(rawRegion);
    if (!r.success) notices.push(`Ignored ${describeIssue(r.error)} (got “${rawRegion.slice(0, 40)}”); showing ${region}.`);
    else if (regions.length && !regions.includes(r.data)) {
      notices.push(`Region ${r.data} is not available from this source; showing ${region}.`);
    } else region = r.data;
  }
  return {
    source,
    sources: availableSources(),
    profile,
    profiles,
    serverProfile: getConfig().awsProfile,
    account: account && !account.isDefault ? account.id : undefined,
    accountName: account && account.name !== account.id ? account.name : undefined,
    accounts: await peekKnownAccounts(source),
    region,
    regions,
    refresh: first(sp.refresh) === '1',
    sourceInUrl: requestedSource !== undefined,
    notices,
  };
}

export { scopeQuery, scopedHref } from './scope-query';

/** What `loadTopology` and the other readers of a region get from a page's scope: source, region, profile, account. */
export function scopeLoad(scope: PageScope): { source: Source; region: string; profile: string | undefined; account?: string } {
  // A profile account is read through its profile (scope.profile already), the others by their id.
  const viaProfile = scope.accounts.find((a) => a.id === scope.account)?.source === 'profile';
  return { source: scope.source, region: scope.region, profile: scope.profile, ...(scope.account && !viaProfile ? { account: scope.account } : {}) };
}

/** What the scope bar shows about a loaded topology: when it was read, and the account(s) owning its VPCs. */
export function loadedScope(topology: Topology): { fetchedAt: string; accountIds: string[] } {
  const accountIds = [...new Set(topology.vpcs.flatMap((v) => (v.ownerId ? [v.ownerId] : [])))].sort();
  return { fetchedAt: topology.fetchedAt, accountIds };
}
