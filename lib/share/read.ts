import 'server-only';
import { requestLogger } from '@/lib/log/request';
import type { FleetSnapshot } from './fleet-schema';
import { SnapshotId } from './schema';
import { CorruptSnapshotError, getSnapshotStore, type Snapshot } from './store';

export type Lookup<S> = { kind: 'found'; snapshot: S } | { kind: 'missing' } | { kind: 'corrupt'; message: string };
export type SnapshotLookup = Lookup<Snapshot>;

/**
 * A snapshot for a page or a route: found, missing (unknown or malformed id: a 404), or corrupt (stored but
 * unreadable: reported, never drawn half-way).
 */
export function findSnapshot(id: string): Promise<SnapshotLookup> {
  return lookup(id, (store) => store.get(id));
}

/** A fleet snapshot (the fleet page frozen), the same way. */
export function findFleetSnapshot(id: string): Promise<Lookup<FleetSnapshot>> {
  return lookup(id, (store) => store.getFleet(id));
}

async function lookup<S>(id: string, get: (store: ReturnType<typeof getSnapshotStore>) => Promise<S | null>): Promise<Lookup<S>> {
  if (!SnapshotId.safeParse(id).success) return { kind: 'missing' };
  try {
    const snapshot = await get(getSnapshotStore());
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
