import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes missing folders, replaces the content whole, and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'deep', 'x.json');
    await writeFileAtomic(file, '{"a":1}');
    await writeFileAtomic(file, '{"a":2}');
    expect(await readFile(file, 'utf8')).toBe('{"a":2}');
    expect(await readdir(path.dirname(file))).toEqual(['x.json']);
  });

  it('writes a file only its owner can read', async () => {
    const file = path.join(dir, 'x.json');
    await writeFileAtomic(file, '{}');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old content and no temporary file when the rename fails', async () => {
    // A folder where the file should go: rename(2) refuses to replace it.
    const file = path.join(dir, 'x.json');
    await writeFile(path.join(dir, 'keep.txt'), 'old');
    await mkdir(file);
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep.txt', 'x.json']);
    expect(await readFile(path.join(dir, 'keep.txt'), 'utf8')).toBe('old');
  });
});
