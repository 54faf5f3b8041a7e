import { expect, test } from './fixtures';

const AWKWARD = {
  vpc: 'vpc-007e522c5e56ad0ed',
  implicitSubnet: 'subnet-015feffe563577df8',
  htmlSubnet: 'subnet-0dab93967758d5b62',
};

test('awkward data: HTML in a Name tag is text, two CIDRs and a blackhole route are shown', async ({ page }) => {
  await page.goto(`/vpcs/${AWKWARD.vpc}?region=us-east-1`);
  await expect(page.getByTestId('vpc-cidrs')).toContainText('10.50.0.0/16, 10.51.0.0/16');
  const html = page.locator(`tr[data-subnet-id="${AWKWARD.htmlSubnet}"]`);
  await expect(html).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator(`tr[data-subnet-id="${AWKWARD.implicitSubnet}"]`)).toContainText('(main, implicit)');
  await expect(page.getByTestId('route-tables')).toContainText('(blackhole)');
  // The deleted sts endpoint is not listed.
  await expect(page.getByTestId('endpoints').locator('tbody tr')).toHaveCount(2);
});
