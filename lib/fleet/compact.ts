/**
 * The fleet as the page's first render gets it. At the start of a pass nearly every row only waits for its first
 * load: it says nothing but its account, its region and "Loading…", yet as a whole row object it took about 380
 * bytes of the page's inline data (the props of the page's client part), 115 of the first HTML's 186 kB for 300
 * rows. Here such rows travel as account id and region only, grouped by their list of regions, and the page
 * rebuilds them with the same function the server made them with (`newRow`), so its state, and every row, filter,
 * count and link it shows, is the server's. Pure and client-safe.
 */

import { compareRows } from './delta';
import { accountRegionQuery, type LinkScope } from './links';
import type { FleetAccount, FleetLoad, FleetRow, FleetState } from './types';

/** A row as the server first lists it, before any load of it finished (`load` is its state then). */
export function newRow(account: FleetAccount, region: string | null, link: LinkScope, load: FleetLoad = { state: 'loading' }): FleetRow {
  return {
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
    query: region ? accountRegionQuery(account, region, link) : '',
  };
}

/** Rows that only wait for their first load, by account id; the accounts of one group wait for the same regions. */
export interface WaitingRows {
  /** How their links name the source (the server's, for `newRow`). */
  link: LinkScope;
  /** Each account's waiting regions (null: the account's row while its regions are listed). */
  groups: Array<{ regions: Array<string | null>; accountIds: string[] }>;
}

/** A fleet state whose `rows` leave out the rows `waiting` names (every row when it is absent). */
export interface CompactFleetState extends FleetState {
  waiting?: WaitingRows;
}

/**
 * The state with every row that only waits for its first load (exactly what `newRow` makes of its account and
 * region) moved to `waiting`; every other row (loaded, failed, denied, refreshing with its last numbers) stays whole.
 */
export function compactFleetState(state: FleetState, link: LinkScope): CompactFleetState {
  const accounts = new Map(state.accounts.map((a) => [a.id, a]));
  const regionsOf = new Map<string, Array<string | null>>();
  const rows: FleetRow[] = [];
  for (const row of state.rows) {
    const account = accounts.get(row.accountId);
    // Compared whole, so a row with anything besides its account and region (a warning, a renamed account) stays whole.
    if (row.load.state === 'loading' && account && JSON.stringify(row) === JSON.stringify(newRow(account, row.region, link))) {
      const list = regionsOf.get(row.accountId);
      if (list) list.push(row.region);
      else regionsOf.set(row.accountId, [row.region]);
    } else {
      rows.push(row);
    }
  }
  if (regionsOf.size === 0) return state;
  const groups = new Map<string, WaitingRows['groups'][number]>();
  for (const [accountId, regions] of regionsOf) {
    const key = JSON.stringify(regions);
    const group = groups.get(key);
    if (group) group.accountIds.push(accountId);
    else groups.set(key, { regions, accountIds: [accountId] });
  }
  return { ...state, rows, waiting: { link, groups: [...groups.values()] } };
}

/** The whole state a compact one stands for: its waiting rows rebuilt, every row in the contract's order. */
export function expandFleetState(compact: CompactFleetState): FleetState {
  const { waiting, ...state } = compact;
  if (!waiting) return state;
  const accounts = new Map(state.accounts.map((a) => [a.id, a]));
  const rebuilt = waiting.groups.flatMap(({ regions, accountIds }) =>
    accountIds.flatMap((id) => {
      const account = accounts.get(id);
      return account ? regions.map((region) => newRow(account, region, waiting.link)) : [];
    }),
  );
  return { ...state, rows: [...state.rows, ...rebuilt].sort(compareRows) };
}
