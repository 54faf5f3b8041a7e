import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_FIXTURE_DIR } from '@/lib/config';
import { stubProxyAuthEnv } from '@/lib/test/proxy-auth-env';

/** Issue 14 §7: /settings names the server's folders (fixture dir, data dir) to editors only. */

let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-settings-page-'));
const fixtureDir = DEMO_FIXTURE_DIR;
let SettingsPage: typeof import('./page').default;

beforeAll(async () => {
  stubProxyAuthEnv('editor@example.com', dataDir);
  SettingsPage = (await import('./page')).default;
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The page's element tree as text: what it would write into the HTML. */
async function pageText(email: string): Promise<string> {
  vi.resetModules();
  SettingsPage = (await import('./page')).default;
  requestHeaders = new Headers({ 'x-forwarded-email': email });
  return JSON.stringify(await SettingsPage());
}

describe('/settings', () => {
  it('shows an editor where the fixtures and the saved state live', async () => {
    const text = await pageText('editor@example.com');
    expect(text).toContain(fixtureDir);
    expect(text).toContain(dataDir);
  });

  it('shows a viewer neither folder, only that editors can reset', async () => {
    const text = await pageText('viewer@example.com');
    expect(text).not.toContain(fixtureDir);
    expect(text).not.toContain(dataDir);
    expect(text).toContain('Only editors can reset the demo data.');
  });
});
