'use client';

import { ArrowDown, ArrowUp, LoaderCircle } from 'lucide-react';
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import { SEVERITY_LABELS, SEVERITY_STYLES } from '@/components/analysis/severity';
import { SEVERITIES } from '@/lib/analysis/rules/context';
import { formatUsd, type FleetSortKey, type FleetTableView } from '@/lib/fleet/table-view';
import type { FleetRow } from '@/lib/fleet/types';
import { ageOf, clockOf } from './use-now';

export interface FleetTableProps {
  rows: FleetRow[];
  view: FleetTableView;
  onSort: (key: FleetSortKey) => void;
  now: number;
  /** Read-only (a snapshot): account names do not link to the live region pages. */
  frozen?: boolean;
}

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';
const num = 'px-3 py-2 text-right tabular-nums';

function SortHeader({ label, sortKey, view, onSort, align = 'left', title }: { label: string; sortKey: FleetSortKey; view: FleetTableView; onSort: (k: FleetSortKey) => void; align?: 'left' | 'right'; title?: string }) {
  const active = view.sort === sortKey;
  const Icon = view.desc ? ArrowDown : ArrowUp;
  return (
    <th scope="col" className={`${th} ${align === 'right' ? 'text-right' : ''}`} aria-sort={active ? (view.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        title={title ?? `Sort by ${label.toLowerCase()}`}
        className={`inline-flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-slate-100 ${active ? 'text-slate-900 dark:text-slate-100' : ''}`}
      >
        {label}
        {active ? <Icon aria-hidden size={12} /> : null}
      </button>
    </th>
  );
}

function FindingCounts({ row }: { row: FleetRow }) {
  if (!row.findings) return <span className="text-slate-400">—</span>;
  const findings = row.findings;
  const total = SEVERITIES.reduce((n, s) => n + findings[s], 0);
  if (total === 0) return <span className="text-xs text-slate-500">none</span>;
  return (
    <span className="inline-flex gap-1" data-testid="row-findings">
      {SEVERITIES.map((s) =>
        findings[s] > 0 ? (
          <span
            key={s}
            title={`${findings[s]} ${SEVERITY_LABELS[s].toLowerCase()}`}
            data-severity={s}
            className={`inline-flex min-w-6 justify-center rounded-full px-1.5 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset ${SEVERITY_STYLES[s].pill}`}
          >
            {findings[s]}
          </span>
        ) : null,
      )}
    </span>
  );
}

function LoadState({ row, now }: { row: FleetRow; now: number }) {
  const load = row.load;
  switch (load.state) {
    case 'loading':
      return (
        <span className="inline-flex items-center gap-1.5 text-slate-600 dark:text-slate-300">
          {/* Still: hundreds of rows may wait at once, and as many running animations cost the page its frames (the progress bar moves). */}
          <LoaderCircle aria-hidden size={13} className="text-slate-400" />
          {row.lastLoadedAt ? `Refreshing · last ${ageOf(row.lastLoadedAt, now)}` : 'Loading…'}
        </span>
      );
    case 'loaded':
      return (
        <>
          <span className="text-slate-600 dark:text-slate-300" title={`Loaded ${load.loadedAt}`}>
            Loaded {clockOf(load.loadedAt, now)}
          </span>
          {row.warnings.length > 0 ? (
            // A partial load (a Describe call refused): what it could not read, in the tooltip.
            <div className="mt-0.5 truncate text-amber-800 dark:text-amber-300" title={row.warnings.join('\n')} data-testid="row-warnings">
              Partial: {row.warnings.length} warning{row.warnings.length === 1 ? '' : 's'}
            </div>
          ) : null}
        </>
      );
    case 'denied':
      return <span className="font-medium text-amber-800 dark:text-amber-300">Denied</span>;
    case 'failed':
      return <span className="font-medium text-red-700 dark:text-red-300">Failed</span>;
  }
}

/** Why a row has no numbers: the missing permission or the failure, spread over the numeric columns. */
function Problem({ row }: { row: FleetRow }) {
  const load = row.load;
  if (load.state === 'denied') {
    return (
      <span className="text-amber-900 dark:text-amber-200" data-testid="row-problem">
        Missing permission <code className="rounded bg-amber-100 px-1 font-mono text-xs dark:bg-amber-900/60">{load.permission}</code>
        {load.message ? <span className="text-amber-800/80 dark:text-amber-200/80"> · {load.message}</span> : null}
      </span>
    );
  }
  if (load.state === 'failed') {
    return (
      <span className="break-words text-red-800 dark:text-red-200" data-testid="row-problem">
        {load.reason}
      </span>
    );
  }
  return null;
}

function money(usd: number | undefined) {
  return usd === undefined ? <span className="text-slate-400">—</span> : usd === 0 ? <span className="text-slate-400">$0</span> : formatUsd(usd);
}

/**
 * The numbers of a row that has none yet: one bar over the six columns. Hundreds of rows wait at the start of a pass,
 * and the page's first HTML carries them all; a bar per column made that HTML twice as large and its DOM half again.
 */
function Waiting() {
  return (
    <td colSpan={6} className="px-3 py-2">
      <span aria-hidden className="block h-3 w-3/4 rounded bg-slate-200 dark:bg-slate-700" />
    </td>
  );
}

/**
 * What a row's labels need of the clock: a refreshing row says how old its last result is (every tick), the others
 * only whether their load was today (the day's start), so a tick re-renders only the rows whose text changes.
 */
function clockFor(row: FleetRow, now: number): number {
  return row.load.state === 'loading' && row.lastLoadedAt ? now : Date.parse(new Date(now).toISOString().slice(0, 10));
}

/** A row still waiting for its first load: nothing to show but its account and region. */
const isWaiting = (row: FleetRow) => !row.counts && row.load.state === 'loading';

/** One account-region; memoized: a poll that did not change the row (the same object) does not re-render it. */
const FleetTableRow = memo(function FleetTableRow({ row, now, frozen }: { row: FleetRow; now: number; frozen: boolean }) {
  const problem = !row.counts && (row.load.state === 'failed' || row.load.state === 'denied');
  const waiting = isWaiting(row);
  const link = !frozen && row.region && row.counts ? `/?${row.query}` : null;
  return (
    <tr
      data-testid="fleet-row"
      data-account={row.accountId}
      data-region={row.region ?? ''}
      data-state={row.load.state}
      className={problem ? 'bg-red-50/40 dark:bg-red-950/20' : 'hover:bg-slate-50 dark:hover:bg-slate-800/50'}
    >
      <td className="px-3 py-2">
        <div className="truncate font-medium" title={`${row.accountName} (${row.accountId})`} data-testid="account-name">
          {link ? (
            <a href={link} className="text-teal-800 hover:underline dark:text-teal-300">
              {row.accountName}
            </a>
          ) : (
            row.accountName
          )}
        </div>
        <div className="font-mono text-xs text-slate-500">{row.accountId}</div>
      </td>
      <td className="px-3 py-2 font-mono text-xs">{row.region ?? <span className="font-sans text-slate-500">all regions</span>}</td>
      {problem ? (
        <td colSpan={6} className="px-3 py-2 text-sm">
          <Problem row={row} />
        </td>
      ) : waiting ? (
        <Waiting />
      ) : (
        <>
          <td className={num}>{row.counts?.vpcs}</td>
          <td className={num}>{row.counts?.subnets}</td>
          <td className={num}>{row.counts?.endpoints}</td>
          <td className="px-3 py-2">
            <FindingCounts row={row} />
          </td>
          <td className={num}>{money(row.monthlyCost?.natUsd)}</td>
          <td className={num}>{money(row.monthlyCost?.interfaceEndpointUsd)}</td>
        </>
      )}
      <td className="px-3 py-2 text-xs">
        <LoadState row={row} now={now} />
        {row.counts && (row.load.state === 'failed' || row.load.state === 'denied') ? (
          <div className="mt-0.5 truncate text-red-700 dark:text-red-300" title={row.load.state === 'failed' ? row.load.reason : row.load.message}>
            {row.load.state === 'failed' ? row.load.reason : `missing ${row.load.permission}`}
          </div>
        ) : null}
      </td>
    </tr>
  );
});

/** Rows still waiting for their first load that the page's first HTML carries (more than a screen holds). */
export const FIRST_HTML_WAITING_ROWS = 50;

/**
 * The rows the table draws: every row with something to show, and the first `waitingShown` rows that still wait (in
 * the table's order); with how many waiting rows were left out. At the start of a pass nearly every row waits: their
 * HTML took as long to render, send and parse as the rest of the page, so the first HTML carries
 * `FIRST_HTML_WAITING_ROWS` of them.
 */
export function firstHtmlRows(rows: FleetRow[], waitingShown = FIRST_HTML_WAITING_ROWS): { rows: FleetRow[]; leftOut: number } {
  let waiting = 0;
  const kept = rows.filter((row) => !isWaiting(row) || ++waiting <= waitingShown);
  return { rows: kept, leftOut: rows.length - kept.length };
}

/**
 * How many waiting rows the table draws: `FIRST_HTML_WAITING_ROWS` in the server's HTML and while React hydrates it,
 * then that many more each frame, in a transition, until every waiting row is drawn. Drawn in one go, the 250 rows
 * a 300-row pass leaves out of its first HTML held the main thread 80-100 ms; 50 at a time, each step's render yields
 * to input and its commit stays short.
 */
function useWaitingShown(waiting: number): number {
  const [shown, setShown] = useState(FIRST_HTML_WAITING_ROWS);
  useEffect(() => {
    if (shown >= waiting) return;
    const frame = requestAnimationFrame(() => startTransition(() => setShown((n) => n + FIRST_HTML_WAITING_ROWS)));
    return () => cancelAnimationFrame(frame);
  }, [shown, waiting]);
  return shown;
}

/** The account x region table; rows arrive filtered and sorted (`visibleRows`). */
export function FleetTable({ rows: allRows, view, onSort, now, frozen = false }: FleetTableProps) {
  const h = { view, onSort };
  // The first HTML leaves most waiting rows out (they have nothing to show yet); the hydrated page draws them all, a
  // frame's worth at a time.
  const waitingShown = useWaitingShown(useMemo(() => allRows.filter(isWaiting).length, [allRows]));
  const { rows, leftOut } = useMemo(() => firstHtmlRows(allRows, waitingShown), [allRows, waitingShown]);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full min-w-[960px] table-fixed text-sm" data-testid="fleet-table">
        <colgroup>
          <col className="w-[22%]" />
          <col className="w-[10%]" />
          <col className="w-[6%]" />
          <col className="w-[7%]" />
          <col className="w-[8%]" />
          <col className="w-[13%]" />
          <col className="w-[8%]" />
          <col className="w-[10%]" />
          <col className="w-[16%]" />
        </colgroup>
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-950">
          <tr>
            <SortHeader label="Account" sortKey="account" {...h} />
            <SortHeader label="Region" sortKey="region" {...h} />
            <SortHeader label="VPCs" sortKey="vpcs" align="right" {...h} />
            <SortHeader label="Subnets" sortKey="subnets" align="right" {...h} />
            <SortHeader label="Endpoints" sortKey="endpoints" align="right" {...h} />
            <SortHeader label="Findings" sortKey="findings" title="Sort by findings, most severe first" {...h} />
            <SortHeader label="NAT $/mo" sortKey="nat" align="right" title="Sort by the NAT gateways' hourly charge per month" {...h} />
            <SortHeader label="Endpoints $/mo" sortKey="vpce" align="right" title="Sort by the interface endpoints' hourly charge per month" {...h} />
            <SortHeader label="State" sortKey="state" {...h} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <FleetTableRow key={`${row.accountId}|${row.region ?? ''}`} row={row} now={clockFor(row, now)} frozen={frozen} />
          ))}
          {leftOut > 0 ? (
            <tr data-testid="fleet-more-loading">
              <td colSpan={9} className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
                {leftOut} more account-region{leftOut === 1 ? '' : 's'} loading…
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {allRows.length === 0 ? <p className="px-3 py-6 text-center text-sm text-slate-500">No account-region matches these filters.</p> : null}
    </div>
  );
}
