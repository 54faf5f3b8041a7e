import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleTopology } from '@/lib/graph/test-topology';
// From lib/store directly, not through ./store: that module also opens the process's store, and loading its
// PostgreSQL and RDS IAM clients would cost every run of `npm run mutate -- lib/store` about a second.
import { CorruptSnapshotError, MAX_SNAPSHOT_BYTES, SnapshotInputError, SnapshotTooLargeError, newSnapshotId, type NewSnapshot } from '@/lib/store/snapshots';
import { SqliteSnapshotStore } from '@/lib/store/sqlite';
import { tempSnapshotStores } from './test/temp-snapshot-store';

const temp = tempSnapshotStores();
const store = temp.store;
let file: string;
beforeEach(() => {
  file = temp.file();
});

function input(over: Partial<NewSnapshot> = {}): NewSnapshot {
  return { title: 'prod before the change', region: 'us-east-1', source: 'fixture', vpcId: 'vpc-0a1', view: 'sel=subnet-priv-a&dir=down', topology: sampleTopology(), ...over };
}

describe('SqliteSnapshotStore', () => {
  it('saves and reads back a snapshot exactly, with a 128-bit url-safe id', async () => {
    const s = store();
    const saved = await s.save(input());
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(saved.id, 'base64url')).toHaveLength(16);
    expect(new Date(saved.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const back = await s.get(saved.id);
    expect(back).toEqual(saved);
    expect(back?.topology).toEqual(sampleTopology());
    expect(back?.view).toBe('sel=subnet-priv-a&dir=down');
  });

  it('refuses a file a newer vpc-atlas wrote, naming it, and leaves the file as it was', () => {
    mkdirSync(path.dirname(file), { recursive: true });
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x INTEGER); PRAGMA user_version = 999;');
    raw.close();
    expect(() => new SqliteSnapshotStore(file)).toThrow(`${file} was written by a newer vpc-atlas (schema 999)`);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    expect(again.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'future' }]);
    again.close();
  });

  it('gives different ids every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newSnapshotId()));
    expect(ids.size).toBe(1000);
  });

  it('answers null for unknown and malformed ids without throwing', async () => {
    const s = store();
    await s.save(input());
    expect(await s.get(newSnapshotId())).toBeNull();
    expect(await s.get('../../etc/passwd')).toBeNull();
    expect(await s.get("x' OR '1'='1")).toBeNull();
    expect(await s.get('')).toBeNull();
    expect(await s.rename('nope', 'x')).toBe(false);
    expect(await s.delete('nope')).toBe(false);
  });

  it('drops a leading ? from the view and leaves vpcId out when the snapshot is of a region', async () => {
    const s = store();
    const saved = await s.save(input({ view: '?dir=down', vpcId: undefined }));
    const back = await s.get(saved.id);
    expect(back?.view).toBe('dir=down');
    expect(back && 'vpcId' in back).toBe(false);
  });

  it('lists newest first without topologies, renames and deletes', async () => {
    const s = store();
    const a = await s.save(input({ title: 'first' }));
    await new Promise((r) => setTimeout(r, 5));
    const b = await s.save(input({ title: 'second', vpcId: undefined }));
    const list = await s.list();
    expect(list.map((e) => e.title)).toEqual(['second', 'first']);
    expect(list[1]).toMatchObject({ id: a.id, vpcId: 'vpc-0a1', region: 'us-east-1', source: 'fixture' });
    expect(list[1]?.sizeBytes).toBeGreaterThan(1000);
    expect(list[0]).not.toHaveProperty('topology');

    expect(await s.rename(a.id, '  after the change  ')).toBe(true);
    expect((await s.get(a.id))?.title).toBe('after the change');
    await expect(s.rename(a.id, '   ')).rejects.toThrow(SnapshotInputError);
    await expect(s.rename(a.id, 'x'.repeat(201))).rejects.toThrow(/at most 200/);

    expect(await s.delete(b.id)).toBe(true);
    expect(await s.delete(b.id)).toBe(false);
    expect(await s.get(b.id)).toBeNull();
    expect((await s.list()).map((e) => e.id)).toEqual([a.id]);
  });

  it('refuses invalid input with a message naming the field, and writes nothing', async () => {
    const s = store();
    await expect(s.save(input({ title: '' }))).rejects.toThrow(/title/);
    await expect(s.save(input({ region: 'mars-1' }))).rejects.toThrow(/region/);
    const broken = { ...sampleTopology(), subnets: [{ id: 'subnet-1' }] } as unknown as NewSnapshot['topology'];
    await expect(s.save(input({ topology: broken }))).rejects.toThrow(/subnets\.0\./);
    expect(await s.list()).toEqual([]);
  });

  it('refuses a snapshot over the size limit with a message that says what to do', async () => {
    const s = store();
    const huge = { ...sampleTopology(), warnings: ['x'.repeat(MAX_SNAPSHOT_BYTES + 1)] };
    const err = await s.save(input({ topology: huge })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SnapshotTooLargeError);
    expect((err as Error).message).toMatch(/over the limit of 20\.0 MB\. Share one VPC/);
    expect(await s.list()).toEqual([]);

    const small = store({ maxBytes: 1000 });
    await expect(small.save(input())).rejects.toThrow(SnapshotTooLargeError);
  });

  it('reports a corrupt row instead of returning part of it, and still lists it so it can be deleted', async () => {
    const s = store();
    const good = await s.save(input());
    const bad = await s.save(input({ title: 'will break' }));
    const worse = await s.save(input({ title: 'wrong shape' }));
    const raw = new Database(file);
    raw.prepare('UPDATE snapshots SET topology = ? WHERE id = ?').run('{"source":"fixture","vpcs":[', bad.id);
    raw.prepare('UPDATE snapshots SET topology = ? WHERE id = ?').run(JSON.stringify({ ...sampleTopology(), vpcs: 'none' }), worse.id);
    raw.prepare('UPDATE snapshots SET created_at = ? WHERE id = ?').run('yesterday', worse.id);
    raw.close();

    await expect(s.get(bad.id)).rejects.toThrow(CorruptSnapshotError);
    await expect(s.get(bad.id)).rejects.toThrow(/not valid JSON/);
    await expect(s.get(worse.id)).rejects.toThrow(/cannot be read/);
    expect(await s.get(good.id)).not.toBeNull();

    const list = await s.list();
    expect(list.find((e) => e.id === worse.id)?.corrupt).toMatch(/createdAt/);
    expect(await s.delete(worse.id)).toBe(true);
  });

  it('survives closing and reopening: the data is on disk, in WAL mode', async () => {
    const first = store();
    const saved = await first.save(input());
    first.close();
    const second = store();
    expect(await second.get(saved.id)).toEqual(saved);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});

// Wraps randomBytes (the real one still answers) so a test can see what the ids are drawn from.
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, randomBytes: vi.fn(real.randomBytes) };
});

describe('snapshot ids: 128 random bits, the whole base64url alphabet', () => {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  it('is the base64url text of 16 fresh random bytes', () => {
    const draw = vi.mocked(randomBytes);
    draw.mockClear();
    const id = newSnapshotId();
    expect(draw).toHaveBeenCalledTimes(1);
    expect(draw).toHaveBeenCalledWith(16);
    expect(Buffer.from(id, 'base64url')).toEqual(draw.mock.results[0]!.value);
  });

  it('spreads 1,000 ids over all 64 characters and sets every one of the 128 bits about half the time', () => {
    const ids = Array.from({ length: 1000 }, () => newSnapshotId());
    const seen = new Set(ids.flatMap((id) => [...id.slice(0, 21)]));
    expect([...seen].sort().join('')).toBe([...ALPHABET].sort().join(''));
    // 128 bits fill 21 characters and the top 2 bits of the 22nd.
    expect(new Set(ids.map((id) => id[21]))).toEqual(new Set(['A', 'Q', 'g', 'w']));
    const ones = new Array<number>(128).fill(0);
    for (const id of ids) {
      const bytes = Buffer.from(id, 'base64url');
      expect(bytes).toHaveLength(16);
      for (let bit = 0; bit < 128; bit++) ones[bit]! += (bytes[bit >> 3]! >> (7 - (bit & 7))) & 1;
    }
    // A fair bit is set 500 +- 16 times in 1,000; 350..650 is more than 9 standard deviations wide.
    for (const n of ones) {
      expect(n).toBeGreaterThan(350);
      expect(n).toBeLessThan(650);
    }
  });
});

describe('the size limit counts UTF-8 bytes, as stored', () => {
  // "€" is one UTF-16 unit and three UTF-8 bytes.
  const topology = { ...sampleTopology(), warnings: ['€'.repeat(3000)] };
  const json = JSON.stringify(topology);
  const bytes = Buffer.byteLength(json, 'utf8');

  it('refuses a topology under the limit in characters but over it in bytes, and writes nothing', async () => {
    expect(bytes).toBe(json.length + 6000);
    const s = store({ maxBytes: json.length + 100 });
    const err = await s.save(input({ topology })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SnapshotTooLargeError);
    expect(err).toMatchObject({ sizeBytes: bytes, limitBytes: json.length + 100 });
    expect(await s.list()).toEqual([]);
  });

  it('accepts a topology of exactly the limit and lists its size as Buffer.byteLength', async () => {
    await expect(store({ maxBytes: bytes - 1 }).save(input({ topology }))).rejects.toThrow(SnapshotTooLargeError);
    const s = store({ maxBytes: bytes });
    const saved = await s.save(input({ topology }));
    expect((await s.list()).map((e) => [e.id, e.sizeBytes])).toEqual([[saved.id, bytes]]);
  });
});

describe('the snapshot store at its edges', () => {
  it('names its errors, so callers can tell them apart across module copies', async () => {
    const s = store({ maxBytes: 10 });
    expect(await s.save(input()).catch((e: Error) => e.name)).toBe('SnapshotTooLargeError');
    const bad = await store()
      .save(input({ title: '' }))
      .then(() => null, (e: Error) => e);
    expect([bad?.name, bad?.message]).toEqual(['SnapshotInputError', 'title must not be empty']);
    expect(new CorruptSnapshotError('x', 'y').name).toBe('CorruptSnapshotError');
  });

  it('lists at most the limit asked for, and at least one', async () => {
    const s = store();
    for (const title of ['a', 'b', 'c']) await s.save(input({ title }));
    expect(await s.list({ limit: 2 })).toHaveLength(2);
    expect(await s.list({ limit: 0 })).toHaveLength(1);
    expect(await s.list()).toHaveLength(3);
  });

  it('answers false when renaming a snapshot that does not exist', async () => {
    const s = store();
    await s.save(input());
    expect(await s.rename(newSnapshotId(), 'new title')).toBe(false);
  });

  it('lists a region snapshot without a vpcId', async () => {
    const s = store();
    await s.save(input({ vpcId: undefined }));
    expect((await s.list())[0]).not.toHaveProperty('vpcId');
  });

  it('keeps what it can of a corrupt row in the list: live source, size, a title', async () => {
    const s = store();
    const live = await s.save(input({ source: 'live', title: 'from live' }));
    const raw = new Database(file);
    raw.prepare('UPDATE snapshots SET created_at = ?, size_bytes = ? WHERE id = ?').run('yesterday', 1234, live.id);
    raw.close();
    expect(await s.list()).toEqual([{ id: live.id, title: 'from live', createdAt: 'yesterday', region: 'us-east-1', source: 'live', view: '', sizeBytes: 1234, corrupt: expect.stringMatching(/createdAt/) }]);
  });

  it('can be closed twice', () => {
    const s = store();
    s.close();
    expect(() => s.close()).not.toThrow();
  });
});
