// eslint-disable-next-line no-restricted-imports -- seeds this spec's own moto server, never an AWS account
import { CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildNatToS3Vpc, createManagementUser, createMemberRole, createOrganization, enforceIam, MANAGEMENT_ACCOUNT, memberEc2, policy } from '@/lib/ec2/test/moto-org';
import { startMoto, type MotoServer } from '@/lib/test/moto-server';
import { expect, test } from './fixtures';
import { startOwnServer, type OwnServer } from './own-server';

/**
 * The fleet page of a server started with ATLAS_ORG_ROLE against a moto organization this spec builds (a moto of
 * its own, on E2E_PORT+36, because it enforces IAM for the whole server): `alpha` has a VPC whose private subnet
 * reaches S3 through a NAT gateway, `beta` a plain VPC, and `locked`'s role can be assumed but its policy denies
 * ec2:Describe*. The page must show a row for each account, the locked one denied with the missing permission, and
 * alpha's finding must open alpha's VPC in its region with the route table selected.
 */
const REGION = 'eu-west-2';
const ROLE = 'vpc-atlas-read';
const EDITOR = 'editor@example.com';

let moto: MotoServer;
let server: OwnServer;
let dir: string;
let members: Record<'alpha' | 'beta' | 'locked', string>;
let alpha: { vpcId: string; privateRouteTableId: string };

test.describe.configure({ mode: 'serial' });
test.use({ extraHTTPHeaders: { 'x-forwarded-email': EDITOR } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  moto = await startMoto({ port: Number(process.env.E2E_PORT ?? 3210) + 36, why: 'the live project runs' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'vpc-atlas-live-organization-'));
  // moto's dummy keys for the build (IAM is not enforced yet): moto's default account is the management account.
  const keys = { accessKeyId: 'testing', secretAccessKey: 'testing' };
  members = await createOrganization(moto.url, ['alpha', 'beta', 'locked'], keys);
  const readOnly = policy({ Effect: 'Allow', Action: 'ec2:Describe*' });
  await createMemberRole(moto.url, members.alpha, ROLE, readOnly, keys);
  await createMemberRole(moto.url, members.beta, ROLE, readOnly, keys);
  await createMemberRole(moto.url, members.locked, ROLE, policy({ Effect: 'Allow', Action: 'ec2:*' }, { Effect: 'Deny', Action: 'ec2:Describe*' }), keys);
  const management = await createManagementUser(moto.url, keys);
  const a = await memberEc2(moto.url, members.alpha, REGION, ROLE, keys);
  alpha = await buildNatToS3Vpc(a, REGION, 40);
  a.destroy();
  const b = await memberEc2(moto.url, members.beta, REGION, ROLE, keys);
  const vpc = (await b.send(new CreateVpcCommand({ CidrBlock: '10.41.0.0/16' }))).Vpc!.VpcId!;
  await b.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.41.1.0/24', AvailabilityZone: `${REGION}b` }));
  b.destroy();
  await enforceIam(moto.url);

  server = await startOwnServer({
    name: 'live-organization',
    portOffset: 37,
    editor: EDITOR,
    env: {
      ATLAS_SOURCE: 'live',
      ATLAS_ORG_ROLE: ROLE,
      ATLAS_REGIONS: REGION,
      AWS_ENDPOINT_URL: moto.url,
      AWS_ENDPOINT_URL_EC2: '',
      AWS_ACCESS_KEY_ID: management.accessKeyId,
      AWS_SECRET_ACCESS_KEY: management.secretAccessKey,
      AWS_SESSION_TOKEN: '',
      AWS_PROFILE: '',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: path.join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the fleet of a moto organization: a row per account, the locked member denied, and a finding opening its VPC', async ({ page }) => {
  await page.goto(`${server.base}/fleet`);
  await expect(page.getByTestId('fleet-progress-text')).toContainText('4 account-regions loaded', { timeout: 60_000 });
  const row = (account: string) => page.locator(`[data-testid="fleet-row"][data-account="${account}"]`);
  for (const [name, id] of [['fleet-alpha', members.alpha], ['fleet-beta', members.beta]] as const) {
    await expect(row(id)).toHaveAttribute('data-state', 'loaded');
    await expect(row(id).getByTestId('account-name')).toHaveText(name);
  }
  await expect(row(MANAGEMENT_ACCOUNT)).toHaveAttribute('data-state', 'loaded');
  const locked = row(members.locked);
  await expect(locked).toHaveAttribute('data-state', 'denied');
  await expect(locked.getByTestId('row-problem')).toContainText(/Missing permission ec2:Describe\w+/);
  await page.screenshot({ path: 'test-results/screens/live-organization.png', fullPage: true });

  const group = page.locator('[data-testid="fleet-finding"][data-rule="nat-to-gateway-service"]');
  await group.locator('summary').click();
  const link = group.locator('[data-testid="fleet-finding-item"]', { hasText: 'fleet-alpha' }).getByTestId('fleet-finding-link').first();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/vpcs/${alpha.vpcId}\\?`));
  const url = new URL(page.url());
  expect([url.searchParams.get('account'), url.searchParams.get('region')]).toEqual([members.alpha, REGION]);
  // VPC ids are per account: only alpha's account, read through its role, holds this VPC and route table.
  await expect(page.getByTestId('inspector-id')).toHaveText(alpha.privateRouteTableId, { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screens/live-organization-finding.png' });
});
