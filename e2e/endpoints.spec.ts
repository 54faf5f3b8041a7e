import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';

/**
 * Issue 4 on the demo fixtures: creating gateway and interface endpoints from the forms.
 *
 * The tests share one server and its state, and the foundation spec counts prod's and staging's
 * endpoints; so every test here works in its own VPC and service (shared-services, the default VPCs,
 * eu-prod), asserts on the endpoints it makes rather than on totals, and the ones that must create
 * nothing check exactly that.
 */

const SHARED = {
  main: 'rtb-0030079b1230b8a04',
  private: 'rtb-0a6d08db41ae6fdc8',
  subnetA: 'subnet-030e4dfb92e4810d3',
  subnetB: 'subnet-023e455e42e35444c',
  httpsSg: 'sg-0475c53ca851ff653',
};
const EU = {
  prod: 'vpc-09d5f99ae60fce1d3',
  prodPrivate: 'rtb-080347b9c174a9657', // routes S3 (pl-6da54004) to vpce-0fccbebb7a69cb0b0 already
  prodPublicA: 'subnet-01aa294d7a781a536',
  prodPrivateA: 'subnet-082db7877fef1ffee', // eu-west-1a too
  defaultVpc: 'vpc-0ea4656c28fb90ad1',
  defaultA: 'subnet-0c6314e3b3e858177',
};
const US_DEFAULT_MAIN = 'rtb-052db82a6c3a3d06c';

interface TopologyJson {
  endpoints: Array<{ id: string; vpcId: string; type: string; serviceName: string; routeTableIds: string[]; subnetIds: string[] }>;
  networkInterfaces: Array<{ id: string; subnetId: string; endpointId: string | null; interfaceType: string; privateIp: string | null }>;
}

async function topology(request: APIRequestContext, region: string, vpc: string): Promise<TopologyJson> {
  const res = await request.get(`/api/topology?region=${region}&vpc=${vpc}`);
  expect(res.status()).toBe(200);
  return res.json();
}

async function endpointsOf(request: APIRequestContext, region: string, vpc: string, serviceName: string) {
  return (await topology(request, region, vpc)).endpoints.filter((e) => e.serviceName === serviceName);
}

/** The endpoint id the create redirect put in the VPC page's URL (the graph's selection key). */
function selectedEndpoint(page: Page): string {
  const id = [...new URL(page.url()).searchParams.values()].find((v) => v.startsWith('vpce-'));
  expect(id, 'the VPC page URL names the new endpoint').toBeTruthy();
  return id!;
}

test('creates an S3 gateway endpoint on two route tables and shows its routes on the VPC page', async ({ page }) => {
  await page.goto(`/vpcs/${DEMO.shared}?region=us-east-1`);
  await page.getByRole('link', { name: 'New endpoint' }).click();
  await expect(page).toHaveURL(new RegExp(`/endpoints/new\\?.*vpc=${DEMO.shared}`));
  await expect(page.getByRole('heading', { name: 'New VPC endpoint' })).toBeVisible();

  await page.getByRole('radio', { name: 'Gateway', exact: true }).check();
  await page.getByRole('radio', { name: 'com.amazonaws.us-east-1.s3', exact: true }).check();
  await page.getByRole('checkbox', { name: new RegExp(SHARED.main) }).check();
  await page.getByRole('checkbox', { name: new RegExp(SHARED.private) }).check();
  await page.getByLabel('Name tag').fill('shared-s3-e2e');

  const changes = page.getByTestId('change-list');
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await expect(changes).toContainText('pl-63a5400a');
  await expect(page.getByTestId('cost')).toContainText('Free');
  await expect(page.getByTestId('code-aws-cli')).toContainText(`--route-table-ids ${SHARED.main} ${SHARED.private}`);

  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('dry-run-result')).toContainText('Allowed');
  await page.screenshot({ path: 'test-results/screens/new-gateway-endpoint.png', fullPage: true });

  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await expect(page).toHaveURL(new RegExp(`/vpcs/${DEMO.shared}\\?region=us-east-1&.*=vpce-`));
  const id = selectedEndpoint(page);

  // The graph draws the new endpoint, selected, with a route edge from each of the two tables.
  await expect(page.getByTestId(`rf__node-${id}`)).toBeVisible();
  await expect(page.getByTestId(`rf__node-${id}`)).toHaveClass(/selected/);
  for (const rtb of [SHARED.main, SHARED.private]) await expect(page.getByTestId(`rf__edge-${rtb}->${id}`)).toBeAttached();
  await expect(page.locator(`[data-testid^="rf__edge-"][data-testid$="->${id}"]`)).toHaveCount(2);

  await page.getByTestId('resource-tables').locator('summary').click();
  const row = page.getByTestId('endpoints').locator(`tr[data-endpoint-id="${id}"]`);
  await expect(row).toContainText('s3');
  await expect(row).toContainText('Gateway');
  const tables = page.getByTestId('route-tables');
  for (const rtb of [SHARED.main, SHARED.private]) {
    await expect(tables.locator(`tr[data-route-table-id="${rtb}"]`)).toContainText(`(pl-63a5400a) → ${id}`);
  }
});

test('creates an interface endpoint in two AZs, with a network interface in each', async ({ page, request }) => {
  await page.goto(`/endpoints/new?region=us-east-1&vpc=${DEMO.shared}&type=interface`);
  await page.getByLabel('Search services').fill('sqs');
  await page.getByRole('radio', { name: 'com.amazonaws.us-east-1.sqs', exact: true }).check();
  await page.getByRole('checkbox', { name: new RegExp(SHARED.subnetA) }).check();
  await page.getByRole('checkbox', { name: new RegExp(SHARED.subnetB) }).check();
  await page.getByRole('checkbox', { name: new RegExp(SHARED.httpsSg) }).check();
  await expect(page.getByTestId('warning-securityGroupIds')).toHaveCount(0);
  await expect(page.getByRole('switch', { name: 'Enable private DNS name' })).toBeChecked();
  await expect(page.getByTestId('change-list').getByRole('listitem')).toHaveCount(2);
  // 2 AZs x 730 h x $0.01 in us-east-1.
  await expect(page.getByTestId('cost')).toContainText('$14.60');
  await page.screenshot({ path: 'test-results/screens/new-interface-endpoint.png', fullPage: true });

  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await expect(page).toHaveURL(new RegExp(`/vpcs/${DEMO.shared}\\?`));
  const id = selectedEndpoint(page);
  await page.getByTestId('resource-tables').locator('summary').click();
  await expect(page.getByTestId('endpoints').locator(`tr[data-endpoint-id="${id}"]`)).toContainText('2 subnets');

  const t = await topology(request, 'us-east-1', DEMO.shared);
  const enis = t.networkInterfaces.filter((n) => n.endpointId === id);
  expect(enis.map((n) => n.subnetId).sort()).toEqual([SHARED.subnetB, SHARED.subnetA].sort());
  for (const n of enis) {
    expect(n.interfaceType).toBe('vpc_endpoint');
    expect(n.privateIp).toMatch(/^10\.2\./);
    // On the graph: the ENI inside its subnet, linked to the endpoint, labelled with its address.
    await expect(page.getByTestId(`rf__node-${n.id}`)).toBeVisible();
    await expect(page.getByTestId(`rf__node-${n.id}`)).toContainText(n.privateIp!);
    await expect(page.getByTestId(`rf__edge-${id}->${n.id}`)).toBeAttached();
  }

  // The endpoint page lists the ENIs and follows the endpoint from pending to available.
  await page.goto(`/endpoints/${id}?region=us-east-1`);
  const listed = page.getByTestId('endpoint-enis').getByRole('listitem');
  await expect(listed).toHaveCount(2);
  for (const n of enis) await expect(page.getByTestId('endpoint-enis')).toContainText(n.id);
  await expect(page.getByTestId('endpoint-state')).toHaveText('available', { timeout: 20_000 });
});

test('two subnets in one AZ: the form says which, and nothing is created', async ({ page, request }) => {
  const service = 'com.amazonaws.eu-west-1.sns';
  await page.goto(`/endpoints/new?region=eu-west-1&vpc=${EU.prod}&type=interface&service=sns&subnets=${EU.prodPublicA},${EU.prodPrivateA}`);
  const error = page.getByTestId('error-subnetIds');
  await expect(error).toContainText(`${EU.prodPublicA} (eu-prod-public-a) and ${EU.prodPrivateA} (eu-prod-private-a) are both in eu-west-1a`);
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await expect(page.getByTestId('submit-error')).toBeVisible();
  await expect(error).toBeVisible();
  await expect(page).toHaveURL(/\/endpoints\/new/);
  expect(await endpointsOf(request, 'eu-west-1', EU.prod, service)).toEqual([]);

  // Ticking a subnet unticks the other one of its AZ, so the form itself keeps one per AZ.
  await page.getByRole('checkbox', { name: new RegExp(EU.prodPublicA) }).uncheck();
  await page.getByRole('checkbox', { name: new RegExp(EU.prodPublicA) }).check();
  await expect(page.getByRole('checkbox', { name: new RegExp(EU.prodPrivateA) })).not.toBeChecked();
  await expect(error).toHaveCount(0);
});

test('an invalid policy: the editor says where, and nothing is created', async ({ page, request }) => {
  const service = 'com.amazonaws.us-east-1.s3';
  await page.goto(`/endpoints/new?region=us-east-1&vpc=${DEMO.defaultVpc}&type=gateway&service=s3&routeTables=${US_DEFAULT_MAIN}`);
  await page.getByLabel('Policy document (JSON)').fill('{"Statement": [{"Effect": "Allow", "Action": "*",}]}');
  await expect(page.getByTestId('error-policy')).toContainText('Not valid JSON at line 1, column 50');
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await expect(page.getByTestId('submit-error')).toBeVisible();
  await expect(page).toHaveURL(/\/endpoints\/new/);
  expect(await endpointsOf(request, 'us-east-1', DEMO.defaultVpc, service)).toEqual([]);

  await page.getByLabel('Policy document (JSON)').fill('{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}');
  await expect(page.getByTestId('error-policy')).toContainText('needs a Principal');
  await page.getByRole('button', { name: 'Full access' }).click();
  await expect(page.getByTestId('error-policy')).toHaveCount(0);
  await expect(page.getByTestId('policy-status')).toHaveText('Valid policy');
});

test('a route table that already routes S3: disabled with the reason, refused when forced, nothing created', async ({ page, request }) => {
  const service = 'com.amazonaws.eu-west-1.s3';
  const before = await endpointsOf(request, 'eu-west-1', EU.prod, service);
  await page.goto(`/endpoints/new?region=eu-west-1&vpc=${EU.prod}&type=gateway&service=s3&routeTables=${EU.prodPrivate}`);
  await expect(page.getByTestId('error-routeTableIds')).toContainText('Already routes s3 (pl-6da54004) to vpce-0fccbebb7a69cb0b0');
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await expect(page.getByTestId('submit-error')).toBeVisible();
  await expect(page).toHaveURL(/\/endpoints\/new/);
  expect(await endpointsOf(request, 'eu-west-1', EU.prod, service)).toEqual(before);

  const box = page.getByRole('checkbox', { name: new RegExp(EU.prodPrivate) });
  await box.uncheck();
  await expect(box).toBeDisabled();
  await expect(page.locator(`[data-route-table-id="${EU.prodPrivate}"]`)).toContainText('Already routes s3');
});

test('a double click on Create makes one endpoint', async ({ page, request }) => {
  const service = 'com.amazonaws.eu-west-1.logs';
  const before = (await endpointsOf(request, 'eu-west-1', EU.defaultVpc, service)).length;
  await page.goto(`/endpoints/new?region=eu-west-1&vpc=${EU.defaultVpc}&type=interface&service=logs&subnets=${EU.defaultA}`);
  await expect(page.getByRole('radio', { name: service, exact: true })).toBeChecked();
  await page.getByRole('switch', { name: 'Enable private DNS name' }).uncheck();
  await page.getByRole('button', { name: 'Create endpoint' }).dblclick();
  await expect(page).toHaveURL(new RegExp(`/vpcs/${EU.defaultVpc}\\?`));
  const after = await endpointsOf(request, 'eu-west-1', EU.defaultVpc, service);
  expect(after).toHaveLength(before + 1);
  expect(after.map((e) => e.id)).toContain(selectedEndpoint(page));
});
