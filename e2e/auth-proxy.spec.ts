import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Request } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';

/**
 * Issue 9, ATLAS_AUTH=proxy: the app trusts the identity header an authenticating proxy sets. The
 * `proxy` project's requests carry `x-forwarded-email: viewer@example.com` (a viewer); the editor
 * tests switch to editor@example.com (ATLAS_EDITORS), and one context sends no header at all.
 * The server is the project's own (playwright.config.ts proxyServer), on its own data folder.
 */

const VIEWER = 'viewer@example.com';
const EDITOR = 'editor@example.com';
const SHARED_MAIN = 'rtb-0030079b1230b8a04';
const S3 = 'com.amazonaws.us-east-1.s3';
const NEW_S3 = `/endpoints/new?region=us-east-1&vpc=${DEMO.shared}&type=gateway&service=s3&routeTables=${SHARED_MAIN}`;
// The server's store (SQLite in its data folder): the audit log is its `audit` table.
const STORE_FILE = path.join(os.tmpdir(), `vpc-atlas-e2e-${process.env.E2E_RUN_ID}`, 'proxy', 'snapshots.db');

interface AuditLine {
  user: string;
  action: string;
  dryRun: boolean;
  source?: string;
  region?: string;
  request: Record<string, unknown>;
  result: { status: string; code?: string; resourceId?: string };
}

function auditLines(): AuditLine[] {
  if (!existsSync(STORE_FILE)) return [];
  const db = new Database(STORE_FILE, { readonly: true });
  try {
    return (db.prepare('SELECT entry FROM audit ORDER BY seq').all() as { entry: string }[]).map((r) => JSON.parse(r.entry) as AuditLine);
  } finally {
    db.close();
  }
}

async function s3EndpointsInShared(request: APIRequestContext): Promise<string[]> {
  const res = await request.get(`/api/topology?region=us-east-1&vpc=${DEMO.shared}`);
  expect(res.status()).toBe(200);
  const t = (await res.json()) as { endpoints: Array<{ id: string; serviceName: string }> };
  return t.endpoints.filter((e) => e.serviceName === S3).map((e) => e.id);
}

test('without the identity header every page, API and action answers 401; the health check stays open', async ({ browser, playwright, baseURL }) => {
  // Contexts made in a test inherit the project's options: the header is taken off explicitly.
  const anonymous = await browser.newContext({ baseURL, extraHTTPHeaders: {} });
  const page = await anonymous.newPage();
  const res = await page.goto('/');
  expect(res?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('x-forwarded-email');
  await anonymous.close();

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
  for (const p of ['/', '/audit', `/vpcs/${DEMO.prod}`, '/api/topology?region=us-east-1']) {
    const r = await api.get(p);
    expect(r.status(), p).toBe(401);
    expect(await r.json()).toMatchObject({ code: 'Unauthenticated' });
  }
  const action = await api.post('/endpoints/new', { headers: { 'next-action': '0'.repeat(42) }, data: '[]' });
  expect(action.status()).toBe(401);
  const health = await api.get('/api/health', { headers: { 'x-request-id': 'e2e-request-1' } });
  expect(health.status()).toBe(200);
  // The proxy's request id comes back (and is on the server's log lines); without one the server makes one.
  expect(health.headers()['x-request-id']).toBe('e2e-request-1');
  expect((await api.get('/')).headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  await api.dispose();
});

test('a viewer sees no Create button, and the create action called anyway answers 403 and creates nothing', async ({ page }) => {
  await page.goto(NEW_S3);
  await expect(page.getByTestId('user-name')).toHaveText(VIEWER);
  await expect(page.getByTestId('user-role')).toHaveText('viewer');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' })).toHaveCount(0);
  await expect(page.getByTestId('writes-off')).toContainText('a viewer: only editors');
  await expect(page.getByRole('button', { name: 'Create endpoint' })).toHaveCount(0);
  const before = await s3EndpointsInShared(page.request);

  // A viewer may dry-run (it changes nothing). The browser's own POST of that action is the template for
  // calling "create" the way a page would: same action id, same body, only the mode changed.
  const actionPost = page.waitForRequest((r: Request) => r.method() === 'POST' && !!r.headers()['next-action']);
  await page.getByRole('button', { name: 'Dry run' }).click();
  const dryRun = await actionPost;
  await expect(page.getByTestId('dry-run-result')).toContainText('Allowed');

  const args = JSON.parse(dryRun.postData() ?? '') as unknown[];
  expect(args[1]).toBe('dry-run');
  args[1] = 'create';
  const headers = dryRun.headers();
  const forged = await page.request.post(new URL(dryRun.url()).pathname + new URL(dryRun.url()).search, {
    headers: {
      'next-action': headers['next-action']!,
      'next-router-state-tree': headers['next-router-state-tree'] ?? '',
      'content-type': headers['content-type'] ?? 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: new URL(dryRun.url()).origin,
    },
    data: JSON.stringify(args),
  });
  const answer = await forged.text();
  expect(answer).toContain('"status":403');
  expect(answer).toContain('Only editors can create endpoints');
  expect(await s3EndpointsInShared(page.request)).toEqual(before);

  const mine = auditLines().filter((l) => l.user === VIEWER && l.action === 'CreateVpcEndpoint');
  expect(mine.find((l) => l.dryRun)?.result).toMatchObject({ status: 'ok', code: 'DryRunOperation' });
  expect(mine.find((l) => !l.dryRun)?.result).toMatchObject({ status: 'denied', code: 'Forbidden' });

  // Editors' pages refuse viewers too, with 403.
  expect((await page.request.get('/audit')).status()).toBe(403);
  await page.goto('/settings');
  await expect(page.getByTestId('reset-editors-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reset demo data' })).toHaveCount(0);
});

test.describe('an editor', () => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-email': EDITOR } });

  test('creates an endpoint, and the audit log shows it with their email, on /audit and in the store', async ({ page }) => {
    await page.goto(NEW_S3);
    await expect(page.getByTestId('user-role')).toHaveText('editor');
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    await expect(page).toHaveURL(new RegExp(`/vpcs/${DEMO.shared}\\?.*=vpce-`));
    const id = [...new URL(page.url()).searchParams.values()].find((v) => v.startsWith('vpce-'))!;

    const line = auditLines().find((l) => l.action === 'CreateVpcEndpoint' && l.result.resourceId === id);
    expect(line).toMatchObject({ user: EDITOR, dryRun: false, source: 'fixture', region: 'us-east-1', result: { status: 'ok' } });
    expect(line?.request).toMatchObject({ VpcId: DEMO.shared, ServiceName: S3, RouteTableIds: [SHARED_MAIN], ClientToken: expect.any(String) });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    const row = page.getByTestId('audit-row').filter({ hasText: id });
    await expect(row).toHaveAttribute('data-user', EDITOR);
    await expect(row).toContainText('CreateVpcEndpoint');
    await expect(row).toContainText('ok');

    // Filter by user and action (a plain GET form): only the editor's creates remain, newest first.
    await page.getByLabel('User').selectOption(EDITOR);
    await page.getByLabel('Action').selectOption('CreateVpcEndpoint');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/\/audit\?user=editor%40example\.com&action=CreateVpcEndpoint$/);
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toContainText(id);
    for (const user of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-user')))) expect(user).toBe(EDITOR);
    await page.screenshot({ path: 'test-results/screens/audit-log.png', fullPage: true });
  });
});
