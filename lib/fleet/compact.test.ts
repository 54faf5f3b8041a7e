import { describe, expect, it } from 'vitest';
import { compactFleetState, expandFleetState, newRow } from './compact';
import type { LinkScope } from './links';
import type { FleetAccount, FleetRow, FleetState } from './types';

const link: LinkScope = { source: 'fixture', sourceInUrl: false };
const account = (i: number, extra: Partial<FleetAccount> = {}): FleetAccount => ({ id: String(100000000000 + i), name: `team-${i % 7}-${i}`, source: 'fixture', ...extra });
const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2'];

function loaded(a: FleetAccount, region: string): FleetRow {
  return {
    ...newRow(a, region, link),
    load: { state: 'loaded', loadedAt: '2026-12-08T00:00:01.000Z' },
    lastLoadedAt: '2026-12-08T00:00:01.000Z',
    counts: { vpcs: 1, subnets: 12, endpoints: 5 },
    findings: { high: 1, medium: 2, low: 0, info: 1 },
    monthlyCost: { natUsd: 35.04, interfaceEndpointUsd: 96.36 },
  };
}

function stateOf(accounts: FleetAccount[], rows: FleetRow[]): FleetState {
  const sorted = [...rows].sort((a, b) => a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId) || (a.region ?? '').localeCompare(b.region ?? ''));
  return { source: 'fixture', startedAt: '2026-12-08T00:00:00.000Z', finishedAt: null, total: rows.length, done: 1, accounts, rows: sorted, findings: [], refreshing: false, notices: [] };
}

/** The start of a first pass over 100 accounts x 3 regions: one row loaded, 299 waiting. */
function passStart() {
  const accounts = Array.from({ length: 100 }, (_, i) => account(i));
  const rows = accounts.flatMap((a, i) => REGIONS.map((r) => (i === 0 && r === 'us-east-1' ? loaded(a, r) : newRow(a, r, link))));
  return stateOf(accounts, rows);
}

describe('compactFleetState / expandFleetState', () => {
  it('sends a pass’s waiting rows as account and region only, at a few bytes each, and the page rebuilds the same state', () => {
    const state = passStart();
    const compact = compactFleetState(state, link);
    expect(compact.rows.map((r) => r.load.state)).toEqual(['loaded']);
    expect(expandFleetState(compact)).toEqual(state);
    // The bytes the page's inline data carries: whole, about 260 a row (380 escaped in the page); compact, the 299 waiting rows together
    // cost less than 10 bytes each (their account ids once, the region list once).
    const whole = JSON.stringify(state).length;
    const sent = JSON.stringify(compact).length;
    const oneLoaded = JSON.stringify(compact.rows[0]).length;
    const header = JSON.stringify({ ...state, rows: [] }).length;
    expect(whole - header).toBeGreaterThan(299 * 200);
    expect(sent - header - oneLoaded).toBeLessThan(299 * 10);
  });

  it('keeps whole every row that shows more than its account and region, and rebuilds each other kind exactly', () => {
    const plain = account(1);
    const named = account(2, { isDefault: true });
    const profiled = account(3, { source: 'profile', profile: 'audit' });
    const org = account(4, { source: 'organization' });
    const renamed = account(5);
    const rows: FleetRow[] = [
      newRow(plain, 'us-east-1', link),
      newRow(plain, 'eu-west-1', link),
      // The account's row while its regions are listed.
      newRow(org, null, link),
      newRow(named, 'us-east-1', link),
      newRow(profiled, 'eu-west-1', link),
      // Refreshing: its last numbers stay on screen.
      { ...loaded(plain, 'us-west-2'), load: { state: 'loading' } },
      newRow(profiled, 'us-east-1', link, { state: 'failed', reason: 'describe-vpcs.json is not JSON' }),
      { ...newRow(named, 'eu-west-1', link), warnings: ['Missing permission ec2:DescribeNatGateways'] },
      // The account was renamed after its row was listed: the row says the old name until it reloads.
      { ...newRow(renamed, 'us-east-1', link), accountName: 'old name' },
      // An account the server no longer lists.
      newRow(account(6), 'us-east-1', link),
    ];
    const state = stateOf([plain, named, profiled, org, { ...renamed, name: 'new name' }], rows);
    const compact = compactFleetState(state, link);
    expect(compact.rows.map((r) => `${r.accountId}/${r.region}/${r.load.state}`).sort()).toEqual(
      ['100000000001/us-west-2/loading', '100000000002/eu-west-1/loading', '100000000003/us-east-1/failed', '100000000005/us-east-1/loading', '100000000006/us-east-1/loading'].sort(),
    );
    // In the table's order (account name, then region).
    expect(compact.waiting?.groups).toEqual([
      { regions: ['eu-west-1', 'us-east-1'], accountIds: ['100000000001'] },
      { regions: ['us-east-1'], accountIds: ['100000000002'] },
      { regions: ['eu-west-1'], accountIds: ['100000000003'] },
      { regions: [null], accountIds: ['100000000004'] },
    ]);
    expect(expandFleetState(compact)).toEqual(state);
  });

  it('names the source in the rebuilt links when the server does', () => {
    const live: LinkScope = { source: 'live', sourceInUrl: true };
    const a = account(9);
    const state = stateOf([a], [newRow(a, 'eu-west-1', live)]);
    const rebuilt = expandFleetState(compactFleetState(state, live));
    expect(rebuilt.rows[0]?.query).toBe('region=eu-west-1&source=live&account=100000000009');
    expect(rebuilt).toEqual(state);
  });

  it('leaves a state with no waiting row as it is', () => {
    const a = account(1);
    const state = stateOf([a], [loaded(a, 'us-east-1')]);
    expect(compactFleetState(state, link)).toBe(state);
    expect(expandFleetState(state)).toEqual(state);
  });
});
