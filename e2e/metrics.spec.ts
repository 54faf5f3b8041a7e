import { DEMO, expect, test } from './fixtures';

/**
 * Issue 16 in fixture mode: the demo data carries CloudWatch's saved answers (fixtures/demo/<region>/
 * cloudwatch-metrics.json, up to 30 Nov 2026), so the inspector shows traffic, the period switch changes it, edges can
 * be drawn by bytes, and the findings page prices per-GB charges and finds the idle endpoint.
 */
const SSM = 'vpce-09a9decd0e65ee36c';
const NAT_A = 'nat-0d0283270929cd079';
const STAGING_SSM = 'vpce-026883e822431f6f4';

test('an interface endpoint’s inspector shows its traffic; the period switch changes the numbers and the URL', async ({ page }) => {
  await page.goto(`/vpcs/${DEMO.prod}?region=us-east-1&sel=${SSM}`);
  await expect(page.getByTestId('inspector-id')).toHaveText(SSM);
  const traffic = page.getByTestId('inspector-traffic');
  await expect(traffic.getByTestId('traffic-BytesProcessed')).toHaveText('631 MB');
  await expect(traffic.getByTestId('traffic-NewConnections')).toHaveText('14,004');
  await expect(traffic.getByTestId('traffic-sparkline')).toBeVisible();
  await expect(traffic).toContainText('Bytes processed per hour, last 24 hours of the saved data (to 30 Nov 2026, 00:00 UTC)');
  await page.getByTestId('graph-inspector').screenshot({ path: 'test-results/screens/inspector-traffic-fixture.png' });

  await page.getByRole('group', { name: 'Traffic period' }).getByRole('button', { name: '7d' }).click();
  await expect(page).toHaveURL(/[?&]period=7d(&|$)/);
  await expect(traffic.getByTestId('traffic-BytesProcessed')).toHaveText('4.60 GB');
  await expect(traffic).toContainText('Bytes processed per 6 hours, last 7 days');

  // A gateway endpoint has no CloudWatch metrics, and no traffic section.
  await page.goto(`/vpcs/${DEMO.prod}?region=us-east-1&sel=${DEMO.prodS3}`);
  await expect(page.getByTestId('inspector-policy')).toBeVisible();
  await expect(page.getByTestId('inspector-traffic')).toHaveCount(0);
});

test('the Traffic toggle draws edges by bytes, is kept in the URL, and follows the period', async ({ page }) => {
  await page.goto(`/vpcs/${DEMO.prod}?region=us-east-1`);
  const natEdge = page.locator(`.react-flow__edge[data-id$="->${NAT_A}"] path.react-flow__edge-path`).first();
  await expect(natEdge).toBeAttached();
  const plain = Number(await natEdge.evaluate((p) => getComputedStyle(p).strokeWidth.replace('px', '')));

  await page.getByTestId('traffic-edges-toggle').click();
  await expect(page.getByTestId('traffic-edges-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]traffic=1(&|$)/);
  await expect(page.getByTestId('traffic-edges-status')).toHaveText('Width: bytes, last 24 hours (saved data)');
  // The busiest NAT gateway of the VPC gets the thickest stroke.
  await expect.poll(async () => Number(await natEdge.evaluate((p) => getComputedStyle(p).strokeWidth.replace('px', ''))), { timeout: 10_000 }).toBe(9);
  expect(plain).toBeLessThan(9);
  await page.getByTestId('graph-canvas').screenshot({ path: 'test-results/screens/graph-traffic-edges.png' });

  await page.getByRole('group', { name: 'Traffic period for edges' }).getByRole('button', { name: '30d' }).click();
  await expect(page).toHaveURL(/[?&]period=30d(&|$)/);
  await expect(page.getByTestId('traffic-edges-status')).toHaveText('Width: bytes, last 30 days (saved data)');

  // The link restores the view: edges by bytes over 30 days.
  await page.goto(`/vpcs/${DEMO.prod}?region=us-east-1&traffic=1&period=30d`);
  await expect(page.getByTestId('traffic-edges-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: 'Traffic period for edges' }).getByRole('button', { name: '30d' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('traffic-edges-toggle').click();
  await expect(page).not.toHaveURL(/traffic=1/);
  await expect.poll(async () => Number(await natEdge.evaluate((p) => getComputedStyle(p).strokeWidth.replace('px', '')))).toBe(plain);
});

test('the findings page finds the idle endpoint and links to its delete form', async ({ page }) => {
  await page.goto('/findings?region=us-east-1');
  const idle = page.locator(`[data-testid="finding"][data-finding-id="idle-interface-endpoint:${STAGING_SSM}"]`);
  await expect(idle).toContainText('staging-ssm (ssm) carried no traffic in the last 30 days');
  await expect(idle).toContainText('billed in 2 Availability Zones: $14.60 a month for nothing');
  await idle.scrollIntoViewIfNeeded();
  await idle.screenshot({ path: 'test-results/screens/finding-idle-endpoint.png' });
  await expect(idle.getByTestId('fix-link')).toHaveText('Open the delete form');
  await idle.getByTestId('fix-link').click();
  await expect(page).toHaveURL(new RegExp(`/endpoints/${STAGING_SSM}\\?region=us-east-1#endpoint-delete$`));
  await expect(page.getByTestId('endpoint-delete')).toBeInViewport();
  await expect(page.getByTestId('endpoint-delete').getByRole('heading', { name: 'Delete endpoint' })).toBeVisible();
});

test('the cost table’s Traffic column and per-GB charges follow the period, in the URL', async ({ page }) => {
  await page.goto('/findings?region=us-east-1');
  const prod = page.locator(`[data-testid="costs-table"] tr[data-vpc-id="${DEMO.prod}"]`);
  await expect(prod.locator('[data-col="traffic"]')).toHaveText('14.7 TB');
  // 26 endpoint-AZs x 730 h x $0.01 = $189.80, plus $16.78 measured data; NAT 3 x 730 h x $0.045 = $98.55 plus $593.39.
  await expect(prod.locator('[data-col="endpoints-monthly"]')).toHaveText('$206.58incl. $16.78 data');
  await expect(prod.locator('[data-col="nat-monthly"]')).toHaveText('$691.94incl. $593.39 data');
  await expect(page.getByTestId('costs-traffic')).toContainText('measured bytes over the 30 days to 30 Nov 2026');
  const s3 = page.locator(`[data-testid="nat-savings"] li[data-finding-id="nat-to-gateway-service:${DEMO.prod}:s3"]`);
  await expect(s3).toContainText('at most $137.29 a month: prod-nat-c processed 3.01 TB in 30 days; the share that is S3 cannot be told from NAT metrics alone.');
  // Every saving is bounded by measured bytes: no assumed volume to enter.
  await expect(page.getByLabel(/Assumed S3 \/ DynamoDB traffic/)).toHaveCount(0);
  await page.locator('#costs').screenshot({ path: 'test-results/screens/costs-traffic.png' });

  await page.getByRole('navigation', { name: 'Traffic period' }).getByRole('link', { name: '24h' }).click();
  await expect(page).toHaveURL(/[?&]period=24h(&|#|$)/);
  await expect(prod.locator('[data-col="traffic"]')).toHaveText('486 GB');
  await expect(page.getByRole('navigation', { name: 'Traffic period' }).getByRole('link', { name: '24h' })).toHaveAttribute('aria-current', 'true');
});
