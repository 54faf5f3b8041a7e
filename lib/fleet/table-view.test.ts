import { describe, expect, it } from 'vitest';
import { parseFleetView } from './table-view-params';
import { DEFAULT_FLEET_VIEW, findingHeadline, fleetViewQuery, visibleFindings, visibleRows, type FleetTableView } from './table-view';
import type { FleetFinding, FleetFindingItem, FleetRow } from './types';

function row(accountId: string, accountName: string, region: string, over: Partial<FleetRow> = {}): FleetRow {
  return {
    accountId,
    accountName,
    accountSource: 'fixture',
    region,
    load: { state: 'loaded', loadedAt: '2026-12-07T15:00:00.000Z' },
    lastLoadedAt: null,
    counts: { vpcs: 1, subnets: 12, endpoints: 5 },
    findings: { high: 0, medium: 1, low: 0, info: 2 },
    monthlyCost: { natUsd: 32.85, interfaceEndpointUsd: 87.6 },
    warnings: [],
    query: `region=${region}&account=${accountId}`,
    ...over,
  };
}

const ROWS: FleetRow[] = [
  row('111111111111', 'payments-prod', 'us-east-1', { findings: { high: 2, medium: 0, low: 0, info: 0 }, monthlyCost: { natUsd: 98.55, interfaceEndpointUsd: 700.8 } }),
  row('111111111111', 'payments-prod', 'eu-west-1'),
  row('222222222222', 'Analytics', 'us-east-1', { load: { state: 'failed', reason: 'describe-vpcs.json: not JSON' }, counts: null, findings: null, monthlyCost: null }),
  row('333333333333', 'identity-dev', 'us-east-1', { load: { state: 'loading' }, counts: null, findings: null, monthlyCost: null }),
  row('444444444444', 'billing', 'eu-west-1', { findings: { high: 0, medium: 0, low: 3, info: 0 }, monthlyCost: { natUsd: 0, interfaceEndpointUsd: 10 } }),
];
const view = (over: Partial<FleetTableView>): FleetTableView => ({ ...DEFAULT_FLEET_VIEW, ...over });
const ids = (rows: FleetRow[]) => rows.map((r) => `${r.accountName}/${r.region}`);

describe('fleet table view', () => {
  it('sorts by account name by default, and by NAT or endpoint cost with rows that have none last in both directions', () => {
    expect(ids(visibleRows(ROWS, DEFAULT_FLEET_VIEW))).toEqual(['Analytics/us-east-1', 'billing/eu-west-1', 'identity-dev/us-east-1', 'payments-prod/eu-west-1', 'payments-prod/us-east-1']);
    expect(ids(visibleRows(ROWS, view({ sort: 'vpce', desc: true })))).toEqual([
      'payments-prod/us-east-1', 'payments-prod/eu-west-1', 'billing/eu-west-1', 'Analytics/us-east-1', 'identity-dev/us-east-1',
    ]);
    expect(ids(visibleRows(ROWS, view({ sort: 'nat' }))).slice(0, 3)).toEqual(['billing/eu-west-1', 'payments-prod/eu-west-1', 'payments-prod/us-east-1']);
  });

  it('sorts findings most severe first: two high outweigh three low', () => {
    expect(ids(visibleRows(ROWS, view({ sort: 'findings', desc: true }))).slice(0, 3)).toEqual(['payments-prod/us-east-1', 'payments-prod/eu-west-1', 'billing/eu-west-1']);
  });

  it('filters by account name or id, region, severity floor, cost floor and load state', () => {
    expect(ids(visibleRows(ROWS, view({ account: 'PAY' })))).toEqual(['payments-prod/eu-west-1', 'payments-prod/us-east-1']);
    expect(ids(visibleRows(ROWS, view({ account: '4444' })))).toEqual(['billing/eu-west-1']);
    expect(ids(visibleRows(ROWS, view({ region: 'eu-west-1' })))).toEqual(['billing/eu-west-1', 'payments-prod/eu-west-1']);
    expect(ids(visibleRows(ROWS, view({ severity: 'high' })))).toEqual(['payments-prod/us-east-1']);
    expect(ids(visibleRows(ROWS, view({ severity: 'medium' })))).toEqual(['payments-prod/eu-west-1', 'payments-prod/us-east-1']);
    expect(ids(visibleRows(ROWS, view({ minCost: 100 })))).toEqual(['payments-prod/eu-west-1', 'payments-prod/us-east-1']);
    expect(ids(visibleRows(ROWS, view({ state: 'problems' })))).toEqual(['Analytics/us-east-1']);
    expect(ids(visibleRows(ROWS, view({ state: 'loading' })))).toEqual(['identity-dev/us-east-1']);
  });

  it('round-trips every choice through the query string and names what it ignored', () => {
    const v = view({ account: 'pay', region: 'eu-west-1', severity: 'medium', minCost: 250, state: 'problems', sort: 'nat', desc: true });
    const q = fleetViewQuery(v);
    expect(q).toBe('account=pay&region=eu-west-1&severity=medium&cost=250&state=problems&sort=nat&desc=1');
    expect(parseFleetView(Object.fromEntries(new URLSearchParams(q)))).toEqual({ view: v, notices: [] });
    expect(fleetViewQuery(DEFAULT_FLEET_VIEW)).toBe('');
    const bad = parseFleetView({ severity: 'urgent', sort: 'price', cost: '-5', region: 'mars' });
    expect(bad.view).toEqual(DEFAULT_FLEET_VIEW);
    expect(bad.notices).toEqual([
      'Ignored region must look like us-east-1 (got “mars”).',
      'Ignored severity must be high, medium, low or info (got “urgent”).',
      'Ignored cost must not be negative (got “-5”).',
      expect.stringContaining('Ignored sort must be one of account, region'),
    ]);
  });
});

function item(accountId: string, region: string, vpcId: string, monthlyUsd: number | null, severity: FleetFindingItem['severity'] = 'medium'): FleetFindingItem {
  return {
    accountId, accountName: accountId, region, vpcId, vpcName: vpcId, rule: 'nat-to-gateway-service', findingId: `nat-to-gateway-service:${vpcId}:s3`,
    title: 'S3 through NAT', severity, resourceIds: [vpcId], monthlyUsd, href: `/vpcs/${vpcId}?region=${region}&account=${accountId}`,
  };
}

describe('fleet findings for the rows shown', () => {
  const nat: FleetFinding = {
    rule: 'nat-to-gateway-service', title: 'NAT instead of gateway endpoint', severity: 'medium', count: 3, vpcCount: 3, accountCount: 2, monthlyUsd: 13.5,
    items: [item('111111111111', 'us-east-1', 'vpc-1', 4.5), item('111111111111', 'eu-west-1', 'vpc-2', 4.5), item('444444444444', 'eu-west-1', 'vpc-3', 4.5)],
  };
  const open: FleetFinding = {
    rule: 'endpoint-sg-open-to-world', title: 'Endpoint open to the internet', severity: 'high', count: 1, vpcCount: 1, accountCount: 1, monthlyUsd: null,
    items: [item('444444444444', 'eu-west-1', 'vpc-3', null, 'high')],
  };

  it('keeps the items of shown rows, sums them again, and words the headline', () => {
    const shown = visibleRows(ROWS, view({ region: 'eu-west-1' }));
    const [first, second] = visibleFindings([nat, open], shown, view({ region: 'eu-west-1' }));
    expect(first).toMatchObject({ rule: 'endpoint-sg-open-to-world', vpcCount: 1 });
    expect(second).toMatchObject({ rule: 'nat-to-gateway-service', count: 2, vpcCount: 2, accountCount: 2, monthlyUsd: 9 });
    expect(findingHeadline(second!)).toBe('NAT instead of gateway endpoint in 2 VPCs of 2 accounts, about $9.00 a month');
    expect(findingHeadline(first!)).toBe('Endpoint open to the internet in 1 VPC of 1 account');
  });

  it('drops items less severe than the severity filter', () => {
    expect(visibleFindings([nat, open], ROWS, view({ severity: 'high' })).map((f) => f.rule)).toEqual(['endpoint-sg-open-to-world']);
  });
});
