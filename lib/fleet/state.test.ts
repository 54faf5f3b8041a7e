import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubFixtureFleet } from './test-fleet';
import type { FleetState } from './types';

// The fleet of lib/fleet/test-fleet.ts: a default account, three account folders (one with a broken region), one
// suspended and one empty folder.
const { dir, restore } = stubFixtureFleet({ ATLAS_FLEET_CONCURRENCY: '2' });

const { getFleetState, waitForFleet } = await import('./state');
const { loadTopology } = await import('@/lib/topology/load');
const { analyzeTopology } = await import('@/lib/analysis/analyze');

afterAll(restore);

let first: FleetState;
let state: FleetState;
beforeAll(async () => {
  first = getFleetState();
  state = await waitForFleet();
});

const row = (accountId: string, region: string | null) => state.rows.find((r) => r.accountId === accountId && r.region === region);

describe('the fleet of a fixture directory', () => {
  it('answers at once, before any load finished, and then finishes every account-region', () => {
    // The accounts are still being found: nothing is done yet, and nothing claims to be.
    expect(first.done).toBe(0);
    expect(first.finishedAt).toBeNull();
    expect(first.rows.every((r) => r.load.state === 'loading')).toBe(true);
    expect(state.finishedAt).not.toBeNull();
    expect(state).toMatchObject({ source: 'fixture', total: 6, done: 6, refreshing: false });
  });

  it('finds the accounts: the default one named by its folder, account folders by account.json or their id', () => {
    expect(state.accounts).toEqual([
      { id: '111122223333', name: path.basename(dir), source: 'fixture', isDefault: true },
      { id: '333333333333', name: '333333333333', source: 'fixture' },
      { id: '222222222222', name: 'Production', source: 'fixture' },
    ]);
    expect(state.notices).toEqual([
      '444444444444/account.json: the account is SUSPENDED, not ACTIVE; it is not read.',
      '555555555555/ holds no region folder with describe-vpcs.json; it is not read.',
    ]);
  });

  it('counts each loaded account-region as its topology and analysis do, and links it with its account', async () => {
    const topology = await loadTopology({ source: 'fixture', region: 'us-east-1', account: '222222222222' });
    const { findings, costs } = analyzeTopology(topology);
    const prod = row('222222222222', 'us-east-1')!;
    expect(prod.load).toEqual({ state: 'loaded', loadedAt: expect.any(String) });
    expect(prod.counts).toEqual({ vpcs: topology.vpcs.length, subnets: topology.subnets.length, endpoints: topology.endpoints.length });
    expect(prod.counts!.vpcs).toBe(4);
    expect(Object.values(prod.findings!).reduce((a, b) => a + b, 0)).toBe(findings.length);
    expect(prod.findings!.high).toBe(findings.filter((f) => f.severity === 'high').length);
    expect(prod.monthlyCost!.natUsd).toBeCloseTo(costs.vpcs.reduce((a, v) => a + v.natGatewaysMonthly, 0), 2);
    expect(prod.monthlyCost!.natUsd).toBeGreaterThan(0);
    expect(prod.query).toBe('region=us-east-1&account=222222222222');
    // The default account's links name no account.
    expect(row('111122223333', 'eu-west-1')!.query).toBe('region=eu-west-1');
  });

  it('shows a broken account-region as failed with the reason, and loads the same account’s other region', () => {
    const broken = row('333333333333', 'eu-west-1')!;
    expect(broken.load.state).toBe('failed');
    expect(broken.load).toMatchObject({ reason: expect.stringContaining('describe-vpcs.json') });
    expect(broken.counts).toBeNull();
    expect(row('333333333333', 'us-east-1')!.load.state).toBe('loaded');
  });

  it('groups findings by rule across accounts, with VPC and account counts and each item linking to its VPC with the resource selected', () => {
    const nat = state.findings.find((f) => f.rule === 'nat-to-gateway-service')!;
    expect(nat).toBeDefined();
    // The demo's us-east-1 has NAT-to-S3 findings; three accounts hold a copy of it (the broken one's us-east-1 is fine).
    const perCopy = nat.items.filter((i) => i.accountId === '222222222222' && i.region === 'us-east-1');
    expect(perCopy.length).toBeGreaterThan(0);
    expect(nat.accountCount).toBe(3);
    expect(nat.count).toBe(nat.items.length);
    expect(nat.monthlyUsd).toBeCloseTo(nat.items.reduce((a, i) => a + (i.monthlyUsd ?? 0), 0), 2);
    const item = perCopy[0]!;
    expect(item.href).toBe(`/vpcs/${item.vpcId}?region=us-east-1&account=222222222222&selected=${encodeURIComponent(item.resourceIds[0]!)}`);
    const severities = ['high', 'medium', 'low', 'info'];
    const order = state.findings.map((f) => severities.indexOf(f.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keeps every row’s last result while a refresh runs, then ends it', async () => {
    const loaded = row('222222222222', 'us-east-1')!;
    const during = getFleetState({ refresh: true });
    expect(during.refreshing).toBe(true);
    const same = during.rows.find((r) => r.accountId === '222222222222' && r.region === 'us-east-1')!;
    expect(same.counts).toEqual(loaded.counts);
    expect(same.lastLoadedAt).toBe(loaded.lastLoadedAt);
    const after = await waitForFleet();
    expect(after).toMatchObject({ refreshing: false, total: 6, done: 6 });
  });
});

describe('failureOf: a load’s error as a row’s state', async () => {
  const { failureOf } = await import('./state');
  const { Ec2Error, toEc2Error } = await import('@/lib/ec2/errors');
  it('names the IAM action AWS refused, EC2’s or STS’s', () => {
    const ec2 = toEc2Error({ name: 'UnauthorizedOperation', Code: 'UnauthorizedOperation', message: 'no', $metadata: { httpStatusCode: 403 } }, 'DescribeVpcs');
    expect(failureOf(ec2)).toEqual({ state: 'denied', permission: 'ec2:DescribeVpcs', message: expect.stringContaining('ec2:DescribeVpcs') });
    const sts = new Ec2Error('access-denied', 'AccessDenied', 'Assuming arn:aws:iam::111122223333:role/r was refused (sts:AssumeRole).', 'AssumeRole');
    expect(failureOf(sts)).toMatchObject({ state: 'denied', permission: 'sts:AssumeRole' });
  });

  it('gives any other failure its reason, one line, with no stack or key', () => {
    const timeout = new Ec2Error('timeout', 'Timeout', 'The EC2 API did not answer in time (DescribeVpcs).', 'DescribeVpcs');
    expect(failureOf(timeout)).toEqual({ state: 'failed', reason: 'The EC2 API did not answer in time (DescribeVpcs).' });
    expect(failureOf(new Error('boom\n    at secret.ts:1'))).toEqual({ state: 'failed', reason: 'The topology could not be loaded. See the server log.' });
  });
});
