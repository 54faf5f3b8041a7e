import { expect, test } from './fixtures';

/**
 * Live mode against moto (the `live` project: scripts/e2e-moto.mjs seeds a VPC named e2e-live in
 * us-east-1; the app reads profiles from e2e/aws-config-test: `default` and `readonly`).
 */
const MOTO_ACCOUNT = '123456789012';

test('the profile picker lists the config file’s profiles; the choice goes in the URL and the scope bar', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'VPCs in us-east-1' })).toBeVisible();
  await expect(page.getByTestId('scope-source')).toHaveText('live');
  await expect(page.getByTestId('scope-profile')).toHaveText('server default');

  const picker = page.getByLabel('Profile');
  await expect(picker.locator('option')).toHaveText(['server default', 'default', 'readonly']);
  await picker.selectOption('readonly');
  await page.getByRole('button', { name: 'Show' }).click();

  await expect(page).toHaveURL(/[?&]profile=readonly(&|$)/);
  await expect(page.getByTestId('scope-profile')).toHaveText('readonly');
  await expect(page.getByTestId('scope-account')).toHaveText(MOTO_ACCOUNT);
  await expect(page.getByTestId('scope')).toContainText('Region: us-east-1');
  await expect(page.getByLabel('Profile')).toHaveValue('readonly');
  const row = page.locator('tr', { hasText: 'e2e-live' });
  await expect(row).toContainText('10.77.0.0/16');
  await page.locator('section[aria-label="What is shown"]').screenshot({ path: 'test-results/screens/scope-bar-live.png' });

  // The VPC page keeps the profile, and so does the way back.
  await row.getByRole('link', { name: 'e2e-live' }).click();
  await expect(page).toHaveURL(/\/vpcs\/vpc-[0-9a-f]+\?.*profile=readonly/);
  await expect(page.getByRole('heading', { name: 'e2e-live', level: 1 })).toBeVisible();
  await expect(page.getByTestId('scope-profile')).toHaveText('readonly');
  await page.getByRole('navigation').getByRole('link', { name: 'us-east-1' }).click();
  await expect(page).toHaveURL(/profile=readonly/);
});

test('the region picker lists the regions DescribeRegions returns and switches region', async ({ page }) => {
  await page.goto('/?profile=default');
  const regions = await page.getByLabel('Region').locator('option').allTextContents();
  // The demo fixtures have two regions; moto answers DescribeRegions with AWS's full list.
  expect(regions.length).toBeGreaterThan(10);
  expect(regions).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']));
  expect(regions).toEqual([...regions].sort());

  await page.getByLabel('Region').selectOption('eu-central-1');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/region=eu-central-1/);
  await expect(page).toHaveURL(/profile=default/);
  await expect(page.getByRole('heading', { name: 'VPCs in eu-central-1' })).toBeVisible();
  await expect(page.getByTestId('scope-region')).toHaveText('eu-central-1');
  // moto gives every region a default VPC; the seeded one lives in us-east-1 only.
  await expect(page.getByTestId('vpc-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tr', { hasText: 'e2e-live' })).toHaveCount(0);
});

test('a profile that is not in the config files is ignored with a notice', async ({ page }) => {
  await page.goto('/?profile=admin');
  await expect(page.getByTestId('notices')).toContainText('profile is not in the AWS config files');
  await expect(page.getByTestId('scope-profile')).toHaveText('server default');
  await expect(page.locator('tr', { hasText: 'e2e-live' })).toBeVisible();
});

test('the source picker switches to the fixture data and back', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Source').selectOption('fixture');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/source=fixture/);
  await expect(page.getByTestId('scope-source')).toHaveText('fixture');
  await expect(page.getByLabel('Profile')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'prod', exact: true })).toBeVisible();

  await page.getByLabel('Source').selectOption('live');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('scope-source')).toHaveText('live');
  await expect(page.locator('tr', { hasText: 'e2e-live' })).toBeVisible();
});

test('the topology is cached, and Refresh reads it again and leaves a clean URL', async ({ page }) => {
  await page.goto('/?region=us-east-1');
  const fetched = page.getByTestId('scope-fetched');
  const first = await fetched.getAttribute('datetime');
  await page.reload();
  await expect(fetched).toHaveAttribute('datetime', first!);

  await page.getByRole('link', { name: 'Refresh' }).click();
  await expect(page).not.toHaveURL(/refresh=/);
  await expect(page).toHaveURL(/region=us-east-1/);
  await expect(fetched).not.toHaveAttribute('datetime', first!);
  const second = await fetched.getAttribute('datetime');
  expect(Date.parse(second!)).toBeGreaterThan(Date.parse(first!));
});
