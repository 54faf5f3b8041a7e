import { afterEach, describe, expect, it, vi } from 'vitest';
import { freePort } from './test/pg-server';

afterEach(async () => {
  const { closeStore } = await import('.');
  await closeStore();
  vi.unstubAllEnvs();
});

async function start(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { startStore, closeStore } = await import('.');
  await closeStore();
  return startStore();
}

describe('startStore', () => {
  it('stops start-up when the database does not answer, naming ATLAS_DATABASE_URL with the password hidden', async () => {
    const port = await freePort();
    const err = await start({ ATLAS_DATABASE_URL: `postgres://atlas:hunter2@127.0.0.1:${port}/atlas` }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('StoreStartError');
    expect((err as Error).message).toContain(`ATLAS_DATABASE_URL=postgres://atlas:***@127.0.0.1:${port}/atlas: the store could not be opened: `);
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
    expect((err as Error).message).not.toContain('hunter2');
  });

  it('opens the SQLite file in ATLAS_DATA_DIR when no database URL is set', async () => {
    const { mkdtempSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(`${os.tmpdir()}/atlas-start-`);
    const store = await start({ ATLAS_DATA_DIR: dir, ATLAS_DATABASE_URL: '' });
    expect(store.kind).toBe('sqlite');
    expect(store.target).toBe(`${dir}/snapshots.db`);
  });
});
