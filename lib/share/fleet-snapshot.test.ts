import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleTopology } from '@/lib/graph/test-topology';
import type { FleetState } from '@/lib/fleet/types';
import { CorruptSnapshotError, SnapshotInputError, SnapshotTooLargeError } from '@/lib/store/snapshots';
import { SqliteSnapshotStore } from '@/lib/store/sqlite';

let dir: string;
let file: string;
const open: SqliteSnapshotStore[] = [];
function store(options?: ConstructorParameters<typeof SqliteSnapshotStore>[1]) {
  const s = new SqliteSnapshotStore(file, options);
  open.push(s);
  return s;
}
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-fleet-snapshots-'));
  file = path.join(dir, 'snapshots.db');
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

function fleet(): FleetState {
  return {
    source: 'fixture',
    startedAt: '2026-12-07T15:00:00.000Z',
    finishedAt: '2026-12-07T15:00:04.000Z',
    total: 2,
    done: 2,
    accounts: [{ id: '111122223333', name: 'payments-prod', source: 'fixture' }],
    rows: [
      {
        accountId: '111122223333', accountName: 'payments-prod', accountSource: 'fixture', region: 'us-east-1',
        load: { state: 'loaded', loadedAt: '2026-12-07T15:00:01.000Z' }, lastLoadedAt: null,
        counts: { vpcs: 2, subnets: 24, endpoints: 9 }, findings: { high: 1, medium: 2, low: 0, info: 3 },
        monthlyCost: { natUsd: 32.85, interfaceEndpointUsd: 175.2 }, warnings: [], query: 'region=us-east-1&account=111122223333',
      },
      {
        accountId: '111122223333', accountName: 'payments-prod', accountSource: 'fixture', region: 'eu-west-1',
        load: { state: 'failed', reason: 'describe-vpcs.json is not valid JSON' }, lastLoadedAt: null,
        counts: null, findings: null, monthlyCost: null, warnings: [], query: 'region=eu-west-1&account=111122223333',
      },
    ],
    findings: [
      {
        rule: 'nat-to-gateway-service', title: 'NAT instead of gateway endpoint', severity: 'medium', count: 1, vpcCount: 1, accountCount: 1, monthlyUsd: 4.5,
        items: [{
          accountId: '111122223333', accountName: 'payments-prod', region: 'us-east-1', vpcId: 'vpc-0a1', vpcName: 'prod', rule: 'nat-to-gateway-service',
          findingId: 'nat-to-gateway-service:vpc-0a1:s3', title: 'S3 traffic goes through NAT', severity: 'medium',
          resourceIds: ['rtb-0a1'], monthlyUsd: 4.5, href: '/vpcs/vpc-0a1?region=us-east-1&account=111122223333&selected=rtb-0a1',
        }],
      },
    ],
    refreshing: false,
    notices: [],
  };
}

describe('fleet snapshots in the snapshot store', () => {
  it('saves a fleet and reads it back exactly; it is not a topology snapshot', async () => {
    const s = store();
    const topo = await s.save({ title: 'region', region: 'us-east-1', source: 'fixture', view: '', topology: sampleTopology() });
    const saved = await s.saveFleet({ title: 'Fleet before the cleanup', source: 'fixture', view: '?severity=high', fleet: fleet() });
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(saved.view).toBe('severity=high');
    expect(await s.getFleet(saved.id)).toEqual(saved);
    expect(await s.get(saved.id)).toBeNull();
    expect(await s.getFleet(topo.id)).toBeNull();
    expect(await s.delete(saved.id)).toBe(true);
    expect(await s.getFleet(saved.id)).toBeNull();
  });

  it('lists a fleet snapshot beside the topologies, marked as a fleet with its accounts and regions, renamable and deletable', async () => {
    const s = store();
    const topo = await s.save({ title: 'region', region: 'us-east-1', source: 'fixture', view: '', topology: sampleTopology() });
    await new Promise((r) => setTimeout(r, 5));
    const wide = fleet();
    wide.accounts.push({ id: '444455556666', name: 'data-dev', source: 'fixture' });
    // An account whose role could not be assumed: one row without a region, which is no region of its own.
    wide.rows.push({ ...wide.rows[1]!, accountId: '444455556666', accountName: 'data-dev', region: null, load: { state: 'denied', permission: 'sts:AssumeRole', message: 'denied' } });
    const saved = await s.saveFleet({ title: 'Fleet before the cleanup', source: 'fixture', view: '?severity=high', fleet: wide });
    const list = await s.list();
    expect(list.map((e) => e.id)).toEqual([saved.id, topo.id]);
    expect(list[0]).toEqual({
      id: saved.id, title: 'Fleet before the cleanup', createdAt: saved.createdAt, region: '', source: 'fixture', view: 'severity=high',
      sizeBytes: expect.any(Number), fleet: { accounts: 2, regions: 2 },
    });
    expect(list[1]).not.toHaveProperty('fleet');
    expect(await s.rename(saved.id, '  Fleet after  ')).toBe(true);
    expect((await s.list())[0]?.title).toBe('Fleet after');
    expect((await s.getFleet(saved.id))?.title).toBe('Fleet after');
    expect(await s.delete(saved.id)).toBe(true);
    expect((await s.list()).map((e) => e.id)).toEqual([topo.id]);
  });

  it('counts what fleet snapshots saved before the counts were kept cover; a damaged one is listed without counts', async () => {
    const old = store();
    const kept = await old.saveFleet({ title: 'Fleet', source: 'fixture', view: '', fleet: fleet() });
    const damaged = await old.saveFleet({ title: 'Damaged', source: 'fixture', view: '', fleet: fleet() });
    old.close();
    const raw = new Database(file);
    raw.prepare('UPDATE snapshots SET topology = ? WHERE id = ?').run('{"rows": [', damaged.id);
    raw.exec('ALTER TABLE snapshots DROP COLUMN fleet_accounts; ALTER TABLE snapshots DROP COLUMN fleet_regions; PRAGMA user_version = 3;');
    raw.close();
    const list = await store().list();
    expect(list.find((e) => e.id === kept.id)?.fleet).toEqual({ accounts: 1, regions: 2 });
    expect(list.find((e) => e.id === damaged.id)?.fleet).toEqual({ accounts: null, regions: null });
  });

  it('refuses a malformed fleet naming the field, and one over the size limit, writing nothing', async () => {
    const s = store({ maxBytes: 2000 });
    const bad = fleet();
    (bad.rows[0] as { load: unknown }).load = { state: 'sleeping' };
    await expect(s.saveFleet({ title: 'x', source: 'fixture', view: '', fleet: bad })).rejects.toThrow(SnapshotInputError);
    await expect(s.saveFleet({ title: 'x', source: 'fixture', view: '', fleet: bad })).rejects.toThrow(/rows\.0\.load/);
    const big = fleet();
    big.notices = ['x'.repeat(3000)];
    await expect(s.saveFleet({ title: 'x', source: 'fixture', view: '', fleet: big })).rejects.toThrow(SnapshotTooLargeError);
    const raw = new Database(file);
    expect(raw.prepare('SELECT count(*) AS n FROM snapshots').get()).toEqual({ n: 0 });
    raw.close();
  });

  it('reports a damaged fleet row as corrupt instead of drawing part of it', async () => {
    const s = store();
    const saved = await s.saveFleet({ title: 'Fleet', source: 'fixture', view: '', fleet: fleet() });
    const raw = new Database(file);
    raw.prepare('UPDATE snapshots SET topology = ? WHERE id = ?').run('{"rows": 3}', saved.id);
    raw.close();
    await expect(s.getFleet(saved.id)).rejects.toThrow(CorruptSnapshotError);
  });

  it('adds the kind column to a database written before fleet snapshots, keeping its snapshots', async () => {
    const old = store();
    const kept = await old.save({ title: 'old', region: 'us-east-1', source: 'fixture', view: '', topology: sampleTopology() });
    old.close();
    const raw = new Database(file);
    raw.exec('ALTER TABLE snapshots DROP COLUMN fleet_accounts; ALTER TABLE snapshots DROP COLUMN fleet_regions; ALTER TABLE snapshots DROP COLUMN kind; PRAGMA user_version = 2;');
    raw.close();
    const s = store();
    expect((await s.get(kept.id))?.title).toBe('old');
    const f = await s.saveFleet({ title: 'Fleet', source: 'fixture', view: '', fleet: fleet() });
    expect((await s.getFleet(f.id))?.fleet.rows).toHaveLength(2);
  });
});
