'use client';

import { ArrowDown, ArrowRight, ChevronDown, ListFilter, Maximize2, Minimize2, PlugZap, Search, X } from 'lucide-react';
import { memo, type KeyboardEvent } from 'react';
import { cx } from './format';
import { useGraph, useGraphStore } from './graph-store';
import { KIND_STYLE } from './kind-style';
import { ToolbarFold } from './toolbar-fold';
import { ACTIVE, BUTTON, FOLDED_ROW, IDLE, WORD } from './toolbar-styles';
import { useTrafficView } from './traffic-store';
import { TrafficToggle } from './traffic-toggle';

/** The canvas over the whole window, or back; `f` does the same (`use-full-screen.ts`). */
export function FullScreenButton({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      data-testid="graph-full-screen"
      data-export-exclude
      aria-pressed={on}
      aria-label={on ? 'Leave full screen' : 'Full screen'}
      title={on ? 'Leave full screen (f or Esc)' : 'Full screen (f)'}
      onClick={onToggle}
      className={cx(BUTTON, IDLE, 'px-2')}
    >
      {on ? <Minimize2 aria-hidden size={15} /> : <Maximize2 aria-hidden size={15} />}
    </button>
  );
}

/**
 * Search, filters, the endpoints view and the direction switch, above the canvas; reads and writes the graph store.
 * As the canvas narrows its buttons drop their words, then all but the search fold behind one button (`ToolbarFold`),
 * so it stays one row and no control ever covers another.
 */
export const GraphToolbar = memo(function GraphToolbar() {
  const store = useGraphStore();
  const search = useGraph((s) => s.view.search);
  const direction = useGraph((s) => s.view.direction);
  const endpointsOnly = useGraph((s) => s.view.endpointsOnly);
  const hiddenKinds = useGraph((s) => s.view.hiddenKinds);
  const hiddenAzs = useGraph((s) => s.view.hiddenAzs);
  const matchCount = useGraph((s) => s.matches.length);
  const matchIndex = useGraph((s) => s.matchIndex);
  // The match Enter goes to next, when a closed overview group holds it: which group, opened by that Enter.
  const nextHolder = useGraph((s) => {
    const id = s.matches.length === 0 ? undefined : s.matches[(s.matchIndex + 1) % s.matches.length];
    return id === undefined ? null : (s.holders.get(id) ?? null);
  });
  const kinds = useGraph((s) => s.kinds);
  const azs = useGraph((s) => s.azs);
  const filterCount = hiddenKinds.length + hiddenAzs.length;
  const trafficOn = useTrafficView().on;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      store.cycleMatch(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape' && search !== '') {
      e.preventDefault();
      e.stopPropagation();
      store.search('');
    }
  };
  return (
    <div className="relative flex flex-wrap items-center gap-2">
      <div className="relative min-w-0 @max-fold/canvas:flex-1">
        <Search aria-hidden size={15} className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-slate-400" />
        <input
          type="search"
          data-testid="graph-search"
          aria-label="Search by id, name, CIDR, service or IP"
          placeholder="Find id, name, CIDR, service"
          value={search}
          maxLength={200}
          onChange={(e) => store.search(e.target.value)}
          onKeyDown={onKeyDown}
          className={cx(
            'h-8 w-full rounded-md border @fold/canvas:w-64 @4xl/canvas:w-80 border-slate-300 bg-white pl-8 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100',
            search === '' ? 'pr-3' : 'pr-16',
          )}
        />
        {search !== '' ? (
          <span data-testid="graph-search-count" aria-live="polite" className="absolute right-2 top-1/2 -translate-y-1/2 text-xs tabular-nums text-slate-500 dark:text-slate-400">
            {matchCount === 0 ? 'no match' : `${matchIndex >= 0 ? matchIndex + 1 : '–'} / ${matchCount}`}
          </span>
        ) : null}
      </div>

      <ToolbarFold active={endpointsOnly || filterCount > 0 || trafficOn}>
        <button
          type="button"
          data-testid="filter-endpoints-view"
          aria-pressed={endpointsOnly}
          title="Endpoints view: keep only endpoints and the route tables, subnets and network interfaces they touch"
          onClick={() => store.dispatch({ type: 'endpointsOnly', on: !endpointsOnly })}
          className={cx(BUTTON, endpointsOnly ? ACTIVE : IDLE, FOLDED_ROW)}
        >
          <PlugZap aria-hidden size={15} /> <span className={WORD}>Endpoints view</span>
        </button>

        <details data-testid="graph-filters" className="group relative">
          <summary title="Filters" className={cx(BUTTON, filterCount > 0 ? ACTIVE : IDLE, FOLDED_ROW, 'cursor-pointer list-none')}>
            <ListFilter aria-hidden size={15} /> <span className={WORD}>Filters</span>
            {filterCount > 0 ? <span className="tabular-nums">({filterCount})</span> : null}
            <ChevronDown aria-hidden size={14} className="transition-transform group-open:rotate-180 @max-fold/canvas:ml-auto" />
          </summary>
          {/* Folded, the lists unfold inside the panel (which scrolls), under their button. */}
          <div className="absolute left-0 z-20 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg @max-fold/canvas:static @max-fold/canvas:w-auto @max-fold/canvas:border-0 @max-fold/canvas:px-1 @max-fold/canvas:pb-1 @max-fold/canvas:pt-2 @max-fold/canvas:shadow-none dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
            <fieldset>
              <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Show kinds</legend>
              <ul className="space-y-1">
                {kinds.map(({ kind, count }) => (
                  <li key={kind}>
                    <label className="flex cursor-pointer items-center gap-2 @max-fold/canvas:min-h-8">
                      <input
                        type="checkbox"
                        data-testid={`filter-kind-${kind}`}
                        checked={!hiddenKinds.includes(kind)}
                        onChange={() => store.dispatch({ type: 'toggleKind', kind })}
                        className="h-4 w-4 accent-sky-600"
                      />
                      <span aria-hidden className={cx('h-2.5 w-2.5 rounded-sm', KIND_STYLE[kind].swatch)} />
                      <span className="flex-1">{KIND_STYLE[kind].plural}</span>
                      <span className="tabular-nums text-slate-500 dark:text-slate-400">{count}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            {azs.length > 0 ? (
              <fieldset className="mt-3 border-t border-slate-200 pt-2 dark:border-slate-700">
                <legend className="mb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Show availability zones</legend>
                <ul className="grid grid-cols-2 gap-1">
                  {azs.map((az) => (
                    <li key={az}>
                      <label className="flex cursor-pointer items-center gap-2 @max-fold/canvas:min-h-8">
                        <input
                          type="checkbox"
                          data-testid={`filter-az-${az}`}
                          checked={!hiddenAzs.includes(az)}
                          onChange={() => store.dispatch({ type: 'toggleAz', az })}
                          className="h-4 w-4 accent-sky-600"
                        />
                        <span className="font-mono text-[12.5px]">{az}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
            {filterCount > 0 ? (
              <button type="button" onClick={() => store.dispatch({ type: 'resetFilters' })} className="mt-3 inline-flex items-center gap-1 text-sm text-sky-700 hover:underline dark:text-sky-300">
                <X aria-hidden size={14} /> Show everything
              </button>
            ) : null}
          </div>
        </details>

        <TrafficToggle buttonClassName={FOLDED_ROW} labelClassName={WORD} />

        <div role="radiogroup" aria-label="Layout direction" data-testid="graph-direction" className="inline-flex rounded-md shadow-sm @max-fold/canvas:flex">
          {(
            [
              ['RIGHT', 'Left to right', ArrowRight],
              ['DOWN', 'Top to bottom', ArrowDown],
            ] as const
          ).map(([value, label, Icon], i) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={direction === value}
              data-direction={value}
              title={label}
              onClick={() => store.dispatch({ type: 'direction', direction: value })}
              className={cx(BUTTON, direction === value ? ACTIVE : IDLE, i === 0 ? 'rounded-r-none' : '-ml-px rounded-l-none', '@max-fold/canvas:flex-1 @max-fold/canvas:justify-center')}
            >
              <Icon aria-hidden size={15} />
              <span className={WORD}>{label}</span>
            </button>
          ))}
        </div>
      </ToolbarFold>

      {search !== '' && nextHolder ? (
        <p
          data-testid="graph-search-hint"
          role="status"
          className="basis-full truncate rounded-md border border-slate-200 bg-white/95 px-2 py-1 text-xs text-slate-700 shadow-sm dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-200"
          title={`The ${matchIndex < 0 ? 'first' : 'next'} match is inside ${nextHolder.title}: Enter opens it and selects the match`}
        >
          {matchIndex < 0 ? 'First' : 'Next'} match is inside <span className="font-medium">{nextHolder.title}</span>: <kbd className="font-sans font-medium">Enter</kbd> opens it
        </p>
      ) : null}
    </div>
  );
});
