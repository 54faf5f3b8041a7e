import 'server-only';
import { listRegions, type Source } from '@/lib/ec2/backend';
import { describeIssue, RegionName, SourceName } from './params';
import { defaultRegion, resolveSource } from './resolve';

export type SearchParams = Record<string, string | string[] | undefined>;

export function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export interface PageScope {
  source: Source;
  region: string;
  regions: string[];
  /** Why a value from the URL was not used; shown as a small notice, never an error page. */
  notices: string[];
}

/**
 * Reads region and source from a page's query string. Bad values fall back to defaults with a
 * notice; the list of regions comes from the source (fixture folders or DescribeRegions).
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

  let regions: string[] = [];
  try {
    regions = await listRegions(source);
  } catch {
    // The region list is a convenience; the load below reports the real failure.
  }
  let region = defaultRegion();
  if (regions.length && !regions.includes(region)) region = regions[0]!;
  const rawRegion = first(sp.region);
  if (rawRegion !== undefined) {
    const r = RegionName.safeParse(rawRegion);
    if (!r.success) notices.push(`Ignored ${describeIssue(r.error)} (got “${rawRegion.slice(0, 40)}”); showing ${region}.`);
    else if (regions.length && !regions.includes(r.data)) {
      notices.push(`Region ${r.data} is not available from this source; showing ${region}.`);
    } else region = r.data;
  }
  return { source, region, regions, notices };
}
