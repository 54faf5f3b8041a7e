import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * fixtures/real-shapes, an account built from botocore's EC2 shapes (regional and private NAT, GWLB
 * inspection, IPv6-only subnets, Local Zone / Wavelength / Outpost subnets, VPC Lattice and partner
 * endpoints, Unicode and 256-character names, untagged resources): every region page, every VPC page
 * and the findings render with no error banner and no console error (the fixture checks that), and a
 * screenshot of each is kept in test-results/real-shapes/ to be looked at.
 */

const REGIONS = ['us-east-1', 'ap-southeast-2'] as const;

async function noErrorBanner(page: Page) {
  // Next's route announcer is an empty role=alert outside main; an error panel is one inside it.
  await expect(page.locator('main').getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/Fixture file is invalid|Something went wrong/)).toHaveCount(0);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/real-shapes/${name}.png`, fullPage: true });
}

/** The VPC ids the region page links to. */
async function vpcLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href^="/vpcs/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => /^\/vpcs\/([^/?]+)/.exec(h)?.[1] ?? '').filter(Boolean))];
}

for (const region of REGIONS) {
  test(`real-shapes ${region}: the region page, each VPC page and the findings render`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/?region=${region}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noErrorBanner(page);
    await shot(page, `${region}-region`);

    const vpcs = await vpcLinks(page);
    // us-east-1 has the edge and spoke VPCs; ap-southeast-2 its default VPC.
    expect(vpcs.length).toBe(region === 'us-east-1' ? 2 : 1);
    for (const vpc of vpcs) {
      await page.goto(`/vpcs/${vpc}?region=${region}`);
      await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true', { timeout: 30_000 });
      await noErrorBanner(page);
      await expect(page.locator('.react-flow__node-subnet').first()).toBeVisible();
      await shot(page, `${region}-${vpc}`);
    }

    await page.goto(`/findings?region=${region}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Findings');
    await noErrorBanner(page);
    await expect(page.getByText('demo data')).toHaveCount(0);
    // A 256-character name wraps inside its card; nothing is cut off at the card's edge.
    const clipped = await page.getByTestId('finding').evaluateAll((cards) =>
      cards.flatMap((c) => [...c.querySelectorAll('h3, p')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent?.slice(0, 60))),
    );
    expect(clipped).toEqual([]);
    await shot(page, `${region}-findings`);
    for (const [i, card] of (await page.getByTestId('finding').all()).entries()) await card.screenshot({ path: `test-results/real-shapes/${region}-finding-${i}.png` });
  });
}

test('real-shapes: a subnet’s paths name the ways out in words', async ({ page }) => {
  await page.goto('/?region=us-east-1');
  const [edge] = await vpcLinks(page);
  await page.goto(`/vpcs/${edge}?region=us-east-1`);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true', { timeout: 30_000 });
  // The subnet whose default route goes to the GWLB endpoint: inspection, then the NAT gateway.
  await page.locator('.react-flow__node-subnet', { hasText: 'アプリ-a' }).first().click();
  const paths = page.getByTestId('subnet-paths');
  await expect(paths.locator('li[data-service="dynamodb"] [data-via]').first()).toHaveText('GWLB inspection → NAT gateway');
  await expect(paths.locator('li[data-service="s3"]')).toHaveAttribute('data-via', 'gateway-endpoint');
  await shot(page, 'us-east-1-paths-app-a');
});
