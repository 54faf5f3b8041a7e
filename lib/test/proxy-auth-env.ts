import { vi } from 'vitest';
import { DEMO_FIXTURE_DIR } from '@/lib/config';

/**
 * Stubs the environment of a server in proxy mode for tests of server actions and pages: `editor` is the one
 * editor (every other identity header names a viewer), the demo fixtures, `dataDir` for what is written, quiet
 * logs. Call it before importing the code under test; `vi.unstubAllEnvs()` undoes it.
 */
export function stubProxyAuthEnv(editor: string, dataDir: string): void {
  vi.stubEnv('ATLAS_AUTH', 'proxy');
  vi.stubEnv('ATLAS_EDITORS', editor);
  vi.stubEnv('ATLAS_SOURCE', 'fixture');
  vi.stubEnv('ATLAS_DATA_DIR', dataDir);
  vi.stubEnv('ATLAS_FIXTURE_DIR', DEMO_FIXTURE_DIR);
  vi.stubEnv('ATLAS_LOG_LEVEL', 'silent');
}
