import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The fleet page against a synthetic organization (playwright.config.ts, project `fleet`: `fixtures:synth --fleet
 * 40x3 --broken 1`, read one account-region at a time so the rows visibly stream in). The second account's
 * describe-vpcs.json files are truncated: its rows (analytics-prod, second by name) fail early in the pass, while the
 * others load.
 */
const TOTAL = 120;
const BROKEN_ROWS = 3;

const rows = (page: Page) => page.getByTestId('fleet-row');
const loadedText = `${TOTAL} account-regions loaded`;

async function fleetLoaded(page: Page) {
  await expect(page.getByTestId('fleet-progress-text')).toContainText(loadedText, { timeout: 60_000 });
}

/** A pass that runs now, started with Refresh on a page that shows the last one's result. */
async function runningPass(page: Page, path = '/fleet') {
  await page.goto(path);
  await fleetLoaded(page);
  await page.getByTestId('fleet-refresh').click();
  await expect(page.getByTestId('fleet-progressbar')).toBeVisible();
}

/** How many account-regions the progress bar counts as done; all of them once the bar is gone. */
const doneOf = (page: Page) =>
  page.evaluate((total) => Number(document.querySelector('[data-testid="fleet-progressbar"]')?.getAttribute('aria-valuenow') ?? total), TOTAL);

test.describe.configure({ mode: 'serial' });

// The first pass starts with the first request and warms the server; the tests watch later passes (Refresh),
// which stream the same way and must keep the last result on screen meanwhile.
test.beforeAll(async ({ request }) => {
  const res = await request.get('/api/fleet?wait=1', { timeout: 120_000 });
  expect(res.status()).toBe(200);
  expect((await res.json()).done).toBe(TOTAL);
});

test('rows stream in under a progress bar, and a failed account says why while the others load', async ({ page }) => {
  // Sorted by state: failed rows first, then the ones still loading.
  await runningPass(page, '/fleet?sort=state');
  const bar = page.getByTestId('fleet-progressbar');
  await expect(bar).toHaveAttribute('aria-valuemax', String(TOTAL));
  await expect(page.getByTestId('fleet-progress-text')).toHaveText(new RegExp(`Refreshing: \\d+ of ${TOTAL} account-regions`));
  const before = await doneOf(page);
  expect(before).toBeLessThan(TOTAL);
  // A row being read again keeps its last numbers on screen, with their age.
  const reloading = page.locator('[data-testid="fleet-row"][data-state="loading"]').filter({ hasText: 'Refreshing · last' }).first();
  await expect(reloading).toBeVisible();
  await expect(reloading.locator('td').nth(3)).toHaveText(/^\d+$/);

  // The broken account (the second) fails with the file's name while other rows are still loading.
  const failed = page.locator('[data-testid="fleet-row"][data-state="failed"]');
  const loading = page.locator('[data-testid="fleet-row"][data-state="loading"]');
  await expect
    .poll(async () => (await failed.count()) === BROKEN_ROWS && (await loading.count()) > 0 && (await bar.isVisible()), { timeout: 30_000, intervals: [100] })
    .toBe(true);
  await expect(failed.first().getByTestId('row-problem')).toContainText('describe-vpcs.json');
  await expect(rows(page).first()).toHaveAttribute('data-state', 'failed');
  await page.screenshot({ path: 'test-results/screens/fleet-loading.png' });

  // The same page, not reloaded, fills in: the bar moves on and every row ends loaded or failed.
  await expect.poll(() => doneOf(page), { timeout: 30_000 }).toBeGreaterThan(before);
  await fleetLoaded(page);
  await expect(bar).toBeHidden();
  await expect(rows(page)).toHaveCount(TOTAL);
  await expect(page.locator('[data-testid="fleet-row"][data-state="loading"]')).toHaveCount(0);
  await expect(failed).toHaveCount(BROKEN_ROWS);
  await expect(page.getByTestId('fleet-age')).toContainText(/Finished .* UTC/);
  await page.screenshot({ path: 'test-results/screens/fleet-loaded.png' });
});

test('the page answers filters while rows are still loading', async ({ page }) => {
  await runningPass(page);
  await page.getByTestId('filter-state').selectOption('failed');
  await expect(page).toHaveURL(/[?&]state=failed/);
  await expect(page.getByTestId('fleet-progressbar')).toBeVisible();
  await expect(rows(page).first()).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await fleetLoaded(page);
});

test('before the page’s script runs the filters are usable, with no wait cursor, and a choice made then is applied when it runs', async ({ page }) => {
  // Hold the page's scripts (not its styles, which inline scripts wait for): the server's HTML alone, as on a slow connection.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/**', async (route) => {
    if (route.request().resourceType() === 'script') await held;
    await route.continue();
  });
  await page.goto('/fleet', { waitUntil: 'commit' });
  await expect(rows(page).first()).toBeVisible({ timeout: 30_000 });
  const state = page.getByTestId('filter-state');
  await expect(state).toBeEnabled();
  for (const id of ['filter-account', 'filter-region', 'filter-state']) {
    expect(await page.getByTestId(id).evaluate((el) => getComputedStyle(el).cursor)).not.toBe('wait');
  }
  await state.selectOption('failed');
  await expect(page).toHaveURL(/\/fleet$/);
  await page.screenshot({ path: 'test-results/screens/fleet-before-script.png', clip: { x: 0, y: 0, width: 1440, height: 400 } });
  release();
  await expect(page).toHaveURL(/\/fleet\?state=failed$/);
  await expect(state).toHaveValue('failed');
  await expect(rows(page)).toHaveCount(BROKEN_ROWS);
  for (const row of await rows(page).all()) await expect(row).toHaveAttribute('data-state', 'failed');
});

test('the first rows of a pass come in the page itself, shown without the page’s script', async ({ browser, request }) => {
  // A pass whose rows load in well under a second: the page waits for its first row and goes out with the table in
  // it, instead of a placeholder that a script swaps for the table (which a page without scripts never showed).
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    expect((await request.get('/api/fleet?refresh=1')).status()).toBe(200);
    await page.goto('/fleet');
    await expect(page.getByTestId('fleet-progress-text')).toHaveText(new RegExp(`Refreshing: [1-9]\\d* of ${TOTAL} account-regions`));
    await expect(page.locator('[data-testid="fleet-row"]:not([data-state="loading"])').first()).toBeVisible();
    await expect(rows(page)).toHaveCount(TOTAL);
  } finally {
    await context.close();
    await request.get('/api/fleet?wait=1', { timeout: 120_000 });
  }
});

test('filters by severity with the choice in the URL, kept on reload, and sorts by cost', async ({ page }) => {
  await page.goto('/fleet');
  await fleetLoaded(page);
  await page.getByTestId('filter-severity').selectOption('high');
  await expect(page).toHaveURL(/\/fleet\?severity=high$/);
  const shown = await rows(page).count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(TOTAL);
  for (const row of await rows(page).all()) await expect(row.locator('[data-severity="high"]')).toBeVisible();
  await expect(page.getByTestId('fleet-shown')).toHaveText(`Showing ${shown} of ${TOTAL} account-regions`);

  await page.getByRole('button', { name: /^NAT \$\/mo/ }).click();
  await expect(page).toHaveURL(/severity=high&sort=nat&desc=1$/);
  const nat = await page.locator('[data-testid="fleet-row"] td:nth-child(7)').allTextContents();
  const dollars = nat.map((t) => Number(t.replace(/[$,]/g, '')));
  expect(dollars).toEqual([...dollars].sort((a, b) => b - a));

  await page.reload();
  await expect(page.getByTestId('filter-severity')).toHaveValue('high');
  await expect(rows(page)).toHaveCount(shown);
  await page.screenshot({ path: 'test-results/screens/fleet-filtered.png' });
});

test('long account names are cut short with the whole name in a tooltip', async ({ page }) => {
  await page.goto('/fleet?account=Customer%20Data');
  await fleetLoaded(page);
  const name = page.getByTestId('account-name').first();
  await expect(name).toHaveAttribute('title', /^Customer Data Platform - Analytics Production \(EU data residency\) \(\d{12}\)$/);
  expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});

test('a fleet finding opens its VPC in the right account and region with the resource selected', async ({ page }) => {
  await page.goto('/fleet');
  await fleetLoaded(page);
  const group = page.locator('[data-testid="fleet-finding"][data-rule="nat-to-gateway-service"]');
  await expect(group.getByTestId('fleet-finding-headline')).toHaveText(/^NAT instead of gateway endpoint in \d+ VPCs of \d+ accounts, about \$[\d,.]+ a month$/);
  await group.locator('summary').click();
  const link = group.getByTestId('fleet-finding-link').first();
  const href = (await link.getAttribute('href'))!;
  const url = new URL(href, 'http://x');
  const vpcId = url.pathname.split('/').pop()!;
  const account = url.searchParams.get('account')!;
  const region = url.searchParams.get('region')!;
  const selected = url.searchParams.get('selected') ?? url.searchParams.get('sel');
  expect(vpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
  expect(account).toMatch(/^\d{12}$/);
  expect(selected).toBeTruthy();

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/vpcs/${vpcId}\\?`));
  expect(new URL(page.url()).searchParams.get('account')).toBe(account);
  expect(new URL(page.url()).searchParams.get('region')).toBe(region);
  // VPC ids are per account: the page could only draw this VPC from the account the link named.
  await expect(page.getByTestId('inspector-id')).toHaveText(selected!, { timeout: 30_000 });
  // The fix is the gateway endpoint form, whose writes this account refuses: no Fix link, a note saying why.
  const finding = page.getByTestId('inspector-findings').locator('li[data-rule="nat-to-gateway-service"]').first();
  await expect(finding.getByTestId('fix-refused')).toHaveText(/writes only to the server’s own account/);
  await expect(finding.getByRole('link', { name: 'Fix', exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/fleet-finding-opened.png' });

  // The findings page of the same account says the same instead of its "Create the gateway endpoint" button.
  await page.goto(`/findings?region=${region}&account=${account}&vpc=${vpcId}`);
  const card = page.locator('[data-testid="finding"][data-rule="nat-to-gateway-service"]').first();
  await expect(card.getByTestId('fix-refused')).toBeVisible();
  await expect(card.getByTestId('fix-link')).toHaveCount(0);
  // Links that only show keep working: a resource opens in the same account.
  await expect(card.getByTestId('resource-link').first()).toHaveAttribute('href', new RegExp(`account=${account}`));
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/fleet-findings-fix-refused.png' });
});

test('Share snapshot freezes the fleet; the snapshot opens read-only with the same rows and filters', async ({ page }) => {
  await page.goto('/fleet?state=failed');
  await fleetLoaded(page);
  await page.getByTestId('share-snapshot').click();
  const link = page.getByTestId('share-link');
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
  const path = new URL(await link.inputValue()).pathname;

  await page.goto(path);
  await expect(page.getByTestId('snapshot-facts')).toContainText('Read-only fleet snapshot');
  await expect(page.getByTestId('snapshot-title')).toContainText(`Fleet: 40 accounts, ${TOTAL} account-regions`);
  await expect(page.getByTestId('filter-state')).toHaveValue('failed');
  await expect(rows(page)).toHaveCount(BROKEN_ROWS);
  await expect(page.getByTestId('fleet-refresh')).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(page)).toHaveCount(TOTAL);
  await expect(page.getByTestId('fleet-finding-link')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/fleet-snapshot.png' });
});

test('a fleet snapshot is listed on /snapshots as a fleet with what it covers, and can be renamed and deleted', async ({ page }) => {
  await page.goto('/fleet');
  await fleetLoaded(page);
  await page.getByTestId('share-snapshot').click();
  const path = new URL(await page.getByTestId('share-link').inputValue()).pathname;
  const id = path.split('/s/')[1]!;

  await page.goto('/snapshots');
  const row = page.locator(`tr[data-snapshot-id="${id}"]`);
  await expect(row.getByTestId('snapshot-fleet-coverage')).toHaveText('Fleet40 accounts × 3 regions');
  await expect(row.getByRole('link', { name: 'Compare with now' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/snapshots-with-fleet.png' });

  await row.getByRole('button', { name: /^Rename/ }).click();
  await row.getByLabel('Snapshot title').fill('Fleet before the S3 endpoints');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('link', { name: 'Fleet before the S3 endpoints' })).toBeVisible();
  await row.getByRole('link', { name: 'Fleet before the S3 endpoints' }).click();
  await expect(page.getByTestId('snapshot-title')).toContainText('Fleet before the S3 endpoints');

  await page.goto('/snapshots');
  await row.getByRole('button', { name: /^Delete/ }).click();
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(row).toHaveCount(0);
  expect((await page.request.get(path)).status()).toBe(404);
});
