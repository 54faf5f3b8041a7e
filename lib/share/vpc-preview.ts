import 'server-only';
import { loadTopology } from '@/lib/topology/load';
import { first, resolvePageScope, scopeLoad, type SearchParams } from '@/lib/topology/page-params';
import { bestPreview, type DiagramPreview } from './preview';

/** What the query of a VPC page says about where the VPC is: the keys its link preview must carry. */
const SCOPE_KEYS = ['source', 'region', 'profile'] as const;

/**
 * The address of a VPC page's link-preview image, with the page's source, region and profile. A file-convention
 * `opengraph-image` sees only the path (Next.js passes it `params` alone), so the page names this route handler
 * in its metadata instead, and the image draws the VPC the link shows. The values are checked where they are
 * used (`vpcPreview`), as the page checks them.
 */
export function vpcPreviewPath(vpcId: string, sp: SearchParams): string {
  const q = new URLSearchParams();
  for (const key of SCOPE_KEYS) {
    const value = first(sp[key]);
    if (value !== undefined) q.set(key, value.slice(0, 200));
  }
  const query = q.toString();
  return `/vpcs/${encodeURIComponent(vpcId)}/preview-image${query ? `?${query}` : ''}`;
}

export interface VpcPreview {
  title: string;
  facts: string;
  diagram: DiagramPreview | null;
  /** Why a value of the link was not used (a bad region, an unknown source): the card says so. */
  notice?: string;
}

/**
 * The link preview of `/vpcs/<vpcId>?<query>`: the VPC from the source, region and profile of the query, read
 * like the page reads them (`resolvePageScope`: a bad value falls back to the default, with a notice shown on the
 * card). A VPC that cannot be read there gets a card with its id only; this never throws.
 */
export async function vpcPreview(vpcId: string, sp: SearchParams, frame: { width: number; height: number }): Promise<VpcPreview> {
  let notice: string | undefined;
  let facts = 'VPC';
  try {
    const scope = await resolvePageScope(sp);
    if (scope.notices.length > 0) notice = scope.notices.join(' ');
    facts = `VPC · ${scope.region} · ${scope.source}`;
    const topology = await loadTopology({ ...scopeLoad(scope), vpcId });
    const vpc = topology.vpcs[0];
    const title = vpc?.name && vpc.name !== vpc.id ? `${vpc.name} (${vpc.id})` : vpcId;
    const diagram = await bestPreview(topology, { vpcId, ...frame });
    return { title, facts: `${facts} · ${vpc?.cidrBlocks.join(', ') ?? ''}`, diagram, ...(notice ? { notice } : {}) };
  } catch {
    // Not in that region, or the source cannot be read: the card still names the VPC.
    return { title: vpcId, facts, diagram: null, ...(notice ? { notice } : {}) };
  }
}
