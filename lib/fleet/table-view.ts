/**
 * The fleet page's view: which rows of the account x region table are shown, in which order, and the fleet
 * findings regrouped for the rows shown. Every choice lives in the query string (`/fleet?severity=high&sort=nat
 * &desc=1`), so a link is the whole view. Pure and client-safe: the page's client part filters and sorts as rows
 * stream in; the server parses the same keys with zod (`table-view-params.ts`).
 */

import { SEVERITIES, type Severity } from '@/lib/analysis/rules/context';
import type { FleetFinding, FleetFindingItem, FleetLoadState, FleetRow } from './types';

/** `nat` and `vpce` sort by the NAT gateways' and the interface endpoints' monthly cost. */
export const FLEET_SORT_KEYS = ['account', 'region', 'vpcs', 'subnets', 'endpoints', 'findings', 'nat', 'vpce', 'state'] as const;
export type FleetSortKey = (typeof FLEET_SORT_KEYS)[number];

/** Load states a row can be filtered by; `problems` is denied or failed. */
export const FLEET_STATE_FILTERS = ['loading', 'loaded', 'denied', 'failed', 'problems'] as const;
export type FleetStateFilter = (typeof FLEET_STATE_FILTERS)[number];

/** Monthly cost floors the cost filter offers, in USD. */
export const FLEET_COST_FLOORS = [50, 100, 250, 500, 1000] as const;

export interface FleetTableView {
  /** Part of an account's name or id (case-insensitive); '' shows every account. */
  account: string;
  region: string | null;
  /** Rows with at least one finding of this severity or a more severe one. */
  severity: Severity | null;
  /** Rows whose NAT plus interface endpoint cost is at least this much a month (USD). */
  minCost: number | null;
  state: FleetStateFilter | null;
  sort: FleetSortKey;
  desc: boolean;
}

export const DEFAULT_FLEET_VIEW: FleetTableView = { account: '', region: null, severity: null, minCost: null, state: null, sort: 'account', desc: false };

/** Query-string keys of the fleet view. */
export const FLEET_VIEW_KEYS = { account: 'account', region: 'region', severity: 'severity', minCost: 'cost', state: 'state', sort: 'sort', desc: 'desc' } as const;

/** The query string of a view (without `?`), leaving out defaults so a fresh view has a short link. */
export function fleetViewQuery(view: FleetTableView): string {
  const K = FLEET_VIEW_KEYS;
  const p = new URLSearchParams();
  if (view.account.trim()) p.set(K.account, view.account.trim());
  if (view.region) p.set(K.region, view.region);
  if (view.severity) p.set(K.severity, view.severity);
  if (view.minCost !== null) p.set(K.minCost, String(view.minCost));
  if (view.state) p.set(K.state, view.state);
  if (view.sort !== DEFAULT_FLEET_VIEW.sort) p.set(K.sort, view.sort);
  if (view.desc) p.set(K.desc, '1');
  return p.toString();
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** True when `s` is `floor` or more severe. */
export function atLeast(s: Severity, floor: Severity): boolean {
  return rank(s) <= rank(floor);
}

/** NAT plus interface endpoint cost a month, or null before the row's first load. */
export function rowCost(row: FleetRow): number | null {
  return row.monthlyCost ? row.monthlyCost.natUsd + row.monthlyCost.interfaceEndpointUsd : null;
}

/** Findings of `floor` or more severe in a row (0 before its first load). */
export function findingsAtLeast(row: FleetRow, floor: Severity): number {
  if (!row.findings) return 0;
  return SEVERITIES.filter((s) => atLeast(s, floor)).reduce((n, s) => n + (row.findings?.[s] ?? 0), 0);
}

function matchesState(state: FleetLoadState, filter: FleetStateFilter): boolean {
  return filter === 'problems' ? state === 'denied' || state === 'failed' : state === filter;
}

/** Whether a row passes every filter of the view. */
export function rowMatches(row: FleetRow, view: FleetTableView): boolean {
  const q = view.account.trim().toLowerCase();
  if (q && !row.accountId.includes(q) && !row.accountName.toLowerCase().includes(q)) return false;
  if (view.region && row.region !== view.region) return false;
  if (view.state && !matchesState(row.load.state, view.state)) return false;
  if (view.severity && findingsAtLeast(row, view.severity) === 0) return false;
  if (view.minCost !== null && (rowCost(row) ?? -1) < view.minCost) return false;
  return true;
}

const STATE_ORDER: Record<FleetLoadState, number> = { failed: 0, denied: 1, loading: 2, loaded: 3 };

/** The number a row sorts by, or null when it has none yet (such rows go last in either direction). */
function sortValue(row: FleetRow, key: FleetSortKey): number | string | null {
  switch (key) {
    case 'account':
      return `${row.accountName.toLowerCase()}\u0000${row.accountId}\u0000${row.region ?? ''}`;
    case 'region':
      return `${row.region ?? ''}\u0000${row.accountName.toLowerCase()}\u0000${row.accountId}`;
    case 'vpcs':
      return row.counts?.vpcs ?? null;
    case 'subnets':
      return row.counts?.subnets ?? null;
    case 'endpoints':
      return row.counts?.endpoints ?? null;
    case 'findings':
      // Most severe first: high findings outweigh any number of medium ones, and so on.
      return row.findings ? SEVERITIES.reduce((n, s) => n * 10_000 + Math.min(row.findings?.[s] ?? 0, 9_999), 0) : null;
    case 'nat':
      return row.monthlyCost?.natUsd ?? null;
    case 'vpce':
      return row.monthlyCost?.interfaceEndpointUsd ?? null;
    case 'state':
      return STATE_ORDER[row.load.state];
  }
}

/** The rows the view shows, in its order; ties keep account, region order. */
export function visibleRows(rows: readonly FleetRow[], view: FleetTableView): FleetRow[] {
  const keyed = rows.filter((r) => rowMatches(r, view)).map((row) => ({ row, value: sortValue(row, view.sort), tie: sortValue(row, 'account') as string }));
  const dir = view.desc ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else if (a.value !== b.value) {
      return (a.value < b.value ? -1 : 1) * dir;
    }
    return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0;
  });
  return keyed.map((k) => k.row);
}

const rowKey = (accountId: string, region: string | null) => `${accountId}|${region ?? ''}`;

/**
 * The fleet findings for the rows shown: each rule's items kept only where their account-region is shown (and,
 * with a severity filter, only items that severe), with the counts and money summed again. Rules left with no
 * item are dropped; the order stays most severe first, then by VPCs.
 */
export function visibleFindings(findings: readonly FleetFinding[], rows: readonly FleetRow[], view: FleetTableView): FleetFinding[] {
  const shown = new Set(rows.map((r) => rowKey(r.accountId, r.region)));
  const keep = (item: FleetFindingItem) => shown.has(rowKey(item.accountId, item.region)) && (!view.severity || atLeast(item.severity, view.severity));
  const out: FleetFinding[] = [];
  for (const group of findings) {
    const items = group.items.filter(keep);
    if (items.length === 0) continue;
    out.push(summarizeGroup(group, items));
  }
  return out.sort((a, b) => rank(a.severity) - rank(b.severity) || b.vpcCount - a.vpcCount || (a.rule < b.rule ? -1 : 1));
}

function summarizeGroup(group: FleetFinding, items: FleetFindingItem[]): FleetFinding {
  const money = items.map((i) => i.monthlyUsd).filter((m): m is number => m !== null);
  return {
    ...group,
    severity: items.reduce<Severity>((worst, i) => (rank(i.severity) < rank(worst) ? i.severity : worst), 'info'),
    count: items.length,
    vpcCount: new Set(items.map((i) => `${i.accountId}|${i.region}|${i.vpcId}`)).size,
    accountCount: new Set(items.map((i) => i.accountId)).size,
    monthlyUsd: money.length > 0 ? Math.round(money.reduce((a, m) => a + m, 0) * 100) / 100 : null,
    items,
  };
}

/** "$1,234" (whole dollars) or "$12.50" below $100, the way people read a monthly bill. */
export function formatUsd(usd: number): string {
  return usd >= 100
    ? `$${Math.round(usd).toLocaleString('en-US')}`
    : `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "NAT instead of gateway endpoint in 14 VPCs of 9 accounts, about $1,350 a month". */
export function findingHeadline(f: FleetFinding): string {
  const where = `${f.title} in ${plural(f.vpcCount, 'VPC')} of ${plural(f.accountCount, 'account')}`;
  return f.monthlyUsd !== null && f.monthlyUsd > 0 ? `${where}, about ${formatUsd(f.monthlyUsd)} a month` : where;
}
