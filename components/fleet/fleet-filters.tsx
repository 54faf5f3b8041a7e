'use client';

import { Search, X } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { SEVERITY_LABELS } from '@/components/analysis/severity';
import { toolbarButton } from '@/components/ui/button-styles';
import { SEVERITIES, type Severity } from '@/lib/analysis/rules/context';
import { DEFAULT_FLEET_VIEW, FLEET_COST_FLOORS, FLEET_STATE_FILTERS, FLEET_VIEW_KEYS, fleetViewQuery, type FleetStateFilter, type FleetTableView } from '@/lib/fleet/table-view';

const control = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950';

const fieldLabel = 'flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400';

interface ChoiceProps {
  label: string;
  /** The query parameter the plain GET form sends before the page's script runs. */
  name: string;
  /** '' for the first option, `any`. */
  value: string;
  any: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
}

/** One of the filters' drop-downs: "any" first, then its choices. */
function Choice({ label, name, value, any, options, onChange, testId }: ChoiceProps) {
  return (
    <label className={fieldLabel}>
      {label}
      <select className={control} name={name} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const STATE_LABELS: Record<FleetStateFilter, string> = {
  loading: 'Loading',
  loaded: 'Loaded',
  denied: 'Denied',
  failed: 'Failed',
  problems: 'Denied or failed',
};

export interface FleetFiltersProps {
  view: FleetTableView;
  onChange: (next: FleetTableView) => void;
  regions: string[];
  shown: number;
  total: number;
}

const K = FLEET_VIEW_KEYS;

/** The view the form's fields show, read from the page: each field holds one of its own options. */
function viewOfForm(form: HTMLFormElement, view: FleetTableView): FleetTableView {
  const data = new FormData(form);
  const text = (key: string) => {
    const v = data.get(key);
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const cost = text(K.minCost);
  return {
    ...view,
    account: (text(K.account) ?? '').trim(),
    region: text(K.region),
    severity: text(K.severity) as Severity | null,
    minCost: cost === null || !Number.isFinite(Number(cost)) ? null : Number(cost),
    state: text(K.state) as FleetStateFilter | null,
  };
}

/**
 * Account search, region, severity, cost and state; every change goes into the URL through `onChange`. The table's
 * first rows arrive with the HTML, before the page's script: until it runs, the filters are a plain GET form (Enter
 * in the account box loads the filtered page), and what was chosen meanwhile is applied when it runs.
 */
export function FleetFilters({ view, onChange, regions, shown, total }: FleetFiltersProps) {
  // The search box updates the URL a moment after typing stops, not on every key.
  const [text, setText] = useState(view.account);
  useEffect(() => setText(view.account), [view.account]);
  useEffect(() => {
    if (text.trim() === view.account) return;
    const t = setTimeout(() => onChange({ ...view, account: text.trim() }), 250);
    return () => clearTimeout(t);
  }, [text, view, onChange]);
  const set = (over: Partial<FleetTableView>) => onChange({ ...view, ...over });
  const filtered = fleetViewQuery({ ...view, sort: DEFAULT_FLEET_VIEW.sort, desc: false }) !== '';

  // A choice made in the server's HTML before the script ran: hydration keeps what the fields show, and the first
  // render after it would put the server's view back, so it is read here, at mount, and applied.
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (!form.current) return;
    const chosen = viewOfForm(form.current, view);
    if (fleetViewQuery(chosen) === fleetViewQuery(view)) return;
    setText(chosen.account);
    onChange(chosen);
    // Once, at mount: later renders show the view they are given.
  }, []);

  return (
    <form ref={form} role="search" aria-label="Filter the fleet" method="get" onSubmit={(e) => e.preventDefault()}>
      {/* Before the script: the GET form keeps the sort of the page it reloads. */}
      {view.sort !== DEFAULT_FLEET_VIEW.sort ? <input type="hidden" name={K.sort} value={view.sort} /> : null}
      {view.desc ? <input type="hidden" name={K.desc} value="1" /> : null}
      <div className="flex min-w-0 flex-wrap items-end gap-3">
        <label className={fieldLabel}>
          Account
          <span className="relative">
            <Search aria-hidden size={14} className="pointer-events-none absolute left-2 top-1/2 -translate-y-1/2 text-slate-400" />
            <input
              type="search"
              name={K.account}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Name or id"
              maxLength={100}
              className={`${control} w-52 pl-7`}
              data-testid="filter-account"
            />
          </span>
        </label>
        <Choice
          label="Region"
          name={K.region}
          value={view.region ?? ''}
          any="All regions"
          options={regions.map((r) => ({ value: r, label: r }))}
          onChange={(v) => set({ region: v || null })}
          testId="filter-region"
        />
        <Choice
          label="Findings"
          name={K.severity}
          value={view.severity ?? ''}
          any="Any or none"
          options={SEVERITIES.map((s, i) => ({ value: s, label: i === 0 ? SEVERITY_LABELS[s] : `${SEVERITY_LABELS[s]} or worse` }))}
          onChange={(v) => set({ severity: (v || null) as Severity | null })}
          testId="filter-severity"
        />
        <Choice
          label="NAT + endpoints"
          name={K.minCost}
          value={view.minCost === null ? '' : String(view.minCost)}
          any="Any cost"
          // A floor from a link that is not in the list still shows as chosen.
          options={[...new Set([...FLEET_COST_FLOORS, ...(view.minCost === null ? [] : [view.minCost])])]
            .sort((a, b) => a - b)
            .map((c) => ({ value: String(c), label: `≥ $${c.toLocaleString('en-US')} a month` }))}
          onChange={(v) => set({ minCost: v === '' ? null : Number(v) })}
          testId="filter-cost"
        />
        <Choice
          label="State"
          name={K.state}
          value={view.state ?? ''}
          any="Any state"
          options={FLEET_STATE_FILTERS.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
          onChange={(v) => set({ state: (v || null) as FleetStateFilter | null })}
          testId="filter-state"
        />
        {filtered ? (
          <button type="button" className={toolbarButton} onClick={() => onChange({ ...DEFAULT_FLEET_VIEW, sort: view.sort, desc: view.desc })}>
            <X aria-hidden size={14} /> Clear filters
          </button>
        ) : null}
        <p className="ml-auto self-center text-sm text-slate-500" data-testid="fleet-shown" aria-live="polite">
          {shown === total ? `${total.toLocaleString('en-US')} account-regions` : `Showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} account-regions`}
        </p>
      </div>
    </form>
  );
}
