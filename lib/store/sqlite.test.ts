import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleTopology } from '@/lib/graph/test-topology';
import type { FleetState } from '@/lib/fleet/types';
import { MIGRATIONS, SchemaTooNewError, SCHEMA_VERSION } from './migrations';
import { CorruptSnapshotError, MAX_SNAPSHOT_BYTES, SnapshotInputError, SnapshotTooLargeError, newSnapshotId, type NewSnapshot } from './snapshots';
import { SqliteSnapshotStore, SqliteStore } from './sqlite';

/**
 * The SQLite backend on its own, no PostgreSQL server (lib/store/store.test.ts runs both backends): opening
 * files of every earlier schema, the audit.jsonl import, the constructor's options, closing, and the rows a
 * store reads back damaged. Part of `npm run mutate -- lib/store`, where each mutant runs these tests.
 */

let tmp: string;
let file: string;
const opened: Array<SqliteStore | SqliteSnapshotStore> = [];

function sqliteStore(options?: ConstructorParameters<typeof SqliteStore>[1]): SqliteStore {
  const s = new SqliteStore(file, options);
  opened.push(s);
  return s;
}

function snapshotStore(options?: ConstructorParameters<typeof SqliteSnapshotStore>[1]): SqliteSnapshotStore {
  const s = new SqliteSnapshotStore(file, options);
  opened.push(s);
  return s;
}

/** SQL behind the store's back, on its own connection. */
function raw<T>(fn: (db: Database.Database) => T): T {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function input(over: Partial<NewSnapshot> = {}): NewSnapshot {
  return { title: 'prod before the change', region: 'us-east-1', source: 'fixture', vpcId: 'vpc-0a1', view: '', topology: sampleTopology(), ...over };
}

/** The smallest fleet the schema takes: a refresh that found no account. */
function emptyFleet(over: Partial<FleetState> = {}): FleetState {
  return {
    source: 'fixture',
    startedAt: '2026-12-07T15:00:00.000Z',
    finishedAt: '2026-12-07T15:00:04.000Z',
    total: 0,
    done: 0,
    accounts: [],
    rows: [],
    findings: [],
    refreshing: false,
    notices: [],
    ...over,
  };
}

function auditLine(user: string, action: string, n: number): string {
  return JSON.stringify({ time: `2026-01-0${n}T00:00:00.000Z`, user, action, request: { n } });
}

/** A database as a build of schema `version` left it: that version's steps, and one snapshot row. */
function oldDatabase(version: number): string {
  const id = newSnapshotId();
  raw((db) => {
    for (const step of MIGRATIONS.filter((m) => m.version <= version)) db.exec(step.sqlite);
    db.pragma(`user_version = ${version}`);
    db.prepare("INSERT INTO snapshots (id, title, created_at, region, source, vpc_id, view, topology, size_bytes) VALUES (?, 'kept', '2026-01-01T00:00:00.000Z', 'us-east-1', 'fixture', NULL, '', ?, 10)").run(
      id,
      JSON.stringify(sampleTopology()),
    );
  });
  return id;
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-sqlite-'));
  file = path.join(tmp, 'data', 'snapshots.db');
});

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('opening a SQLite store', () => {
  it('creates the file and its folder at the current schema, and says so; reopened, it migrates nothing', async () => {
    const s = sqliteStore();
    expect(s.kind).toBe('sqlite');
    expect(s.target).toBe(file);
    expect(await s.migrate()).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(existsSync(file)).toBe(true);
    await s.close();
    const again = sqliteStore();
    expect(await again.migrate()).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(raw((db) => db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
  });

  it('refuses a file a newer vpc-atlas wrote and leaves it at its version', () => {
    raw((db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    expect(() => sqliteStore()).toThrow(SchemaTooNewError);
    expect(() => sqliteStore()).toThrow(`${file} was written by a newer vpc-atlas (schema ${SCHEMA_VERSION + 1})`);
    expect(raw((db) => db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION + 1);
  });

  it('moves the lines of audit.jsonl beside a new file into its audit log once, skipping a torn one', async () => {
    raw(() => undefined);
    const lines = [auditLine('alice@example.com', 'SaveSnapshot', 1), auditLine('bob@example.com', 'DeleteSnapshot', 2)];
    writeFileSync(path.join(tmp, 'data', 'audit.jsonl'), `${lines.join('\n')}\n{"time":"2026-`);
    const s = sqliteStore();
    expect((await s.audit.query({})).rows.map((r) => r.entry)).toEqual([lines[1], lines[0]]);
    expect(await s.audit.users()).toEqual(['alice@example.com', 'bob@example.com']);
    await s.close();
    expect((await sqliteStore().audit.query({})).rows).toHaveLength(2);
  });

  it('opens a file of schema 1 (snapshots only): keeps its snapshots, imports audit.jsonl, and takes fleet snapshots', async () => {
    const id = oldDatabase(1);
    const lines = [auditLine('alice@example.com', 'SaveSnapshot', 1)];
    writeFileSync(path.join(tmp, 'data', 'audit.jsonl'), `${lines.join('\n')}\n`);
    const s = sqliteStore();
    expect(await s.migrate()).toEqual({ from: 1, to: SCHEMA_VERSION });
    expect((await s.snapshots.get(id))?.title).toBe('kept');
    expect((await s.audit.query({})).rows.map((r) => r.entry)).toEqual(lines);
    const fleet = await s.snapshots.saveFleet({ title: 'Fleet', source: 'fixture', view: '', fleet: emptyFleet() });
    expect((await s.snapshots.getFleet(fleet.id))?.title).toBe('Fleet');
  });

  it('opens a file of schema 2 without importing audit.jsonl a second time', async () => {
    oldDatabase(2);
    const line = auditLine('alice@example.com', 'SaveSnapshot', 1);
    raw((db) => db.prepare("INSERT INTO audit (time, user_id, action, entry) VALUES ('2026-01-01T00:00:00.000Z', 'alice@example.com', 'SaveSnapshot', ?)").run(line));
    // The file the schema-2 build imported and left behind.
    writeFileSync(path.join(tmp, 'data', 'audit.jsonl'), `${line}\n`);
    const s = sqliteStore();
    expect(await s.migrate()).toEqual({ from: 2, to: SCHEMA_VERSION });
    expect((await s.audit.query({})).rows.map((r) => r.entry)).toEqual([line]);
  });

  it('starts with an empty audit log when there is no audit.jsonl', async () => {
    const s = sqliteStore();
    expect(await s.audit.query({})).toEqual({ rows: [], next: null });
    expect(await s.audit.users()).toEqual([]);
  });
});

describe('SQLite store options', () => {
  it('refuses a snapshot over maxBytes, and takes the same one under the default limit', async () => {
    const size = Buffer.byteLength(JSON.stringify(sampleTopology()), 'utf8');
    expect(size).toBeLessThan(MAX_SNAPSHOT_BYTES);
    await expect(sqliteStore({ maxBytes: size - 1 }).snapshots.save(input())).rejects.toThrow(SnapshotTooLargeError);
    expect(raw((db) => db.prepare('SELECT count(*) AS n FROM snapshots').get())).toEqual({ n: 0 });
    const saved = await sqliteStore({ maxBytes: size }).snapshots.save(input());
    expect((await sqliteStore().snapshots.list()).map((e) => [e.id, e.sizeBytes])).toEqual([[saved.id, size]]);
  });

  it('waits busyTimeoutMs for another writer’s lock (10 s unless set)', () => {
    expect(snapshotStore({ busyTimeoutMs: 250 }).db.pragma('busy_timeout', { simple: true })).toBe(250);
    expect(snapshotStore().db.pragma('busy_timeout', { simple: true })).toBe(10_000);
  });

  it('fails with "database is locked" after busyTimeoutMs when another process holds the write lock', () => {
    raw(() => undefined);
    const holder = new Database(file);
    try {
      holder.exec('BEGIN IMMEDIATE');
      expect(() => snapshotStore({ busyTimeoutMs: 50 })).toThrow(/database is locked/);
    } finally {
      holder.close();
    }
  });
});

describe('closing a SQLite store', () => {
  it('answers ping while open and refuses it once closed; closing twice is harmless', async () => {
    const s = sqliteStore();
    await expect(s.ping()).resolves.toBeUndefined();
    await s.close();
    await expect(s.ping()).rejects.toThrow(/not open/);
    await expect(s.close()).resolves.toBeUndefined();
  });

  it('closes the whole store when its snapshot store is closed', async () => {
    const s = sqliteStore();
    s.snapshots.close();
    await expect(s.ping()).rejects.toThrow(/not open/);
  });

  it('closing the snapshot store releases the file: the write-ahead log is folded in and removed', async () => {
    const s = snapshotStore();
    await s.save(input());
    expect(existsSync(`${file}-wal`)).toBe(true);
    s.close();
    expect(s.db.open).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(() => s.close()).not.toThrow();
  });
});

describe('rows a SQLite store reads back', () => {
  it('names a topology row that is not valid JSON, and one that does not match the schema, with the field', async () => {
    const s = sqliteStore();
    const a = await s.snapshots.save(input({ title: 'a' }));
    const b = await s.snapshots.save(input({ title: 'b' }));
    raw((db) => {
      db.prepare('UPDATE snapshots SET topology = ? WHERE id = ?').run('{"vpcs": [', a.id);
      db.prepare("UPDATE snapshots SET region = 'mars-1' WHERE id = ?").run(b.id);
    });
    await expect(s.snapshots.get(a.id)).rejects.toThrow(new RegExp(`^Snapshot ${a.id} is stored but cannot be read: its topology is not valid JSON \\(.+\\)\\.$`));
    await expect(s.snapshots.get(b.id)).rejects.toThrow(CorruptSnapshotError);
    const error = await s.snapshots.get(b.id).catch((e: Error) => e);
    expect((error as Error).message).toMatch(new RegExp(`^Snapshot ${b.id} is stored but cannot be read: region[^.]*\\.$`));
  });

  it('names a fleet row that is not valid JSON, and one that does not match the schema', async () => {
    const s = sqliteStore();
    const a = await s.snapshots.saveFleet({ title: 'a', source: 'fixture', view: '', fleet: emptyFleet() });
    const b = await s.snapshots.saveFleet({ title: 'b', source: 'fixture', view: '', fleet: emptyFleet() });
    raw((db) => {
      db.prepare('UPDATE snapshots SET topology = ? WHERE id = ?').run('{"rows": [', a.id);
      db.prepare('UPDATE snapshots SET topology = ? WHERE id = ?').run('{"rows": 3}', b.id);
    });
    await expect(s.snapshots.getFleet(a.id)).rejects.toThrow(new RegExp(`^Snapshot ${a.id} is stored but cannot be read: its fleet is not valid JSON \\(.+\\)\\.$`));
    const error = await s.snapshots.getFleet(b.id).catch((e: Error) => e);
    expect(error).toBeInstanceOf(CorruptSnapshotError);
    expect((error as Error).message).toBe(`Snapshot ${b.id} is stored but cannot be read: fleet.source: Invalid option: expected one of "fixture"|"live".`);
  });

  it('lists a damaged fixture row as a fixture snapshot, marked corrupt, so it can be deleted', async () => {
    const s = sqliteStore();
    const a = await s.snapshots.save(input({ title: 'from the demo' }));
    raw((db) => db.prepare("UPDATE snapshots SET created_at = 'yesterday' WHERE id = ?").run(a.id));
    const [entry] = await s.snapshots.list();
    expect(entry).toMatchObject({ id: a.id, title: 'from the demo', createdAt: 'yesterday', region: 'us-east-1', source: 'fixture', view: '' });
    expect(entry?.corrupt).toMatch(/^createdAt/);
    expect(await s.snapshots.delete(a.id)).toBe(true);
    expect(await s.snapshots.list()).toEqual([]);
  });

  it('takes a fleet of exactly the size limit and refuses a larger one', async () => {
    const fleet = emptyFleet();
    const size = Buffer.byteLength(JSON.stringify(fleet), 'utf8');
    const s = sqliteStore({ maxBytes: size });
    expect((await s.snapshots.saveFleet({ title: 'at the limit', source: 'fixture', view: '', fleet }))?.title).toBe('at the limit');
    await expect(s.snapshots.saveFleet({ title: 'over', source: 'fixture', view: '', fleet: emptyFleet({ notices: ['é'] }) })).rejects.toThrow(SnapshotTooLargeError);
  });

  it('refuses an empty title on rename, naming the title', async () => {
    const s = sqliteStore();
    const a = await s.snapshots.save(input());
    await expect(s.snapshots.rename(a.id, '   ')).rejects.toThrow(SnapshotInputError);
    await expect(s.snapshots.rename(a.id, '   ')).rejects.toThrow(/^title must not be empty$/);
    expect((await s.snapshots.get(a.id))?.title).toBe('prod before the change');
  });
});
