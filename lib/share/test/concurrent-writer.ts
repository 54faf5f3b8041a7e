/**
 * A second process for the store's concurrency test: saves `count` snapshots into the given file as fast as
 * it can, reading one back after each save, then prints the ids it wrote as JSON. Run with
 * `node --conditions=react-server --import tsx` so `server-only` resolves to its empty server build.
 *
 * With `crash` as the third argument it instead opens a write transaction, inserts a row and dies with SIGKILL
 * before committing: what a crash mid-write leaves behind.
 */
import { SqliteSnapshotStore } from '../store';
import { sampleTopology } from '@/lib/graph/test-topology';

async function main() {
  const [file, countText, mode, tag = 'child'] = process.argv.slice(2);
  if (!file) throw new Error('usage: concurrent-writer.ts <file> <count> [write|crash] [tag]');
  const store = new SqliteSnapshotStore(file);
  if (mode === 'crash') {
    // Reach into the connection: the public API commits every write; a crash is what it cannot show.
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    db.exec('BEGIN IMMEDIATE');
    db.prepare(
      `INSERT INTO snapshots (id, title, created_at, region, source, vpc_id, view, topology, size_bytes)
       VALUES ('crashcrashcrashcrashcr', 'half', '2025-01-01T00:00:00.000Z', 'us-east-1', 'fixture', NULL, '', '{"trunc', 7)`,
    ).run();
    process.kill(process.pid, 'SIGKILL');
    return;
  }
  const topology = sampleTopology();
  const ids: string[] = [];
  for (let i = 0; i < Number(countText ?? 50); i++) {
    const s = await store.save({ title: `${tag} ${i}`, region: 'us-east-1', source: 'fixture', view: `sel=subnet-priv-a&n=${i}`, topology });
    const back = await store.get(s.id);
    if (!back || back.title !== `${tag} ${i}`) throw new Error(`read back failed for ${s.id}`);
    ids.push(s.id);
  }
  store.close();
  process.stdout.write(JSON.stringify(ids));
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
