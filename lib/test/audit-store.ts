import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SqliteStore } from '@/lib/store/sqlite';

/**
 * The audit table of the SQLite store in a test's ATLAS_DATA_DIR, read and changed behind the server's back:
 * what the tests of audited actions look at (the lines as /audit reads them) and how they make the log fail.
 */

function open(dataDir: string): Database.Database {
  const file = path.join(dataDir, 'snapshots.db');
  // The schema first, as the server would create it.
  if (!existsSync(file)) void new SqliteStore(file).close();
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Every audit entry, oldest first, as written. */
export function auditLines<T = Record<string, unknown>>(dataDir: string): T[] {
  if (!existsSync(path.join(dataDir, 'snapshots.db'))) return [];
  const db = open(dataDir);
  try {
    return (db.prepare('SELECT entry FROM audit ORDER BY seq').all() as { entry: string }[]).map((r) => JSON.parse(r.entry) as T);
  } finally {
    db.close();
  }
}

/** Empties the log and lets writes through again (beforeEach). */
export function resetAudit(dataDir: string): void {
  const db = open(dataDir);
  db.exec('DROP TRIGGER IF EXISTS audit_refuses_writes; DELETE FROM audit;');
  db.close();
}

/** From now on every audit write fails, as on a full disk, while snapshots are still written. */
export function failAuditWrites(dataDir: string): void {
  const db = open(dataDir);
  db.exec("CREATE TRIGGER IF NOT EXISTS audit_refuses_writes BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
  db.close();
}
