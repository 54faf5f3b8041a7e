'use client';

import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Notices } from '@/components/ui/notice';
import { fleetViewQuery, visibleFindings, visibleRows, type FleetSortKey, type FleetTableView } from '@/lib/fleet/table-view';
import type { CompactFleetState } from '@/lib/fleet/compact';
import { FleetFilters } from './fleet-filters';
import { FleetFindings } from './fleet-findings';
import { FleetProgress } from './fleet-progress';
import { FleetTable } from './fleet-table';
import { useFleetState } from './use-fleet-state';
import { useNow } from './use-now';

export interface FleetBoardProps {
  /** The fleet as the server had it (its waiting rows may come as account and region only: lib/fleet/compact.ts). */
  initialState: CompactFleetState;
  /** The version of `initialState` (live): the first poll asks only for what changed since. */
  version?: string | null;
  initialView: FleetTableView;
  /** The server's clock when it rendered the page (ms since the epoch): where the ages start. */
  renderedAt: number;
  /** Live: poll while loading, offer Refresh. Frozen: a snapshot, read-only. */
  mode: 'live' | 'frozen';
}

/** Numeric columns read best high to low first; names and regions A to Z. */
const DESC_FIRST: ReadonlySet<FleetSortKey> = new Set(['vpcs', 'subnets', 'endpoints', 'findings', 'nat', 'vpce']);

/**
 * The fleet page's interactive part: progress, filters, the account x region table and the fleet findings.
 * Filters and sort live in the URL (replaced in place, so Back leaves the page rather than undoing a filter).
 */
export function FleetBoard({ initialState, version = null, initialView, renderedAt, mode }: FleetBoardProps) {
  const { state, stale, refresh, refreshPending } = useFleetState(initialState, { live: mode === 'live', version });
  const [view, setView] = useState(initialView);
  const now = useNow(renderedAt, mode === 'live' ? 1000 : 30_000);

  const changeView = useCallback((next: FleetTableView) => {
    setView(next);
    const q = fleetViewQuery(next);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${q ? `?${q}` : ''}`);
  }, []);
  const onSort = useCallback(
    (key: FleetSortKey) => changeView({ ...view, sort: key, desc: view.sort === key ? !view.desc : DESC_FIRST.has(key) }),
    [view, changeView],
  );

  // The filters show a choice at once; the table and findings follow as soon as they can (rows keep loading meanwhile).
  const shownView = useDeferredValue(view);
  const rows = useMemo(() => visibleRows(state.rows, shownView), [state.rows, shownView]);
  const findings = useMemo(() => visibleFindings(state.findings, rows, shownView), [state.findings, rows, shownView]);
  const regions = useMemo(() => [...new Set(state.rows.map((r) => r.region).filter((r): r is string => r !== null))].sort(), [state.rows]);
  const running = state.finishedAt === null;

  return (
    <div className="space-y-4">
      <FleetProgress state={state} now={now} {...(mode === 'live' ? { onRefresh: refresh } : {})} refreshPending={refreshPending} stale={stale} />
      <Notices notices={state.notices} tone="warning" />
      <FleetFilters view={view} onChange={changeView} regions={regions} shown={rows.length} total={state.rows.length} />
      <FleetTable rows={rows} view={shownView} onSort={onSort} now={now} frozen={mode === 'frozen'} />
      <FleetFindings findings={findings} frozen={mode === 'frozen'} loading={running} />
    </div>
  );
}
