import 'server-only';
import { requestLogger } from '@/lib/log/request';
import { SnapshotId } from './schema';
import { CorruptSnapshotError, getSnapshotStore, type Snapshot } from './store';

export type SnapshotLookup = { kind: 'found'; snapshot: Snapshot } | { kind: 'missing' } | { kind: 'corrupt'; message: string };

/**
 * A snapshot for a page or a route: found, missing (unknown or malformed id: a 404), or corrupt (stored but
 * unreadable: reported, never drawn half-way).
 */
export async function findSnapshot(id: string): Promise<SnapshotLookup> {
  if (!SnapshotId.safeParse(id).success) return { kind: 'missing' };
  try {
    const snapshot = await getSnapshotStore().get(id);
    return snapshot ? { kind: 'found', snapshot } : { kind: 'missing' };
  } catch (err) {
    if (err instanceof CorruptSnapshotError) {
      (await requestLogger()).error({ err, snapshotId: id }, 'stored snapshot is unreadable');
      return { kind: 'corrupt', message: err.message };
    }
    throw err;
  }
}

/** "2025-01-31 14:05:09 UTC". */
export function formatUtc(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 19)} UTC`;
}
