import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { countsOf, writeSynth } from '../scripts/lib/synth';
import { expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';

/**
 * Issue 21, item 1: the semantic overview of a big VPC. The L synthetic account (one VPC at AWS's default quotas:
 * 200 subnets, 200 route tables, 50 interface endpoints) in us-east-1 and the XL one (five such VPCs) in us-west-2,
 * served by a server of this file's own (`npm run fixtures:synth` data, not the demo's). At 1440 x 900 the first
 * screen must answer "which subnets reach S3 how" without zooming: every route-table class and every gateway
 * labelled at a size a person reads (11 CSS px on screen or more), and opening a class puts it in the link.
 */

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 }, extraHTTPHeaders: { 'x-forwarded-email': 'viewer@example.com' } });

const L_REGION = 'us-east-1';
const XL_REGION = 'us-west-2';
let server: OwnServer | null = null;
let base = '';
let fixtureDir = '';
let vpcL = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fixtureDir = mkdtempSync(path.join(os.tmpdir(), 'vpc-atlas-overview-'));
  const l = writeSynth({ size: 'L', seed: 1, region: L_REGION }, fixtureDir);
  writeSynth({ size: 'XL', seed: 1, region: XL_REGION }, fixtureDir);
  vpcL = countsOf(l)[0]?.vpc ?? '';
  server = await startOwnServer({ name: 'overview', portOffset: 26, editor: 'editor@example.com', env: { ATLAS_FIXTURE_DIR: fixtureDir } });
  base = server.base;
});

test.afterAll(async () => {
  await server?.stop();
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

const graphOf = (page: Page) => page.getByTestId('graph');

async function ready(page: Page) {
  await expect(graphOf(page)).toHaveAttribute('data-graph-ready', 'true', { timeout: 30_000 });
}

/** Text of each matching element and its size on screen: its font size times the canvas's zoom. */
function screenText(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
    return [...document.querySelectorAll<HTMLElement>(sel)].map((el) => {
      const r = el.getBoundingClientRect();
      const onScreen = r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
      return { text: el.textContent ?? '', px: Math.round(parseFloat(getComputedStyle(el).fontSize) * zoom * 10) / 10, onScreen };
    });
  }, selector);
}

/** Every label of `selector` is on screen and at least 11 px tall. */
async function expectReadable(page: Page, selector: string, count: number) {
  const labels = await screenText(page, selector);
  expect(labels, selector).toHaveLength(count);
  for (const l of labels) {
    expect(l.onScreen, `${l.text} on screen`).toBe(true);
    expect(l.px, `${l.text} at ${l.px} px`).toBeGreaterThanOrEqual(11);
  }
  return labels.map((l) => l.text);
}

const classNodes = (page: Page) => graphOf(page).locator('.react-flow__node-routeClass');
const classNamed = (page: Page, title: string): Locator => classNodes(page).filter({ has: page.getByTestId('group-title').getByText(title, { exact: true }) });

test('the L VPC opens on its route-table classes, tiers and gateways, every label readable without zooming', async ({ page }, testInfo) => {
  await page.goto(`${base}/vpcs/${vpcL}?region=${L_REGION}`);
  await ready(page);
  await expect(graphOf(page)).toHaveAttribute('data-overview', 'true');

  // Four classes (66 + 89 + 23 private tables, 21 public ones); the main table, alone in its class, is itself.
  const titles = await expectReadable(page, '.react-flow__node-routeClass [data-testid="group-title"]', 4);
  expect(titles.sort()).toEqual(['21 public tables', '23 private tables', '66 private tables', '89 private tables']);
  await expect(classNamed(page, '66 private tables')).toContainText('0.0.0.0/0 → NAT of their AZ');
  await expect(classNamed(page, '66 private tables')).toContainText('S3 + DynamoDB → gateway endpoints');
  await expect(classNamed(page, '89 private tables')).toContainText('S3 → gateway endpoint');

  // Gateways are always labelled: the internet gateway, both gateway endpoints, the three NAT gateways, the transit gateway.
  await expectReadable(page, '.react-flow__node-internetGateway .atlas-node-title', 1);
  const gatewayEndpoints = await expectReadable(page, '.react-flow__node-gatewayEndpoint .atlas-node-title', 2);
  expect(gatewayEndpoints.sort()).toEqual(['DynamoDB', 'S3']);
  await expectReadable(page, '.react-flow__node-natGateway .atlas-node-title', 3);
  await expectReadable(page, '.react-flow__node-external .atlas-node-title', 1);
  // Subnets as tiers per AZ (public and three private ones in each of the three AZs), interface endpoints as one class.
  await expectReadable(page, '.react-flow__node-subnetTier [data-testid="group-title"]', 12);
  await expectReadable(page, '.react-flow__node-endpointClass [data-testid="group-title"]', 1);

  // Which subnets reach S3 how: the tiers' edges say how many subnets go to each class, the classes name their
  // routes, and the three private classes' edges end on one stretch into the S3 endpoint, labelled with the total.
  const s3Labels = graphOf(page).locator('.atlas-edge-label').filter({ hasText: /^s3 \(pl-[0-9a-f]+\) · 178 tables$/ });
  await expect(s3Labels).toHaveCount(1);
  await expect(s3Labels).toBeInViewport();
  await expect(graphOf(page).getByText('30 subnets', { exact: true }).first()).toBeVisible();

  await page.screenshot({ path: testInfo.outputPath('overview-L-1440x900.png') });
});

test('opening a class shows its tables in place and puts it in the link; a reload keeps it open; closing it brings the class back', async ({ page }) => {
  await page.goto(`${base}/vpcs/${vpcL}?region=${L_REGION}`);
  await ready(page);
  const tables = graphOf(page).locator('.react-flow__node-routeTable');
  await expect(tables).toHaveCount(1);

  await classNamed(page, '23 private tables').click();
  await expect(tables).toHaveCount(24, { timeout: 30_000 });
  await expect(classNamed(page, '23 private tables')).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]open=vpc-[0-9a-f]+%2Frtc-[0-9a-z]+/);
  const openBar = page.getByTestId('open-groups');
  await expect(openBar.getByRole('button', { name: 'Close 23 private tables' })).toBeVisible();
  const link = page.url();

  // The same link, opened again (a colleague's tab): the class is still open, laid out by the server.
  await page.goto(link);
  await ready(page);
  await expect(tables).toHaveCount(24);
  await expect(page.getByTestId('open-groups')).toContainText('23 private tables');

  await page.getByRole('button', { name: 'Close 23 private tables' }).click();
  await expect(classNamed(page, '23 private tables')).toHaveCount(1, { timeout: 30_000 });
  await expect(tables).toHaveCount(1);
  await expect(page).not.toHaveURL(/[?&]open=/);
});

test('a tier opens into its subnets in its AZ', async ({ page }) => {
  await page.goto(`${base}/vpcs/${vpcL}?region=${L_REGION}`);
  await ready(page);
  const tier = graphOf(page).locator('.react-flow__node-subnetTier').filter({ hasText: '8 private subnets' }).first();
  await tier.click();
  await expect(graphOf(page).locator('.react-flow__node-subnet')).toHaveCount(1 + 8, { timeout: 30_000 });
  await expect(page).toHaveURL(/[?&]open=vpc-[0-9a-f]+%2Frtc-[0-9a-z]+%2Fus-east-1[abc]%2Fprivate/);
});

test('the XL region opens on five VPCs of classes, each class and gateway labelled', async ({ page }, testInfo) => {
  await page.goto(`${base}/?region=${XL_REGION}&view=graph`);
  await ready(page);
  await expect(graphOf(page)).toHaveAttribute('data-overview', 'true');
  await expectReadable(page, '.react-flow__node-routeClass [data-testid="group-title"]', 20);
  await expectReadable(page, '.react-flow__node-internetGateway .atlas-node-title', 5);
  await expectReadable(page, '.react-flow__node-gatewayEndpoint .atlas-node-title', 10);
  await expectReadable(page, '.react-flow__node-external .atlas-node-title', 1);
  await page.screenshot({ path: testInfo.outputPath('overview-XL-1440x900.png') });
});
