import type { Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';

/** Demo ids the graph tests use beyond `DEMO` (fixtures/README.md, prod in us-east-1). */
const PROD = {
  appC: 'subnet-017faca83fb6ad4e7',
  publicA: 'subnet-0732c484ee14f368f',
  privateC: 'rtb-0c308cb081b784055',
  natC: 'nat-0150d2a85dc1bd99c',
  natA: 'nat-0d0283270929cd079',
  igw: 'igw-019d9054732b88788',
  ecrDkr: 'vpce-019189a6343845163',
  ssm: 'vpce-09a9decd0e65ee36c',
};

const PROD_URL = `/vpcs/${DEMO.prod}?region=us-east-1`;

async function openGraph(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
}

function node(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

function edge(page: Page, id: string) {
  return page.getByTestId(`rf__edge-${id}`);
}

/** The canvas's viewport as React Flow applies it: translate(x, y) scale(zoom). */
async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)\s*scale\(([-\d.]+)\)/.exec(transform);
  if (!m) throw new Error(`unexpected transform ${transform}`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

test.describe('the topology graph of the demo prod VPC', () => {
  test('fits the screen at a readable zoom, in light and dark', async ({ page }) => {
    await openGraph(page, PROD_URL);
    const { zoom } = await viewport(page);
    // Three AZs side by side, 62 resources: the first view is readable without zooming in.
    expect(zoom).toBeGreaterThanOrEqual(0.55);
    await expect(node(page, DEMO.prodAppA)).toBeInViewport();
    await expect(node(page, 'tgw-0bd454f03a1ef4827')).toBeInViewport();
    await page.screenshot({ path: 'test-results/screens/graph-prod-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('.react-flow.dark')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/screens/graph-prod-dark.png' });
  });

  test('draws one node per resource, by kind, as the fixture has them', async ({ page, request }) => {
    const topology = (await (await request.get(`/api/topology?region=us-east-1&vpc=${DEMO.prod}`)).json()) as {
      subnets: { az: string }[];
      routeTables: unknown[];
      natGateways: unknown[];
      endpoints: { type: string; networkInterfaceIds: string[] }[];
    };
    const expected = {
      vpc: 1,
      az: new Set(topology.subnets.map((s) => s.az)).size,
      subnet: topology.subnets.length,
      'route-table': topology.routeTables.length,
      'internet-gateway': 1,
      'nat-gateway': topology.natGateways.length,
      'gateway-endpoint': topology.endpoints.filter((e) => e.type === 'Gateway').length,
      'interface-endpoint': topology.endpoints.filter((e) => e.type !== 'Gateway').length,
      'endpoint-eni': topology.endpoints.reduce((n, e) => n + (e.type === 'Gateway' ? 0 : e.networkInterfaceIds.length), 0),
      // The peering connection and the transit gateway the private tables route to.
      external: 2,
    };
    // The demo as fixtures/README.md describes it.
    expect(expected).toMatchObject({ az: 3, subnet: 9, 'route-table': 6, 'nat-gateway': 3, 'gateway-endpoint': 2, 'interface-endpoint': 9, 'endpoint-eni': 26 });
    await openGraph(page, PROD_URL);
    const graph = page.getByTestId('graph');
    for (const [kind, count] of Object.entries(expected)) await expect(graph, kind).toHaveAttribute(`data-node-count-${kind}`, String(count));
    // Small enough that every node is in the DOM at the first zoom.
    await expect(page.locator('.react-flow__node-subnet')).toHaveCount(9);
    await expect(page.locator('.react-flow__node-endpointEni')).toHaveCount(26);
    await expect(page.locator('.react-flow__node-routeTable')).toHaveCount(6);
    // Node ids are AWS ids.
    await expect(node(page, DEMO.prodS3)).toContainText('S3');
  });

  test("a subnet's edge goes to its route table, and routes go on to their targets", async ({ page }) => {
    await openGraph(page, PROD_URL);
    await expect(edge(page, `${DEMO.prodAppA}->${DEMO.prodPrivateA}`)).toBeAttached();
    await expect(edge(page, `${PROD.appC}->${PROD.privateC}`)).toBeAttached();
    await expect(edge(page, `${DEMO.prodPrivateA}->${DEMO.prodS3}`)).toBeAttached();
    // prod-private-c is the table without the S3 route: its default route goes to the NAT gateway of its AZ.
    await expect(edge(page, `${PROD.privateC}->${DEMO.prodS3}`)).toHaveCount(0);
    await expect(edge(page, `${PROD.privateC}->${PROD.natC}`)).toBeAttached();
    await expect(edge(page, `rtb-04f30a25760786ddb->${PROD.igw}`)).toBeAttached();
  });

  test('the inspector shows a subnet\'s CIDR and route table, and an endpoint\'s policy', async ({ page }) => {
    await openGraph(page, PROD_URL);
    // The subnet's header (its body holds the ENI chips).
    await node(page, DEMO.prodAppA).click({ position: { x: 40, y: 8 } });
    const inspector = page.getByTestId('graph-inspector');
    await expect(page.getByTestId('inspector-id')).toHaveText(DEMO.prodAppA);
    await expect(inspector).toContainText('10.0.16.0/20');
    await expect(inspector.locator(`[data-ref="${DEMO.prodPrivateA}"]`).first()).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`sel=${DEMO.prodAppA}`));
    // The selection lights up the subnet's route table and dims what is unrelated.
    await expect(node(page, DEMO.prodPrivateA)).not.toHaveClass(/atlas-dim/);
    await expect(node(page, PROD.igw)).toHaveClass(/atlas-dim/);

    await node(page, DEMO.prodS3).click();
    await expect(page.getByTestId('inspector-id')).toHaveText(DEMO.prodS3);
    await expect(page.getByTestId('inspector-policy')).toContainText('acme-prod-artifacts');
    await expect(inspector).toContainText('com.amazonaws.us-east-1.s3');
    await page.screenshot({ path: 'test-results/screens/graph-inspector-s3.png' });

    // Related resources in the panel move the selection.
    await inspector.locator(`[data-ref="${DEMO.prodPrivateA}"]`).first().click();
    await expect(page.getByTestId('inspector-id')).toHaveText(DEMO.prodPrivateA);
    await page.keyboard.press('Escape');
    await expect(inspector).toHaveCount(0);
  });

  test('search for s3 highlights the S3 gateway endpoint, and Enter centres it', async ({ page }) => {
    await openGraph(page, PROD_URL);
    await page.getByTestId('graph-search').fill('s3');
    await expect(node(page, DEMO.prodS3)).toHaveClass(/atlas-match/);
    await expect(node(page, PROD.igw)).toHaveClass(/atlas-dim/);
    await expect(page.getByTestId('graph-search-count')).toContainText('/ 1');
    await page.getByTestId('graph-search').press('Enter');
    await expect(page.getByTestId('inspector-id')).toHaveText(DEMO.prodS3);
    await expect(node(page, DEMO.prodS3)).toBeInViewport();
    await expect(page).toHaveURL(/q=s3/);
  });

  test('hiding NAT gateways removes them, and the filter is in the URL', async ({ page }) => {
    await openGraph(page, PROD_URL);
    await expect(page.locator('.react-flow__node-natGateway')).toHaveCount(3);
    await page.getByTestId('graph-filters').locator('summary').click();
    await page.getByTestId('filter-kind-natGateway').uncheck();
    await expect(page.locator('.react-flow__node-natGateway')).toHaveCount(0);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count-nat-gateway', '0');
    await expect(edge(page, `${PROD.privateC}->${PROD.natC}`)).toHaveCount(0);
    await expect(page).toHaveURL(/hide=natGateway/);
    // Everything else is still there.
    await expect(page.locator('.react-flow__node-subnet')).toHaveCount(9);
  });

  test('reloading the URL restores the selection, the filters and the viewport', async ({ page }) => {
    await openGraph(page, PROD_URL);
    await page.getByTestId('graph-filters').locator('summary').click();
    await page.getByTestId('filter-kind-natGateway').uncheck();
    await page.getByTestId('graph-filters').locator('summary').click();
    await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
    await node(page, DEMO.prodS3).click();
    // Pan and zoom with the mouse, as a person would.
    const pane = page.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('no pane');
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.95);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45 - 120, box.y + box.height * 0.95 - 60, { steps: 8 });
    await page.mouse.up();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
    await page.mouse.wheel(0, -300);
    await expect(page).toHaveURL(/zoom=/);
    await expect(page).toHaveURL(new RegExp(`sel=${DEMO.prodS3}`));
    await expect(page).toHaveURL(/hide=natGateway/);
    // The URL is written a moment after the last move; wait until it stops changing.
    let last = '';
    await expect
      .poll(async () => {
        const now = page.url();
        const same = now === last;
        last = now;
        return same;
      }, { intervals: [500, 500, 500] })
      .toBe(true);
    const before = await viewport(page);
    const url = new URL(page.url());
    expect(Number(url.searchParams.get('zoom'))).toBeCloseTo(before.zoom, 2);

    await page.reload();
    await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
    await expect(page.getByTestId('inspector-id')).toHaveText(DEMO.prodS3);
    await expect(page.locator('.react-flow__node-natGateway')).toHaveCount(0);
    const after = await viewport(page);
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1);
  });

  test("a subnet's inspector shows its paths to S3, and a path is highlighted on the graph", async ({ page }) => {
    // prod-app-c: its table has no S3 route, so S3 traffic goes through the NAT gateway.
    await openGraph(page, `${PROD_URL}&sel=${PROD.appC}`);
    const paths = page.getByTestId('subnet-paths');
    await expect(paths).toContainText('How does this subnet reach');
    const s3 = paths.locator('li[data-service="s3"]');
    await expect(s3).toHaveAttribute('data-via', 'nat');
    await expect(s3).toContainText('NAT gateway');
    await s3.click();
    await expect(s3.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('graph-path-banner')).toContainText('S3');
    await expect(page).toHaveURL(/path=s3/);
    for (const hop of [PROD.appC, PROD.privateC, PROD.natC, PROD.igw]) await expect(node(page, hop)).toHaveClass(/atlas-on-path/);
    await expect(edge(page, `${PROD.privateC}->${PROD.natC}`)).toHaveClass(/atlas-path-edge/);
    await expect(node(page, DEMO.prodS3)).toHaveClass(/atlas-dim/);
    await page.screenshot({ path: 'test-results/screens/graph-path-app-c-s3-nat.png' });

    // prod-app-a: its table routes the S3 prefix list to the gateway endpoint.
    await page.getByTestId('graph-search').fill('prod-app-a');
    await page.getByTestId('graph-search').press('Enter');
    await expect(page.getByTestId('inspector-id')).toHaveText(DEMO.prodAppA);
    await expect(page.getByTestId('subnet-paths').locator('li[data-service="s3"]')).toHaveAttribute('data-via', 'gateway-endpoint');
    await page.getByTestId('subnet-paths').locator('li[data-service="s3"]').click();
    await expect(edge(page, `${DEMO.prodPrivateA}->${DEMO.prodS3}`)).toHaveClass(/atlas-path-edge/);
    await expect(node(page, DEMO.prodS3)).toHaveClass(/atlas-on-path/);
    // Esc drops the path first, then the selection.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('graph-path-banner')).toHaveCount(0);
    await expect(page.getByTestId('inspector-id')).toHaveText(DEMO.prodAppA);
  });

  test('findings show as badges on the resources they name, worst severity first', async ({ page }) => {
    await openGraph(page, PROD_URL);
    // ecr.dkr's security group admits 0.0.0.0/0: high.
    await expect(node(page, PROD.ecrDkr).locator('[data-finding-severity]')).toHaveAttribute('data-finding-severity', 'high');
    // prod-private-c sends S3 and DynamoDB through NAT: two medium findings.
    await expect(node(page, PROD.privateC).locator('[data-finding-count]')).toHaveAttribute('data-finding-count', '2');
    await node(page, PROD.ecrDkr).click();
    const findings = page.getByTestId('inspector-findings');
    await expect(findings).toContainText('admits 0.0.0.0/0');
    await expect(findings.locator('[data-rule="endpoint-sg-open-to-world"]')).toBeVisible();
  });

  test('edges hidden in a busy graph appear when their resource is hovered', async ({ page }) => {
    await openGraph(page, PROD_URL);
    // 26 endpoint-to-ENI links would cross the AZ columns: they wait until they matter.
    await expect(page.locator('.react-flow__edge.atlas-edge-endpointEni')).toHaveCount(0);
    await node(page, PROD.ssm).hover();
    await expect(page.locator('.react-flow__edge.atlas-edge-endpointEni')).toHaveCount(3);
    await page.mouse.move(5, 5);
    await expect(page.locator('.react-flow__edge.atlas-edge-endpointEni')).toHaveCount(0);
  });

  test('the direction switch lays the graph out top to bottom', async ({ page }) => {
    await openGraph(page, PROD_URL);
    const rightX = (await node(page, DEMO.prodPrivateA).boundingBox())?.x ?? 0;
    const subnetX = (await node(page, DEMO.prodAppA).boundingBox())?.x ?? 0;
    expect(rightX).toBeGreaterThan(subnetX);
    await page.getByTestId('graph-direction').getByRole('radio', { name: 'Top to bottom' }).click();
    await expect(page).toHaveURL(/dir=down/);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
    await expect
      .poll(async () => {
        const table = await node(page, DEMO.prodPrivateA).boundingBox();
        const subnet = await node(page, DEMO.prodAppA).boundingBox();
        return table && subnet ? table.y > subnet.y + subnet.height : false;
      })
      .toBe(true);
    await page.screenshot({ path: 'test-results/screens/graph-prod-top-to-bottom.png' });
  });
});

test('the region view lays the VPCs out side by side and wraps them', async ({ page }) => {
  await openGraph(page, '/?region=us-east-1&view=graph');
  await expect(page.getByTestId('graph')).toHaveAttribute('data-node-count-vpc', '4');
  const boxes = await Promise.all([DEMO.prod, DEMO.staging, DEMO.shared, DEMO.defaultVpc].map((id) => node(page, id).boundingBox()));
  const tops = new Set(boxes.map((b) => Math.round(b?.y ?? 0)));
  // Not one column of four: at least two VPCs share a row.
  expect(tops.size).toBeLessThan(4);
  for (const id of [DEMO.prod, DEMO.staging, DEMO.shared, DEMO.defaultVpc]) await expect(node(page, id)).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/graph-region.png' });
});

test('zoomed far out, each VPC of the region is named over its box at a readable size', async ({ page }) => {
  await openGraph(page, '/?region=us-east-1&view=graph');
  // At full detail the names are in the VPCs' headers, not written over the picture.
  await expect(page.getByTestId('vpc-label')).toHaveCount(0);
  while ((await viewport(page)).zoom >= 0.28) await page.getByRole('button', { name: 'Zoom Out' }).click();
  const vpcs = await page.request.get('/api/topology?region=us-east-1').then(async (r) => ((await r.json()) as { vpcs: { id: string; name: string }[] }).vpcs);
  await expect(page.getByTestId('vpc-label')).toHaveCount(vpcs.length);
  for (const vpc of vpcs) {
    const label = page.locator(`[data-testid="vpc-label"][data-vpc-id="${vpc.id}"]`);
    await expect(label).toHaveText(vpc.name || vpc.id);
    await expect(label).toBeVisible();
    const [box, vpcBox] = await Promise.all([label.boundingBox(), node(page, vpc.id).boundingBox()]);
    // Legible on screen (the zoom is below 0.28, where the header's own text would be a few pixels high)...
    const fontPx = await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * Number(/scale\(([-\d.]+)\)/.exec((el.closest('.react-flow__viewport') as HTMLElement).style.transform)?.[1] ?? 1));
    expect(fontPx).toBeGreaterThanOrEqual(11);
    // ...and on its own VPC's box: across its top border, within its width.
    expect(box!.x).toBeGreaterThanOrEqual(vpcBox!.x);
    expect(box!.x + box!.width).toBeLessThanOrEqual(vpcBox!.x + vpcBox!.width + 1);
    expect(box!.y).toBeLessThan(vpcBox!.y);
    expect(box!.y + box!.height).toBeGreaterThan(vpcBox!.y);
  }
  await page.screenshot({ path: 'test-results/screens/graph-region-far-out.png' });
  // Zooming back in hands the names back to the headers.
  await page.getByRole('button', { name: 'Fit View' }).click();
  while ((await viewport(page)).zoom < 0.28) await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect(page.getByTestId('vpc-label')).toHaveCount(0);
});
