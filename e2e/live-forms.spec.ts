import { expect, test } from './fixtures';

/**
 * Issue 4, live mode with writes off (the `live` project: the app reads a moto server seeded by
 * scripts/e2e-moto.mjs and runs without ATLAS_LIVE_WRITES): the create form offers the dry run only.
 */

async function liveVpcId(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const res = await request.get('/api/topology?region=us-east-1');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { vpcs: Array<{ id: string; name: string }> };
  const vpc = body.vpcs.find((v) => v.name === 'e2e-live');
  expect(vpc, 'moto holds the seeded e2e-live VPC').toBeTruthy();
  return vpc!.id;
}

test('with live writes off, the create button is replaced by the dry run, which answers in words', async ({ page, request }) => {
  const vpcId = await liveVpcId(request);
  await page.goto(`/vpcs/${vpcId}?region=us-east-1`);
  await page.getByRole('link', { name: 'New endpoint' }).click();
  await expect(page.getByRole('heading', { name: 'New VPC endpoint' })).toBeVisible();

  await page.getByRole('radio', { name: 'Gateway', exact: true }).check();
  await page.getByRole('radio', { name: 'com.amazonaws.us-east-1.s3', exact: true }).check();
  // moto's main route table is the VPC's only one.
  await page.getByRole('checkbox', { name: /^Route table / }).first().check();

  const off = page.getByTestId('writes-off');
  await expect(off).toBeVisible();
  await expect(off).toContainText('ATLAS_LIVE_WRITES');
  await expect(page.getByRole('button', { name: 'Create endpoint' })).toHaveCount(0);
  await page.getByTestId('submit-area').screenshot({ path: 'test-results/screens/live-writes-off.png' });

  await page.getByRole('button', { name: 'Dry run' }).click();
  // AWS answers DryRunOperation ("Allowed"); moto ignores DryRun, which the form must not pass off as a dry run.
  const answer = page.getByTestId('dry-run-result');
  await expect(answer).toContainText(/Allowed|ignored DryRun/);
  // An ignored DryRun made the change: amber with a warning, never the green of "allowed".
  if ((await answer.textContent())?.includes('ignored DryRun')) await expect(answer).toHaveAttribute('data-tone', 'warn');
  else await expect(answer).toHaveAttribute('data-tone', 'good');
  await page.getByTestId('submit-area').screenshot({ path: 'test-results/screens/live-dry-run-answer.png' });
  await expect(page).toHaveURL(/\/endpoints\/new/);
});
