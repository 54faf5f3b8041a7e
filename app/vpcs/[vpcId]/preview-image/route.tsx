import { ImageResponse } from 'next/og';
import type { NextRequest } from 'next/server';
import { PREVIEW_HEADER, PREVIEW_MARGIN, PREVIEW_SIZE, PreviewCard } from '@/components/share/diagram-preview';
import { vpcPreview } from '@/lib/share/vpc-preview';
import { VpcId } from '@/lib/aws/ids';

export const dynamic = 'force-dynamic';

/**
 * GET /vpcs/<vpcId>/preview-image?region=…&source=…: the link preview (og:image) of a VPC page, drawn from the
 * source and region of the link (the page's `generateMetadata` points here). A bad value in the query falls back
 * as on the page, and the card says so.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ vpcId: string }> }) {
  const { vpcId } = await params;
  if (!VpcId.safeParse(vpcId).success) return new Response('Not found', { status: 404 });
  const card = await vpcPreview(vpcId, Object.fromEntries(request.nextUrl.searchParams), {
    width: PREVIEW_SIZE.width - 2 * PREVIEW_MARGIN,
    height: PREVIEW_SIZE.height - PREVIEW_HEADER - 2 * PREVIEW_MARGIN,
  });
  return new ImageResponse(<PreviewCard {...card} emptyText="Open the link to see this VPC." />, {
    ...PREVIEW_SIZE,
    // Private: on a signed-in deployment the diagram is as confidential as the page.
    headers: { 'cache-control': 'private, max-age=300' },
  });
}
