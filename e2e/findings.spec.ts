import { DEMO, expect, test } from './fixtures';

/** Ids from fixtures/demo/us-east-1 (planted problems: fixtures/README.md). */
const PLANTED = {
  prodPrivateC: 'rtb-0c308cb081b784055',
  prodAppC: 'subnet-017faca83fb6ad4e7',
  prodKms: 'vpce-00b7208297c48f525',
  prodSts: 'vpce-0069c38537467d9d0',
  prodEcrDkr: 'vpce-019189a6343845163',
  ecrOpenSg: 'sg-084b65076a99de2c0',
};

const finding = (page: import('@playwright/test').Page, id: string) => page.locator(`[data-testid="finding"][data-finding-id="${id}"]`);

test('the findings page lists the problems planted in the demo', async ({ page }) => {
  await page.goto('/findings?region=us-east-1');
  await expect(page.getByRole('heading', { name: 'Findings in us-east-1', level: 1 })).toBeVisible();

  const s3 = finding(page, `nat-to-gateway-service:${DEMO.prod}:s3`);
  await expect(s3).toContainText('S3 traffic from prod-app-c goes through a NAT gateway');
  await expect(s3).toHaveAttribute('data-severity', 'medium');

  await expect(finding(page, `interface-endpoint-az-coverage:${PLANTED.prodKms}`)).toContainText('kms endpoint has no network interface in us-east-1c');
  await expect(finding(page, `private-dns-off:${PLANTED.prodSts}`)).toContainText('Private DNS is off on the sts endpoint');
  const open = finding(page, `endpoint-sg-open-to-world:${PLANTED.ecrOpenSg}`);
  await expect(open).toContainText('prod-vpce-ecr-open admits 0.0.0.0/0 to the ecr.dkr endpoint');
  await expect(open).toHaveAttribute('data-severity', 'high');
  await expect(finding(page, `private-dns-without-vpc-dns:${DEMO.staging}`)).toContainText('staging has DNS hostnames off');
  await expect(finding(page, `implicit-main-route-table:${DEMO.staging}`)).toContainText('staging-private-b');

  // Grouped by severity, most severe first.
  const groups = page.getByTestId('severity-group');
  await expect(groups.first()).toHaveAttribute('data-severity', 'high');
  await expect(groups.first().getByTestId('finding')).toHaveCount(2);

  // Each finding says why, how to fix, and links AWS's documentation.
  await expect(s3).toContainText('Why it matters');
  await expect(s3.getByTestId('doc-link')).toHaveAttribute('href', /^https:\/\/docs\.aws\.amazon\.com\/vpc\//);
  await page.screenshot({ path: 'test-results/screens/findings.png', fullPage: true });
});

test('the S3 fix link opens the gateway form pre-filled with prod-private-c’s route table', async ({ page }) => {
  await page.goto('/findings?region=us-east-1');
  const fix = finding(page, `nat-to-gateway-service:${DEMO.prod}:s3`).getByTestId('fix-link');
  await expect(fix).toHaveText(/Create the gateway endpoint/);
  const href = await fix.getAttribute('href');
  const url = new URL(href!, 'http://x');
  expect(url.pathname).toBe('/endpoints/new');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    region: 'us-east-1',
    vpc: DEMO.prod,
    type: 'gateway',
    service: 'com.amazonaws.us-east-1.s3',
    routeTables: PLANTED.prodPrivateC,
  });
  // The DynamoDB fix ticks every app route table (the endpoint is on the data table only).
  const ddb = await finding(page, `nat-to-gateway-service:${DEMO.prod}:dynamodb`).getByTestId('fix-link').getAttribute('href');
  expect(new URL(ddb!, 'http://x').searchParams.get('routeTables')!.split(',')).toHaveLength(3);
  expect(ddb).toContain(DEMO.prodPrivateA);
});

test('following the S3 fix link ticks prod-private-c in the gateway endpoint form', async ({ page }) => {
  await page.goto('/findings?region=us-east-1');
  await finding(page, `nat-to-gateway-service:${DEMO.prod}:s3`).getByTestId('fix-link').click();
  await expect(page).toHaveURL(/\/endpoints\/new\?/);
  await expect(page.getByRole('checkbox', { name: new RegExp(PLANTED.prodPrivateC) })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: new RegExp(DEMO.prodPrivateA) })).not.toBeChecked();
});

test('resources link to their VPC page with the resource selected', async ({ page }) => {
  await page.goto('/findings?region=us-east-1');
  const link = finding(page, `nat-to-gateway-service:${DEMO.prod}:s3`).locator(`[data-testid="resource-link"][data-resource-id="${PLANTED.prodAppC}"]`);
  await expect(link).toContainText('prod-app-c');
  await expect(link).toHaveAttribute('href', `/vpcs/${DEMO.prod}?region=us-east-1&selected=${PLANTED.prodAppC}`);
});

test('filters by VPC and severity through the URL', async ({ page }) => {
  await page.goto('/findings?region=us-east-1');
  await page.getByLabel('VPC', { exact: true }).selectOption(DEMO.staging);
  await page.getByLabel('Severity', { exact: true }).selectOption('high');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`vpc=${DEMO.staging}`));
  await expect(page).toHaveURL(/severity=high/);
  await expect(page.getByRole('heading', { name: 'Findings for staging', level: 1 })).toBeVisible();
  const cards = page.getByTestId('finding');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute('data-finding-id', `private-dns-without-vpc-dns:${DEMO.staging}`);

  // The summary tiles count the VPC's findings at every severity and switch the filter.
  await expect(page.getByTestId('count-high')).toHaveText('1');
  await page.locator('[data-testid="severity-summary"] a[data-severity="medium"]').click();
  await expect(page).toHaveURL(/severity=medium/);
  await expect(page.getByTestId('finding').first()).toHaveAttribute('data-severity', 'medium');
});

test('a VPC without findings shows the empty state', async ({ page }) => {
  await page.goto(`/findings?region=us-east-1&vpc=${DEMO.defaultVpc}`);
  await expect(page.getByTestId('no-findings')).toContainText('No findings');
  await expect(page.getByTestId('finding')).toHaveCount(0);
});

test('bad filters in the URL fall back with a notice', async ({ page }) => {
  await page.goto('/findings?region=us-east-1&severity=urgent&gb=lots');
  await expect(page.getByTestId('notices')).toContainText('severity must be high, medium, low or info');
  await expect(page.getByTestId('notices')).toContainText('using 100 GB');
  await expect(page.getByTestId('finding').first()).toBeVisible();
});

// The cost table with the demo's measured traffic (per-GB charges, the Traffic column, savings bounded by the NAT
// gateways' bytes) is in metrics.spec.ts; the assumed-volume arithmetic in lib/analysis/costs.test.ts.

test('dark mode renders the findings page', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/findings?region=us-east-1');
  await expect(page.getByTestId('finding').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/findings-dark.png', fullPage: true });
});

test('the header links to the findings page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
  await expect(page).toHaveURL(/\/findings/);
  await expect(page.getByRole('heading', { name: /^Findings/, level: 1 })).toBeVisible();
});

test.describe('GET /api/analysis', () => {
  test('returns paths, findings and costs for one VPC', async ({ request }) => {
    const res = await request.get(`/api/analysis?region=us-east-1&vpc=${DEMO.prod}&gb=10`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    const s3 = body.paths.find((p: { subnetId: string; service: string }) => p.subnetId === PLANTED.prodAppC && p.service === 's3');
    expect(s3).toMatchObject({ via: 'nat', routeTableId: PLANTED.prodPrivateC, routeDestination: '0.0.0.0/0' });
    expect(body.findings.every((f: { vpcId: string }) => f.vpcId === DEMO.prod)).toBe(true);
    expect(body.costs.gbPerMonth).toBe(10);
  });

  test('400 for a bad parameter, 404 for an unknown VPC', async ({ request }) => {
    const bad = await request.get('/api/analysis?region=us-east-1&vpc=nope');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatch(/vpc must look like/);
    expect((await request.get('/api/analysis?region=us-east-1&gb=-1')).status()).toBe(400);
    expect((await request.get('/api/analysis?region=us-east-1&vpc=vpc-0123456789abcdef0')).status()).toBe(404);
  });
});
