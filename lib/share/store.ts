import 'server-only';
import { getStore } from '@/lib/store';
import type { SnapshotStore } from '@/lib/store/snapshots';

export type { Snapshot, SnapshotSummary } from './schema';
export {
  CorruptSnapshotError,
  MAX_SNAPSHOT_BYTES,
  SnapshotInputError,
  SnapshotTooLargeError,
  newSnapshotId,
  type NewSnapshot,
  type SnapshotListEntry,
  type SnapshotStore,
} from '@/lib/store/snapshots';
export { SqliteSnapshotStore, type SqliteStoreOptions as SqliteSnapshotStoreOptions } from '@/lib/store/sqlite';

/**
 * The process's snapshot store: in the store's database (lib/store): PostgreSQL when ATLAS_DATABASE_URL is
 * set, else `<ATLAS_DATA_DIR>/snapshots.db`.
 */
export function getSnapshotStore(): SnapshotStore {
  return getStore().snapshots;
}
