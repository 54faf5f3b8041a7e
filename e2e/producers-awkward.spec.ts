import { expect, test } from './fixtures';

// fixtures/awkward/eu-west-2: a region as other producers write it (null for absent fields, AWS's documentation
// ids, an emulator's 5-hex ids) with records that do not add up. It must render, and say what is wrong where.
const DOCS_VPC = 'vpc-0e9801d129EXAMPLE';
const SHORT_VPC = 'vpc-1a2b3';

test('a region with bad records renders, and lists each skipped record by file and index', async ({ page }) => {
  await page.goto('/?region=eu-west-2');
  // No error panel (Next's route announcer is an empty alert region).
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
  const warnings = page.getByTestId('data-warnings');
  await expect(warnings).toContainText('Records that could not be read (2)');
  await expect(warnings).toContainText('eu-west-2/describe-subnets.json record 3: skipped, it is not an object.');
  await expect(warnings).toContainText('eu-west-2/describe-subnets.json record 4: skipped, it has no SubnetId.');
  await expect(warnings).toContainText('VPC vpc-0gone0000EXAMPLE is not in the data, but 1 record names it');
  // A contradiction between two VPCs is one line here, naming both.
  await expect(warnings.getByText('Route table rtb-0publicEXAMPLE', { exact: false })).toHaveCount(1);
  // Consistency is not a permission problem.
  await expect(page.getByText('Partial view')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/producers-region.png', fullPage: true });

  // AWS's documentation id is a link that opens.
  await page.getByRole('link', { name: 'docs-example' }).click();
  await expect(page).toHaveURL(new RegExp(`/vpcs/${DOCS_VPC}`));
  await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
});

test('a VPC page shows its own warnings only, and a subnet associated with another VPC’s table is not drawn public', async ({ page }) => {
  await page.goto(`/vpcs/${DOCS_VPC}?region=eu-west-2`);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
  const own = page.getByTestId('data-warnings');
  await expect(own).toContainText("Subnet subnet-0outside1EXAMPLE (192.168.0.0/24) lies outside its VPC's CIDR blocks (10.0.0.0/16).");
  // IPv6 too: a /64 outside the VPC's /56, and not the IPv6-only subnet's /64 inside it.
  await expect(own).toContainText("Subnet subnet-0v6outsideEXAMPLE (2a05:d01c:ff00:2::/64) lies outside its VPC's CIDR blocks (2a05:d01c:0::/56).");
  await expect(own).not.toContainText('subnet-0v6onlyEXAMPLE');
  await expect(own).not.toContainText('vpc-0gone0000EXAMPLE');
  // Shapes of 2026 accounts, drawn and labelled: an IPv6-only subnet by its IPv6 block (no "0 free"), a regional
  // NAT gateway, a VPC Lattice endpoint by its service network, a route to an egress-only internet gateway.
  const v6 = page.locator('.react-flow__node[data-id="subnet-0v6onlyEXAMPLE"]');
  await expect(v6).toContainText('2a05:d01c:0:1::/64');
  await expect(v6).toContainText('IPv6-only');
  await expect(v6).not.toContainText('free');
  await expect(page.locator('.react-flow__node[data-id="nat-0regionalEXAMPLE"]')).toContainText('regional (2 AZs)');
  await expect(page.locator('.react-flow__node[data-id="vpce-0latticeEXAMPLE"]')).toContainText('sn-0123456789abcdef0');
  await expect(page.locator('.react-flow__node[data-id="eigw-0a1bEXAMPLE"]')).toContainText('Egress-only internet gateway');
  await page.screenshot({ path: 'test-results/producers-docs-vpc.png' });

  await page.goto(`/vpcs/${SHORT_VPC}?region=eu-west-2`);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
  const short = page.getByTestId('data-warnings');
  await expect(short).toContainText('Route table rtb-0publicEXAMPLE (VPC vpc-0e9801d129EXAMPLE) is associated with subnet subnet-7c8d9 of VPC vpc-1a2b3');
  await expect(short).not.toContainText('lies outside');
  await expect(page.locator('.react-flow__node[data-id="subnet-7c8d9"]')).toContainText('Private');
  await page.screenshot({ path: 'test-results/producers-short-vpc.png' });
});

test('a snapshot of a VPC shows that VPC’s data warnings, as its live page does', async ({ page }) => {
  await page.goto(`/vpcs/${DOCS_VPC}?region=eu-west-2`);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
  await page.getByTestId('share-snapshot').click();
  const link = page.getByTestId('share-link');
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
  await page.goto(await link.inputValue());
  await expect(page.getByTestId('snapshot-graph').getByTestId('graph')).toHaveAttribute('data-graph-ready', 'true');
  const frozen = page.getByTestId('data-warnings');
  await expect(frozen).toContainText('Data that does not add up');
  await expect(frozen).toContainText("Subnet subnet-0outside1EXAMPLE (192.168.0.0/24) lies outside its VPC's CIDR blocks (10.0.0.0/16).");
  await expect(frozen).toContainText('subnet-0v6outsideEXAMPLE (2a05:d01c:ff00:2::/64)');
  // The VPC's own, not the region's.
  await expect(frozen).not.toContainText('vpc-0gone0000EXAMPLE');
  await expect(page.getByText('Partial view')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/producers-snapshot.png', fullPage: true });
});
