import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/**
 * Stubs the environment `getConfig()` reads (once, on first use) for tests of what loads a topology:
 * the demo fixtures, an empty data directory of their own (nothing that earlier runs created), and live
 * mode configured only when `liveEndpoint` is given. Call it before importing the code under test;
 * the returned function undoes it.
 */
export function stubDemoEnv(options: { liveEndpoint?: string } = {}): () => void {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-demo-env-'));
  vi.stubEnv('ATLAS_FIXTURE_DIR', path.resolve(__dirname, '../../fixtures/demo'));
  vi.stubEnv('ATLAS_DATA_DIR', dataDir);
  vi.stubEnv('AWS_ENDPOINT_URL', options.liveEndpoint);
  for (const name of ['ATLAS_SOURCE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL_EC2']) vi.stubEnv(name, undefined);
  return () => {
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
