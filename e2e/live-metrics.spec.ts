import { buildTrafficVpc, datum, putMetrics } from '@/lib/ec2/test/moto-traffic';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 16: traffic from CloudWatch in the inspector (the `live` project: the app reads the e2e moto server for EC2
 * and CloudWatch alike). A region no other live spec reads, loaded with refresh=1: the page reads what this spec built
 * (a retry's beforeAll builds a new VPC).
 */
const REGION = 'eu-west-3';
const MOTO = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 3}`;
/** moto's dummy keys: the spec's own clients never read the developer's credentials. */
const keys = { accessKeyId: 'testing', secretAccessKey: 'testing' };

let vpcId = '';
/**
 * The inspector's period switch. Its buttons by their exact names: a page-wide, substring `name: '7d'` also finds the
 * inspector's link to a VPC whose random id holds "7d" (vpc-17d68e…), in about half of the runs.
 */
const periodButton = (page: Page, period: '24h' | '7d' | '30d') =>
  page.getByRole('group', { name: 'Traffic period', exact: true }).getByRole('button', { name: period, exact: true });
let endpointId = '';
let natId = '';

test.beforeAll(async () => {
  const built = await buildTrafficVpc(MOTO, REGION, { second: 91, service: 'ssm', credentials: keys });
  ({ vpcId, endpointId, natId } = built);
  const now = Date.now();
  const ep = built.endpointDimensions;
  await putMetrics(
    MOTO,
    REGION,
    'AWS/PrivateLinkEndpoints',
    [
      datum('BytesProcessed', ep, 1_500_000, 2.2, 'Bytes', now),
      datum('BytesProcessed', ep, 250_000, 7.5, 'Bytes', now),
      datum('BytesProcessed', ep, 4_000_000, 50, 'Bytes', now),
      datum('NewConnections', ep, 42, 2.2, 'Count', now),
      datum('ActiveConnections', ep, 9, 7.5, 'Count', now),
    ],
    keys,
  );
  await putMetrics(MOTO, REGION, 'AWS/NATGateway', [datum('BytesOutToDestination', built.natDimensions, 7_000_000_000, 20, 'Bytes', now)], keys);
});

test('an interface endpoint’s inspector shows its traffic; the period switch changes the numbers and the URL', async ({ page }) => {
  await page.goto(`/vpcs/${vpcId}?region=${REGION}&refresh=1`);
  await page.goto(`/vpcs/${vpcId}?region=${REGION}&sel=${endpointId}`);
  await expect(page.getByTestId('inspector-id')).toHaveText(endpointId);
  const traffic = page.getByTestId('inspector-traffic');
  await expect(traffic.getByTestId('traffic-BytesProcessed')).toHaveText('1.75 MB');
  await expect(traffic.getByTestId('traffic-NewConnections')).toHaveText('42');
  await expect(traffic.getByTestId('traffic-ActiveConnections')).toHaveText('9');
  await expect(traffic.getByTestId('traffic-PacketsDropped')).toHaveText('0');
  await expect(traffic.getByTestId('traffic-sparkline')).toBeVisible();
  await expect(traffic).toContainText('Bytes processed per hour, last 24 hours');
  const section = page.getByTestId('graph-inspector').locator('section', { has: traffic });
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: 'test-results/screens/inspector-traffic-endpoint.png' });

  await expect(periodButton(page, '24h')).toHaveAttribute('aria-pressed', 'true');
  await periodButton(page, '7d').click();
  await expect(page).toHaveURL(/[?&]period=7d(&|$)/);
  await expect(traffic.getByTestId('traffic-BytesProcessed')).toHaveText('5.75 MB');
  await expect(traffic).toContainText('Bytes processed per 6 hours, last 7 days');
  await expect(periodButton(page, '7d')).toHaveAttribute('aria-pressed', 'true');
  await expect(periodButton(page, '24h')).toHaveAttribute('aria-pressed', 'false');
});

test('a NAT gateway’s inspector shows the bytes it sent, for the period in the URL', async ({ page }) => {
  await page.goto(`/vpcs/${vpcId}?region=${REGION}&refresh=1`);
  await page.goto(`/vpcs/${vpcId}?region=${REGION}&sel=${natId}&period=30d`);
  await expect(page.getByTestId('inspector-id')).toHaveText(natId);
  await expect(periodButton(page, '30d')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('traffic-BytesOutToDestination')).toHaveText('7.00 GB');
  await expect(page.getByTestId('traffic-ErrorPortAllocation')).toHaveText('0');
  await page.getByTestId('graph-inspector').screenshot({ path: 'test-results/screens/inspector-traffic-nat.png' });
});
