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
// Live mode: the app against a moto server (scripts/e2e-moto.mjs, ready signal on MOTO_PORT + 1).
const LIVE_PORT = DEMO_PORT + 2;
const MOTO_PORT = DEMO_PORT + 3;
// The live project needs moto (.venv); CI must have it, a laptop without it runs the other two.
const withLive = existsSync('.venv/bin/moto_server') || !!process.env.CI;
// Set here, in the runner, so the workers (forked later, with this environment) find the servers' data folders.
const runId = (process.env.E2E_RUN_ID ??= String(process.pid));
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
      // The servers' stdout is piped into the test output: only warnings and errors (audit lines are read from audit.jsonl).
      ATLAS_LOG_LEVEL: 'warn',
      // `npm run test:e2e` builds once before; the servers must not each rebuild.
      ATLAS_SKIP_BUILD_CHECK: '1',
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
    },
  };
}

/**
 * The app in live mode against the e2e moto server, with profiles from e2e/aws-config-test. Every
 * AWS variable is pinned so nothing from the developer's shell (a profile, a session token, ~/.aws)
 * leaks in, and the SDK never asks an instance metadata service: all traffic stays on loopback.
 */
function liveServer() {
  const motoUrl = `http://127.0.0.1:${MOTO_PORT}`;
  const base = server(LIVE_PORT, 'live');
  return {
    ...base,
    env: {
      ...base.env,
      ATLAS_SOURCE: 'live',
      AWS_ENDPOINT_URL: motoUrl,
      AWS_ENDPOINT_URL_EC2: motoUrl,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_SESSION_TOKEN: '',
      AWS_PROFILE: '',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: 'e2e/aws-config-test',
      AWS_SHARED_CREDENTIALS_FILE: path.join(os.tmpdir(), `vpc-atlas-e2e-${runId}`, 'no-credentials-file'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  };
}

// Sign-in (issue 9): the app behind a trusted identity header, and the app signing in with a real OpenID provider.
const PROXY_PORT = DEMO_PORT + 10;
const OIDC_PORT = DEMO_PORT + 11;
const IDP_PORT = DEMO_PORT + 12;
// fixtures/real-shapes: an account built from botocore's shapes, served on its own port.
const REAL_SHAPES_PORT = DEMO_PORT + 20;
// A synthetic organization for the fleet page (e2e/fleet.spec.ts), written before the server starts.
const FLEET_PORT = DEMO_PORT + 35;

/**
 * 40 accounts x 3 regions, the second account's files broken; one account-region read at a time, each after 40 ms, so
 * a pass takes seconds and the page's streaming can be watched.
 */
function fleetServer() {
  const dir = dataDir('fleet-fixtures');
  const base = server(FLEET_PORT, 'fleet', dir);
  return {
    ...base,
    command: `node --import tsx scripts/synth.ts --fleet 40x3 --broken 1 --seed 7 --out ${dir} && ${base.command}`,
    // 40 ms a load at least: a pass lasts about 5 s however fast the machine, so a test can act while it runs.
    env: { ...base.env, ATLAS_FLEET_CONCURRENCY: '1', ATLAS_FLEET_FIXTURE_DELAY_MS: '40' },
  };
}

/** ATLAS_AUTH=proxy: the requests carry the identity header themselves (extraHTTPHeaders), as an authenticating proxy would add it. */
function proxyServer() {
  const base = server(PROXY_PORT, 'proxy');
  return { ...base, env: { ...base.env, ATLAS_AUTH: 'proxy', ATLAS_EDITORS: 'editor@example.com' } };
}

/** ATLAS_AUTH=oidc against scripts/e2e-oidc.mjs; its group `atlas-editors` makes Olivia an editor. */
function oidcServer() {
  const base = server(OIDC_PORT, 'oidc');
  return {
    ...base,
    env: {
      ...base.env,
      ATLAS_AUTH: 'oidc',
      ATLAS_OIDC_ISSUER: `http://127.0.0.1:${IDP_PORT}`,
      ATLAS_OIDC_CLIENT_ID: 'vpc-atlas-e2e',
      ATLAS_OIDC_CLIENT_SECRET: 'e2e-client-secret-not-for-production',
      ATLAS_SESSION_SECRET: 'e2e-session-secret-0123456789abcdef0123',
      ATLAS_EDITORS: 'atlas-editors',
    },
  };
}

const idpServer = {
  command: `node scripts/e2e-oidc.mjs --port ${IDP_PORT} --redirect http://127.0.0.1:${OIDC_PORT}/api/auth/callback/oidc`,
  url: `http://127.0.0.1:${IDP_PORT}/.well-known/openid-configuration`,
  reuseExistingServer: !process.env.CI,
  timeout: 30_000,
  stdout: 'pipe' as const,
};

const motoServer = {
  command: `node scripts/e2e-moto.mjs --port ${MOTO_PORT} --ready-port ${MOTO_PORT + 1}`,
  url: `http://127.0.0.1:${MOTO_PORT + 1}/`,
  reuseExistingServer: !process.env.CI,
  timeout: 60_000,
  stdout: 'pipe' as const,
};

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
      testIgnore: /(awkward|startup|restart|auth-proxy|auth-oidc|standalone|real-shapes|replicas|overview|fleet|live-.*)\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 }, baseURL: `http://127.0.0.1:${DEMO_PORT}` },
    },
    {
      name: 'awkward',
      testMatch: /(awkward|startup|restart)\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 }, baseURL: `http://127.0.0.1:${AWKWARD_PORT}` },
    },
    {
      name: 'real-shapes',
      testMatch: /real-shapes\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 }, baseURL: `http://127.0.0.1:${REAL_SHAPES_PORT}` },
    },
    {
      // The L and XL synthetic accounts on a server of the spec's own (e2e/overview.spec.ts), at the issue's 1440 x 900.
      name: 'overview',
      testMatch: /overview\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
    },
    {
      name: 'fleet',
      testMatch: /fleet\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, baseURL: `http://127.0.0.1:${FLEET_PORT}` },
    },
    {
      // Requests carry a viewer's identity by default; specs switch to an editor or to no header at all.
      name: 'proxy',
      testMatch: /(auth-proxy|standalone)\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1400, height: 900 },
        baseURL: `http://127.0.0.1:${PROXY_PORT}`,
        extraHTTPHeaders: { 'x-forwarded-email': 'viewer@example.com' },
      },
    },
    {
      // Two replicas on one PostgreSQL behind a round-robin proxy: the spec starts them itself (e2e/replicas.spec.ts).
      name: 'replicas',
      testMatch: /replicas\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 } },
    },
    {
      name: 'oidc',
      testMatch: /auth-oidc\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 }, baseURL: `http://127.0.0.1:${OIDC_PORT}` },
    },
    ...(withLive
      ? [
          {
            name: 'live',
            testMatch: /live-.*\.spec\.ts/,
            use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 }, baseURL: `http://127.0.0.1:${LIVE_PORT}` },
          },
        ]
      : []),
  ],
  webServer: [
    server(DEMO_PORT, 'demo'),
    server(AWKWARD_PORT, 'awkward', 'fixtures/awkward'),
    server(REAL_SHAPES_PORT, 'real-shapes', 'fixtures/real-shapes'),
    fleetServer(),
    proxyServer(),
    idpServer,
    oidcServer(),
    ...(withLive ? [motoServer, liveServer()] : []),
  ],
});
