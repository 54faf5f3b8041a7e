import { describe, expect, it } from 'vitest';
import { applyUpdate, changesSince, clientFleetOf, fleetRowKey, formatVersion, stateOf, type RowLedger, type VersionedRow } from './delta';
import { groupFindings } from './group';
import type { FleetFindingItem, FleetRow, FleetUpdate } from './types';

/** A loaded row of account `id` in `region`, named `name`, with `vpcs` VPCs. */
function row(id: string, region: string | null, name = `acct-${id}`, vpcs = 1): FleetRow {
  return {
    accountId: id,
    accountName: name,
    accountSource: 'fixture',
    region,
    load: region ? { state: 'loaded', loadedAt: '2026-12-07T18:00:00.000Z' } : { state: 'loading' },
    lastLoadedAt: region ? '2026-12-07T18:00:00.000Z' : null,
    counts: region ? { vpcs, subnets: 2 * vpcs, endpoints: 0 } : null,
    findings: region ? { high: 1, medium: 0, low: 0, info: 0 } : null,
    monthlyCost: region ? { natUsd: 32.85, interfaceEndpointUsd: 0 } : null,
    warnings: [],
    query: region ? `region=${region}&account=${id}` : '',
  };
}

function item(r: FleetRow, vpcId: string): FleetFindingItem {
  return {
    accountId: r.accountId,
    accountName: r.accountName,
    region: r.region!,
    vpcId,
    vpcName: vpcId,
    rule: 'nat-to-gateway-service',
    findingId: `nat-to-gateway-service:${vpcId}`,
    title: 'S3 through NAT',
    severity: 'high',
    resourceIds: [vpcId],
    monthlyUsd: 4.5,
    href: `/vpcs/${vpcId}?${r.query}`,
  };
}

/** A server's ledger, changed by hand the way lib/fleet/record.ts changes it: every change a new version. */
function ledger() {
  const rows = new Map<string, VersionedRow>();
  const removed = new Map<string, { accountId: string; region: string | null; version: number }>();
  const l: RowLedger & { rows: typeof rows; removed: typeof removed } = { epoch: 'ep1', version: 0, base: 0, accountsVersion: 0, rows, removed };
  return {
    l,
    set(r: FleetRow, items: FleetFindingItem[] = []) {
      l.version += 1;
      removed.delete(fleetRowKey(r));
      rows.set(fleetRowKey(r), { row: r, items, version: l.version });
    },
    remove(r: FleetRow) {
      l.version += 1;
      rows.delete(fleetRowKey(r));
      removed.set(fleetRowKey(r), { accountId: r.accountId, region: r.region, version: l.version });
    },
    at: () => formatVersion(l.epoch, l.version),
  };
}

const header = { source: 'fixture' as const, startedAt: '2026-12-07T18:00:00.000Z', finishedAt: null, total: 0, done: 0, refreshing: false, notices: [] };

/** The update a server would answer (lib/fleet/record.ts's `updateOf`, without the header's figures). */
function answer(l: RowLedger, since: string | null): FleetUpdate {
  const c = changesSince(l, since);
  return { ...header, version: formatVersion(l.epoch, l.version), full: c.full, rows: c.rows, removed: c.removed, ...(c.accounts ? { accounts: [] } : {}) };
}

describe('changesSince', () => {
  const a1 = row('111111111111', 'us-east-1', 'alpha');
  const a2 = row('111111111111', 'eu-west-1', 'alpha');
  const b1 = row('222222222222', 'us-east-1', 'beta');
  const placeholder = row('333333333333', null, 'gamma');

  it('gives a client at version N exactly the rows changed after N, and the rows removed after N', () => {
    const s = ledger();
    s.set(a1);
    s.set(placeholder);
    const n = s.at();
    s.set(b1);
    s.set({ ...a1, counts: { vpcs: 5, subnets: 10, endpoints: 1 } });
    s.remove(placeholder);
    const c = changesSince(s.l, n);
    expect(c.full).toBe(false);
    expect(c.rows.map((r) => [r.row.accountName, r.row.region, r.row.counts?.vpcs])).toEqual([
      ['alpha', 'us-east-1', 5],
      ['beta', 'us-east-1', 1],
    ]);
    expect(c.removed).toEqual([{ accountId: '333333333333', region: null }]);
    expect(c.accounts).toBe(false);
    // At the newest version nothing is new.
    expect(changesSince(s.l, s.at())).toEqual({ full: false, rows: [], removed: [], accounts: false });
  });

  it('gives every row, sorted, to a client without a version, of another epoch, older than the base or from the future', () => {
    const s = ledger();
    s.set(b1);
    s.set(a2);
    s.set(a1);
    const every = [a2, a1, b1].map((r) => [r.accountName, r.region]);
    for (const since of [null, '', 'ep2.2', 'ep1.99', 'not a version']) {
      const c = changesSince(s.l, since);
      expect(c.full, String(since)).toBe(true);
      expect(c.rows.map((r) => [r.row.accountName, r.row.region])).toEqual(every);
      expect(c.removed).toEqual([]);
      expect(c.accounts).toBe(true);
    }
    s.l.base = 2;
    expect(changesSince(s.l, 'ep1.1').full).toBe(true);
    expect(changesSince(s.l, 'ep1.2').full).toBe(false);
  });

  it('says when the accounts changed after the client’s version', () => {
    const s = ledger();
    s.set(a1);
    const n = s.at();
    s.l.accountsVersion = s.l.version + 1;
    s.set(b1);
    expect(changesSince(s.l, n).accounts).toBe(true);
    expect(changesSince(s.l, s.at()).accounts).toBe(false);
  });
});

describe('applyUpdate', () => {
  it('ends where a client that asked for everything ends, after any sequence of deltas, and keeps unchanged rows’ objects', () => {
    const s = ledger();
    const x = row('111111111111', null, 'alpha');
    s.set(x);
    let client = clientFleetOf({ ...header, accounts: [], rows: [x], findings: [] }, s.at());
    const polls: string[][] = [];
    const steps: Array<() => void> = [
      () => s.remove(x),
      () => s.set(row('111111111111', 'us-east-1', 'alpha', 2), [item(row('111111111111', 'us-east-1', 'alpha'), 'vpc-1')]),
      () => s.set(row('222222222222', 'us-east-1', 'beta', 3)),
      () => s.set(row('111111111111', 'eu-west-1', 'alpha', 4), [item(row('111111111111', 'eu-west-1', 'alpha'), 'vpc-2')]),
      () => s.set(row('222222222222', 'us-east-1', 'beta', 6)),
    ];
    for (const step of steps) {
      step();
      const u = answer(s.l, client.version);
      polls.push(u.rows.map((r) => `${r.row.accountName}/${r.row.region}`));
      const before = client.rows.get(fleetRowKey({ accountId: '111111111111', region: 'us-east-1' }));
      client = applyUpdate(client, u);
      const after = client.rows.get(fleetRowKey({ accountId: '111111111111', region: 'us-east-1' }));
      if (before && !u.rows.some((r) => r.row.accountName === 'alpha' && r.row.region === 'us-east-1')) expect(after).toBe(before);
    }
    // Each poll carried only the row its step changed.
    expect(polls).toEqual([[], ['alpha/us-east-1'], ['beta/us-east-1'], ['alpha/eu-west-1'], ['beta/us-east-1']]);
    const fresh = applyUpdate(clientFleetOf({ ...header, accounts: [], rows: [], findings: [] }, null), answer(s.l, null));
    expect(stateOf(client)).toEqual(stateOf(fresh));
    const state = stateOf(client);
    expect(state.rows.map((r) => [r.accountName, r.region, r.counts?.vpcs])).toEqual([
      ['alpha', 'eu-west-1', 4],
      ['alpha', 'us-east-1', 2],
      ['beta', 'us-east-1', 6],
    ]);
    expect(state.findings).toEqual(groupFindings([...s.l.rows.values()].flatMap((r) => r.items)));
    expect(state.findings[0]).toMatchObject({ count: 2, vpcCount: 2, accountCount: 1 });
  });

  it('rebuilds the rows’ findings from a whole state (the server-rendered page)', () => {
    const r1 = row('111111111111', 'us-east-1', 'alpha');
    const r2 = row('222222222222', 'us-east-1', 'beta');
    const items = [item(r1, 'vpc-1'), item(r2, 'vpc-2'), item(r1, 'vpc-3')];
    const client = clientFleetOf({ ...header, accounts: [], rows: [r1, r2], findings: groupFindings(items) }, 'ep1.3');
    expect(client.rows.get(fleetRowKey(r1))!.items.map((i) => i.vpcId)).toEqual(['vpc-1', 'vpc-3']);
    expect(client.rows.get(fleetRowKey(r2))!.items.map((i) => i.vpcId)).toEqual(['vpc-2']);
    expect(stateOf(client).findings).toEqual(groupFindings(items));
  });
});
