import { ImageResponse } from 'next/og';
import { PREVIEW_HEADER, PREVIEW_MARGIN, PREVIEW_SIZE, PreviewCard } from '@/components/share/diagram-preview';
import { bestPreview, type DiagramPreview } from '@/lib/share/preview';
import { loadTopology } from '@/lib/topology/load';
import { VpcId } from '@/lib/topology/params';
import { defaultRegion, resolveSource } from '@/lib/topology/resolve';

export const alt = 'Diagram of this VPC';
export const size = PREVIEW_SIZE;
export const contentType = 'image/png';

/**
 * The link preview of a VPC page. An image route sees the path but not the query string, so it draws the VPC
 * from the server's default source and region; a VPC elsewhere gets a card with its id only. Snapshot links
 * (`/s/<id>`) carry their own region and always draw.
 */
export default async function Image({ params }: { params: Promise<{ vpcId: string }> }) {
  const { vpcId } = await params;
  if (!VpcId.safeParse(vpcId).success) return new Response('Not found', { status: 404 });
  const resolved = resolveSource(undefined);
  const source = 'source' in resolved ? resolved.source : 'fixture';
  const region = defaultRegion();
  let diagram: DiagramPreview | null = null;
  let title = vpcId;
  let facts = `VPC · ${region}`;
  try {
    const topology = await loadTopology({ source, region, vpcId });
    const vpc = topology.vpcs[0];
    if (vpc?.name && vpc.name !== vpc.id) title = `${vpc.name} (${vpc.id})`;
    facts = `VPC · ${region} · ${source} · ${vpc?.cidrBlocks.join(', ') ?? ''}`;
    diagram = await bestPreview(topology, {
      vpcId,
      width: PREVIEW_SIZE.width - 2 * PREVIEW_MARGIN,
      height: PREVIEW_SIZE.height - PREVIEW_HEADER - 2 * PREVIEW_MARGIN,
    });
  } catch {
    // Not in the default region, or the source cannot be read: the card still names the VPC.
  }
  return new ImageResponse(<PreviewCard title={title} facts={facts} diagram={diagram} emptyText="Open the link to see this VPC." />, {
    ...PREVIEW_SIZE,
    headers: { 'cache-control': 'public, max-age=300' },
  });
}
