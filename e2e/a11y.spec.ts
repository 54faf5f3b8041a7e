import { expectNoSeriousA11yViolations } from './axe';
import { DEMO, expect, test } from './fixtures';

/**
 * Issue 21 §4: axe-core on every page of the demo reports no serious or critical violation (the sign-in page is
 * checked in the oidc project, where it exists: signin-a11y.auth-oidc.spec.ts).
 */

const KMS = 'vpce-00b7208297c48f525';

async function graphReady(page: import('@playwright/test').Page) {
  await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true', { timeout: 30_000 });
}

const PAGES: { name: string; url: string; graph?: boolean; ready?: string }[] = [
  { name: 'region list', url: '/?region=us-east-1' },
  { name: 'region graph', url: '/?region=us-east-1&view=graph', graph: true },
  { name: 'VPC', url: `/vpcs/${DEMO.prod}?region=us-east-1`, graph: true },
  { name: 'VPC with the inspector open', url: `/vpcs/${DEMO.prod}?region=us-east-1&sel=${DEMO.prodAppA}`, graph: true, ready: 'graph-inspector' },
  { name: 'findings', url: '/findings?region=us-east-1' },
  { name: 'gateway endpoint', url: `/endpoints/${DEMO.prodS3}?region=us-east-1` },
  { name: 'interface endpoint', url: `/endpoints/${KMS}?region=us-east-1` },
  { name: 'new gateway endpoint', url: `/endpoints/new?region=us-east-1&vpc=${DEMO.shared}` },
  { name: 'new interface endpoint', url: `/endpoints/new?region=us-east-1&vpc=${DEMO.shared}&type=interface` },
  { name: 'snapshots', url: '/snapshots' },
  { name: 'settings', url: '/settings' },
  { name: 'audit', url: '/audit' },
  { name: 'README', url: '/readme' },
];

for (const p of PAGES) {
  test(`axe: ${p.name}`, async ({ page }) => {
    await page.goto(p.url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    if (p.graph) await graphReady(page);
    if (p.ready) await expect(page.getByTestId(p.ready)).toBeVisible();
    await expectNoSeriousA11yViolations(page, p.name);
  });
}

test('axe: a snapshot', async ({ page }) => {
  await page.goto(`/vpcs/${DEMO.prod}?region=us-east-1`);
  await graphReady(page);
  await page.getByTestId('share-snapshot').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto(link);
  await graphReady(page);
  await expectNoSeriousA11yViolations(page, 'snapshot');
});

test('every node on the canvas has an accessible name', async ({ page }) => {
  await page.goto(`/vpcs/${DEMO.prod}?region=us-east-1`);
  await graphReady(page);
  const nodes = page.locator('.react-flow__node');
  expect(await nodes.count()).toBeGreaterThan(20);
  const unnamed = await nodes.evaluateAll((els) => els.filter((e) => !(e.getAttribute('aria-label') ?? '').trim()).map((e) => e.getAttribute('data-id')));
  expect(unnamed).toEqual([]);
  await expect(page.getByRole('group', { name: 'Subnet: prod-app-a' })).toBeVisible();
});
