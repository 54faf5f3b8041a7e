import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const AWKWARD = {
  vpc: 'vpc-007e522c5e56ad0ed',
  implicitSubnet: 'subnet-015feffe563577df8',
  htmlSubnet: 'subnet-0dab93967758d5b62',
  secondCidrSubnet: 'subnet-070384658bc3cae9c',
  mainTable: 'rtb-03cd2dd1cfcf93cb1',
  privateTable: 'rtb-086a7614488cfa59d',
  goneNat: 'nat-0c870c3df3ce5aa13',
  s3: 'vpce-07a3b2d7ad66fb2d8',
  ssm: 'vpce-0fdbbfe3ac1fc7d59',
};

const HTML_NAME = '<img src=x onerror=alert(1)>';
const URL_ = `/vpcs/${AWKWARD.vpc}?region=us-east-1`;

async function openGraph(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
}

function node(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

test('awkward data: HTML in a Name tag is text, two CIDRs and a blackhole route are shown', async ({ page }) => {
  await page.goto(`/vpcs/${AWKWARD.vpc}?region=us-east-1`);
  await expect(page.getByTestId('vpc-cidrs')).toContainText('10.50.0.0/16, 10.51.0.0/16');
  // The tables load when their section is opened.
  await page.getByTestId('resource-tables').locator('summary').click();
  const html = page.locator(`tr[data-subnet-id="${AWKWARD.htmlSubnet}"]`);
  await expect(html).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator(`tr[data-subnet-id="${AWKWARD.implicitSubnet}"]`)).toContainText('(main, implicit)');
  await expect(page.getByTestId('route-tables')).toContainText('(blackhole)');
  // The deleted sts endpoint is not listed.
  await expect(page.getByTestId('endpoints').locator('tbody tr')).toHaveCount(2);
});

test.describe('the graph of the awkward VPC', () => {
  test('draws every resource once, by kind, and leaves the deleted endpoint out', async ({ page }) => {
    await openGraph(page, URL_);
    const graph = page.getByTestId('graph');
    const expected = {
      vpc: 1,
      az: 2,
      subnet: 3,
      'route-table': 2,
      'internet-gateway': 1,
      'nat-gateway': 0,
      'gateway-endpoint': 1,
      'interface-endpoint': 1,
      'endpoint-eni': 1,
      // The NAT gateway the blackhole route still names.
      external: 1,
    };
    for (const [kind, count] of Object.entries(expected)) await expect(graph, kind).toHaveAttribute(`data-node-count-${kind}`, String(count));
    await expect(page.locator('.react-flow__node-subnet')).toHaveCount(3);
    await expect(page.locator('.react-flow__node-interfaceEndpoint')).toHaveCount(1);
  });

  test('shows the HTML-laden Name tag as text, on the graph and in the inspector, and no dialog opens', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', () => {
      dialogs += 1;
    });
    await openGraph(page, URL_);
    const hostile = node(page, AWKWARD.htmlSubnet);
    await expect(hostile).toContainText(HTML_NAME);
    await expect(hostile).toHaveAttribute('aria-label', `Subnet: ${HTML_NAME}`);
    await hostile.click({ position: { x: 40, y: 8 } });
    await expect(page.getByTestId('graph-inspector').getByRole('heading', { level: 2 })).toHaveText(HTML_NAME);
    await page.getByTestId('graph-search').fill('onerror');
    await expect(hostile).toHaveClass(/atlas-match/);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/graph-awkward.png' });
    expect(dialogs).toBe(0);
  });

  test('draws the implicit main-table association dashed and the blackhole route in red to a vanished target', async ({ page }) => {
    await openGraph(page, URL_);
    const implicit = page.getByTestId(`rf__edge-${AWKWARD.implicitSubnet}->${AWKWARD.mainTable}`);
    await expect(implicit.locator('path').first()).toHaveCSS('stroke-dasharray', '6px, 4px');
    await expect(node(page, AWKWARD.implicitSubnet)).toContainText('main RT');
    const explicit = page.getByTestId(`rf__edge-${AWKWARD.htmlSubnet}->${AWKWARD.privateTable}`);
    await expect(explicit.locator('path').first()).toHaveCSS('stroke-dasharray', 'none');
    const blackhole = page.getByTestId(`rf__edge-${AWKWARD.privateTable}->${AWKWARD.goneNat}!blackhole`);
    await expect(blackhole).toHaveClass(/atlas-edge-blackhole/);
    await expect(blackhole.locator('path').first()).toHaveCSS('stroke', 'rgb(220, 38, 38)');
    await expect(node(page, AWKWARD.goneNat)).toContainText('(gone)');
    await expect(node(page, AWKWARD.privateTable)).toContainText('1 blackhole');
    // Both CIDR blocks on the VPC's box.
    await expect(node(page, AWKWARD.vpc)).toContainText('10.50.0.0/16');
    await expect(node(page, AWKWARD.vpc)).toContainText('10.51.0.0/16');
  });

  test("the inspector shows a subnet's route table, the blackhole route and an endpoint's policy", async ({ page }) => {
    await openGraph(page, `${URL_}&sel=${AWKWARD.secondCidrSubnet}`);
    const inspector = page.getByTestId('graph-inspector');
    await expect(inspector).toContainText('10.51.0.0/24');
    await expect(inspector.locator(`[data-ref="${AWKWARD.privateTable}"]`).first()).toBeVisible();
    await expect(inspector).toContainText('blackhole');
    // Its path to S3 goes through the gateway endpoint on its table.
    await expect(page.getByTestId('subnet-paths').locator('li[data-service="s3"]')).toHaveAttribute('data-via', 'gateway-endpoint');
    await node(page, AWKWARD.s3).click();
    await expect(page.getByTestId('inspector-id')).toHaveText(AWKWARD.s3);
    await expect(page.getByTestId('graph-inspector')).toContainText('Policy');
  });
});
