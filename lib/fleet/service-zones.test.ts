import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stubFixtureFleet } from './test-fleet';
import type { FleetState } from './types';

// The fleet of lib/fleet/test-fleet.ts, where account 222222222222 is told (its DescribeVpcEndpointServices) that KMS
// is offered in us-east-1a and us-east-1b only: subnets in us-east-1c cannot have a KMS endpoint interface there, so
// the AZ coverage finding that counts every zone (the demo's KMS endpoint misses us-east-1c) is not one.
const { dir, restore } = stubFixtureFleet();
const servicesFile = path.join(dir, '222222222222', 'us-east-1', 'describe-vpc-endpoint-services.json');
const services = JSON.parse(readFileSync(servicesFile, 'utf8')) as { ServiceDetails: { ServiceName: string; AvailabilityZones?: string[] }[] };
for (const s of services.ServiceDetails) if (s.ServiceName === 'com.amazonaws.us-east-1.kms') s.AvailabilityZones = ['us-east-1a', 'us-east-1b'];
writeFileSync(servicesFile, JSON.stringify(services));

const { getFleetState, waitForFleet } = await import('./state');
const { resolvePageScope, scopeLoad } = await import('@/lib/topology/page-params');
const { loadTopology } = await import('@/lib/topology/load');
const { loadServiceZones } = await import('@/lib/analysis/service-zones');
const { analyzeTopology } = await import('@/lib/analysis/analyze');

afterAll(restore);

let state: FleetState;
beforeAll(async () => {
  getFleetState();
  state = await waitForFleet();
});

const AZ = 'interface-endpoint-az-coverage';

/** What the findings page of `?region=…&account=…` lists for the AZ coverage rule: its own load, zones and analysis. */
async function findingsPage(region: string, account: string | undefined) {
  const scope = await resolvePageScope({ region, ...(account ? { account } : {}) });
  const topology = await loadTopology(scopeLoad(scope));
  const serviceZones = await loadServiceZones(scopeLoad(scope));
  const { findings } = analyzeTopology(topology, serviceZones ? { serviceZones } : {});
  return { topology, az: findings.filter((f) => f.rule === AZ).map((f) => f.id).sort(), all: findings };
}

const fleetItems = (accountId: string, region: string) =>
  state.findings.flatMap((g) => g.items).filter((i) => i.accountId === accountId && i.region === region);

it("counts a fleet row's AZ coverage findings with the region's service zones, as the findings page does", async () => {
  const page = await findingsPage('us-east-1', '222222222222');
  const items = fleetItems('222222222222', 'us-east-1');
  expect(items.filter((i) => i.rule === AZ).map((i) => i.findingId).sort()).toEqual(page.az);
  // Without the zones, the KMS endpoint's missing us-east-1c would be a finding: the zones made the difference.
  const everyZone = analyzeTopology(page.topology).findings.filter((f) => f.rule === AZ).map((f) => f.id);
  expect(everyZone.filter((id) => !page.az.includes(id))).toEqual([expect.stringMatching(/^interface-endpoint-az-coverage:vpce-/)]);
  // The row's severity counts are the page's too.
  const row = state.rows.find((r) => r.accountId === '222222222222' && r.region === 'us-east-1')!;
  expect(row.findings!.medium).toBe(page.all.filter((f) => f.severity === 'medium').length);
});

it('leaves the other accounts, whose services offer KMS everywhere, as they were', async () => {
  const page = await findingsPage('us-east-1', undefined);
  expect(page.az.length).toBeGreaterThan(0);
  expect(fleetItems('111122223333', 'us-east-1').filter((i) => i.rule === AZ).map((i) => i.findingId).sort()).toEqual(page.az);
});
