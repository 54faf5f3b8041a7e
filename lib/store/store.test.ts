import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleTopology } from '@/lib/graph/test-topology';
import { openStore } from '.';
import { SCHEMA_VERSION } from './migrations';
import { PostgresStore } from './postgres';
import { rdsIamPassword } from './rds-iam';
import { CorruptSnapshotError, MAX_SNAPSHOT_BYTES, SnapshotInputError, SnapshotTooLargeError, newSnapshotId, type NewSnapshot } from './snapshots';
import { SqliteStore } from './sqlite';
import { startTestPostgres, type TestPostgres } from './test/pg-server';
import { runScript } from './test/run-script';
import { StoreUnavailableError, type AtlasStore } from './types';

/**
 * The store's behaviour, once per backend: SQLite in-process and a real PostgreSQL server on loopback
 * (one per test file; every test gets its own database in it).
 */

let server: TestPostgres;
let tmp: string;
let dbCount = 0;
const opened: AtlasStore[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);

afterAll(() => server?.stop());

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-store-'));
});

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Backend {
  /** Where this test's empty store is, as store:copy names stores. */
  location: string;
  /** Runs SQL behind the store's back (to damage a row). */
  raw: (sql: string, params: unknown[]) => Promise<void>;
}

async function postgresDatabase(): Promise<Backend> {
  const name = `t${++dbCount}`;
  const admin = new pg.Client(server.url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const location = server.url.replace(/\/atlas$/, `/${name}`);
  return {
    location,
    raw: async (sql, params) => {
      const c = new pg.Client(location);
      await c.connect();
      let n = 0;
      await c.query(params.length ? sql.replace(/\?/g, () => `$${++n}`) : sql, params);
      await c.end();
    },
  };
}

function sqliteFile(): Backend {
  const file = path.join(tmp, 'nested', 'snapshots.db');
  return {
    location: `sqlite:${file}`,
    raw: async (sql, params) => {
      const db = new Database(file);
      db.prepare(sql).run(...params);
      db.close();
    },
  };
}

function input(over: Partial<NewSnapshot> = {}): NewSnapshot {
  return { title: 'prod before the change', region: 'us-east-1', source: 'fixture', vpcId: 'vpc-0a1', view: 'sel=subnet-priv-a&dir=down', topology: sampleTopology(), ...over };
}

function auditLine(user: string, action: string, i: number) {
  const time = new Date(Date.UTC(2026, 11, 7, 10, 0, i)).toISOString();
  return { time, user, action, json: JSON.stringify({ time, user, action, i }) };
}

/** lib/store/test/writer.ts in a separate Node process (`server-only` resolves to its empty server build). */
const writer = (location: string, count: number, tag: string) => runScript('lib/store/test/writer.ts', [location, String(count), tag], ['--conditions=react-server']);

describe.each([
  { kind: 'sqlite', backend: async () => sqliteFile() },
  { kind: 'postgres', backend: postgresDatabase },
])('$kind store', ({ kind, backend }) => {
  let b: Backend;
  const store = (options: { maxBytes?: number } = {}) => {
    const s = kind === 'sqlite' ? new SqliteStore(b.location.slice('sqlite:'.length), options) : new PostgresStore(b.location, options);
    opened.push(s);
    return s;
  };

  beforeEach(async () => {
    b = await backend();
  });

  it('saves and reads back a snapshot exactly, with a 128-bit url-safe id; unknown and malformed ids are null', async () => {
    const s = store().snapshots;
    const saved = await s.save(input());
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(saved.id, 'base64url')).toHaveLength(16);
    expect(await s.get(saved.id)).toEqual(saved);
    expect((await s.get(saved.id))?.topology).toEqual(sampleTopology());
    expect(await s.get(newSnapshotId())).toBeNull();
    for (const bad of ['../../etc/passwd', "x' OR '1'='1", '', 'a'.repeat(23)]) {
      expect(await s.get(bad)).toBeNull();
      expect(await s.rename(bad, 'x')).toBe(false);
      expect(await s.delete(bad)).toBe(false);
    }
  });

  it('lists newest first without topologies, renames and deletes', async () => {
    const s = store().snapshots;
    const a = await s.save(input({ title: 'first' }));
    await new Promise((r) => setTimeout(r, 5));
    const c = await s.save(input({ title: 'second', vpcId: undefined, view: '?dir=down' }));
    const list = await s.list();
    expect(list.map((e) => e.title)).toEqual(['second', 'first']);
    expect(list[1]).toMatchObject({ id: a.id, vpcId: 'vpc-0a1', region: 'us-east-1', source: 'fixture' });
    expect(list[1]?.sizeBytes).toBe(Buffer.byteLength(JSON.stringify(sampleTopology())));
    expect(list[0]).not.toHaveProperty('topology');
    expect(list[0]).not.toHaveProperty('vpcId');
    expect(list[0]?.view).toBe('dir=down');
    expect(await s.list({ limit: 1 })).toHaveLength(1);

    expect(await s.rename(a.id, '  after the change  ')).toBe(true);
    expect((await s.get(a.id))?.title).toBe('after the change');
    await expect(s.rename(a.id, '   ')).rejects.toThrow(SnapshotInputError);
    await expect(s.rename(a.id, 'x'.repeat(201))).rejects.toThrow(/at most 200/);
    expect((await s.get(a.id))?.title).toBe('after the change');

    expect(await s.delete(c.id)).toBe(true);
    expect(await s.delete(c.id)).toBe(false);
    expect(await s.get(c.id)).toBeNull();
    expect((await s.list()).map((e) => e.id)).toEqual([a.id]);
  });

  it('refuses invalid input and a body over the limit with a message naming what is wrong, and writes nothing', async () => {
    const s = store().snapshots;
    await expect(s.save(input({ title: '' }))).rejects.toThrow(/title/);
    await expect(s.save(input({ region: 'mars-1' }))).rejects.toThrow(/region/);
    const broken = { ...sampleTopology(), subnets: [{ id: 'subnet-1' }] } as unknown as NewSnapshot['topology'];
    await expect(s.save(input({ topology: broken }))).rejects.toThrow(/subnets\.0\./);
    const huge = { ...sampleTopology(), warnings: ['é'.repeat(MAX_SNAPSHOT_BYTES / 2)] };
    const err = await s.save(input({ topology: huge })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SnapshotTooLargeError);
    expect((err as Error).message).toMatch(/over the limit of 20\.0 MB\. Share one VPC/);
    expect(await s.list()).toEqual([]);
    await expect(store({ maxBytes: 1000 }).snapshots.save(input())).rejects.toThrow(SnapshotTooLargeError);
  });

  it('reports a corrupt row instead of returning part of it, and still lists it so it can be deleted', async () => {
    const s = store().snapshots;
    const good = await s.save(input());
    const bad = await s.save(input({ title: 'will break' }));
    const worse = await s.save(input({ title: 'wrong shape' }));
    await b.raw('UPDATE snapshots SET topology = ? WHERE id = ?', ['{"source":"fixture","vpcs":[', bad.id]);
    await b.raw('UPDATE snapshots SET created_at = ? WHERE id = ?', ['yesterday', worse.id]);
    await expect(s.get(bad.id)).rejects.toThrow(CorruptSnapshotError);
    await expect(s.get(bad.id)).rejects.toThrow(/not valid JSON/);
    await expect(s.get(worse.id)).rejects.toThrow(/cannot be read/);
    expect(await s.get(good.id)).not.toBeNull();
    expect((await s.list()).find((e) => e.id === worse.id)?.corrupt).toMatch(/createdAt/);
    expect(await s.delete(worse.id)).toBe(true);
  });

  it('lists fleet snapshots with what they cover, counting those saved before step 4 (a damaged one keeps no counts)', async () => {
    const s = store().snapshots;
    const row = (accountId: string, region: string | null) => ({
      accountId, accountName: accountId, accountSource: 'fixture' as const, region, load: { state: 'loading' as const },
      lastLoadedAt: null, counts: null, findings: null, monthlyCost: null, warnings: [], query: '',
    });
    const fleet = {
      source: 'fixture' as const, startedAt: '2026-12-07T15:00:00.000Z', finishedAt: null, total: 4, done: 0, findings: [], refreshing: false, notices: [],
      accounts: ['111111111111', '222222222222', '333333333333'].map((id) => ({ id, name: id, source: 'fixture' as const })),
      rows: [row('111111111111', 'us-east-1'), row('111111111111', 'eu-west-1'), row('222222222222', 'us-east-1'), row('333333333333', null)],
    };
    const kept = await s.saveFleet({ title: 'fleet', source: 'fixture', view: '', fleet });
    const damaged = await s.saveFleet({ title: 'damaged', source: 'fixture', view: '', fleet });
    expect((await s.list()).find((e) => e.id === kept.id)?.fleet).toEqual({ accounts: 3, regions: 2 });
    await b.raw('UPDATE snapshots SET topology = ?, fleet_accounts = NULL, fleet_regions = NULL WHERE id = ?', ['{"rows": [', damaged.id]);
    await b.raw('UPDATE snapshots SET fleet_accounts = NULL, fleet_regions = NULL WHERE id = ?', [kept.id]);
    await b.raw('ALTER TABLE snapshots DROP COLUMN fleet_accounts', []);
    await b.raw('ALTER TABLE snapshots DROP COLUMN fleet_regions', []);
    await b.raw(kind === 'sqlite' ? 'PRAGMA user_version = 3' : 'DELETE FROM atlas_schema_migrations WHERE version = 4', []);
    const list = await store().snapshots.list();
    expect(list.find((e) => e.id === kept.id)).toMatchObject({ title: 'fleet', region: '', fleet: { accounts: 3, regions: 2 } });
    expect(list.find((e) => e.id === damaged.id)?.fleet).toEqual({ accounts: null, regions: null });
  });

  it('keeps audit lines as written and filters (user case-insensitive, action) and pages them in SQL, newest first', async () => {
    const { audit } = store();
    for (let i = 0; i < 7; i++) await audit.append(auditLine(i % 2 ? 'Bob@example.com' : 'alice@example.com', i % 3 ? 'CreateVpcEndpoint' : 'SaveSnapshot', i));
    const all = await audit.query({});
    expect(all.rows.map((r) => JSON.parse(r.entry).i)).toEqual([6, 5, 4, 3, 2, 1, 0]);
    expect(all.rows[0]?.entry).toBe(auditLine('alice@example.com', 'SaveSnapshot', 6).json);
    expect(all.next).toBeNull();
    expect((await audit.query({ user: 'BOB@EXAMPLE.COM' })).rows.map((r) => JSON.parse(r.entry).i)).toEqual([5, 3, 1]);
    expect((await audit.query({ action: 'SaveSnapshot' })).rows.map((r) => JSON.parse(r.entry).i)).toEqual([6, 3, 0]);
    expect((await audit.query({ user: 'alice@example.com', action: 'SaveSnapshot' })).rows.map((r) => JSON.parse(r.entry).i)).toEqual([6, 0]);
    expect(await audit.users()).toEqual(['Bob@example.com', 'alice@example.com']);

    const first = await audit.query({ limit: 3 });
    expect(first.rows.map((r) => JSON.parse(r.entry).i)).toEqual([6, 5, 4]);
    const second = await audit.query({ limit: 3, before: first.next! });
    expect(second.rows.map((r) => JSON.parse(r.entry).i)).toEqual([3, 2, 1]);
    const third = await audit.query({ limit: 3, before: second.next! });
    expect(third.rows.map((r) => JSON.parse(r.entry).i)).toEqual([0]);
    expect(third.next).toBeNull();
    expect((await audit.query({ limit: 2, action: 'CreateVpcEndpoint', before: first.next! })).rows.map((r) => JSON.parse(r.entry).i)).toEqual([2, 1]);
  });

  it('migrates once: a second opening finds the schema current, two openings at once both succeed', async () => {
    const [one, two] = [store(), store()];
    const results = await Promise.all([one.migrate(), two.migrate()]);
    expect(results.map((r) => r.to)).toEqual([SCHEMA_VERSION, SCHEMA_VERSION]);
    expect(results.filter((r) => r.from === 0)).toHaveLength(1);
    expect(await store().migrate()).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    const saved = await one.snapshots.save(input());
    expect(await two.snapshots.get(saved.id)).toEqual(saved);
  });

  it('refuses a database written by a newer build instead of writing into it', async () => {
    await store().migrate();
    await b.raw(kind === 'sqlite' ? `PRAGMA user_version = ${SCHEMA_VERSION + 1}` : 'INSERT INTO atlas_schema_migrations (version, name) VALUES (?, ?)', kind === 'sqlite' ? [] : [SCHEMA_VERSION + 1, 'future']);
    const later = async () => store().migrate();
    await expect(later()).rejects.toThrow(`newer vpc-atlas (schema ${SCHEMA_VERSION + 1}); this build knows schema ${SCHEMA_VERSION}.`);
  });

  it('loses nothing when two other processes and this one save and audit at the same time', async () => {
    const s = store();
    await s.migrate();
    const mine: string[] = [];
    let done = false;
    const children = Promise.all([writer(b.location, 25, 'one'), writer(b.location, 25, 'two')]).finally(() => (done = true));
    while (!done || mine.length < 10) {
      const saved = await s.snapshots.save(input({ title: `parent ${mine.length}` }));
      await s.audit.append(auditLine('parent@example.com', 'SaveSnapshot', mine.length));
      mine.push(saved.id);
      // better-sqlite3 answers synchronously: let the children's output events in.
      await new Promise((r) => setTimeout(r, 2));
    }
    const results = await children;
    for (const r of results) expect(r.stderr === '' ? r.code : r.stderr).toBe(0);
    const theirs = results.flatMap((r) => JSON.parse(r.stdout) as string[]);
    expect(theirs).toHaveLength(50);
    const all = await s.snapshots.list({ limit: 1000 });
    expect(new Set(all.map((e) => e.id))).toEqual(new Set([...mine, ...theirs]));
    expect(all).toHaveLength(mine.length + 50);
    expect((await s.audit.query({ limit: 1000 })).rows).toHaveLength(mine.length + 50);
    expect((await s.audit.query({ user: 'two@example.com', limit: 1000 })).rows).toHaveLength(25);
  }, 90_000);
});

describe('sqlite store, opening a file from before the audit table', () => {
  it('keeps its snapshots and moves the lines of audit.jsonl beside it into the table, skipping torn ones', async () => {
    const file = path.join(tmp, 'snapshots.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE snapshots (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL, region TEXT NOT NULL, source TEXT NOT NULL,
      vpc_id TEXT, view TEXT NOT NULL, topology TEXT NOT NULL, size_bytes INTEGER NOT NULL); PRAGMA user_version = 1;`);
    const id = newSnapshotId();
    old.prepare("INSERT INTO snapshots VALUES (?, 'kept', '2026-01-01T00:00:00.000Z', 'us-east-1', 'fixture', NULL, '', ?, 10)").run(id, JSON.stringify(sampleTopology()));
    old.close();
    const lines = [auditLine('alice@example.com', 'SaveSnapshot', 1).json, auditLine('bob@example.com', 'DeleteSnapshot', 2).json, '{"time":"2026-'];
    writeFileSync(path.join(tmp, 'audit.jsonl'), `${lines.join('\n')}`);

    const s = new SqliteStore(file);
    opened.push(s);
    expect(await s.migrate()).toEqual({ from: 1, to: SCHEMA_VERSION });
    expect((await s.snapshots.get(id))?.title).toBe('kept');
    expect((await s.audit.query({})).rows.map((r) => r.entry)).toEqual([lines[1], lines[0]]);
    // Opening again imports nothing twice.
    const again = new SqliteStore(file);
    opened.push(again);
    expect((await again.audit.query({})).rows).toHaveLength(2);
  });
});

describe('postgres store, when the database goes away mid-use', () => {
  it('fails the request with an error instead of hanging, writes nothing half, and reconnects when it is back', async () => {
    const b = await postgresDatabase();
    const s = new PostgresStore(b.location, { connectTimeoutMs: 2_000 });
    opened.push(s);
    const kept = await s.snapshots.save(input({ title: 'before the outage' }));
    server.pause();
    try {
      const started = Date.now();
      await expect(s.snapshots.save(input({ title: 'during the outage' }))).rejects.toThrow(StoreUnavailableError);
      await expect(s.audit.append(auditLine('alice@example.com', 'SaveSnapshot', 1))).rejects.toThrow(/^The database does not answer \(.+\)\. Nothing was saved; try again in a moment\.$/);
      await expect(s.snapshots.get(kept.id)).rejects.toThrow(StoreUnavailableError);
      await expect(s.ping(1_000)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      server.resume();
    }
    await s.ping();
    expect((await s.snapshots.list()).map((e) => e.title)).toEqual(['before the outage']);
    expect((await s.audit.query({})).rows).toEqual([]);
    const after = await s.snapshots.save(input({ title: 'after the outage' }));
    expect(await s.snapshots.get(after.id)).toEqual(after);
  }, 60_000);

  it('recognises its errors when they come from another copy of the module (Next.js bundles it more than once)', () => {
    const fromOtherCopy = Object.assign(new Error('The database does not answer (x).'), { name: 'StoreUnavailableError' });
    expect(fromOtherCopy).toBeInstanceOf(StoreUnavailableError);
    expect(Object.assign(new Error('big'), { name: 'SnapshotTooLargeError' })).toBeInstanceOf(SnapshotTooLargeError);
    expect(new Error('The database does not answer')).not.toBeInstanceOf(StoreUnavailableError);
    expect(new SnapshotInputError('title')).not.toBeInstanceOf(CorruptSnapshotError);
  });

  it('names a store it cannot open, with the password hidden', () => {
    expect(() => openStore('mysql://root:hunter2@db/atlas')).toThrow('mysql://root:***@db/atlas: name a store as sqlite:PATH or postgres://');
  });
});

describe('npm run store:copy', () => {
  const copy = (...args: string[]) => runScript('scripts/store-copy.ts', args);

  it('moves every snapshot (same ids and links) and the audit log in order from SQLite to PostgreSQL, once', async () => {
    const file = path.join(tmp, 'snapshots.db');
    const source = new SqliteStore(file);
    opened.push(source);
    const a = await source.snapshots.save(input({ title: 'first' }));
    const c = await source.snapshots.save(input({ title: 'second', vpcId: undefined }));
    for (let i = 0; i < 3; i++) await source.audit.append(auditLine('alice@example.com', 'SaveSnapshot', i));
    const target = await postgresDatabase();

    const first = await copy('--from', `sqlite:${file}`, '--to', target.location);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('2 snapshots copied (0 already there), 3 audit lines copied (0 already there).');
    expect(first.stdout).toContain('postgres://atlas:***@127.0.0.1:');
    expect(first.stdout).not.toContain(server.password);
    const again = await copy('--from', `sqlite:${file}`, '--to', target.location);
    expect(again.stdout).toContain('0 snapshots copied (2 already there), 0 audit lines copied (3 already there).');

    const pgStore = new PostgresStore(target.location);
    opened.push(pgStore);
    expect(await pgStore.snapshots.get(a.id)).toEqual(await source.snapshots.get(a.id));
    expect(await pgStore.snapshots.list()).toEqual(await source.snapshots.list());
    expect((await pgStore.audit.query({})).rows.map((r) => r.entry)).toEqual((await source.audit.query({})).rows.map((r) => r.entry));
    expect(c.id).not.toBe(a.id);
  }, 60_000);

  it('refuses a source that does not exist, naming it, and writes nothing', async () => {
    const r = await copy('--from', `sqlite:${path.join(tmp, 'missing.db')}`, '--to', 'postgres://atlas:hunter2@127.0.0.1:1/atlas');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`store:copy: --from sqlite:${path.join(tmp, 'missing.db')}: no such file.`);
  });
});

describe('postgres store with ATLAS_DATABASE_AUTH=rds-iam', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('signs an RDS IAM token for the host, port, user and region, and sends it as the password of a new connection', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T12:00:00Z') });
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    const rds = await rdsIamPassword('postgres://atlas@atlas.c9akciq32.eu-west-1.rds.amazonaws.com/atlas?sslmode=verify-full', undefined)();
    expect(rds).toMatch(
      /^atlas\.c9akciq32\.eu-west-1\.rds\.amazonaws\.com:5432\/\?Action=connect&DBUser=atlas&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261207%2Feu-west-1%2Frds-db%2Faws4_request&X-Amz-Date=20261207T120000Z&X-Amz-Expires=900&X-Amz-Signature=[0-9a-f]{64}&X-Amz-SignedHeaders=host$/,
    );

    // The local server stands in for RDS: the user's password is the token this clock and these keys give.
    const b = await postgresDatabase();
    const url = b.location.replace(/^postgres:\/\/atlas:[^@]+@/, 'postgres://iam_user@');
    const token = await rdsIamPassword(url, 'eu-west-1')();
    await b.raw(`CREATE ROLE iam_user LOGIN PASSWORD '${token}'`, []);
    await b.raw(`ALTER DATABASE ${url.split('/').pop()} OWNER TO iam_user`, []);
    const s = new PostgresStore(url, { password: rdsIamPassword(url, 'eu-west-1') });
    opened.push(s);
    const saved = await s.snapshots.save(input());
    expect(await s.snapshots.get(saved.id)).toEqual(saved);
    await expect(new PostgresStore(url).ping()).rejects.toThrow();
  });
});
