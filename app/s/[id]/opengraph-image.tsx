import { ImageResponse } from 'next/og';
import { PREVIEW_HEADER, PREVIEW_MARGIN, PREVIEW_SIZE, PreviewCard } from '@/components/share/diagram-preview';
import { parseViewState } from '@/lib/graph/view-state';
import { requestLogger } from '@/lib/log/request';
import { bestPreview, type DiagramPreview } from '@/lib/share/preview';
import { findSnapshot, formatUtc } from '@/lib/share/read';

export const alt = 'Diagram of the VPC topology in this snapshot';
export const size = PREVIEW_SIZE;
export const contentType = 'image/png';

/** The link preview of a snapshot: its diagram, laid out as the canvas lays it out, with what and when. */
export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await findSnapshot(id);
  if (found.kind !== 'found') return new Response('Not found', { status: 404 });
  const { snapshot } = found;
  let diagram: DiagramPreview | null = null;
  try {
    const saved = new URLSearchParams(snapshot.view);
    diagram = await bestPreview(snapshot.topology, {
      ...(snapshot.vpcId ? { vpcId: snapshot.vpcId } : {}),
      ...(saved.has('dir') ? { direction: parseViewState(saved).state.direction } : {}),
      width: PREVIEW_SIZE.width - 2 * PREVIEW_MARGIN,
      height: PREVIEW_SIZE.height - PREVIEW_HEADER - 2 * PREVIEW_MARGIN,
    });
  } catch (err) {
    (await requestLogger()).error({ err, snapshotId: snapshot.id }, 'snapshot preview layout failed');
  }
  const facts = `Snapshot · ${snapshot.region} · ${snapshot.source} · ${formatUtc(snapshot.topology.fetchedAt).slice(0, 16)} UTC`;
  return new ImageResponse(<PreviewCard title={snapshot.title} facts={facts} diagram={diagram} emptyText="Nothing to draw in this snapshot." />, {
    ...PREVIEW_SIZE,
    headers: { 'cache-control': 'public, max-age=3600' },
  });
}
