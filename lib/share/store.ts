import 'server-only';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import type { Topology } from '@/lib/topology/types';
import { Snapshot, SnapshotId, SnapshotTitle, SnapshotView, TopologySchema, type SnapshotSummary } from './schema';

export type { Snapshot, SnapshotSummary } from './schema';

/** What a caller hands to `save`: everything but the id and the time, which the store assigns. */
export interface NewSnapshot {
  title: string;
  region: string;
  source: 'fixture' | 'live';
  vpcId?: string;
  /** The view's query string at save time (`sel=subnet-...&dir=down`). */
  view: string;
  topology: Topology;
}

/** Saved snapshots of topologies, by random id. Implementations must be safe for concurrent writers. */
export interface SnapshotStore {
  /** Validates and stores a snapshot; throws SnapshotTooLargeError or SnapshotInputError. */
  save(input: NewSnapshot): Promise<Snapshot>;
  /** The snapshot, or null when no snapshot has this id (or the id is malformed); throws CorruptSnapshotError. */
  get(id: string): Promise<Snapshot | null>;
  /** Newest first, without topologies. */
  list(options?: { limit?: number }): Promise<SnapshotListEntry[]>;
  /** False when there is no such snapshot. Throws SnapshotInputError for a bad title. */
  rename(id: string, title: string): Promise<boolean>;
  /** False when there is no such snapshot. */
  delete(id: string): Promise<boolean>;
  close(): void;
}

/** A row of the list; `corrupt` names what is wrong with a row that cannot be read (it can still be deleted). */
export type SnapshotListEntry = SnapshotSummary & { corrupt?: string };

/** 20 MB of JSON: a region with thousands of subnets fits; a runaway topology does not fill the disk. */
export const MAX_SNAPSHOT_BYTES = 20 * 1024 * 1024;

export class SnapshotTooLargeError extends Error {
  readonly sizeBytes: number;
  readonly limitBytes: number;
  constructor(sizeBytes: number, limitBytes: number) {
    super(
      `This snapshot would be ${formatMegabytes(sizeBytes)}, over the limit of ${formatMegabytes(limitBytes)}. ` +
        'Share one VPC instead of the whole region.',
    );
    this.name = 'SnapshotTooLargeError';
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }
}

/** A stored row that does not parse as a snapshot: damaged on disk, or written by a build with another shape. */
export class CorruptSnapshotError extends Error {
  readonly id: string;
  constructor(id: string, detail: string) {
    super(`Snapshot ${id} is stored but cannot be read: ${detail}`);
    this.name = 'CorruptSnapshotError';
    this.id = id;
  }
}

/** The input to save or rename is not valid; the message names the field. */
export class SnapshotInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotInputError';
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function describeZodIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.join('.') || 'input';
  return issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
}

/** 16 random bytes (128 bits) as base64url: 22 URL-safe characters. */
export function newSnapshotId(): string {
  return randomBytes(16).toString('base64url');
}

const NewSnapshotInput = z.object({
  title: SnapshotTitle,
  region: Snapshot.shape.region,
  source: Snapshot.shape.source,
  vpcId: Snapshot.shape.vpcId,
  view: SnapshotView,
  topology: TopologySchema,
});

interface Row {
  id: string;
  title: string;
  created_at: string;
  region: string;
  source: string;
  vpc_id: string | null;
  view: string;
  topology: string;
  size_bytes: number;
}

const SCHEMA_VERSION = 1;

export interface SqliteSnapshotStoreOptions {
  /** Largest topology JSON accepted, in bytes; MAX_SNAPSHOT_BYTES by default. */
  maxBytes?: number;
  /** How long a writer waits for another process's lock before failing, in ms. */
  busyTimeoutMs?: number;
}

/**
 * SnapshotStore in one SQLite file (better-sqlite3). WAL lets readers go on while one process writes;
 * `busy_timeout` makes a second writer (another server process, a script) wait for the lock instead of
 * failing with SQLITE_BUSY; every write is one transaction, so a crash mid-write leaves the old state.
 */
export class SqliteSnapshotStore implements SnapshotStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly maxBytes: number;

  constructor(file: string, options: SqliteSnapshotStoreOptions = {}) {
    this.file = file;
    this.maxBytes = options.maxBytes ?? MAX_SNAPSHOT_BYTES;
    mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // busy_timeout first: switching to WAL and creating the table take locks another process may hold.
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    this.db.pragma('journal_mode = WAL');
    // FULL: a committed snapshot survives a power cut too, not only a crash of the process.
    this.db.pragma('synchronous = FULL');
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`${this.file} was written by a newer vpc-atlas (schema ${version}); this build reads schema ${SCHEMA_VERSION}.`);
    }
    if (version === SCHEMA_VERSION) return;
    this.db
      .transaction(() => {
        this.db.exec(`
          CREATE TABLE IF NOT EXISTS snapshots (
            id         TEXT PRIMARY KEY,
            title      TEXT NOT NULL,
            created_at TEXT NOT NULL,
            region     TEXT NOT NULL,
            source     TEXT NOT NULL,
            vpc_id     TEXT,
            view       TEXT NOT NULL,
            topology   TEXT NOT NULL,
            size_bytes INTEGER NOT NULL
          );
          CREATE INDEX IF NOT EXISTS snapshots_created_at ON snapshots (created_at DESC, id);
        `);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })
      .immediate();
  }

  async save(input: NewSnapshot): Promise<Snapshot> {
    // Size first: parsing a 200 MB topology only to refuse it would be wasted time.
    const topologyJson = JSON.stringify(input.topology);
    const sizeBytes = Buffer.byteLength(topologyJson, 'utf8');
    if (sizeBytes > this.maxBytes) throw new SnapshotTooLargeError(sizeBytes, this.maxBytes);
    const parsed = NewSnapshotInput.safeParse(input);
    if (!parsed.success) throw new SnapshotInputError(describeZodIssue(parsed.error));
    const { vpcId, ...rest } = parsed.data;
    const snapshot: Snapshot = { id: newSnapshotId(), createdAt: new Date().toISOString(), ...rest, ...(vpcId ? { vpcId } : {}) };
    const insert = this.db.prepare(
      `INSERT INTO snapshots (id, title, created_at, region, source, vpc_id, view, topology, size_bytes)
       VALUES (@id, @title, @created_at, @region, @source, @vpc_id, @view, @topology, @size_bytes)`,
    );
    this.db
      .transaction(() => {
        insert.run({
          id: snapshot.id,
          title: snapshot.title,
          created_at: snapshot.createdAt,
          region: snapshot.region,
          source: snapshot.source,
          vpc_id: snapshot.vpcId ?? null,
          view: snapshot.view,
          topology: JSON.stringify(parsed.data.topology),
          size_bytes: sizeBytes,
        });
      })
      .immediate();
    return snapshot;
  }

  async get(id: string): Promise<Snapshot | null> {
    if (!SnapshotId.safeParse(id).success) return null;
    const row = this.db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as Row | undefined;
    if (!row) return null;
    let topology: unknown;
    try {
      topology = JSON.parse(row.topology);
    } catch (err) {
      throw new CorruptSnapshotError(id, `its topology is not valid JSON (${(err as Error).message}).`);
    }
    const parsed = Snapshot.safeParse({
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      region: row.region,
      source: row.source,
      ...(row.vpc_id === null ? {} : { vpcId: row.vpc_id }),
      view: row.view,
      topology,
    });
    if (!parsed.success) throw new CorruptSnapshotError(id, `${describeZodIssue(parsed.error)}.`);
    return parsed.data;
  }

  async list(options: { limit?: number } = {}): Promise<SnapshotListEntry[]> {
    const limit = Math.max(1, Math.min(options.limit ?? 500, 5000));
    const rows = this.db
      .prepare(
        `SELECT id, title, created_at, region, source, vpc_id, view, size_bytes
         FROM snapshots ORDER BY created_at DESC, id LIMIT ?`,
      )
      .all(limit) as Omit<Row, 'topology'>[];
    const Summary = Snapshot.omit({ topology: true });
    return rows.map((row) => {
      const raw = {
        id: row.id,
        title: row.title,
        createdAt: row.created_at,
        region: row.region,
        source: row.source,
        ...(row.vpc_id === null ? {} : { vpcId: row.vpc_id }),
        view: row.view,
      };
      const parsed = Summary.safeParse(raw);
      if (parsed.success) return { ...parsed.data, sizeBytes: row.size_bytes };
      return {
        id: String(row.id),
        title: String(row.title ?? '(unreadable)'),
        createdAt: String(row.created_at ?? ''),
        region: String(row.region ?? ''),
        source: row.source === 'live' ? 'live' : 'fixture',
        view: '',
        sizeBytes: Number(row.size_bytes) || 0,
        corrupt: describeZodIssue(parsed.error),
      } satisfies SnapshotListEntry;
    });
  }

  async rename(id: string, title: string): Promise<boolean> {
    if (!SnapshotId.safeParse(id).success) return false;
    const parsed = SnapshotTitle.safeParse(title);
    if (!parsed.success) throw new SnapshotInputError(describeZodIssue(parsed.error));
    const update = this.db.prepare('UPDATE snapshots SET title = ? WHERE id = ?');
    return this.db.transaction(() => update.run(parsed.data, id).changes > 0).immediate();
  }

  async delete(id: string): Promise<boolean> {
    if (!SnapshotId.safeParse(id).success) return false;
    const remove = this.db.prepare('DELETE FROM snapshots WHERE id = ?');
    return this.db.transaction(() => remove.run(id).changes > 0).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

// One store per server process. Kept on globalThis so that dev-mode module reloads do not open the file again
// with every edit.
const globalStore = globalThis as unknown as { __atlasSnapshotStore?: SnapshotStore };

/** The process's snapshot store: `<ATLAS_DATA_DIR>/snapshots.db`, opened on first use. */
export function getSnapshotStore(): SnapshotStore {
  globalStore.__atlasSnapshotStore ??= new SqliteSnapshotStore(path.join(getConfig().dataDir, 'snapshots.db'));
  return globalStore.__atlasSnapshotStore;
}
