import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import { MIGRATIONS } from '../lib/store/migrations';
import { startTestPostgres, type TestPostgres } from '../lib/store/test/pg-server';
import { DEMO, expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';
import { startRoundRobin, type RoundRobin } from './round-robin';

/**
 * Issue 18: two replicas (`next start`) on one PostgreSQL behind a round-robin proxy, all on loopback. What one
 * replica saves or audits, the other shows; a replica killed mid-save loses no snapshot it acknowledged; a
 * database that goes away fails only what needs it, and the replicas reconnect when it is back.
 */

const EDITOR = 'editor@example.com';
const VPC_VIEW = `/vpcs/${DEMO.prod}?region=us-east-1`;
const BASE_PORT = Number(process.env.E2E_PORT ?? 3210);

let db: TestPostgres;
let a: OwnServer;
let b: OwnServer;
let lb: RoundRobin;

test.describe.configure({ mode: 'serial' });
test.use({ extraHTTPHeaders: { 'x-forwarded-email': EDITOR } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  db = await startTestPostgres();
  const env = { ATLAS_DATABASE_URL: db.url };
  // Both start at once: their migrations meet at the advisory lock.
  [a, b] = await Promise.all([
    startOwnServer({ name: 'replica-a', portOffset: 30, editor: EDITOR, env, killable: true }),
    startOwnServer({ name: 'replica-b', portOffset: 31, editor: EDITOR, env, killable: true }),
  ]);
  lb = await startRoundRobin(BASE_PORT + 32, [a.base, b.base]);
});

test.afterAll(async () => {
  await lb?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  db?.stop();
});

/** Clicks "Share snapshot" on the page and answers the new snapshot's id, or null when the page says it failed. */
async function share(page: Page): Promise<string | null> {
  await page.getByTestId('share-snapshot').click();
  const result = page.getByTestId('share-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  const link = page.getByTestId('share-link');
  if (!(await link.isVisible())) return null;
  return (await link.inputValue()).match(/\/s\/([A-Za-z0-9_-]{22})$/)?.[1] ?? null;
}

async function editorPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-email': EDITOR }, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('share-snapshot')).toBeEnabled();
  return page;
}

test('the two replicas migrated the shared database once, and both report it healthy', async ({ request }) => {
  const client = new pg.Client(db.url);
  await client.connect();
  const { rows } = await client.query<{ version: number }>('SELECT version FROM atlas_schema_migrations ORDER BY version');
  await client.end();
  // Each step once, however many replicas started at the same time.
  expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  for (const replica of [a, b]) {
    const health = await request.get(`${replica.base}/api/health`);
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, store: { kind: 'postgres', ok: true } });
  }
});

test('a snapshot saved through one replica opens through the other, and its save is on the other’s /audit', async ({ page }) => {
  await page.goto(`${a.base}${VPC_VIEW}`);
  const id = await share(page);
  expect(id).not.toBeNull();

  await page.goto(`${b.base}/s/${id}`);
  await expect(page.getByTestId('snapshot-title')).toContainText(DEMO.prod);
  await expect(page.getByTestId('snapshot-region')).toHaveText('us-east-1');
  await expect(page.locator(`.react-flow__node[data-id="${DEMO.prod}"]`)).toBeVisible({ timeout: 20_000 });

  await page.goto(`${b.base}/snapshots`);
  await expect(page.getByTestId('snapshot-table')).toContainText(DEMO.prod);

  await page.goto(`${b.base}/audit?action=SaveSnapshot`);
  const row = page.getByTestId('audit-row').filter({ hasText: id! });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-user', EDITOR);
  await expect(row).toContainText('ok');
});

test('malformed snapshot ids answer 404 through the proxy, on both replicas', async ({ request }) => {
  for (let i = 0; i < 2; i++) {
    expect((await request.get(`${lb.base}/api/snapshots/${encodeURIComponent("x' OR '1'='1")}`)).status()).toBe(404);
    expect((await request.get(`${lb.base}/s/not-a-snapshot-id`)).status()).toBe(404);
  }
});

test.describe('when the database goes away', () => {
  test.use({ allowConsoleErrors: true });

  test('pages that need no store keep serving, store pages and saves say so, nothing is half-written, and it comes back', async ({ page, request }) => {
    const before = await request.get(`${b.base}/api/snapshots/none`);
    expect(before.status()).toBe(404);
    await page.goto(`${b.base}${VPC_VIEW}`);
    await expect(page.getByTestId('share-snapshot')).toBeEnabled();
    db.pause();
    try {
      const health = await request.get(`${b.base}/api/health`);
      expect(health.status()).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, store: { kind: 'postgres', ok: false, error: 'The store does not answer.' } });

      expect(await share(page)).toBeNull();
      await expect(page.getByTestId('share-result')).toContainText('Could not save a snapshot');

      const graph = await page.goto(`${b.base}${VPC_VIEW}`);
      expect(graph?.status()).toBe(200);
      await expect(page.locator(`.react-flow__node[data-id="${DEMO.prod}"]`)).toBeVisible({ timeout: 20_000 });
      expect((await request.get(`${a.base}/api/topology?region=us-east-1&vpc=${DEMO.prod}`)).status()).toBe(200);

      await page.goto(`${b.base}/snapshots`);
      await expect(page.getByTestId('store-unavailable')).toContainText('The database does not answer');
      await page.goto(`${a.base}/audit`);
      await expect(page.getByTestId('store-unavailable')).toContainText('the audit log cannot be shown right now');
    } finally {
      db.resume();
    }
    await expect.poll(async () => (await request.get(`${b.base}/api/health`)).status(), { timeout: 20_000 }).toBe(200);
    await page.goto(`${b.base}${VPC_VIEW}`);
    const id = await share(page);
    expect(id).not.toBeNull();
    const client = new pg.Client(db.url);
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM snapshots');
    const audited = await client.query<{ n: string }>("SELECT count(*) AS n FROM audit WHERE action = 'SaveSnapshot' AND entry LIKE '%\"status\":\"ok\"%'");
    await client.end();
    // One snapshot from the test before, one now: the failed save left no row, and every row has its audit line.
    expect(Number(rows[0]?.n)).toBe(2);
    expect(Number(audited.rows[0]?.n)).toBe(2);
  });
});

test.describe('a replica killed mid-save', () => {
  test.use({ allowConsoleErrors: true });

  test('loses no snapshot it acknowledged: every link shown opens through the replica that is left', async ({ browser, request }) => {
    test.setTimeout(120_000);
    const pages = await Promise.all(Array.from({ length: 6 }, () => editorPage(browser, `${lb.base}${VPC_VIEW}`)));
    const servedBefore = lb.served.length;
    const saves = pages.map((p) => share(p).catch(() => null));
    // The saves are on their way to both replicas (round robin); A dies while some of them are in flight.
    await new Promise((r) => setTimeout(r, 150));
    a.kill();
    const ids = (await Promise.all(saves)).filter((id): id is string => id !== null);
    expect(lb.served.slice(servedBefore)).toContain(0);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const res = await request.get(`${b.base}/api/snapshots/${id}`);
      expect(res.status(), `acknowledged snapshot ${id}`).toBe(200);
      expect((await res.json()).vpcs.map((v: { id: string }) => v.id)).toContain(DEMO.prod);
    }
    const list = await request.get(`${b.base}/snapshots`);
    const html = await list.text();
    for (const id of ids) expect(html).toContain(id);
    await Promise.all(pages.map((p) => p.context().close()));
  });
});
