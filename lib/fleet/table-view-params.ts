import { z } from 'zod';
import { SeverityName } from '@/lib/analysis/params';
import { RegionName } from '@/lib/aws/ids';
import { DEFAULT_FLEET_VIEW, FLEET_SORT_KEYS, FLEET_STATE_FILTERS, FLEET_VIEW_KEYS, type FleetTableView } from './table-view';

type SearchParams = Record<string, string | string[] | undefined>;

const FleetSort = z.enum(FLEET_SORT_KEYS, { error: `sort must be one of ${FLEET_SORT_KEYS.join(', ')}` });
const FleetState = z.enum(FLEET_STATE_FILTERS, { error: `state must be one of ${FLEET_STATE_FILTERS.join(', ')}` });
const MinCost = z.coerce
  .number({ error: 'cost must be a number of dollars a month' })
  .min(0, 'cost must not be negative')
  .max(10_000_000, 'cost must be at most 10,000,000');
const AccountText = z.string().max(100, 'account must be at most 100 characters');

const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The fleet page's view from its query string. A value that does not parse is left at its default and named in
 * a notice ("Ignored severity: …"), so a mistyped link still opens the fleet.
 */
export function parseFleetView(sp: SearchParams): { view: FleetTableView; notices: string[] } {
  const notices: string[] = [];
  const K = FLEET_VIEW_KEYS;
  const take = <T>(key: string, schema: z.ZodType<T>): T | undefined => {
    const raw = firstOf(sp[key]);
    if (raw === undefined || raw === '' || raw === 'all') return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    notices.push(`Ignored ${parsed.error.issues[0]?.message ?? `${key}: invalid`} (got “${raw.slice(0, 40)}”).`);
    return undefined;
  };
  const view: FleetTableView = {
    account: take(K.account, AccountText)?.trim() ?? DEFAULT_FLEET_VIEW.account,
    region: take(K.region, RegionName) ?? null,
    severity: take(K.severity, SeverityName) ?? null,
    minCost: take(K.minCost, MinCost) ?? null,
    state: take(K.state, FleetState) ?? null,
    sort: take(K.sort, FleetSort) ?? DEFAULT_FLEET_VIEW.sort,
    desc: firstOf(sp[K.desc]) === '1',
  };
  return { view, notices };
}
