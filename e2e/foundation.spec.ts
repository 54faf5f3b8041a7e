import { DEMO, expect, test } from './fixtures';

test('the landing page lists the demo VPCs of us-east-1 with their counts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'VPCs in us-east-1' })).toBeVisible();
  const rows = page.getByTestId('vpc-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const prod = page.locator(`tr[data-vpc-id="${DEMO.prod}"]`);
  await expect(prod.getByRole('link', { name: 'prod' })).toBeVisible();
  await expect(prod.locator('[data-col="subnets"]')).toHaveText('9');
  await expect(prod.locator('[data-col="routeTables"]')).toHaveText('6');
  await expect(prod.locator('[data-col="gatewayEndpoints"]')).toHaveText('2');
  await expect(prod.locator('[data-col="interfaceEndpoints"]')).toHaveText('9');
  await expect(prod).toContainText('10.0.0.0/16');
  await expect(prod).toContainText('100.64.0.0/16');
  const staging = page.locator(`tr[data-vpc-id="${DEMO.staging}"]`);
  await expect(staging.locator('[data-col="subnets"]')).toHaveText('4');
  await expect(staging.locator('[data-col="gatewayEndpoints"]')).toHaveText('1');
  await expect(staging.locator('[data-col="interfaceEndpoints"]')).toHaveText('2');
  await page.screenshot({ path: 'test-results/screens/landing.png', fullPage: true });
});

test('the region picker switches to eu-west-1 and the URL says so', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Region').selectOption('eu-west-1');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/region=eu-west-1/);
  await expect(page.getByRole('heading', { name: 'VPCs in eu-west-1' })).toBeVisible();
  await expect(page.locator(`tr[data-vpc-id="${DEMO.euProd}"]`)).toContainText('eu-prod');
});

test('a bad region in the URL falls back with a notice, not an error page', async ({ page }) => {
  await page.goto('/?region=not-a-region');
  await expect(page.getByRole('heading', { name: 'VPCs in us-east-1' })).toBeVisible();
  await expect(page.getByTestId('notices')).toContainText('region must look like us-east-1');
});

test('a VPC page lists its subnets, with the implicit main-table association', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'staging' }).click();
  await expect(page).toHaveURL(new RegExp(`/vpcs/${DEMO.staging}\\?region=us-east-1`));
  await expect(page.getByRole('heading', { name: 'staging', level: 1 })).toBeVisible();
  await page.getByTestId('resource-tables').locator('summary').click();
  const subnets = page.getByTestId('subnets').locator('tbody tr');
  await expect(subnets).toHaveCount(4);
  const implicit = page.locator(`tr[data-subnet-id="${DEMO.stagingImplicitSubnet}"]`);
  await expect(implicit).toContainText('(main, implicit)');
});

test.describe('errors', () => {
  test.use({ allowConsoleErrors: true });
  test('an unknown VPC is a 404 page with a way back', async ({ page }) => {
    const res = await page.goto('/vpcs/vpc-0123456789abcdef0?region=us-east-1');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'VPC not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to all VPCs' }).click();
    await expect(page.getByRole('heading', { name: 'VPCs in us-east-1' })).toBeVisible();
  });
});

test('the topology API answers the contract and rejects bad input with 400', async ({ request }) => {
  const ok = await request.get(`/api/topology?region=us-east-1&vpc=${DEMO.prod}`);
  expect(ok.status()).toBe(200);
  const t = await ok.json();
  expect(t.vpcs.map((v: { id: string }) => v.id)).toEqual([DEMO.prod]);
  expect(t.subnets).toHaveLength(9);
  expect(Object.keys(t)).toEqual(
    expect.arrayContaining(['source', 'region', 'fetchedAt', 'vpcs', 'subnets', 'routeTables', 'endpoints', 'internetGateways', 'natGateways', 'securityGroups', 'prefixLists', 'networkInterfaces', 'warnings']),
  );
  const bad = await request.get('/api/topology?region=us-east-1&vpc=nope');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/vpc must look like/);
  const unknown = await request.get('/api/topology?region=us-east-1&vpc=vpc-0123456789abcdef0');
  expect(unknown.status()).toBe(404);
  const live = await request.get('/api/topology?source=live');
  expect(live.status()).toBe(400);
  expect((await live.json()).error).toMatch(/live mode is not configured/);
});

test('pages carry security headers and a per-request CSP nonce, and no x-powered-by', async ({ page, request }) => {
  const a = await request.get('/');
  const b = await request.get('/');
  const csp = a.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toBe(b.headers()['content-security-policy']);
  expect(a.headers()['x-content-type-options']).toBe('nosniff');
  expect(a.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(a.headers()['x-powered-by']).toBeUndefined();
  // Scripts run: the region picker's page is interactive and no CSP violation is logged.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'VPCs in us-east-1' })).toBeVisible();
});
