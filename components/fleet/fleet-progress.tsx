'use client';

import { RefreshCw } from 'lucide-react';
import { toolbarButton } from '@/components/ui/button-styles';
import type { FleetState } from '@/lib/fleet/types';
import { ageOf, clockOf } from './use-now';

export interface FleetProgressProps {
  state: FleetState;
  now: number;
  /** Starts a new pass; absent on a snapshot. */
  onRefresh?: () => void;
  refreshPending?: boolean;
  /** The last poll failed: the numbers on screen may be stale. */
  stale?: string | null;
}

/**
 * "37 of 120 account-regions": a progress bar while a pass runs, and when it is done the age of the result.
 * During a refresh the last result stays on screen and says how old it is.
 */
export function FleetProgress({ state, now, onRefresh, refreshPending = false, stale = null }: FleetProgressProps) {
  const running = state.finishedAt === null;
  const pct = state.total === 0 ? 0 : Math.round((state.done / state.total) * 100);
  const problems = state.rows.filter((r) => r.load.state === 'failed' || r.load.state === 'denied').length;
  return (
    <section aria-label="Loading the fleet" className="rounded-lg border border-slate-200 bg-white px-3 py-2.5 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="fleet-progress">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm">
        <p className="font-medium" data-testid="fleet-progress-text" aria-live="polite">
          {running
            ? `${state.refreshing ? 'Refreshing: ' : 'Loading: '}${state.done.toLocaleString('en-US')} of ${state.total.toLocaleString('en-US')} account-regions`
            : `${state.total.toLocaleString('en-US')} account-regions loaded`}

          {problems > 0 ? <span className="ml-2 font-normal text-red-700 dark:text-red-300">({problems} denied or failed)</span> : null}
        </p>
        <p className="text-slate-500" data-testid="fleet-accounts">
          {state.accounts.length.toLocaleString('en-US')} account{state.accounts.length === 1 ? '' : 's'}
        </p>
        <p className="text-slate-500" data-testid="fleet-age">
          {running
            ? state.refreshing
              ? `Showing the last result until each row reloads · pass started ${ageOf(state.startedAt, now)}`
              : `Started ${ageOf(state.startedAt, now)}`
            : state.finishedAt
              ? `Finished ${clockOf(state.finishedAt, now)} (${ageOf(state.finishedAt, now)}) in ${Math.max(0.1, (Date.parse(state.finishedAt) - Date.parse(state.startedAt)) / 1000).toFixed(1)} s`
              : null}
        </p>
        {stale ? <p className="text-amber-700 dark:text-amber-300" role="status">{stale}</p> : null}
        {onRefresh ? (
          <button type="button" className={`${toolbarButton} ml-auto`} onClick={onRefresh} disabled={running || refreshPending} data-testid="fleet-refresh">
            <RefreshCw aria-hidden size={14} className={running ? 'animate-spin' : ''} /> Refresh
          </button>
        ) : null}
      </div>
      {running ? (
        <div
          role="progressbar"
          aria-label="Account-regions loaded"
          aria-valuemin={0}
          aria-valuemax={state.total}
          aria-valuenow={state.done}
          aria-valuetext={`${state.done} of ${state.total} account-regions`}
          className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800"
          data-testid="fleet-progressbar"
        >
          <div className="h-full rounded-full bg-teal-600 transition-[width] duration-300" style={{ width: `${pct}%` }} />
        </div>
      ) : null}
    </section>
  );
}
