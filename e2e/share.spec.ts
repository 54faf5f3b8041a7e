import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';

/** The prod VPC with one subnet selected: what a person shares. */
const VPC_VIEW = `/vpcs/${DEMO.prod}?region=us-east-1&sel=${DEMO.prodAppA}`;
const TOPOLOGY_KEYS = [
  'source',
  'region',
  'fetchedAt',
  'vpcs',
  'subnets',
  'routeTables',
  'endpoints',
  'internetGateways',
  'natGateways',
  'securityGroups',
  'prefixLists',
  'networkInterfaces',
  'warnings',
  // Added for real accounts (issue 20): the lists read beside the first ones, and each VPC's data problems.
  'egressOnlyInternetGateways',
  'carrierGateways',
  'transitGatewayAttachments',
  'zones',
  'dataWarnings',
].sort();

interface ContractTopology {
  source: string;
  region: string;
  fetchedAt: string;
  vpcs: { id: string; name: string }[];
  subnets: { id: string; vpcId: string; name: string; routeTableId: string | null }[];
  routeTables: { id: string; name: string; routes: { destination: string; target: string }[] }[];
  endpoints: { id: string; type: string; serviceName: string }[];
}

/** An item of the share toolbar's Share menu (copy link, exports), with the menu opened. */
async function shareMenuItem(page: Page, testId: string) {
  await page.getByTestId('share-menu').locator('summary').click();
  return page.getByTestId(testId);
}

/** Clicks "Share snapshot" on a VPC page and answers the short link it shows. */
async function shareSnapshot(page: Page, url = VPC_VIEW): Promise<string> {
  await page.goto(url);
  await page.getByTestId('share-snapshot').click();
  const link = page.getByTestId('share-link');
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
  return link.inputValue();
}

/** A page in a brand-new browser context (no cookies, no storage): someone else opening the link. */
async function freshPage(browser: Browser): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

function node(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Every URL the page requests from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

// What a comparison's marks look like: the pin's word, the ring's colour (topology-graph.css), the edge's stroke (ghost.ts).
const MARK = {
  added: { ring: 'rgba(16, 185, 129, 0.85)', stroke: 'rgb(5, 150, 105)' },
  removed: { ring: 'rgba(239, 68, 68, 0.85)', stroke: 'rgb(220, 38, 38)' },
  changed: { ring: 'rgba(245, 158, 11, 0.9)', stroke: 'rgb(217, 119, 6)' },
} as const;

/** The node is drawn with the comparison's pin and ring for `kind`. */
async function expectMark(page: Page, id: string, kind: keyof typeof MARK) {
  const box = node(page, id).locator(':scope > *').first();
  await expect(box.locator(`[data-diff="${kind}"]`)).toBeVisible({ timeout: 20_000 });
  await expect(box.locator(`[data-diff="${kind}"]`)).toHaveText(kind);
  await expect(box).toHaveCSS('box-shadow', new RegExp(`^${MARK[kind].ring.replace(/[()]/g, '\\$&')} 0px 0px 0px 4px`));
}

/** The edge is drawn, in the colour of `kind`, dashed when it was removed. */
async function expectEdgeMark(page: Page, id: string, kind: keyof typeof MARK) {
  const path = page.locator(`.react-flow__edge[data-id="${id}"] .react-flow__edge-path`);
  // Attached rather than visible: a straight edge's path has a box of no height, which Playwright calls hidden.
  await expect(path).toBeAttached();
  await expect(path).toHaveCSS('stroke', MARK[kind].stroke);
  await expect(path).toHaveCSS('stroke-width', '3px');
  if (kind === 'removed') await expect(path).toHaveCSS('stroke-dasharray', '6px, 4px');
}

test.describe('snapshots', () => {
  test('a snapshot link shows the same nodes and selection in a fresh browser, with capture time, region and source', async ({ page, browser, request }) => {
    const current = (await (await request.get(`/api/topology?region=us-east-1&vpc=${DEMO.prod}`)).json()) as ContractTopology;
    const link = await shareSnapshot(page);

    const other = await freshPage(browser);
    const response = await other.page.goto(link);
    expect(response?.status()).toBe(200);
    await expect(other.page.getByTestId('snapshot-region')).toHaveText('us-east-1');
    await expect(other.page.getByTestId('snapshot-source')).toHaveText('fixture');
    await expect(other.page.getByTestId('snapshot-captured')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    await expect(other.page.getByText('Read-only snapshot')).toBeVisible();

    // Every subnet, route table and endpoint of the VPC is a node of the frozen graph.
    await expect(node(other.page, DEMO.prodAppA)).toBeAttached({ timeout: 20_000 });
    for (const id of [...current.subnets, ...current.routeTables, ...current.endpoints].map((r) => r.id)) {
      await expect(node(other.page, id), id).toBeAttached();
    }
    // The selection the sender had is the selection the recipient sees.
    await expect(other.page.getByTestId('inspector-id')).toHaveText(DEMO.prodAppA);
    // Read-only: nothing offers to create or change resources.
    await expect(other.page.getByRole('link', { name: /create an endpoint/i })).toHaveCount(0);
    await expect(other.page.getByTestId('share-snapshot')).toHaveCount(0);

    // It is listed, and renamed in place.
    await other.page.goto('/snapshots');
    const id = link.split('/s/')[1]!;
    const row = other.page.locator(`tr[data-snapshot-id="${id}"]`);
    await expect(row).toContainText(DEMO.prod);
    await row.getByRole('button', { name: /^Rename/ }).click();
    await row.getByLabel('Snapshot title').fill('prod before the S3 change');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByRole('link', { name: 'prod before the S3 change' })).toBeVisible();
    await other.page.goto(link);
    await expect(other.page.getByTestId('snapshot-title')).toHaveText('prod before the S3 change');
    expect(other.errors).toEqual([]);
    await other.close();
  });

  test('a snapshot is drawn from the layout the server sent, with the findings of the live page, read-only', async ({ page }) => {
    const link = await shareSnapshot(page, `/vpcs/${DEMO.prod}?region=us-east-1`);
    const requests = recordRequests(page);
    await page.goto(link);
    await expect(node(page, DEMO.prodAppA)).toBeVisible({ timeout: 20_000 });
    // The same overlay as the VPC page: prod-private-c sends S3 and DynamoDB through NAT, two medium findings.
    await expect(node(page, 'rtb-0c308cb081b784055').locator('[data-finding-count]')).toHaveAttribute('data-finding-count', '2');
    // No ELK in the browser: the first picture needs no layout worker.
    expect(requests.filter((u) => /layout\.worker/.test(u))).toEqual([]);
    expect(requests.some((u) => /\/_next\/static\/chunks\//.test(u))).toBe(true);
    // Read-only: a finding's fix is not offered from a frozen view.
    await node(page, 'rtb-0c308cb081b784055').click();
    await expect(page.getByTestId('inspector-findings')).toBeVisible();
    await expect(page.getByTestId('inspector-findings').getByRole('link', { name: /fix|create/i })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('snapshot.png') });
  });

  test('Copy link copies the current view; the link reopens that selection elsewhere', async ({ page, browser, baseURL }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    const link = await shareSnapshot(page);
    await page.goto(link);
    await expect(node(page, DEMO.prodPrivateA)).toBeAttached({ timeout: 20_000 });
    // Select another node (the subnet's route table, from the inspector): the canvas writes it into the URL.
    await page.getByTestId('graph-inspector').locator(`[data-ref="${DEMO.prodPrivateA}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`sel=${DEMO.prodPrivateA}`));
    // The canvas pans to the selection and writes that viewport into the URL a moment later: copy once it has settled.
    await expect
      .poll(async () => {
        const before = page.url();
        await page.waitForTimeout(400);
        return page.url() === before;
      })
      .toBe(true);
    await (await shareMenuItem(page, 'copy-link')).click();
    await expect(page.getByTestId('copy-link')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());

    const other = await freshPage(browser);
    await other.page.goto(copied);
    await expect(other.page.getByTestId('inspector-id')).toHaveText(DEMO.prodPrivateA, { timeout: 20_000 });
    expect(other.errors).toEqual([]);
    await other.close();
  });

  test('Export JSON of a snapshot is the frozen topology in the contract shape', async ({ page, request }) => {
    const link = await shareSnapshot(page);
    const id = link.split('/s/')[1]!;
    const api = await request.get(`/api/snapshots/${id}`);
    expect(api.status()).toBe(200);
    expect(api.headers()['content-type']).toContain('application/json');
    const body = (await api.json()) as ContractTopology & Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(TOPOLOGY_KEYS);
    expect(body).toMatchObject({ source: 'fixture', region: 'us-east-1' });
    expect(body.vpcs.map((v) => v.id)).toEqual([DEMO.prod]);
    expect(body.subnets.map((s) => s.id)).toContain(DEMO.prodAppA);
    expect(body.endpoints.map((e) => e.id)).toContain(DEMO.prodS3);
    for (const s of body.subnets) expect(s).toEqual(expect.objectContaining({ id: expect.any(String), vpcId: DEMO.prod, cidr: expect.any(String), az: expect.any(String) }));

    // The button downloads the same document.
    await page.goto(link);
    const [download] = await Promise.all([page.waitForEvent('download'), shareMenuItem(page, 'export-json').then((item) => item.click())]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(body);
  });

  test('a snapshot stays what it was: the compare page of an unchanged VPC lists no changes', async ({ page }) => {
    const link = await shareSnapshot(page, `/vpcs/${DEMO.shared}?region=us-east-1`);
    await page.goto(`${link}/compare/now`);
    await expect(page.getByRole('heading', { name: 'What changed' })).toBeVisible();
    await expect(page.getByTestId('compare-after')).toContainText('now');
    await expect(page.getByTestId('no-changes')).toBeVisible();
    await expect(page.locator('[data-count="added"]')).toHaveText('0 added');
  });

  test('the link preview is a PNG drawn from the snapshot, and the page carries Open Graph tags', async ({ page, request }) => {
    const link = await shareSnapshot(page);
    await page.goto(link);
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(ogImage).toMatch(/^https?:\/\/.+\/s\/[A-Za-z0-9_-]{22}\/opengraph-image/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /prod/);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /subnets/);
    // Absolute through the root layout's metadataBase, on the snapshot's page and on its compare page.
    const origin = new URL(page.url()).origin;
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', `${origin}${new URL(link).pathname}`);
    await page.goto(`${link}/compare/now`);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`^${origin}/s/[A-Za-z0-9_-]{22}/opengraph-image`));
    await page.goto(link);
    const image = await request.get(new URL(ogImage!).pathname + new URL(ogImage!).search);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    const bytes = await image.body();
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.readUInt32BE(16)).toBe(1200);
    expect(bytes.readUInt32BE(20)).toBe(630);
    expect(bytes.length).toBeGreaterThan(15_000);
  });
});

test.describe('link previews of VPC pages', () => {
  /** The og:image and twitter:image of a page, fetched: their URL and the PNG. */
  async function previewOf(page: Page, url: string) {
    await page.goto(url);
    const og = await page.locator('meta[property="og:image"]').getAttribute('content');
    await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', og!);
    const image = await page.request.get(og!);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    const bytes = await image.body();
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
    return { url: new URL(og!), bytes };
  }

  test('the preview image carries the region and source of the link and draws that VPC', async ({ page, request }, info) => {
    const { url, bytes } = await previewOf(page, `/vpcs/${DEMO.euProd}?source=fixture&region=eu-west-1&sel=x`);
    expect(url.pathname).toBe(`/vpcs/${DEMO.euProd}/preview-image`);
    expect(url.search).toBe('?source=fixture&region=eu-west-1');
    writeFileSync(info.outputPath('eu-prod-preview.png'), bytes);
    // Without the region the VPC is looked for in the default one, where it is not: a card with its id only.
    const elsewhere = await request.get(url.pathname);
    expect(elsewhere.headers()['content-type']).toBe('image/png');
    expect(bytes.length).toBeGreaterThan(1.5 * (await elsewhere.body()).length);
  });

  test('a bad region in the link falls back like the page, and the card still draws', async ({ page, request }, info) => {
    const { url, bytes } = await previewOf(page, `/vpcs/${DEMO.prod}?region=mars-north-9`);
    expect(url.searchParams.get('region')).toBe('mars-north-9');
    // Prod lives in the default region the page falls back to: drawn.
    expect(bytes.length).toBeGreaterThan(15_000);
    writeFileSync(info.outputPath('bad-region-preview.png'), bytes);
    expect((await request.get('/vpcs/not-a-vpc/preview-image?region=us-east-1')).status()).toBe(404);
    expect((await request.get(`/vpcs/${DEMO.prod}/preview-image?source=bogus&region=%00`)).status()).toBe(200);
  });
});

test.describe('exports of the diagram', () => {
  test('Export PNG downloads a valid PNG of the canvas at twice its size', async ({ page }) => {
    const link = await shareSnapshot(page);
    await page.goto(link);
    await expect(node(page, DEMO.prodAppA)).toBeAttached({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), shareMenuItem(page, 'export-png').then((item) => item.click())]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^vpc-atlas-${DEMO.prod}-.*\\.png$`));
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    // Twice the on-screen canvas (1400 px wide viewport, less page margins and the inspector).
    expect(width).toBeGreaterThan(1000);
    expect(width).toBeLessThan(2 * 1400 + 1);
    expect(height).toBeGreaterThan(800);
    expect(bytes.length).toBeGreaterThan(50_000);
    expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
  });

  test('Export SVG contains the labels of the nodes on screen', async ({ page }) => {
    const link = await shareSnapshot(page);
    await page.goto(link);
    await expect(node(page, DEMO.prodAppA)).toBeAttached({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), shareMenuItem(page, 'export-svg').then((item) => item.click())]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['prod-app-a', 'prod-private-a', 'prod-public']) expect(svg).toContain(label);
    // The legend is part of the picture; the search box is not.
    expect(svg).toContain('Legend');
    expect(svg).not.toContain('Find id, name');
  });
});

test.describe('bad snapshot links', () => {
  test.use({ allowConsoleErrors: true });

  test('a tampered or malformed id is a 404 page, and the JSON export a 404 too', async ({ page, request }) => {
    const link = await shareSnapshot(page);
    const id = link.split('/s/')[1]!;
    const tampered = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [tampered, 'not-a-snapshot', `${id}x!`, '..%2f..%2fetc']) {
      const r = await page.goto(`/s/${bad}`);
      expect(r?.status(), bad).toBe(404);
    }
    await expect(page.getByRole('heading', { name: 'Snapshot not found' })).toBeVisible();
    expect((await page.goto(`/s/${tampered}/compare/now`))?.status()).toBe(404);
    expect((await page.goto(`/s/${id}/compare/${tampered}`))?.status()).toBe(404);
    expect((await request.get(`/api/snapshots/${tampered}`)).status()).toBe(404);
    expect((await request.get(`/s/${tampered}/opengraph-image`)).status()).toBe(404);
  });

  test('a deleted snapshot is a 404 from then on', async ({ page }) => {
    const link = await shareSnapshot(page);
    const id = link.split('/s/')[1]!;
    await page.goto('/snapshots');
    const row = page.locator(`tr[data-snapshot-id="${id}"]`);
    await row.getByRole('button', { name: /^Delete/ }).click();
    await row.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(row).toHaveCount(0);
    expect((await page.goto(link))?.status()).toBe(404);
  });
});

/**
 * A port nothing listens on, for tests that start their own server: from this run's block (E2E_PORT plus an
 * offset no other spec uses: see e2e/own-server.ts), so runs with different E2E_PORTs never collide.
 */
async function freePort(): Promise<number> {
  const base = Number(process.env.E2E_PORT ?? 3210);
  for (const offset of [5, 6, 8]) {
    const port = base + offset;
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`ports ${base + 5}, ${base + 6} and ${base + 8} are taken; stop what listens there or set E2E_PORT`);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGKILL');
  await exited;
}

/** A server of the test's own, on its own data folder, started and killed by the test itself. */
function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, PORT: String(port), ATLAS_SOURCE: 'fixture', ATLAS_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.ok) return resolve(child);
      } catch {
        // Not listening yet.
      }
      if (child.exitCode !== null || Date.now() > deadline) return reject(new Error(`server on ${port} did not start`));
      setTimeout(poll, 250);
    };
    void poll();
  });
}

test('a snapshot link still works after the server is killed and started again', async ({ page }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-restart-'));
  let server = await startServer(port, dataDir);
  try {
    const link = await shareSnapshot(page, `http://127.0.0.1:${port}${VPC_VIEW}`);
    // Leave the page first: a page left open on a dead server logs failed requests.
    await page.goto('about:blank');
    // SIGKILL: no shutdown hooks run, as in a crash.
    await stopServer(server);
    server = await startServer(port, dataDir);
    const r = await page.goto(link);
    expect(r?.status()).toBe(200);
    await expect(page.getByTestId('snapshot-title')).toContainText('prod');
    await expect(node(page, DEMO.prodAppA)).toBeAttached({ timeout: 20_000 });
  } finally {
    await page.goto('about:blank');
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('compare with now shows an endpoint created through the form as added, in the list and on the graph', async ({ page }) => {
  test.setTimeout(120_000);
  // A server of its own: the endpoint this test creates must not change what other specs count in the demo data.
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-compare-'));
  const server = await startServer(port, dataDir);
  const origin = `http://127.0.0.1:${port}`;
  try {
    const link = await shareSnapshot(page, `${origin}/vpcs/${DEMO.staging}?region=us-east-1`);

    await page.goto(`${origin}/endpoints/new?region=us-east-1&vpc=${DEMO.staging}&type=gateway&service=dynamodb&routeTables=${DEMO.stagingMain}`);
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    await expect(page).toHaveURL(new RegExp(`/vpcs/${DEMO.staging}\\?.*vpce-`));
    const endpointId = [...new URL(page.url()).searchParams.values()].find((v) => v.startsWith('vpce-'))!;

    // The snapshot itself did not move.
    await page.goto(link);
    await expect(node(page, DEMO.stagingMain)).toBeAttached({ timeout: 20_000 });
    await expect(node(page, endpointId)).toHaveCount(0);

    await page.goto(`${link}/compare/now`);
    const added = page.locator(`[data-testid="change-list"] li[data-change="added"][data-resource="endpoint"]`);
    await expect(added).toHaveCount(1);
    await expect(added).toHaveAttribute('data-id', endpointId);
    await expect(added).toContainText('dynamodb');
    await expect(page.locator(`[data-testid="change-list"] li[data-change="added"][data-resource="route"]`)).toContainText(DEMO.stagingMain);
    await expect(page.locator('[data-count="added"]')).toHaveText('2 added');
    await expect(page.locator('[data-count="removed"]')).toHaveText('0 removed');
    // Drawn, and marked: the new endpoint and its route in green, the table that got the route in amber.
    await expectMark(page, endpointId, 'added');
    await expectMark(page, DEMO.stagingMain, 'changed');
    await expectEdgeMark(page, `${DEMO.stagingMain}->${endpointId}`, 'added');
    await expect(page.locator('[data-diff]')).toHaveCount(2);
    await page.screenshot({ path: test.info().outputPath('compare-added.png') });

    // The other way round (the later snapshot first), the same endpoint is what was removed: red, its route dashed.
    const later = await shareSnapshot(page, `${origin}/vpcs/${DEMO.staging}?region=us-east-1`);
    const requests = recordRequests(page);
    await page.goto(`${later}/compare/${link.split('/s/')[1]!}`);
    await expect(page.locator('[data-count="removed"]')).toHaveText('2 removed');
    await expectMark(page, endpointId, 'removed');
    await expectMark(page, DEMO.stagingMain, 'changed');
    await expectEdgeMark(page, `${DEMO.stagingMain}->${endpointId}`, 'removed');
    await expect(node(page, endpointId).locator(':scope > *').first()).toHaveCSS('opacity', '0.75');
    // The compared graph came laid out with the page.
    expect(requests.filter((u) => /layout\.worker/.test(u))).toEqual([]);
    // The page's own legend of the colours, beside the canvas's.
    await expect(page.getByTestId('change-counts')).toContainText('0 added');
    await page.screenshot({ path: test.info().outputPath('compare-removed.png') });
  } finally {
    await page.goto('about:blank');
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
