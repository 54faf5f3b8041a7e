import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';

/**
 * Issue 4, items 5 and 6 for existing endpoints: change an interface endpoint's subnets, security
 * groups and policy (and a gateway endpoint's policy) from its page, with every refusal next to its field.
 *
 * These tests change prod's KMS endpoint, which the graph and findings specs count on the shared demo
 * server. So this file runs its own server on its own ATLAS_DATA_DIR, signs in through the proxy
 * header (an editor by default, a viewer where it says so), and resets the demo data before each test.
 */

test.describe.configure({ mode: 'serial' });

const EDITOR = 'editor@example.com';
const VIEWER = 'viewer@example.com';
const KMS = 'vpce-00b7208297c48f525'; // prod: prod-app-a (us-east-1a), prod-app-b (us-east-1b)
const PROD = {
  appA: 'subnet-0a6065a856e31401d',
  appB: 'subnet-03ce21eb23529fa47',
  appC: 'subnet-017faca83fb6ad4e7',
  dataA: 'subnet-03b4aacbb33a6d5d6',
  httpsSg: 'sg-00508616eb284f6b5',
  ecrSg: 'sg-084b65076a99de2c0',
  appSg: 'sg-0b90751ce8541ecf0',
};

let server: OwnServer | null = null;
let base = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startOwnServer({ name: 'modify', portOffset: 15, editor: EDITOR });
  base = server.base;
});

test.afterAll(async () => {
  await server?.stop();
});

interface TopologyJson {
  endpoints: Array<{ id: string; subnetIds: string[]; securityGroupIds: string[]; networkInterfaceIds: string[]; policy: string | null }>;
  networkInterfaces: Array<{ id: string; subnetId: string; az: string; endpointId: string | null; securityGroupIds: string[] }>;
}

async function kms(request: APIRequestContext) {
  const res = await request.get(`${base}/api/topology?region=us-east-1&vpc=${DEMO.prod}`);
  expect(res.status()).toBe(200);
  const t = (await res.json()) as TopologyJson;
  const endpoint = t.endpoints.find((e) => e.id === KMS)!;
  return { endpoint, enis: t.networkInterfaces.filter((n) => n.endpointId === KMS) };
}

const subnet = (page: Page, id: string) => page.getByTestId('modify-subnets').getByRole('checkbox', { name: new RegExp(id) });
const group = (page: Page, id: string) => page.getByTestId('modify-security-groups').getByRole('checkbox', { name: new RegExp(id) });

test.describe('an editor', () => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-email': EDITOR } });

  /** Every test starts from the seed: Reset demo data, as an editor does it on /settings. */
  test.beforeEach(async ({ page }) => {
    await page.goto(`${base}/settings`);
    await page.getByRole('button', { name: 'Reset demo data' }).click();
    await page.getByRole('button', { name: 'Yes, reset everything' }).click();
    await expect(page.getByTestId('reset-result')).toContainText('Demo data reset');
  });

  test('adds a subnet in a third AZ: a new network interface on the page and on the graph', async ({ page, request }) => {
    await page.goto(`${base}/endpoints/${KMS}?region=us-east-1`);
    await expect(page.getByTestId('endpoint-enis').getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    await subnet(page, PROD.appC).check();
    const changes = page.getByTestId('modify-preview').getByTestId('change-list');
    await expect(changes.getByRole('listitem')).toHaveCount(1);
    await expect(changes).toContainText('Network interface in prod-app-c');
    await expect(changes).toContainText('us-east-1c');
    // 2 AZs x 730 h x $0.01 before, 3 after.
    const cost = page.getByTestId('modify-preview').getByTestId('cost');
    await expect(cost).toContainText('$14.60');
    await expect(page.getByTestId('cost-after')).toHaveText('$21.90');
    await expect(page.getByTestId('cost-diff')).toHaveText('+$7.30');
    await page.screenshot({ path: 'test-results/screens/modify-interface-add-subnet.png', fullPage: true });

    await page.getByTestId('modify-preview').getByRole('button', { name: 'Dry run' }).click();
    await expect(page.getByTestId('modify-result')).toContainText('Allowed');
    expect((await kms(request)).enis).toHaveLength(2);

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('modify-result')).toContainText('Saved');
    const listed = page.getByTestId('endpoint-enis');
    await expect(listed.getByRole('listitem')).toHaveCount(3);
    await expect(listed).toContainText('prod-app-c · us-east-1c');
    // The editor starts again from the endpoint as it is now.
    await expect(subnet(page, PROD.appC)).toBeChecked();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    const { endpoint, enis } = await kms(request);
    expect(endpoint.subnetIds).toContain(PROD.appC);
    const added = enis.find((n) => n.subnetId === PROD.appC)!;
    expect(added.az).toBe('us-east-1c');
    await expect(listed).toContainText(added.id);

    await page.goto(`${base}/vpcs/${DEMO.prod}?region=us-east-1&sel=${KMS}`);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count-endpoint-eni', '27');
    await expect(page.locator(`.react-flow__node[data-id="${added.id}"]`)).toBeAttached();
    await page.screenshot({ path: 'test-results/screens/modify-interface-graph.png' });
  });

  test('two subnets in one AZ: a clear error next to the subnets, and nothing changes', async ({ page, request }) => {
    const before = await kms(request);
    // Pre-filled from the URL, as a link can do: prod-data-a next to prod-app-a, both in us-east-1a.
    await page.goto(`${base}/endpoints/${KMS}?region=us-east-1&subnets=${PROD.appA},${PROD.appB},${PROD.dataA}`);
    const error = page.getByTestId('modify-subnets').getByTestId('error-subnetIds');
    await expect(error).toContainText(`${PROD.dataA} (prod-data-a) is in us-east-1a, where the endpoint already has ${PROD.appA} (prod-app-a)`);
    await expect(error).toContainText('one subnet per AZ');
    await expect(page.getByTestId('modify-to-fix')).toHaveText('Not possible as it is: see Subnets.');
    await page.screenshot({ path: 'test-results/screens/modify-interface-same-az.png', fullPage: true });

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('modify-result')).toHaveAttribute('role', 'alert');
    await expect(error).toBeVisible();
    expect(await kms(request)).toEqual(before);

    // Ticking a subnet unticks the other one of its AZ: the interface moves, which is a valid change.
    await subnet(page, PROD.dataA).uncheck();
    await subnet(page, PROD.dataA).check();
    await expect(subnet(page, PROD.appA)).not.toBeChecked();
    await expect(error).toHaveCount(0);
    await expect(page.getByTestId('modify-to-fix')).toHaveCount(0);
    const changes = page.getByTestId('modify-preview').getByTestId('change-list');
    await expect(changes).toContainText('Network interface in prod-data-a');
    await expect(changes).toContainText(`${before.enis.find((n) => n.subnetId === PROD.appA)!.id} in prod-app-a`);
  });

  test('changes the security groups: at least one kept, the 443 warning, saved on the endpoint and its interfaces', async ({ page, request }) => {
    await page.goto(`${base}/endpoints/${KMS}?region=us-east-1`);
    const card = page.getByTestId('modify-security-groups');
    // prod-vpce-https leaves prod's secondary CIDR out: a warning, not an error.
    await expect(card.getByTestId('warning-securityGroupIds')).toContainText('100.64.0.0/16');

    // The last group cannot be unticked: AWS keeps at least one on an interface endpoint.
    await group(page, PROD.httpsSg).click();
    await expect(group(page, PROD.httpsSg)).toBeChecked();
    await expect(page.getByTestId('security-group-note')).toContainText('keeps at least one security group');

    await group(page, PROD.appSg).check();
    await group(page, PROD.httpsSg).uncheck();
    await expect(card.getByTestId('warning-securityGroupIds')).toContainText('None of the chosen security groups admits TCP 443 from 10.0.0.0/16, 100.64.0.0/16');
    await group(page, PROD.ecrSg).check();
    await group(page, PROD.appSg).uncheck();
    await expect(card.getByTestId('warning-securityGroupIds')).toHaveCount(0);
    const changes = page.getByTestId('modify-preview').getByTestId('change-list');
    await expect(changes.getByRole('listitem')).toHaveCount(2);
    await expect(changes).toContainText('Security group prod-vpce-ecr-open');
    await expect(changes).toContainText('Security group prod-vpce-https');
    await page.screenshot({ path: 'test-results/screens/modify-interface-security-groups.png', fullPage: true });

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('modify-result')).toContainText('Saved');
    await expect(page.getByTestId('endpoint-details')).toContainText('prod-vpce-ecr-open');
    const { endpoint, enis } = await kms(request);
    expect(endpoint.securityGroupIds).toEqual([PROD.ecrSg]);
    for (const n of enis) expect(n.securityGroupIds).toEqual([PROD.ecrSg]);
  });

  test('an invalid policy: the error is next to the policy, and nothing changes', async ({ page, request }) => {
    const before = await kms(request);
    await page.goto(`${base}/endpoints/${KMS}?region=us-east-1`);
    const policy = page.getByTestId('modify-policy');
    await policy.getByLabel('Policy document (JSON)').fill('{"Statement": [{"Effect": "Allow", "Action": "*",}]}');
    await expect(policy.getByTestId('error-policy')).toContainText('Not valid JSON at line 1, column 50');
    await expect(page.getByTestId('modify-preview').getByTestId('change-list')).toContainText('Policy replaced');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('modify-result')).toHaveAttribute('role', 'alert');
    await expect(policy.getByTestId('error-policy')).toContainText('Not valid JSON');
    await page.screenshot({ path: 'test-results/screens/modify-interface-policy-error.png', fullPage: true });
    expect(await kms(request)).toEqual(before);

    // A template fixes it, and saves.
    await policy.getByRole('button', { name: 'Read-only' }).click();
    await expect(policy.getByTestId('error-policy')).toHaveCount(0);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('modify-result')).toContainText('Saved');
    expect((await kms(request)).endpoint.policy).toContain('kms:Describe');
  });

  test('private DNS: the reason it could not be turned on again, where the VPC lacks DNS hostnames', async ({ page }) => {
    // staging has enableDnsHostnames off, yet its SSM endpoint has private DNS on.
    await page.goto(`${base}/endpoints/vpce-026883e822431f6f4?region=us-east-1`);
    const card = page.getByTestId('modify-dns');
    await expect(card.getByTestId('private-dns-reason')).toContainText('staging has enableDnsHostnames off');
    const toggle = card.getByRole('switch', { name: 'Enable private DNS name' });
    await expect(toggle).toBeEnabled();
    await toggle.uncheck();
    await expect(page.getByTestId('modify-preview').getByTestId('change-list')).toContainText('Private DNS off');
    await page.setViewportSize({ width: 420, height: 900 });
    await page.screenshot({ path: 'test-results/screens/modify-interface-narrow.png', fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/screens/modify-interface-dark.png', fullPage: true });
  });

  test('a gateway endpoint: its policy can be changed next to its route tables', async ({ page, request }) => {
    await page.goto(`${base}/endpoints/${DEMO.prodS3}?region=us-east-1`);
    await expect(page.getByTestId('endpoint-route-tables')).toBeVisible();
    const card = page.getByTestId('endpoint-policy');
    await card.getByRole('button', { name: 'Named buckets only' }).click();
    await card.getByLabel('Bucket names').fill('acme-artifacts');
    await expect(card.getByTestId('change-list')).toContainText('Policy replaced');
    await page.screenshot({ path: 'test-results/screens/modify-gateway-policy.png', fullPage: true });
    await card.getByRole('button', { name: 'Save policy' }).click();
    await expect(page.getByTestId('policy-change-result')).toContainText('Saved');
    const res = await request.get(`${base}/api/topology?region=us-east-1&vpc=${DEMO.prod}`);
    const s3 = ((await res.json()) as TopologyJson).endpoints.find((e) => e.id === DEMO.prodS3)!;
    expect(s3.policy).toContain('arn:aws:s3:::acme-artifacts');
  });
});

test.describe('a viewer', () => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-email': VIEWER } });

  test('sees the endpoint and no way to change or delete it', async ({ page }) => {
    await page.goto(`${base}/endpoints/${KMS}?region=us-east-1`);
    await expect(page.getByTestId('endpoint-details')).toBeVisible();
    await expect(page.getByTestId('editors-only')).toContainText('a viewer: only editors change or delete endpoints');
    await expect(page.getByTestId('interface-editor')).toHaveCount(0);
    await expect(page.getByTestId('endpoint-delete')).toHaveCount(0);
    for (const name of ['Save changes', 'Dry run', 'Delete endpoint']) await expect(page.getByRole('button', { name })).toHaveCount(0);
    await page.goto(`${base}/endpoints/${DEMO.prodS3}?region=us-east-1`);
    await expect(page.getByTestId('endpoint-route-tables')).toHaveCount(0);
    await expect(page.getByTestId('endpoint-policy')).toHaveCount(0);
  });
});
