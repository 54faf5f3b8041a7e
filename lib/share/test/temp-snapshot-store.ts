import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { SqliteSnapshotStore, type SqliteStoreOptions } from '@/lib/store/sqlite';

/**
 * For a test file of the SQLite snapshot store: each test gets an empty temp folder and a store path in a
 * folder of it not made yet (`file()`); the stores `store()` opened are closed and the folder removed after it.
 */
export function tempSnapshotStores() {
  let dir = '';
  let file = '';
  const open: SqliteSnapshotStore[] = [];
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-snapshots-'));
    file = path.join(dir, 'nested', 'snapshots.db');
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    file: () => file,
    store(options?: SqliteStoreOptions): SqliteSnapshotStore {
      const s = new SqliteSnapshotStore(file, options);
      open.push(s);
      return s;
    },
  };
}
