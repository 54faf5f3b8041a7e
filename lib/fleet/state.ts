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
import { groupFindings } from './group';
import { createLimiter, type Limiter } from './limit';
import { accountRegionQuery, summarizeRegion, type LinkScope } from './summarize';
import type { FleetAccount, FleetFinding, FleetFindingItem, FleetLoad, FleetRow, FleetState } from './types';

/**
 * The fleet's state per source, kept for the process: a pass over every account-region runs in the background,
 * at most ATLAS_FLEET_CONCURRENCY loads at once, each the ordinary `loadTopology` (parallel paginated Describe
 * calls, the SDK's retries); rows fill in as loads finish. A refresh runs a new pass while every row keeps its
 * last result and its age. One account's failure is its rows' state and never stops the others.
 */

type Source = 'fixture' | 'live';

interface RowRecord {
  row: FleetRow;
  /** The findings of the row's last successful load. */
  items: FleetFindingItem[];
}

interface Fleet {
  source: Source;
  startedAt: string;
  finishedAt: string | null;
  accounts: FleetAccount[];
  notices: string[];
  /** Keyed by account id and region ('' for an account's placeholder row). */
  rows: Map<string, RowRecord>;
  /** Keys of the rows the running pass has finished. */
  finished: Set<string>;
  /** The pass now running (or the last one). */
  pass: Promise<void>;
  running: boolean;
  /** Whether a pass finished before this one: then the rows show their last result while this one runs. */
  refreshing: boolean;
  /** Bumped on every change; the grouped findings are rebuilt only when it moved. */
  version: number;
  grouped: { version: number; findings: FleetFinding[] } | null;
}

const shared = globalThis as { __atlasFleets?: Map<Source, Fleet> };
// Per process: pages, route handlers and actions are bundled apart, each with its own copy of this module.
const fleets: Map<Source, Fleet> = (shared.__atlasFleets ??= new Map());

const rowKey = (accountId: string, region: string | null) => `${accountId}\u0000${region ?? ''}`;

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
  if (!fleet) return snapshot(startPass(source, null));
  if (!fleet.running && (options.refresh || stale(fleet))) startPass(source, fleet);
  return snapshot(fleet);
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
  return snapshot(fleet);
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
  const fleet: Fleet = previous ?? {
    source,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    accounts: [],
    notices: [],
    rows: new Map(),
    finished: new Set(),
    pass: Promise.resolve(),
    running: false,
    refreshing: false,
    version: 0,
    grouped: null,
  };
  fleet.refreshing = previous !== null;
  fleet.running = true;
  fleet.startedAt = new Date().toISOString();
  fleet.finishedAt = null;
  fleet.finished = new Set();
  fleet.version += 1;
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
      fleet.version += 1;
    });
  return fleet;
}

/** How the rows' links name the source: only when it is not the server's default. */
function linkScope(source: Source): LinkScope {
  return { source, sourceInUrl: source !== getConfig().source };
}

async function runPass(fleet: Fleet, refresh: boolean): Promise<void> {
  const { accounts, notices } = await discoverAccounts(fleet.source);
  fleet.accounts = accounts;
  fleet.notices = notices;
  const limit = createLimiter(getConfig().fleet.concurrency);
  const current = new Set<string>();
  // Until its regions are known, an account stands as one row; with ATLAS_REGIONS (live) they are known at once.
  for (const account of accounts) {
    if (![...fleet.rows.values()].some((r) => r.row.accountId === account.id)) {
      const key = rowKey(account.id, null);
      setRow(fleet, key, account, null, { state: 'loading' });
      current.add(key);
    }
  }
  fleet.version += 1;
  await Promise.all(accounts.map((account) => readAccount(fleet, account, limit, refresh, current)));
  // Accounts and regions that are gone since the last pass go with it.
  for (const key of [...fleet.rows.keys()]) if (!current.has(key)) fleet.rows.delete(key);
  fleet.version += 1;
}

async function regionsOf(fleet: Fleet, account: FleetAccount, limit: Limiter): Promise<string[]> {
  const wanted = getConfig().fleet.regions;
  const accountParam = account.isDefault || account.source === 'profile' ? undefined : account.id;
  if (fleet.source === 'live' && wanted) return wanted;
  const available = await limit.run(() => listRegions(fleet.source, account.profile, accountParam));
  return wanted ? available.filter((r) => wanted.includes(r)) : available;
}

async function readAccount(fleet: Fleet, account: FleetAccount, limit: Limiter, refresh: boolean, current: Set<string>): Promise<void> {
  const placeholder = rowKey(account.id, null);
  let regions: string[];
  try {
    regions = await regionsOf(fleet, account, limit);
  } catch (err) {
    // The account cannot even be listed (its role, DescribeRegions): one row says why; its old rows go.
    for (const key of [...fleet.rows.keys()]) if (key.startsWith(`${account.id}\u0000`) && key !== placeholder) fleet.rows.delete(key);
    current.add(placeholder);
    if (describeLoadFailure(err).code === 'Internal') logger.error({ err, accountId: account.id }, 'fleet region listing failed');
    setRow(fleet, placeholder, account, null, failureOf(err));
    fleet.finished.add(placeholder);
    return;
  }
  fleet.rows.delete(placeholder);
  current.delete(placeholder);
  if (!regions.length) {
    fleet.notices = [...fleet.notices, `Account ${account.name} (${account.id}) has no region to read.`].sort();
    return;
  }
  for (const region of regions) {
    const key = rowKey(account.id, region);
    current.add(key);
    setRow(fleet, key, account, region, { state: 'loading' });
  }
  fleet.version += 1;
  await Promise.all(regions.map((region) => limit.run(() => readRegion(fleet, account, region, refresh))));
}

async function readRegion(fleet: Fleet, account: FleetAccount, region: string, refresh: boolean): Promise<void> {
  const key = rowKey(account.id, region);
  try {
    const scope = {
      source: fleet.source,
      region,
      ...(account.profile ? { profile: account.profile } : {}),
      ...(account.isDefault || account.source === 'profile' ? {} : { account: account.id }),
    };
    // The zones the findings page counts for this account-region (cached), so their AZ coverage findings agree.
    const [topology, serviceZones] = await Promise.all([loadTopology({ ...scope, refresh }), loadServiceZones({ ...scope, profile: scope.profile })]);
    const summary = summarizeRegion(topology, account, linkScope(fleet.source), serviceZones);
    const record = setRow(fleet, key, account, region, { state: 'loaded', loadedAt: topology.fetchedAt });
    record.row.counts = summary.counts;
    record.row.findings = summary.findings;
    record.row.monthlyCost = summary.monthlyCost;
    record.row.lastLoadedAt = topology.fetchedAt;
    record.row.warnings = topology.warnings;
    record.items = summary.items;
  } catch (err) {
    const load = failureOf(err);
    // "See the server log": an error of our own is logged with its stack, once per row and pass.
    if (describeLoadFailure(err).code === 'Internal') logger.error({ err, accountId: account.id, region }, 'fleet load failed');
    setRow(fleet, key, account, region, load);
  } finally {
    fleet.finished.add(key);
    fleet.version += 1;
  }
}

/** Sets a row's load state, keeping what its last successful load found. */
function setRow(fleet: Fleet, key: string, account: FleetAccount, region: string | null, load: FleetLoad): RowRecord {
  const had = fleet.rows.get(key);
  const record: RowRecord = had ?? {
    row: {
      accountId: account.id,
      accountName: account.name,
      accountSource: account.source,
      region,
      load,
      lastLoadedAt: null,
      counts: null,
      findings: null,
      monthlyCost: null,
      warnings: [],
      query: region ? accountRegionQuery(account, region, linkScope(fleet.source)) : '',
    },
    items: [],
  };
  record.row = { ...record.row, accountName: account.name, load };
  fleet.rows.set(key, record);
  return record;
}

/** A load's error as a row's state: a refusal names the IAM action; the rest say what failed, without a stack. */
export function failureOf(err: unknown): FleetLoad {
  if (err instanceof Ec2Error && err.kind === 'access-denied') {
    return { state: 'denied', permission: permissionFor(err.operation), message: safeMessage(err.message) };
  }
  return { state: 'failed', reason: describeLoadFailure(err).message };
}

/** The fleet as the contract's plain data: rows sorted, findings grouped (once per change). */
function snapshot(fleet: Fleet): FleetState {
  const records = [...fleet.rows.values()];
  if (fleet.grouped?.version !== fleet.version) {
    fleet.grouped = { version: fleet.version, findings: groupFindings(records.flatMap((r) => r.items)) };
  }
  const rows = records
    .map((r) => r.row)
    .sort(
      (a, b) =>
        a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId) || (a.region ?? '').localeCompare(b.region ?? ''),
    );
  return {
    source: fleet.source,
    startedAt: fleet.startedAt,
    finishedAt: fleet.finishedAt,
    total: rows.length,
    done: rows.filter((r) => fleet.finished.has(rowKey(r.accountId, r.region)) || (!fleet.running && r.load.state !== 'loading')).length,
    accounts: fleet.accounts,
    rows,
    findings: fleet.grouped.findings,
    refreshing: fleet.refreshing,
    notices: fleet.notices,
  };
}
