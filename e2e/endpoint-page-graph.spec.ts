import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';

/**
 * Issue 4, item 2 on the endpoint page: the endpoint in its VPC on a small graph, and what an editor is about to
 * change drawn over it as a ghost: route tables added (dashed) and removed (red), network interfaces created in
 * newly ticked subnets and deleted from unticked ones, and on the delete confirmation everything that goes.
 *
 * Nothing here saves, but the page is an editor's, so this file runs its own server (own ATLAS_DATA_DIR, proxy
 * sign-in) as endpoint-modify.spec.ts does.
 */

test.describe.configure({ mode: 'serial' });

const EDITOR = 'editor@example.com';
const VIEWER = 'viewer@example.com';
const KMS = 'vpce-00b7208297c48f525'; // prod: prod-app-a (us-east-1a), prod-app-b (us-east-1b)
const PROD = {
  public: 'rtb-04f30a25760786ddb', // does not route S3 yet
  privateA: DEMO.prodPrivateA, // routes S3 to prod-s3
  appB: 'subnet-03ce21eb23529fa47',
  appC: 'subnet-017faca83fb6ad4e7', // us-east-1c, where KMS has no interface yet
};

let server: OwnServer | null = null;
let base = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startOwnServer({ name: 'page-graph', portOffset: 16, editor: EDITOR });
  base = server.base;
});

test.afterAll(async () => {
  await server?.stop();
});

const graphOf = (page: Page) => page.getByTestId('preview-graph');
const node = (graph: Locator, id: string) => graph.locator(`.react-flow__node[data-id="${id}"]`);
const edge = (graph: Locator, id: string) => graph.locator(`.react-flow__edge[data-id="${id}"]`);
const mark = (graph: Locator, id: string) => node(graph, id).locator('[data-diff]');

async function open(page: Page, endpointId: string) {
  await page.goto(`${base}/endpoints/${endpointId}?region=us-east-1`);
  await expect(graphOf(page).getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
}

/** Whether `inner`'s box lies inside `outer`'s. */
async function inside(inner: Locator, outer: Locator) {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  expect(a && b).toBeTruthy();
  expect(a!.x).toBeGreaterThanOrEqual(b!.x);
  expect(a!.y).toBeGreaterThanOrEqual(b!.y);
  expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x + b!.width);
  expect(a!.y + a!.height).toBeLessThanOrEqual(b!.y + b!.height);
}

/** Whether the zoom buttons cover any of `ids`' nodes, wholly or in part. */
const coveredByControls = (graph: Locator, ids: string[]) =>
  graph.evaluate((root, wanted) => {
    const c = root.querySelector('.react-flow__controls')!.getBoundingClientRect();
    const covered = (r: DOMRect) => r.right > c.left && r.left < c.right && r.bottom > c.top && r.top < c.bottom;
    return wanted.filter((id) => [...root.querySelectorAll(`.react-flow__node[data-id="${id}"]`)].some((n) => covered(n.getBoundingClientRect())));
  }, ids);

test.describe('an editor', () => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-email': EDITOR } });

  test('a gateway endpoint: an unticked route table’s edge is marked removed, a ticked one’s drawn as a ghost', async ({ page }) => {
    await open(page, DEMO.prodS3);
    const graph = graphOf(page);
    await expect(graph).toHaveAttribute('data-ghost', 'false');
    await expect(graph.getByTestId('preview-graph-caption')).toHaveText('The endpoint in its VPC, as it is now');
    await expect(node(graph, DEMO.prodS3)).toBeInViewport();
    await expect(edge(graph, `${PROD.privateA}->${DEMO.prodS3}`)).not.toHaveClass(/atlas-ghost/);

    const tables = page.getByTestId('endpoint-route-tables');
    await tables.getByRole('checkbox', { name: new RegExp(PROD.privateA) }).uncheck();
    await expect(edge(graph, `${PROD.privateA}->${DEMO.prodS3}`)).toHaveClass(/atlas-ghost-removed-edge/);
    await expect(graph.getByTestId('preview-graph-caption')).toHaveText('Red: what it takes away');

    await tables.getByRole('checkbox', { name: new RegExp(PROD.public) }).check();
    await expect(edge(graph, `${PROD.public}->${DEMO.prodS3}`)).toHaveClass(/atlas-ghost-edge/);
    await expect(graph.locator('.react-flow__edge.atlas-ghost-edge')).toHaveCount(1);
    await expect(graph.locator('.react-flow__edge.atlas-ghost-removed-edge')).toHaveCount(1);
    await expect(graph.getByTestId('preview-graph-caption')).toHaveText('Dashed: what Save adds · Red: what it takes away');
    // The endpoint itself stays.
    await expect(mark(graph, DEMO.prodS3)).toHaveCount(0);

    // Ticked back: nothing pending, nothing drawn.
    await tables.getByRole('checkbox', { name: new RegExp(PROD.public) }).uncheck();
    await tables.getByRole('checkbox', { name: new RegExp(PROD.privateA) }).check();
    await expect(graph).toHaveAttribute('data-ghost', 'false');
    await expect(graph.locator('.react-flow__edge.atlas-ghost-edge, .react-flow__edge.atlas-ghost-removed-edge')).toHaveCount(0);
  });

  test('an interface endpoint: a subnet in a new AZ gets a ghost network interface, an unticked one’s is marked removed', async ({ page }) => {
    await open(page, KMS);
    const graph = graphOf(page);
    const subnets = page.getByTestId('modify-subnets');
    await subnets.getByRole('checkbox', { name: new RegExp(PROD.appC) }).check();

    const ghostEni = node(graph, `eni-(new)-${PROD.appC}`);
    await expect(ghostEni.locator('[data-diff="ghost"]')).toHaveText('new');
    await expect(ghostEni).toContainText('kms');
    await expect(edge(graph, `${KMS}->eni-(new)-${PROD.appC}`)).toHaveClass(/atlas-ghost-edge/);
    await inside(ghostEni, node(graph, PROD.appC));
    await expect(ghostEni).toBeInViewport();

    await subnets.getByRole('checkbox', { name: new RegExp(PROD.appB) }).uncheck();
    const removed = graph.locator('.react-flow__node-endpointEni', { has: page.locator('[data-diff="ghost-removed"]') });
    await expect(removed).toHaveCount(1);
    await expect(removed.locator('[data-diff]')).toHaveText('removed');
    await inside(removed, node(graph, PROD.appB));
    await expect(graph.getByTestId('preview-graph-caption')).toHaveText('Dashed: what Save adds · Red: what it takes away');
  });

  test('the zoom buttons stay clear of what the graph frames: the endpoint and its subnets, then what an edit changes', async ({ page }) => {
    for (const width of [1400, 1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await open(page, KMS);
      const graph = graphOf(page);
      await graph.scrollIntoViewIfNeeded();
      await expect(node(graph, KMS)).toBeInViewport();
      await page.waitForTimeout(600);
      expect(await coveredByControls(graph, [KMS, PROD.appB, DEMO.prodAppA])).toEqual([]);
      await page.getByTestId('modify-subnets').getByRole('checkbox', { name: new RegExp(PROD.appC) }).check();
      await graph.scrollIntoViewIfNeeded();
      await expect(node(graph, `eni-(new)-${PROD.appC}`)).toBeInViewport();
      await page.waitForTimeout(600);
      if (width === 1280) await graph.screenshot({ path: 'test-results/screens/endpoint-page-controls-1280.png' });
      expect(await coveredByControls(graph, [KMS, PROD.appC, `eni-(new)-${PROD.appC}`])).toEqual([]);
    }
  });

  test('with a subnet edit pending, the open delete is what the list and the graph both describe; Cancel brings the edit back', async ({ page }) => {
    await open(page, KMS);
    const graph = graphOf(page);
    const changes = page.getByTestId('modify-preview');
    await page.getByTestId('modify-subnets').getByRole('checkbox', { name: new RegExp(PROD.appC) }).check();
    await expect(changes.getByTestId('change-list')).toContainText('Network interface in prod-app-c');
    await expect(graph.getByTestId('preview-graph-caption')).toHaveText('Dashed: what Save adds');

    const card = page.getByTestId('endpoint-delete');
    await card.getByRole('button', { name: 'Delete…' }).click();
    await expect(graph.getByTestId('preview-graph-caption')).toHaveText('Red: what Delete takes away');
    // The list beside the graph now says the same: both of the endpoint's interfaces go, nothing is added.
    const list = changes.getByTestId('change-list');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByLabel('removes')).toHaveCount(2);
    await expect(list).toContainText('prod-app-a');
    await expect(list).toContainText('prod-app-b');
    await expect(list).not.toContainText('prod-app-c');
    await expect(changes.getByTestId('modify-deleting')).toHaveText('What the delete below takes away. Your edits above are not saved; cancel the delete to see and save them.');
    // Nothing in that column would save the edit meanwhile.
    await expect(changes.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(changes.getByRole('button', { name: 'Dry run' })).toHaveCount(0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'test-results/screens/endpoint-page-delete-over-edit.png' });

    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect(changes.getByTestId('change-list')).toContainText('Network interface in prod-app-c');
    await expect(changes.getByTestId('modify-deleting')).toHaveCount(0);
    await expect(changes.getByRole('button', { name: 'Save changes' })).toBeEnabled();
    await expect(graph.getByTestId('preview-graph-caption')).toHaveText('Dashed: what Save adds');
    await expect(page.getByTestId('modify-subnets').getByRole('checkbox', { name: new RegExp(PROD.appC) })).toBeChecked();
  });

  test('the delete confirmation marks the endpoint and all that goes with it removed; Cancel takes it back', async ({ page }) => {
    await open(page, KMS);
    const graph = graphOf(page);
    const card = page.getByTestId('endpoint-delete');
    await expect(card).toContainText('Removes the endpoint and its 2 network interfaces');
    await card.getByRole('button', { name: 'Delete…' }).click();
    await expect(card.getByLabel(`Type ${KMS} to confirm`)).toBeFocused();

    await expect(mark(graph, KMS)).toHaveText('removed');
    await expect(graph.locator('.react-flow__node-endpointEni [data-diff="ghost-removed"]')).toHaveCount(2);
    await expect(graph.locator('.react-flow__edge.atlas-ghost-removed-edge')).toHaveCount(2);
    await expect(graph.getByTestId('preview-graph-caption')).toHaveText('Red: what Delete takes away');

    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect(card.getByRole('button', { name: 'Delete…' })).toBeVisible();
    await expect(graph).toHaveAttribute('data-ghost', 'false');
    await expect(mark(graph, KMS)).toHaveCount(0);
  });

  test('a gateway delete marks its route edges removed', async ({ page }) => {
    await open(page, DEMO.prodS3);
    const graph = graphOf(page);
    await page.getByTestId('endpoint-delete').getByRole('button', { name: 'Delete…' }).click();
    await expect(mark(graph, DEMO.prodS3)).toHaveText('removed');
    await expect(edge(graph, `${PROD.privateA}->${DEMO.prodS3}`)).toHaveClass(/atlas-ghost-removed-edge/);
    await expect(graph.locator('.react-flow__edge.atlas-ghost-removed-edge')).toHaveCount(3);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshots, ${colorScheme}: 1400x900 and 1280x800`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await open(page, DEMO.prodS3);
      const graph = graphOf(page);
      const tables = page.getByTestId('endpoint-route-tables');
      await tables.getByRole('checkbox', { name: new RegExp(PROD.privateA) }).uncheck();
      await tables.getByRole('checkbox', { name: new RegExp(PROD.public) }).check();
      await expect(graph.locator('.react-flow__edge.atlas-ghost-edge')).toHaveCount(1);
      await page.waitForTimeout(500);
      await page.screenshot({ path: `test-results/screens/endpoint-page-gateway-${colorScheme}.png` });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `test-results/screens/endpoint-page-gateway-1280-${colorScheme}.png` });
      // Scrolled down to the delete form, the graph is still in view beside it.
      await page.getByTestId('endpoint-delete').getByRole('button', { name: 'Delete…' }).click();
      await expect(mark(graph, DEMO.prodS3)).toHaveText('removed');
      await expect(graph).toBeInViewport();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `test-results/screens/endpoint-page-gateway-delete-1280-${colorScheme}.png` });

      await page.setViewportSize({ width: 1400, height: 900 });
      await open(page, KMS);
      await page.getByTestId('modify-subnets').getByRole('checkbox', { name: new RegExp(PROD.appC) }).check();
      await expect(node(graph, `eni-(new)-${PROD.appC}`)).toBeVisible();
      await page.getByTestId('modify-subnets').scrollIntoViewIfNeeded();
      await expect(graph).toBeInViewport();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `test-results/screens/endpoint-page-interface-${colorScheme}.png` });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `test-results/screens/endpoint-page-interface-1280-${colorScheme}.png` });
      await page.getByTestId('endpoint-delete').getByRole('button', { name: 'Delete…' }).click();
      await expect(mark(graph, KMS)).toHaveText('removed');
      await page.waitForTimeout(500);
      await page.screenshot({ path: `test-results/screens/endpoint-page-interface-delete-1280-${colorScheme}.png` });
      await page.screenshot({ path: `test-results/screens/endpoint-page-interface-full-${colorScheme}.png`, fullPage: true });

      // Enlarged, over the whole page, the marks still there.
      await graph.getByRole('button', { name: 'Enlarge' }).click();
      await expect(graph.getByRole('dialog')).toBeVisible();
      await expect(mark(graph, KMS)).toHaveText('removed');
      await page.waitForTimeout(500);
      await page.screenshot({ path: `test-results/screens/endpoint-page-interface-enlarged-${colorScheme}.png` });
      await page.keyboard.press('Escape');
      await expect(graph.getByRole('dialog')).toHaveCount(0);
    });
  }
});

test.describe('a viewer', () => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-email': VIEWER } });

  test('sees the endpoint on the graph, with nothing drawn as a change', async ({ page }) => {
    for (const id of [KMS, DEMO.prodS3]) {
      await open(page, id);
      const graph = graphOf(page);
      await expect(graph).toHaveAttribute('data-ghost', 'false');
      await expect(node(graph, id)).toBeInViewport();
      await expect(graph.locator('[data-diff]')).toHaveCount(0);
      await page.screenshot({ path: `test-results/screens/endpoint-page-viewer-${id === KMS ? 'interface' : 'gateway'}.png` });
    }
  });
});
