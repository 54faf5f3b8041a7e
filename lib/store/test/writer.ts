/**
 * A second process for the store's concurrency test: opens the store at `location` (sqlite:PATH or a
 * postgres:// URL), saves `count` snapshots and appends one audit line after each, reading each snapshot back,
 * then prints the snapshot ids it wrote as JSON. Run with `node --conditions=react-server --import tsx`.
 */
import { openStore } from '@/lib/store';
import { sampleTopology } from '@/lib/graph/test-topology';

async function main() {
  const [location, countText, tag = 'child'] = process.argv.slice(2);
  if (!location) throw new Error('usage: writer.ts <location> <count> [tag]');
  const store = openStore(location);
  const topology = sampleTopology();
  const ids: string[] = [];
  for (let i = 0; i < Number(countText ?? 20); i++) {
    const s = await store.snapshots.save({ title: `${tag} ${i}`, region: 'us-east-1', source: 'fixture', view: `n=${i}`, topology });
    await store.audit.append({ time: new Date().toISOString(), user: `${tag}@example.com`, action: 'SaveSnapshot', json: JSON.stringify({ id: s.id }) });
    const back = await store.snapshots.get(s.id);
    if (!back || back.title !== `${tag} ${i}`) throw new Error(`read back failed for ${s.id}`);
    ids.push(s.id);
  }
  await store.close();
  process.stdout.write(JSON.stringify(ids));
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
