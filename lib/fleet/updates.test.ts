import { afterAll, describe, expect, it } from 'vitest';
import { expandFleetState } from './compact';
import { applyUpdate, clientFleetOf, stateOf } from './delta';
import { stubFixtureFleet } from './test-fleet';
import type { FleetState, FleetUpdate } from './types';

// The fleet of lib/fleet/test-fleet.ts (6 account-regions, one failing), one load at a time so a pass has many changes.
const { restore } = stubFixtureFleet({ ATLAS_FLEET_CONCURRENCY: '1' });

const { getFleetPageState, getFleetState, getFleetUpdate, getFleetStateAndVersion, resetFleet, waitForFleet, waitForFleetUpdate, waitForFirstRows } = await import('./state');

afterAll(restore);

/** The rows and findings a page shows: what a client built from updates must equal. */
const shown = (s: FleetState) => ({ rows: s.rows, findings: s.findings, total: s.total, done: s.done, finishedAt: s.finishedAt, accounts: s.accounts });

describe('the fleet’s updates (GET /api/fleet?since=)', () => {
  it('lets a page that polls with its version end with exactly the server’s fleet, every poll carrying only what changed', async () => {
    const { state: first, version } = getFleetStateAndVersion();
    expect(first.finishedAt).toBeNull();
    let client = clientFleetOf(first, version);
    const polls: FleetUpdate[] = [];
    while (client.header.finishedAt === null) {
      const update = await waitForFleetUpdate({ since: client.version!, timeoutMs: 10_000 });
      expect(update.full).toBe(false);
      polls.push(update);
      client = applyUpdate(client, update);
    }
    const server = getFleetState();
    expect(shown(stateOf(client))).toEqual(shown(server));
    expect(server).toMatchObject({ total: 6, done: 6 });
    // A long poll answers a change, never an empty wait: every answer but the last (the end of the pass) carries rows.
    for (const u of polls.slice(0, -1)) expect(u.rows.length + u.removed.length).toBeGreaterThan(0);
    // No row was sent again unless it changed: the six rows finish once each (loading -> loaded or failed).
    const finishes = polls.flatMap((u) => u.rows.filter((r) => r.row.load.state !== 'loading').map((r) => `${r.row.accountId}/${r.row.region}`));
    expect(finishes.sort()).toEqual([...new Set(finishes)].sort());
    expect(finishes).toHaveLength(6);
    // The accounts' placeholder rows went when their regions were known, and the client dropped them.
    expect(polls.some((u) => u.removed.some((r) => r.region === null))).toBe(true);
    expect(stateOf(client).rows.every((r) => r.region !== null)).toBe(true);
  });

  it('answers a client at the newest version with nothing, at once, when no pass runs', async () => {
    await waitForFleet();
    const { version } = getFleetStateAndVersion();
    const update = await waitForFleetUpdate({ since: version, timeoutMs: 60_000 });
    expect(update).toMatchObject({ full: false, rows: [], removed: [], version });
    expect(update.accounts).toBeUndefined();
  });

  it('gives every row to a client whose version this fleet cannot answer, and the accounts with them', () => {
    for (const since of [null, '', 'zzzz.3', `${getFleetStateAndVersion().version}9`]) {
      const update = getFleetUpdate({ since });
      expect(update.full, String(since)).toBe(true);
      expect(update.rows).toHaveLength(6);
      expect(update.accounts).toHaveLength(3);
    }
  });

  it('on a refresh, sends each row again when it starts reloading (with its last numbers) and once it has', async () => {
    const { version } = getFleetStateAndVersion();
    const start = getFleetUpdate({ refresh: true, since: version });
    expect(start).toMatchObject({ full: false, refreshing: true, finishedAt: null });
    const seen = new Map<string, string[]>();
    let since = start.version;
    for (let done = false; !done; ) {
      const u = await waitForFleetUpdate({ since, timeoutMs: 10_000 });
      expect(u.full).toBe(false);
      for (const { row, items } of u.rows) {
        const key = `${row.accountId}/${row.region}`;
        seen.set(key, [...(seen.get(key) ?? []), row.load.state]);
        // A loaded row reloading keeps what it had: its numbers and its findings.
        if (key === '222222222222/us-east-1') {
          expect(row.counts?.vpcs).toBe(4);
          expect(items.length).toBeGreaterThan(0);
        }
      }
      since = u.version;
      done = u.finishedAt !== null;
    }
    expect(seen.size).toBe(6);
    for (const [key, states] of seen) expect([key, states]).toEqual([key, ['loading', key === '333333333333/eu-west-1' ? 'failed' : 'loaded']]);
  });

  it('lets the page wait for the first finished row of a new pass, and not at all when none runs', async () => {
    getFleetState({ refresh: true });
    expect(await waitForFirstRows({ timeoutMs: 10_000 })).toBe(true);
    const state = getFleetState();
    expect(state.done).toBeGreaterThan(0);
    await waitForFleet();
    const t0 = Date.now();
    expect(await waitForFirstRows({ timeoutMs: 60_000 })).toBe(true);
    expect(Date.now() - t0).toBeLessThan(30_000);
    // A pass whose first row takes longer than the wait: false, and the page sends its heading first.
    getFleetState({ refresh: true });
    expect(await waitForFirstRows({ timeoutMs: 0 })).toBe(false);
    await waitForFleet();
  });

  it('gives the page a first pass’s waiting rows as account and region only; rebuilt, and then polled, they are the server’s fleet', async () => {
    resetFleet();
    getFleetState();
    expect(await waitForFirstRows({ timeoutMs: 10_000 })).toBe(true);
    const { state: page, version } = getFleetPageState();
    const server = getFleetState();
    const waiting = server.rows.filter((r) => r.load.state === 'loading');
    expect(waiting.length).toBeGreaterThan(0);
    // Every waiting row left the page's rows; the rest came whole.
    expect(page.rows).toEqual(server.rows.filter((r) => r.load.state !== 'loading'));
    expect(page.waiting?.groups.flatMap((g) => g.accountIds.flatMap((id) => g.regions.map((r) => `${id}/${r}`))).sort()).toEqual(waiting.map((r) => `${r.accountId}/${r.region}`).sort());
    expect(expandFleetState(page)).toEqual(server);

    let client = clientFleetOf(expandFleetState(page), version);
    while (client.header.finishedAt === null) client = applyUpdate(client, await waitForFleetUpdate({ since: client.version!, timeoutMs: 10_000 }));
    expect(shown(stateOf(client))).toEqual(shown(getFleetState()));
    expect(getFleetState()).toMatchObject({ total: 6, done: 6 });
  });
});
