import { newRow } from './compact';
import { changesSince, compareRows, formatVersion, type VersionedRow } from './delta';
import type { LinkScope } from './links';
import { groupFindings } from './group';
import type { FleetAccount, FleetFinding, FleetFindingItem, FleetLoad, FleetRow, FleetRowRef, FleetState, FleetUpdate } from './types';

/**
 * The fleet as the server keeps it between requests, and its changes: every change goes through `bump`, which gives
 * it a new version and wakes the long polls waiting (`nextChange`); rows keep the version of their last change and
 * removed rows are remembered with theirs, which is what `updateOf` answers a poll's `since` from (lib/fleet/delta.ts).
 * lib/fleet/state.ts runs the passes that fill it.
 */

export type Source = 'fixture' | 'live';

/** A row, the findings of its last successful load, and the version of its last change. */
export type RowRecord = VersionedRow;

export interface Fleet {
  source: Source;
  /** Drawn when the fleet is first read: versions of another process or of a reset fleet are not this one's. */
  epoch: string;
  /** Versions below this cannot be answered with a delta (the removals before it are forgotten). */
  base: number;
  accountsVersion: number;
  /** Rows removed, by key, with the version of their removal. */
  removed: Map<string, FleetRowRef & { version: number }>;
  /** Long polls waiting for the next change. */
  waiters: Set<() => void>;
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
  /** Bumped on every change (`bump`); the grouped findings are rebuilt only when it moved. */
  version: number;
  grouped: { version: number; findings: FleetFinding[] } | null;
}

/** A fleet not read yet. */
export function newFleet(source: Source): Fleet {
  return {
    source,
    epoch: Math.floor(Math.random() * 36 ** 8).toString(36),
    base: 0,
    accountsVersion: 0,
    removed: new Map(),
    waiters: new Set(),
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
}

/** Removals remembered for deltas; past this many, older versions get the whole fleet again. */
const MAX_REMOVED = 5_000;

/** Marks a change: a new version, and every long poll waiting for one wakes up. */
export function bump(fleet: Fleet): number {
  fleet.version += 1;
  const waiters = [...fleet.waiters];
  fleet.waiters.clear();
  for (const wake of waiters) wake();
  return fleet.version;
}

/** Resolves at the fleet's next change, after `timeoutMs`, or when `signal` aborts, whichever comes first. */
export function nextChange(fleet: Fleet, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      fleet.waiters.delete(done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    signal?.addEventListener('abort', done);
    fleet.waiters.add(done);
  });
}

export function removeRow(fleet: Fleet, key: string): void {
  const record = fleet.rows.get(key);
  if (!record) return;
  fleet.rows.delete(key);
  if (fleet.removed.size >= MAX_REMOVED) {
    fleet.removed.clear();
    fleet.base = fleet.version + 1;
  }
  fleet.removed.set(key, { accountId: record.row.accountId, region: record.row.region, version: bump(fleet) });
}

type LoadResult = Pick<FleetRow, 'counts' | 'findings' | 'monthlyCost' | 'lastLoadedAt' | 'warnings'> & { items: FleetFindingItem[] };

/** Sets a row's load state (a new row object, a new version), keeping what its last successful load found unless `loaded` replaces it. */
export function setRow(fleet: Fleet, link: LinkScope, key: string, account: FleetAccount, region: string | null, load: FleetLoad, loaded?: LoadResult): RowRecord {
  const had = fleet.rows.get(key);
  const record: RowRecord = had ?? { row: newRow(account, region, link, load), items: [], version: 0 };
  if (loaded) {
    const { items, ...fields } = loaded;
    record.row = { ...record.row, ...fields, accountName: account.name, load };
    record.items = items;
  } else {
    record.row = { ...record.row, accountName: account.name, load };
  }
  fleet.removed.delete(key);
  record.version = bump(fleet);
  fleet.rows.set(key, record);
  return record;
}

/** The fleet as the contract's plain data: rows sorted, findings grouped (once per change). */
export function snapshotOf(fleet: Fleet): FleetState {
  const records = [...fleet.rows.values()];
  if (fleet.grouped?.version !== fleet.version) {
    fleet.grouped = { version: fleet.version, findings: groupFindings(records.flatMap((r) => r.items)) };
  }
  const rows = records.map((r) => r.row).sort(compareRows);
  return { ...headerOf(fleet), accounts: fleet.accounts, rows, findings: fleet.grouped.findings };
}

/** The fleet's figures besides its rows and findings: what every update carries. */
function headerOf(fleet: Fleet): Omit<FleetState, 'rows' | 'findings' | 'accounts'> {
  let done = 0;
  for (const [key, r] of fleet.rows) if (fleet.finished.has(key) || (!fleet.running && r.row.load.state !== 'loading')) done += 1;
  return {
    source: fleet.source,
    startedAt: fleet.startedAt,
    finishedAt: fleet.finishedAt,
    total: fleet.rows.size,
    done,
    refreshing: fleet.refreshing,
    notices: fleet.notices,
  };
}

/** The update a client at version `since` needs (lib/fleet/delta.ts). */
export function updateOf(fleet: Fleet, since: string | null): FleetUpdate {
  const changes = changesSince(fleet, since);
  return {
    ...headerOf(fleet),
    version: formatVersion(fleet.epoch, fleet.version),
    full: changes.full,
    rows: changes.rows,
    removed: changes.removed,
    ...(changes.accounts ? { accounts: fleet.accounts } : {}),
  };
}
