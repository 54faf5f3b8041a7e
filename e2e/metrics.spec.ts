import { DEMO, expect, test } from './fixtures';

/** Issue 16 in fixture mode: the demo data has no CloudWatch metrics, and the inspector says so instead of failing. */
const SSM = 'vpce-09a9decd0e65ee36c';

test('an interface endpoint’s inspector says fixture mode has no metrics; a gateway endpoint has no traffic section', async ({ page }) => {
  await page.goto(`/vpcs/${DEMO.prod}?region=us-east-1&sel=${SSM}`);
  await expect(page.getByTestId('inspector-id')).toHaveText(SSM);
  await expect(page.getByTestId('inspector-traffic')).toHaveText('No metrics in fixture mode: traffic is read from CloudWatch in live mode only.');

  await page.goto(`/vpcs/${DEMO.prod}?region=us-east-1&sel=${DEMO.prodS3}`);
  await expect(page.getByTestId('inspector-id')).toHaveText(DEMO.prodS3);
  await expect(page.getByTestId('inspector-policy')).toBeVisible();
  await expect(page.getByTestId('inspector-traffic')).toHaveCount(0);
});
