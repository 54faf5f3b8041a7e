import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '@/lib/store/test/run-script';

const repo = path.resolve(__dirname, '..');
const root = mkdtempSync(path.join(tmpdir(), 'atlas-demo-fixtures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scripts/demo-fixtures.ts', () => {
  it('rewrites the region folders it owns, byte for byte as committed, and leaves the hand-written ones beside them', async () => {
    // A hand-written region of the awkward set (as fixtures/awkward/eu-west-2), and a file an older generator left.
    const handWritten = path.join(root, 'fixtures', 'awkward', 'eu-west-2', 'describe-vpcs.json');
    mkdirSync(path.dirname(handWritten), { recursive: true });
    writeFileSync(handWritten, '{"Vpcs": [null]}\n');
    const stale = path.join(root, 'fixtures', 'awkward', 'us-east-1', 'describe-old-things.json');
    mkdirSync(path.dirname(stale), { recursive: true });
    writeFileSync(stale, '{}');

    const run = await runScript('scripts/demo-fixtures.ts', ['--out', root]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    expect(readFileSync(handWritten, 'utf8')).toBe('{"Vpcs": [null]}\n');
    expect(existsSync(stale)).toBe(false);
    for (const dir of ['demo/us-east-1', 'demo/eu-west-1', 'awkward/us-east-1']) {
      const files = readdirSync(path.join(repo, 'fixtures', dir)).sort();
      expect(readdirSync(path.join(root, 'fixtures', dir)).sort(), dir).toEqual(files);
      for (const f of files) expect(readFileSync(path.join(root, 'fixtures', dir, f), 'utf8'), `${dir}/${f}`).toBe(readFileSync(path.join(repo, 'fixtures', dir, f), 'utf8'));
    }
  }, 120_000);
});
