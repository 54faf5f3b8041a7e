import 'server-only';
import { loadServiceZones } from '@/lib/analysis/service-zones';
import { getConfig } from '@/lib/config';
import { permissionFor } from '@/lib/ec2/accounts';
import { listRegions } from '@/lib/ec2/backend';
import { Ec2Error } from '@/lib/ec2/errors';
import { describeLoadFailure, safeMessage } from '@/lib/topology/errors';
import { logger } from '@/lib/log/logger';
import { loadTopology } from '@/lib/topology/load';
import { discoverAccounts } from './accounts';
import { fleetRowKey, formatVersion, versionIn } from './delta';
import { createLimiter, type Limiter } from './limit';
import { bump, newFleet, nextChange, removeRow, setRow, snapshotOf, updateOf, type Fleet, type Source } from './record';
import { compactFleetState, type CompactFleetState } from './compact';
import type { LinkScope } from './links';
import { summarizeRegion } from './summarize';
import type { FleetAccount, FleetLoad, FleetState, FleetUpdate } from './types';

/**
 * The fleet's state per source, kept for the process: a pass over every account-region runs in the background,
 * at most ATLAS_FLEET_CONCURRENCY loads at once, each the ordinary `loadTopology` (parallel paginated Describe
 * calls, the SDK's retries); rows fill in as loads finish. A refresh runs a new pass while every row keeps its
 * last result and its age. One account's failure is its rows' state and never stops the others.
 *
 * Every change bumps the fleet's version and wakes the long polls waiting for one (`waitForFleetUpdate`); each row
 * keeps the version of its last change, so a poll is answered with the rows changed since (lib/fleet/delta.ts).
 */

const shared = globalThis as { __atlasFleets?: Map<Source, Fleet> };
// Per process: pages, route handlers and actions are bundled apart, each with its own copy of this module.
const fleets: Map<Source, Fleet> = (shared.__atlasFleets ??= new Map());

const rowKey = (accountId: string, region: string | null) => fleetRowKey({ accountId, region });

export interface FleetOptions {
  /** The source to read; the server's default (ATLAS_SOURCE) when unset. */
  source?: Source;
  /** Start a new pass now (unless one runs), even if the last one is fresh. */
  refresh?: boolean;
}

/**
 * The fleet's current state, at once: starts a pass in the background when none ran yet, when `refresh` asks,
 * or when the last one finished longer than ATLAS_CACHE_TTL ago; returns what is loaded so far (rows still
 * loading say so, `done` of `total` says how far the pass is).
 */
export function getFleetState(options: FleetOptions = {}): FleetState {
  const source = options.source ?? getConfig().source;
  const fleet = fleets.get(source);
  if (!fleet) return snapshotOf(startPass(source, null));
  if (!fleet.running && (options.refresh || stale(fleet))) startPass(source, fleet);
  return snapshotOf(fleet);
}

/** Resolves with the fleet's state when the running pass (started now if none ran yet) has finished. */
export async function waitForFleet(options: Pick<FleetOptions, 'source'> = {}): Promise<FleetState> {
  const source = options.source ?? getConfig().source;
  const fleet = fleets.get(source) ?? startPass(source, null);
  // A refresh may start while we wait: wait for the pass that is current when this one ends.
  let pass: Promise<void>;
  do {
    pass = fleet.pass;
    await pass;
  } while (pass !== fleet.pass);
  return snapshotOf(fleet);
}

/**
 * What changed in the fleet since the client's version `since` (every row when it is missing, unknown or too old),
 * at once; starts a pass like `getFleetState`.
 */
export function getFleetUpdate(options: FleetOptions & { since?: string | null } = {}): FleetUpdate {
  const source = options.source ?? getConfig().source;
  getFleetState(options);
  return updateOf(fleets.get(source)!, options.since ?? null);
}

/**
 * A long poll: as `getFleetUpdate`, but while a pass runs and nothing changed since `since`, answers only when
 * something does, after `timeoutMs` or when `signal` aborts (then with an update that carries no row).
 */
export async function waitForFleetUpdate(options: { source?: Source; since: string; timeoutMs: number; signal?: AbortSignal }): Promise<FleetUpdate> {
  const source = options.source ?? getConfig().source;
  const fleet = fleets.get(source);
  if (!fleet) return getFleetUpdate(options);
  if (fleet.running && versionIn(fleet, options.since) === fleet.version && !options.signal?.aborted) {
    await nextChange(fleet, options.timeoutMs, options.signal);
  }
  return updateOf(fleet, options.since);
}

/** The fleet's state with its version (starting a pass like `getFleetState`): what a page renders, then polls from. */
export function getFleetStateAndVersion(options: FleetOptions = {}): { state: FleetState; version: string } {
  const source = options.source ?? getConfig().source;
  const state = getFleetState(options);
  const fleet = fleets.get(source)!;
  return { state, version: formatVersion(fleet.epoch, fleet.version) };
}

/**
 * What the fleet page renders first: the state with its rows that only wait for their first load as account and
 * region (lib/fleet/compact.ts; the page rebuilds them), and its version.
 */
export function getFleetPageState(options: FleetOptions = {}): { state: CompactFleetState; version: string } {
  const { state, version } = getFleetStateAndVersion(options);
  return { state: compactFleetState(state, linkScope(state.source)), version };
}

/**
 * Resolves once a row of the running pass has finished (or the pass has ended, or none runs), and at the latest
 * after `timeoutMs`: the fleet page holds its table that long, so its first HTML already carries the first rows.
 * True when rows are there to show (or nothing runs), false when the time ran out first.
 */
export async function waitForFirstRows(options: { source?: Source; timeoutMs: number }): Promise<boolean> {
  const source = options.source ?? getConfig().source;
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const fleet = fleets.get(source);
    const left = deadline - Date.now();
    if (!fleet || !fleet.running || fleet.finished.size > 0) return true;
    if (left <= 0) return false;
    await nextChange(fleet, left);
  }
}

/** Forgets the fleets (tests, and a reset of the fixture data). */
export function resetFleet(): void {
  fleets.clear();
}

function stale(fleet: Fleet): boolean {
  const ttlMs = getConfig().cacheTtlSeconds * 1000;
  return fleet.finishedAt !== null && ttlMs > 0 && Date.now() - Date.parse(fleet.finishedAt) >= ttlMs;
}

function startPass(source: Source, previous: Fleet | null): Fleet {
  const fleet: Fleet = previous ?? newFleet(source);
  fleet.refreshing = previous !== null;
  fleet.running = true;
  fleet.startedAt = new Date().toISOString();
  fleet.finishedAt = null;
  fleet.finished = new Set();
  bump(fleet);
  fleets.set(source, fleet);
  fleet.pass = runPass(fleet, previous !== null)
    .catch((err) => {
      // A bug, not an account's failure: said once (the stack in the log), and the next request may try again.
      logger.error({ err, source }, 'fleet pass failed');
      fleet.notices = [...fleet.notices, 'The fleet could not be read. See the server log.'];
    })
    .finally(() => {
      fleet.running = false;
      fleet.refreshing = false;
      fleet.finishedAt = new Date().toISOString();
      bump(fleet);
    });
  return fleet;
}

/** How the rows' links name the source: only when it is not the server's default. */
function linkScope(source: Source): LinkScope {
  return { source, sourceInUrl: source !== getConfig().source };
}

async function runPass(fleet: Fleet, refresh: boolean): Promise<void> {
  const { accounts, notices, regions } = await discoverAccounts(fleet.source);
  if (JSON.stringify(accounts) !== JSON.stringify(fleet.accounts)) fleet.accountsVersion = fleet.version + 1;
  fleet.accounts = accounts;
  fleet.notices = notices;
  const { concurrency, fixtureConcurrency } = getConfig().fleet;
  // A fixture load is CPU work on the server's one thread: two at once would finish the first only after two loads'
  // work. The pass's first load goes alone, so the first row shows after one.
  const limit = createLimiter(fleet.source === 'fixture' ? fixtureConcurrency : concurrency, { firstAlone: fleet.source === 'fixture' });
  const current = new Set<string>();
  // Until its regions are known, an account stands as one row; with ATLAS_REGIONS (live) they are known at once.
  for (const account of accounts) {
    if (![...fleet.rows.values()].some((r) => r.row.accountId === account.id)) {
      const key = rowKey(account.id, null);
      setRow(fleet, linkScope(fleet.source), key, account, null, { state: 'loading' });
      current.add(key);
    }
  }
  bump(fleet);
  await Promise.all(accounts.map((account) => readAccount(fleet, account, limit, refresh, current, regions?.get(account.id))));
  // Accounts and regions that are gone since the last pass go with it.
  for (const key of [...fleet.rows.keys()]) if (!current.has(key)) removeRow(fleet, key);
}

async function regionsOf(fleet: Fleet, account: FleetAccount, limit: Limiter, found: string[] | undefined): Promise<string[]> {
  const wanted = getConfig().fleet.regions;
  const accountParam = account.isDefault || account.source === 'profile' ? undefined : account.id;
  if (fleet.source === 'live' && wanted) return wanted;
  // Fixture folders were listed by the accounts' search (else on the spot); DescribeRegions is an AWS call and
  // waits for a slot like a load.
  const list = () => listRegions(fleet.source, account.profile, accountParam);
  const available = found ?? (await (fleet.source === 'fixture' ? list() : limit.run(list)));
  return wanted ? available.filter((r) => wanted.includes(r)) : available;
}

async function readAccount(
  fleet: Fleet,
  account: FleetAccount,
  limit: Limiter,
  refresh: boolean,
  current: Set<string>,
  found: string[] | undefined,
): Promise<void> {
  const placeholder = rowKey(account.id, null);
  let regions: string[];
  try {
    regions = await regionsOf(fleet, account, limit, found);
  } catch (err) {
    // The account cannot even be listed (its role, DescribeRegions): one row says why; its old rows go.
    for (const key of [...fleet.rows.keys()]) if (key.startsWith(`${account.id}\u0000`) && key !== placeholder) removeRow(fleet, key);
    current.add(placeholder);
    if (describeLoadFailure(err).code === 'Internal') logger.error({ err, accountId: account.id }, 'fleet region listing failed');
    setRow(fleet, linkScope(fleet.source), placeholder, account, null, failureOf(err));
    fleet.finished.add(placeholder);
    return;
  }
  removeRow(fleet, placeholder);
  current.delete(placeholder);
  if (!regions.length) {
    fleet.notices = [...fleet.notices, `Account ${account.name} (${account.id}) has no region to read.`].sort();
    return;
  }
  for (const region of regions) {
    const key = rowKey(account.id, region);
    current.add(key);
    setRow(fleet, linkScope(fleet.source), key, account, region, { state: 'loading' });
  }
  // Loads go before the region listings still waiting: the first account's rows need not wait for every listing.
  await Promise.all(regions.map((region) => limit.run(() => readRegion(fleet, account, region, refresh), { urgent: true })));
}

async function readRegion(fleet: Fleet, account: FleetAccount, region: string, refresh: boolean): Promise<void> {
  const key = rowKey(account.id, region);
  try {
    const { fixtureDelayMs } = getConfig().fleet;
    if (fleet.source === 'fixture' && fixtureDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, fixtureDelayMs));
    const scope = {
      source: fleet.source,
      region,
      ...(account.profile ? { profile: account.profile } : {}),
      ...(account.isDefault || account.source === 'profile' ? {} : { account: account.id }),
    };
    // The zones the findings page counts for this account-region (cached), so their AZ coverage findings agree.
    const [topology, serviceZones] = await Promise.all([loadTopology({ ...scope, refresh }), loadServiceZones({ ...scope, profile: scope.profile })]);
    const summary = summarizeRegion(topology, account, linkScope(fleet.source), serviceZones);
    fleet.finished.add(key);
    setRow(fleet, linkScope(fleet.source), key, account, region, { state: 'loaded', loadedAt: topology.fetchedAt }, {
      counts: summary.counts,
      findings: summary.findings,
      monthlyCost: summary.monthlyCost,
      lastLoadedAt: topology.fetchedAt,
      warnings: topology.warnings,
      items: summary.items,
    });
  } catch (err) {
    const load = failureOf(err);
    // "See the server log": an error of our own is logged with its stack, once per row and pass.
    if (describeLoadFailure(err).code === 'Internal') logger.error({ err, accountId: account.id, region }, 'fleet load failed');
    fleet.finished.add(key);
    setRow(fleet, linkScope(fleet.source), key, account, region, load);
  }
}

/** A load's error as a row's state: a refusal names the IAM action; the rest say what failed, without a stack. */
export function failureOf(err: unknown): FleetLoad {
  if (err instanceof Ec2Error && err.kind === 'access-denied') {
    return { state: 'denied', permission: permissionFor(err.operation), message: safeMessage(err.message) };
  }
  return { state: 'failed', reason: describeLoadFailure(err).message };
}

