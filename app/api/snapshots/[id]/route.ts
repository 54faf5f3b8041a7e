import { NextResponse } from 'next/server';
import { findSnapshot } from '@/lib/share/read';

export const dynamic = 'force-dynamic';

/** GET /api/snapshots/<id>: the snapshot's frozen topology, in the topology contract's shape (Export JSON). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await findSnapshot(id);
  if (found.kind === 'missing') return NextResponse.json({ error: 'No snapshot has this id.' }, { status: 404 });
  if (found.kind === 'corrupt') return NextResponse.json({ error: found.message, code: 'SnapshotCorrupt' }, { status: 500 });
  const { snapshot } = found;
  return NextResponse.json(snapshot.topology, {
    headers: {
      // A snapshot never changes after it is saved (only its title may), so a client may keep it.
      'cache-control': 'private, max-age=3600',
      'x-snapshot-title': encodeURIComponent(snapshot.title),
      'x-snapshot-created-at': snapshot.createdAt,
    },
  });
}
