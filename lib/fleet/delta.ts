/**
 * The fleet page's polls answer only what changed (issue 17): every change of the fleet bumps its version, each row
 * remembers the version of its last change, and a client that says which version it has (`?since=`) gets the rows
 * changed after it, the rows gone after it, and the fleet's header. A client whose version the server cannot answer
 * from (another server process, a version from before the oldest row removal it still remembers, or none) gets
 * every row, marked `full`. Pure and client-safe: the server builds updates with `changesSince`, the page applies
 * them with `applyUpdate`.
 *
 * A version is `<epoch>.<n>`: the epoch is drawn when the server starts reading the fleet, so a version of an
 * earlier server process (or of a reset fleet) is never mistaken for one of this fleet.
 */

import { groupFindings } from './group';
import type { FleetAccount, FleetFinding, FleetFindingItem, FleetRow, FleetRowRef, FleetRowUpdate, FleetState, FleetUpdate } from './types';

/** A row with the findings of its last successful load and the fleet version of its last change. */
export interface VersionedRow {
  row: FleetRow;
  items: FleetFindingItem[];
  version: number;
}

/** What the server keeps to answer `?since=`: its rows by key, and the rows removed (by key) with when. */
export interface RowLedger {
  epoch: string;
  version: number;
  /** Versions below this are too old to answer with a delta: the removals before it are forgotten. */
  base: number;
  /** The version of the last change of the account list. */
  accountsVersion: number;
  rows: ReadonlyMap<string, VersionedRow>;
  removed: ReadonlyMap<string, FleetRowRef & { version: number }>;
}

/** The key of a row: account id and region ('' for an account's placeholder row). */
export function fleetRowKey(ref: FleetRowRef): string {
  return `${ref.accountId}\u0000${ref.region ?? ''}`;
}

export function formatVersion(epoch: string, n: number): string {
  return `${epoch}.${n}`;
}

/** The version `since` names in this ledger, or null when it cannot be answered with a delta. */
export function versionIn(ledger: Pick<RowLedger, 'epoch' | 'version' | 'base'>, since: string | null | undefined): number | null {
  if (!since) return null;
  const m = /^([a-z0-9]+)\.(\d{1,15})$/.exec(since);
  if (!m || m[1] !== ledger.epoch) return null;
  const n = Number(m[2]);
  return n >= ledger.base && n <= ledger.version ? n : null;
}

/** Rows sorted as the contract says: by account name, account id, region. */
export function compareRows(a: FleetRow, b: FleetRow): number {
  return a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId) || (a.region ?? '').localeCompare(b.region ?? '');
}

/** The rows of the ledger changed after `since` (all of them when `since` cannot be answered), sorted. */
export function changesSince(ledger: RowLedger, since: string | null | undefined): { full: boolean; rows: FleetRowUpdate[]; removed: FleetRowRef[]; accounts: boolean } {
  const n = versionIn(ledger, since);
  const full = n === null;
  const rows = [...ledger.rows.values()]
    .filter((r) => full || r.version > n)
    .sort((a, b) => compareRows(a.row, b.row))
    .map(({ row, items }) => ({ row, items }));
  const removed = full ? [] : [...ledger.removed.values()].filter((r) => r.version > n).map(({ accountId, region }) => ({ accountId, region }));
  return { full, rows, removed, accounts: full || ledger.accountsVersion > n };
}

/** What the page holds of the fleet between polls: the last update's header, and every row with its findings. */
export interface ClientFleet {
  version: string | null;
  header: Omit<FleetUpdate, 'version' | 'full' | 'rows' | 'removed' | 'accounts'>;
  accounts: FleetAccount[];
  rows: ReadonlyMap<string, FleetRowUpdate>;
}

/** A client's fleet from a whole state (the server-rendered page, a snapshot), at `version` (null: unknown). */
export function clientFleetOf(state: FleetState, version: string | null): ClientFleet {
  const items = new Map<string, FleetFindingItem[]>();
  for (const finding of state.findings) {
    for (const item of finding.items) {
      const key = fleetRowKey(item);
      const list = items.get(key);
      if (list) list.push(item);
      else items.set(key, [item]);
    }
  }
  const { rows, findings: _findings, accounts, ...header } = state;
  return { version, header, accounts, rows: new Map(rows.map((row) => [fleetRowKey(row), { row, items: items.get(fleetRowKey(row)) ?? [] }])) };
}

/**
 * The client's fleet after an update: a full one replaces every row, a delta replaces the rows it carries and drops
 * the removed ones. Rows the update does not name keep their objects, so a memoized table row does not re-render.
 */
export function applyUpdate(local: ClientFleet, update: FleetUpdate): ClientFleet {
  const rows = update.full ? new Map<string, FleetRowUpdate>() : new Map(local.rows);
  for (const ref of update.removed) rows.delete(fleetRowKey(ref));
  for (const changed of update.rows) rows.set(fleetRowKey(changed.row), changed);
  const { version, full: _full, rows: _rows, removed: _removed, accounts, ...header } = update;
  return { version, header, accounts: accounts ?? local.accounts, rows };
}

/** The fleet state a client's fleet stands for: rows sorted, findings grouped. */
export function stateOf(fleet: ClientFleet, findings: FleetFinding[] = groupFindings([...fleet.rows.values()].flatMap((r) => r.items))): FleetState {
  const rows = [...fleet.rows.values()].map((r) => r.row).sort(compareRows);
  return { ...fleet.header, accounts: fleet.accounts, rows, findings };
}
