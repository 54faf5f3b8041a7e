'use client';

import { Activity } from 'lucide-react';
import { METRIC_PERIOD_NAMES, METRIC_PERIODS } from '@/lib/metrics/types';
import { cx } from './format';
import { ACTIVE, BUTTON, IDLE } from './toolbar-styles';
import { setTrafficView, useTrafficStatus, useTrafficView } from './traffic-store';

/** The 24h / 7d / 30d switch of the traffic view's period, shared by the toolbar and the inspector. */
export function PeriodSwitch({ label, className, buttonClassName }: { label: string; className?: string; buttonClassName: string }) {
  const { period } = useTrafficView();
  return (
    <div role="group" aria-label={label} className={cx('inline-flex overflow-hidden rounded-md border border-slate-300 text-xs dark:border-slate-600', className)}>
      {METRIC_PERIOD_NAMES.map((p) => (
        <button
          key={p}
          type="button"
          aria-pressed={p === period}
          onClick={() => setTrafficView({ period: p })}
          className={cx(buttonClassName, p === period ? '!bg-slate-800 text-white dark:!bg-slate-200 dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800')}
        >
          {p}
        </button>
      ))}
    </div>
  );
}

/**
 * The toolbar's switch for edge thickness by bytes, its period, and what it shows (or why it shows nothing); the
 * toolbar gives the button's and its word's classes for its widths (toolbar-styles.ts).
 */
export function TrafficToggle({ buttonClassName, labelClassName }: { buttonClassName?: string; labelClassName?: string }) {
  const { on, period } = useTrafficView();
  const status = useTrafficStatus();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        data-testid="traffic-edges-toggle"
        aria-pressed={on}
        title="Draw each edge of an interface endpoint or NAT gateway as thick as the bytes CloudWatch measured through it"
        onClick={() => setTrafficView({ on: !on })}
        className={cx(BUTTON, on ? ACTIVE : IDLE, buttonClassName)}
      >
        <Activity aria-hidden size={15} /> <span className={labelClassName}>Traffic</span>
      </button>
      {on ? (
        <>
          <PeriodSwitch label="Traffic period for edges" buttonClassName="h-8 px-2 bg-white dark:bg-slate-900" />
          <span data-testid="traffic-edges-status" aria-live="polite" className="max-w-80 truncate text-xs text-slate-500 dark:text-slate-400" title={status.state === 'none' ? status.message : undefined}>
            {status.state === 'reading'
              ? 'Reading CloudWatch…'
              : status.state === 'drawn'
                ? `Width: bytes, last ${METRIC_PERIODS[period].words}${status.origin === 'fixture' ? ' (saved data)' : ''}`
                : status.state === 'none'
                  ? status.message
                  : ''}
          </span>
        </>
      ) : null}
    </div>
  );
}
