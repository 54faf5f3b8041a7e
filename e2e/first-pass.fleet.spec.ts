import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFleet } from '../scripts/lib/synth-fleet';
import { expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';

/**
 * The fleet page of a server's first pass, when nearly every row still waits for its first load: a server of this
 * file's own (the shared fleet server of fleet.spec.ts has finished its first pass before any test runs), a synthetic
 * 40 x 3 organization read one account-region at a time, each after 60 ms, so the pass lasts seconds.
 */

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 }, extraHTTPHeaders: { 'x-forwarded-email': 'viewer@example.com' } });

const TOTAL = 120;
let server: OwnServer | null = null;
let fixtureDir = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fixtureDir = mkdtempSync(path.join(os.tmpdir(), 'vpc-atlas-first-pass-'));
  writeFleet({ accounts: 40, regions: 3, seed: 7, broken: 0 }, fixtureDir);
  server = await startOwnServer({
    name: 'first-pass',
    portOffset: 42,
    editor: 'editor@example.com',
    env: { ATLAS_FIXTURE_DIR: fixtureDir, ATLAS_FLEET_CONCURRENCY: '1', ATLAS_FLEET_FIXTURE_DELAY_MS: '60' },
  });
});

test.afterAll(async () => {
  await server?.stop();
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

/** The text of the React flight data the HTML carries inline (the props of the page's client part among it). */
function flightOf(html: string): string {
  return [...html.matchAll(/<script[^>]*>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)]
    .map((m) => JSON.parse(m[1]!) as [number, string?])
    .map((chunk) => chunk[1] ?? '')
    .join('');
}

test('the first HTML of a pass carries whole only the rows it shows; the page then draws every row, 50 at a time, filters them, and fills them in', async ({ page }) => {
  // How many rows each change of the table adds once the HTML is parsed (React's commits: hydration adds none), and
  // how many of them still wait (a poll may add a row that loaded meanwhile in the same commit).
  await page.addInitScript(() => {
    const w = window as unknown as { rowBatches: Array<[number, number]> };
    w.rowBatches = [];
    document.addEventListener('DOMContentLoaded', () =>
      new MutationObserver((records) => {
        let added = 0;
        let waiting = 0;
        for (const r of records) {
          for (const node of r.addedNodes) {
            if (!(node instanceof HTMLElement) || !node.matches('tr[data-testid="fleet-row"]')) continue;
            added += 1;
            if (node.dataset.state === 'loading') waiting += 1;
          }
        }
        if (added) w.rowBatches.push([added, waiting]);
      }).observe(document.body, { childList: true, subtree: true }),
    );
  });
  const response = await page.goto(`${server!.base}/fleet`);
  const html = await response!.text();
  const shownInHtml = html.match(/data-testid="fleet-row"/g)?.length ?? 0;
  const loadedInHtml = html.match(/data-testid="fleet-row"[^>]*data-state="loaded"/g)?.length ?? 0;
  const more = Number(/(\d+)<!-- --> more account-region/.exec(html)?.[1]);
  expect(loadedInHtml).toBeGreaterThan(0);
  expect(shownInHtml).toBeLessThan(TOTAL);
  expect(shownInHtml + more).toBe(TOTAL);
  // A row object (every one has `accountSource`) only for the rows with something to show; the waiting ones, shown
  // or not, travel as account and region. Before, every one of the 120 rows came whole.
  const flight = flightOf(html);
  expect(flight.match(/"accountSource":/g)?.length ?? 0).toBeLessThanOrEqual(loadedInHtml);
  expect(flight.includes('"waiting":'), 'the waiting rows described').toBe(true);

  // Hydrated, while the pass still runs: every row is in the table, the waiting ones included, and a filter finds them.
  const rows = page.getByTestId('fleet-row');
  await expect(rows).toHaveCount(TOTAL);
  await expect(page.getByTestId('fleet-more-loading')).toHaveCount(0);
  // The rows the HTML left out came a frame's worth at a time, never in one long task.
  const batches = await page.evaluate(() => (window as unknown as { rowBatches: Array<[number, number]> }).rowBatches);
  expect(batches.reduce((n, [added]) => n + added, 0)).toBe(TOTAL - shownInHtml);
  expect(Math.max(...batches.map(([, waiting]) => waiting))).toBeLessThanOrEqual(50);
  await expect(page.getByTestId('fleet-progressbar')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/fleet-first-pass.png' });
  await page.getByTestId('filter-region').selectOption('eu-west-1');
  await expect(page.getByTestId('fleet-shown')).toHaveText(`Showing 40 of ${TOTAL} account-regions`);
  expect(await page.locator('[data-testid="fleet-row"][data-state="loading"]').count()).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // The polls fill the rows in: every one ends loaded, each with its link.
  await expect(page.getByTestId('fleet-progress-text')).toContainText(`${TOTAL} account-regions loaded`, { timeout: 60_000 });
  await expect(page.locator('[data-testid="fleet-row"][data-state="loaded"]')).toHaveCount(TOTAL);
  await expect(page.locator('[data-testid="fleet-row"] a[href^="/?region="]')).toHaveCount(TOTAL);
});
