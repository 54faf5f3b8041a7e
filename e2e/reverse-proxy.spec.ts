import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';

/**
 * Issue 14: ATLAS_AUTH=proxy behind a real reverse proxy process on loopback (scripts/e2e-auth-proxy.mjs, which
 * authenticates with HTTP Basic and writes the identity header itself, as oauth2-proxy does). A client that
 * sends the identity header on its own is ignored: the proxy's word is the only one the app hears.
 * The app trusts the proxy's X-Forwarded-Host (ATLAS_TRUST_PROXY=1), as a deployment behind one would.
 */
test.describe.configure({ mode: 'serial' });

const VIEWER = 'viewer@example.com';
const EDITOR = 'editor@example.com';
const PROXY_PORT = Number(process.env.E2E_PORT ?? 3210) + 22;
const proxyBase = `http://127.0.0.1:${PROXY_PORT}`;
const PASSWORDS: Record<string, string> = { [VIEWER]: 'viewer-pass', [EDITOR]: 'editor-pass' };
const SHARED_MAIN = 'rtb-0030079b1230b8a04';
const NEW_S3 = `/endpoints/new?region=us-east-1&vpc=${DEMO.shared}&type=gateway&service=s3&routeTables=${SHARED_MAIN}`;

let app: OwnServer;
let proxy: ChildProcess;

test.beforeAll(async () => {
  app = await startOwnServer({ name: 'reverse-proxy', portOffset: 21, editor: EDITOR, env: { ATLAS_TRUST_PROXY: '1' } });
  proxy = spawn(
    process.execPath,
    ['scripts/e2e-auth-proxy.mjs', '--port', String(PROXY_PORT), '--target', app.base, ...Object.entries(PASSWORDS).flatMap(([u, p]) => ['--user', `${u}=${p}`])],
    { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    proxy.stdout!.on('data', (d: Buffer) => String(d).includes('ready') && resolve());
    proxy.once('exit', (code) => reject(new Error(`the proxy exited with ${code}`)));
  });
});

test.afterAll(async () => {
  proxy?.kill('SIGTERM');
  await app?.stop();
});

/** The new-endpoint page through the proxy, signed in there as `user`, with a forged identity header naming `claims`. */
async function openAs(browser: Browser, user: string, claims: string) {
  const context = await browser.newContext({ httpCredentials: { username: user, password: PASSWORDS[user]! }, extraHTTPHeaders: { 'x-forwarded-email': claims } });
  const page = await context.newPage();
  await page.goto(`${proxyBase}${NEW_S3}`);
  return { context, page };
}

test('a viewer signed in at the proxy who sends the editor’s identity header is still the viewer', async ({ browser }) => {
  const { context, page } = await openAs(browser, VIEWER, EDITOR);
  await expect(page.getByTestId('user-name')).toHaveText(VIEWER);
  await expect(page.getByTestId('user-role')).toHaveText('viewer');
  await expect(page.getByRole('button', { name: 'Create endpoint' })).toHaveCount(0);
  await expect(page.getByTestId('writes-off')).toContainText('a viewer: only editors');
  await page.screenshot({ path: 'test-results/screens/reverse-proxy-viewer.png' });
  await context.close();
});

test('the editor signed in at the proxy gets the editor’s page (the header path works)', async ({ browser }) => {
  const { context, page } = await openAs(browser, EDITOR, VIEWER);
  await expect(page.getByTestId('user-name')).toHaveText(EDITOR);
  await expect(page.getByTestId('user-role')).toHaveText('editor');
  await expect(page.getByRole('button', { name: 'Create endpoint' })).toBeVisible();
  // A server action through the proxy: its Origin matches the forwarded host the app trusts (ATLAS_TRUST_PROXY=1).
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('dry-run-result')).toContainText('Allowed');
  await context.close();
});

test('without signing in at the proxy, a forged identity header reaches nothing', async ({ playwright }) => {
  const api = await playwright.request.newContext({ extraHTTPHeaders: { 'x-forwarded-email': EDITOR } });
  for (const p of ['/', '/api/topology?region=us-east-1', '/settings']) {
    const res = await api.get(`${proxyBase}${p}`);
    expect(res.status(), p).toBe(401);
    expect(await res.text(), p).toBe('The proxy needs you to sign in.\n');
  }
  // A wrong password is nobody too.
  const wrong = await playwright.request.newContext({ httpCredentials: { username: EDITOR, password: 'guess', send: 'always' } });
  expect((await wrong.get(`${proxyBase}/api/topology?region=us-east-1`)).status()).toBe(401);
  await api.dispose();
  await wrong.dispose();
});
