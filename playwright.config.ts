import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Debian's Chromium when it is there (Playwright cannot download browsers on every machine);
// otherwise the browser `npx playwright install chromium` put in Playwright's cache.
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.ATLAS_CHROMIUM ?? (existsSync(debianChromium) ? debianChromium : undefined);

const DEMO_PORT = Number(process.env.E2E_PORT ?? 3210);
const AWKWARD_PORT = DEMO_PORT + 1;
const runId = process.env.E2E_RUN_ID ?? String(process.pid);
const dataDir = (name: string) => path.join(os.tmpdir(), `vpc-atlas-e2e-${runId}`, name);

function server(port: number, name: string, fixtureDir?: string) {
  return {
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'pipe' as const,
    env: {
      PORT: String(port),
      ATLAS_BIND: '127.0.0.1',
      ATLAS_SOURCE: 'fixture',
      ATLAS_DATA_DIR: dataDir(name),
      ...(fixtureDir ? { ATLAS_FIXTURE_DIR: fixtureDir } : {}),
      NEXT_TELEMETRY_DISABLED: '1',
      // `npm run test:e2e` builds once before; the servers must not each rebuild.
      ATLAS_SKIP_BUILD_CHECK: '1',
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
    },
  };
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    {
      name: 'demo',
      testIgnore: /(awkward|startup)\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 }, baseURL: `http://127.0.0.1:${DEMO_PORT}` },
    },
    {
      name: 'awkward',
      testMatch: /(awkward|startup)\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 }, baseURL: `http://127.0.0.1:${AWKWARD_PORT}` },
    },
  ],
  webServer: [server(DEMO_PORT, 'demo'), server(AWKWARD_PORT, 'awkward', 'fixtures/awkward')],
});
