import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 21 §2: a 256-character Name (fixtures/real-shapes has one on a subnet of the spoke VPC) is cut with an
 * ellipsis, its full text in a tooltip, and widens no page: on the region, VPC (inspector open on it) and findings
 * pages, at a desktop size and on a phone, the document is no wider than the window.
 */

const VPC = 'vpc-06d86f77d8aa9fa1e';
const LONG_SUBNET = 'subnet-1067c90c350982c94';

async function fitsTheWindow(page: Page, what: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${what} is wider than the window`).toBeLessThanOrEqual(width);
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}x${viewport.height} the 256-character name widens no page`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    const tag = `${viewport.width}x${viewport.height}`;

    await page.goto('/?region=us-east-1');
    await expect(page.getByTestId('vpc-table')).toBeVisible();
    await fitsTheWindow(page, 'the region page');

    await page.goto(`/vpcs/${VPC}?region=us-east-1&sel=${LONG_SUBNET}`);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true', { timeout: 30_000 });
    const heading = page.getByTestId('graph-inspector').getByRole('heading', { level: 2 });
    const name = (await heading.getAttribute('title')) ?? '';
    expect(Array.from(name)).toHaveLength(256);
    // Cut on screen, whole in the tooltip.
    expect(await heading.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await fitsTheWindow(page, 'the VPC page');
    await page.screenshot({ path: `test-results/real-shapes/long-name-vpc-${tag}.png` });

    await page.goto(`/findings?region=us-east-1&vpc=${VPC}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Findings');
    await fitsTheWindow(page, 'the findings page');
    const picker = (await page.getByLabel('VPC').boundingBox())!;
    expect(picker.x + picker.width).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: `test-results/real-shapes/long-name-findings-${tag}.png`, fullPage: true });
  });
}

test('on the canvas the long name is cut (one ellipsized line, or two clamped lines where the graph is fitted far out) with its full text in the tooltip', async ({ page }) => {
  await page.goto(`/vpcs/${VPC}?region=us-east-1`);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true', { timeout: 30_000 });
  const node = page.locator(`.react-flow__node[data-id="${LONG_SUBNET}"]`);
  const label = node.locator('span.truncate[title]').first();
  const title = (await label.getAttribute('title')) ?? '';
  expect(Array.from(title)).toHaveLength(256);
  // Cut across (an ellipsis) or down (the second line clamped), never running out of its box.
  expect(await label.evaluate((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1)).toBe(true);
  const [box, nodeBox] = await Promise.all([label.boundingBox(), node.boundingBox()]);
  expect(box!.x + box!.width).toBeLessThanOrEqual(nodeBox!.x + nodeBox!.width + 0.5);
  await expect(node).toHaveAttribute('aria-label', `Subnet: ${title}`);
});
