import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';

/**
 * Issue 4, item 2: the new-endpoint form draws what Create would change on the VPC's graph, as a ghost (dashed,
 * marked "new"), and redraws it as the choices change. Nothing here creates anything.
 */

const PROD = {
  // Tables of prod that do not route S3 yet (prod-private-a/b and prod-data already send it to prod-s3).
  public: 'rtb-04f30a25760786ddb',
  privateC: 'rtb-0c308cb081b784055',
  appA: DEMO.prodAppA,
  appB: 'subnet-03ce21eb23529fa47',
};
const NEW = 'vpce-(new)';

const graphOf = (page: Page) => page.getByTestId('preview-graph');
const node = (graph: Locator, id: string) => graph.locator(`.react-flow__node[data-id="${id}"]`);
const edge = (graph: Locator, id: string) => graph.locator(`.react-flow__edge[data-id="${id}"]`);
const ghostEdges = (graph: Locator) => graph.locator('.react-flow__edge.atlas-ghost-edge');

async function open(page: Page, type: 'gateway' | 'interface') {
  await page.goto(`/endpoints/new?region=us-east-1&vpc=${DEMO.prod}&type=${type}`);
  await expect(graphOf(page).getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
}

/** Ids of the nodes (not the VPC and AZ boxes) that the zoom buttons cover, wholly or in part. */
const underControls = (graph: Locator) =>
  graph.evaluate((root) => {
    const c = root.querySelector('.react-flow__controls')!.getBoundingClientRect();
    const covered = (r: DOMRect) => r.right > c.left && r.left < c.right && r.bottom > c.top && r.top < c.bottom;
    return [...root.querySelectorAll('.react-flow__node:not(.react-flow__node-vpc):not(.react-flow__node-az)')].filter((n) => covered(n.getBoundingClientRect())).map((n) => n.getAttribute('data-id'));
  });

/** Layouts the canvas has received so far (User Timing marks, see topology-graph.tsx). */
const layouts = (page: Page) => page.evaluate(() => performance.getEntriesByName('atlas-graph:layout').length);

test('an S3 gateway endpoint on two route tables is drawn as a ghost endpoint with a ghost route from each', async ({ page }) => {
  await open(page, 'gateway');
  const graph = graphOf(page);
  // No service yet: the VPC as it is, nothing marked.
  await expect(graph).toHaveAttribute('data-ghost', 'false');
  await expect(graph.locator('[data-diff]')).toHaveCount(0);

  await page.getByRole('radio', { name: 'com.amazonaws.us-east-1.s3', exact: true }).check();
  await page.getByRole('checkbox', { name: new RegExp(PROD.public) }).check();
  await page.getByRole('checkbox', { name: new RegExp(PROD.privateC) }).check();

  await expect(node(graph, NEW).locator('[data-diff="ghost"]')).toHaveText('new');
  await expect(node(graph, NEW)).toContainText('S3');
  await expect(node(graph, NEW)).toBeInViewport();
  await expect(ghostEdges(graph)).toHaveCount(2);
  for (const rtb of [PROD.public, PROD.privateC]) await expect(edge(graph, `${rtb}->${NEW}`)).toHaveClass(/atlas-ghost-edge/);
  // The ghost routes are labelled as additions, with the region's own prefix list.
  await expect(graph.locator('.atlas-edge-label', { hasText: '+ s3 (pl-63a5400a)' })).toBeVisible();

  // The legend explains the marks.
  await graph.getByTestId('graph-legend').locator('summary').click();
  await expect(graph.getByTestId('legend-ghost')).toContainText('Will be created');
  await graph.getByTestId('graph-legend').locator('summary').click();

  // Typing a policy is not a change to the picture: no new layout.
  const before = await layouts(page);
  await page.getByLabel('Policy document (JSON)').fill('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}');
  await page.waitForTimeout(800);
  expect(await layouts(page)).toBe(before);

  await page.getByRole('checkbox', { name: new RegExp(PROD.public) }).uncheck();
  await expect(edge(graph, `${PROD.public}->${NEW}`)).toHaveCount(0);
  await expect(ghostEdges(graph)).toHaveCount(1);
  await expect(edge(graph, `${PROD.privateC}->${NEW}`)).toHaveClass(/atlas-ghost-edge/);
});

test('an interface endpoint in two AZs is drawn with a ghost network interface inside each chosen subnet', async ({ page }) => {
  await open(page, 'interface');
  const graph = graphOf(page);
  await page.getByRole('radio', { name: 'com.amazonaws.us-east-1.sqs', exact: true }).check();
  await page.getByRole('checkbox', { name: /prod-app-a/ }).check();
  await page.getByRole('checkbox', { name: /prod-app-b/ }).check();

  await expect(node(graph, NEW).locator('[data-diff="ghost"]')).toHaveText('new');
  await expect(graph.locator('.react-flow__node-endpointEni [data-diff="ghost"]')).toHaveCount(2);
  for (const subnet of [PROD.appA, PROD.appB]) {
    const eni = node(graph, `eni-(new)-${subnet}`);
    await expect(eni).toContainText('sqs');
    await expect(eni).toContainText('IP on create');
    await expect(edge(graph, `${NEW}->eni-(new)-${subnet}`)).toHaveClass(/atlas-ghost-edge/);
    // Drawn inside its subnet's box.
    const [inner, outer] = await Promise.all([eni.boundingBox(), node(graph, subnet).boundingBox()]);
    expect(inner && outer).toBeTruthy();
    expect(inner!.x).toBeGreaterThanOrEqual(outer!.x);
    expect(inner!.y).toBeGreaterThanOrEqual(outer!.y);
    expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width);
    expect(inner!.y + inner!.height).toBeLessThanOrEqual(outer!.y + outer!.height);
  }

  await page.getByRole('checkbox', { name: /prod-app-b/ }).uncheck();
  await expect(node(graph, `eni-(new)-${PROD.appB}`)).toHaveCount(0);
  await expect(graph.locator('.react-flow__node-endpointEni [data-diff="ghost"]')).toHaveCount(1);
});

test('the zoom buttons cover no node of the VPC the form shows, nor what a change frames', async ({ page }) => {
  // One column: the canvas is wide and low, so the whole VPC fills it from side to side down to its bottom edge.
  await page.setViewportSize({ width: 800, height: 900 });
  await open(page, 'gateway');
  const graph = graphOf(page);
  await graph.scrollIntoViewIfNeeded();
  await expect(graph.locator('.react-flow__controls')).toBeVisible();
  await expect(graph.locator('.react-flow__node-interfaceEndpoint').first()).toBeInViewport();
  await page.waitForTimeout(500);
  await graph.screenshot({ path: 'test-results/screens/endpoint-preview-controls-800.png' });
  expect(await underControls(graph)).toEqual([]);

  await page.getByRole('radio', { name: 'com.amazonaws.us-east-1.s3', exact: true }).check();
  await page.getByRole('checkbox', { name: new RegExp(PROD.public) }).check();
  await graph.scrollIntoViewIfNeeded();
  await expect(node(graph, NEW)).toBeInViewport();
  await page.waitForTimeout(800);
  const covered = await underControls(graph);
  expect(covered).not.toContain(NEW);
  expect(covered).not.toContain(PROD.public);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the preview graph, ${colorScheme}: screenshots at 1400x900, 1280x800 and enlarged`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page, 'gateway');
    await page.getByRole('radio', { name: 'com.amazonaws.us-east-1.s3', exact: true }).check();
    await page.getByRole('checkbox', { name: new RegExp(PROD.public) }).check();
    await page.getByRole('checkbox', { name: new RegExp(PROD.privateC) }).check();
    const graph = graphOf(page);
    await expect(ghostEdges(graph)).toHaveCount(2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    await page.screenshot({ path: `test-results/screens/endpoint-preview-gateway-${colorScheme}.png` });

    // The form keeps its width beside the preview at a smaller screen.
    await page.setViewportSize({ width: 1280, height: 800 });
    const form = await page.getByTestId('section-where').boundingBox();
    expect(form!.width).toBeGreaterThanOrEqual(640);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `test-results/screens/endpoint-preview-gateway-1280-${colorScheme}.png` });

    await graph.getByRole('button', { name: 'Enlarge' }).click();
    await expect(graph.getByRole('dialog')).toBeVisible();
    await expect(ghostEdges(graph)).toHaveCount(2);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `test-results/screens/endpoint-preview-enlarged-${colorScheme}.png` });
    await page.keyboard.press('Escape');
    await expect(graph.getByRole('dialog')).toHaveCount(0);

    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByRole('radio', { name: 'Interface', exact: true }).check();
    await page.getByRole('radio', { name: 'com.amazonaws.us-east-1.sqs', exact: true }).check();
    await page.getByRole('checkbox', { name: /prod-app-a/ }).check();
    await page.getByRole('checkbox', { name: /prod-app-b/ }).check();
    await expect(graph.locator('.react-flow__node-endpointEni [data-diff="ghost"]')).toHaveCount(2);
    await page.waitForTimeout(800);
    await graph.screenshot({ path: `test-results/screens/endpoint-preview-interface-${colorScheme}.png` });
  });
}
