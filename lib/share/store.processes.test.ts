import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleTopology } from '@/lib/graph/test-topology';
import type { NewSnapshot } from '@/lib/store/snapshots';
import { tempSnapshotStores } from './test/temp-snapshot-store';

/**
 * The snapshot store with other processes writing the same file, and one dying mid-transaction. Apart from
 * store.test.ts because each test starts Node processes (several seconds): `npm run mutate -- lib/store` would pay
 * that for every mutant these tests reach, and the processes run the store's code unmutated anyway.
 */

const root = path.resolve(__dirname, '..', '..');
const { file, store } = tempSnapshotStores();

function input(over: Partial<NewSnapshot> = {}): NewSnapshot {
  return { title: 'prod before the change', region: 'us-east-1', source: 'fixture', vpcId: 'vpc-0a1', view: 'sel=subnet-priv-a&dir=down', topology: sampleTopology(), ...over };
}

/** Runs the writer script in a separate Node process and resolves with what it printed. */
function child(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'lib/share/test/concurrent-writer.ts', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('SqliteSnapshotStore shared by processes', () => {
  it('keeps every save when two other processes and this one write at the same time', async () => {
    const s = store();
    const mine: string[] = [];
    let done = false;
    const children = Promise.all([child([file(), '40', 'write', 'one']), child([file(), '40', 'write', 'two'])]).finally(() => (done = true));
    // Keep writing from this process for as long as the children run, so all three overlap.
    while (!done || mine.length < 20) {
      mine.push((await s.save(input({ title: `parent ${mine.length}` }))).id);
      await new Promise((r) => setTimeout(r, 2));
    }
    const results = await children;
    for (const r of results) expect(r.stderr === '' ? r.code : r.stderr).toBe(0);
    const theirs = results.flatMap((r) => JSON.parse(r.stdout) as string[]);
    expect(theirs).toHaveLength(80);

    const all = await s.list({ limit: 1000 });
    expect(all).toHaveLength(mine.length + 80);
    expect(new Set(all.map((e) => e.id))).toEqual(new Set([...mine, ...theirs]));
    for (const id of theirs.slice(0, 5)) expect((await s.get(id))?.topology).toEqual(sampleTopology());
    const raw = new Database(file(), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  }, 60_000);

  it('loses only the uncommitted write when a process dies mid-transaction', async () => {
    const s = store();
    const saved = await s.save(input());
    const r = await child([file(), '0', 'crash']);
    expect(r.signal).toBe('SIGKILL');
    s.close();
    const reopened = store();
    expect((await reopened.list()).map((e) => e.id)).toEqual([saved.id]);
    expect(await reopened.get('crashcrashcrashcrashcr')).toBeNull();
    expect(await reopened.save(input({ title: 'after the crash' }))).toBeTruthy();
    const raw = new Database(file(), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  }, 30_000);
});
