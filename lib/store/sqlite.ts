import 'server-only';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SchemaTooNewError, SCHEMA_VERSION, pendingMigrations } from './migrations';
import { MAX_SNAPSHOT_BYTES, type SnapshotStore } from './snapshots';
import { auditLinesToRows } from './sql';
import { SqlSnapshots, sqlAudit, sqlCopy, type SqlDriver } from './sql-store';
import type { AtlasStore, AuditStore, StoreCopy } from './types';

export interface SqliteStoreOptions {
  /** Largest topology JSON accepted, in bytes; MAX_SNAPSHOT_BYTES by default. */
  maxBytes?: number;
  /** How long a writer waits for another process's lock before failing, in ms. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating it when missing) a SQLite store file and brings its schema up to date. WAL lets readers go
 * on while one process writes; `busy_timeout` makes a second writer (another server process, a script) wait
 * for the lock instead of failing with SQLITE_BUSY; `BEGIN IMMEDIATE` around the migration is the lock two
 * processes starting together queue on.
 */
function openDatabase(file: string, options: SqliteStoreOptions): { db: Database.Database; from: number } {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // busy_timeout first: switching to WAL and creating the tables take locks another process may hold.
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  db.pragma('journal_mode = WAL');
  // FULL: a committed write survives a power cut too, not only a crash of the process.
  db.pragma('synchronous = FULL');
  let from = 0;
  try {
    db.transaction(() => {
      from = db.pragma('user_version', { simple: true }) as number;
      if (from > SCHEMA_VERSION) throw new SchemaTooNewError(file, from);
      for (const step of pendingMigrations(from)) {
        db.exec(step.sqlite);
        if (step.name === 'audit log') importAuditJsonl(db, path.join(path.dirname(file), 'audit.jsonl'));
      }
      if (from < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, from };
}

/** Before the audit table, the log was `audit.jsonl` beside the database: its lines move in with the table. */
function importAuditJsonl(db: Database.Database, file: string): void {
  if (!existsSync(file)) return;
  const insert = db.prepare('INSERT INTO audit (time, user_id, action, entry) VALUES (?, ?, ?, ?)');
  for (const row of auditLinesToRows(readFileSync(file, 'utf8'))) insert.run(row.time, row.user, row.action, row.json);
}

/** better-sqlite3 answers synchronously; each statement is its own transaction, committed before it returns. */
function driver(db: Database.Database): SqlDriver {
  return {
    all: async <R>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as R[],
    run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
  };
}

/** The snapshot store alone in a SQLite file (the store before the audit log moved in; kept for its callers and tests). */
export class SqliteSnapshotStore extends SqlSnapshots {
  readonly file: string;
  /** The connection, for tests that damage rows or die mid-transaction. */
  readonly db: Database.Database;
  constructor(file: string, options: SqliteStoreOptions = {}) {
    const { db } = openDatabase(file, options);
    super(driver(db), options.maxBytes ?? MAX_SNAPSHOT_BYTES, () => db.open && db.close());
    this.file = file;
    this.db = db;
  }
}

/** The embedded store: snapshots and the audit log in one SQLite file (`ATLAS_DATA_DIR/snapshots.db`). */
export class SqliteStore implements AtlasStore {
  readonly kind = 'sqlite' as const;
  readonly target: string;
  readonly snapshots: SnapshotStore;
  readonly audit: AuditStore;
  readonly copy: StoreCopy;
  private readonly db: Database.Database;
  private readonly migratedFrom: number;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.target = file;
    const { db, from } = openDatabase(file, options);
    this.db = db;
    this.migratedFrom = from;
    const sql = driver(db);
    this.snapshots = new SqlSnapshots(sql, options.maxBytes ?? MAX_SNAPSHOT_BYTES, () => void this.close());
    this.audit = sqlAudit(sql);
    this.copy = sqlCopy(sql);
  }

  /** The file was brought up to date when it was opened; this reports from which version. */
  async migrate(): Promise<{ from: number; to: number }> {
    return { from: this.migratedFrom, to: SCHEMA_VERSION };
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
