import type { Severity } from '@/lib/analysis/findings';

export const SEVERITY_LABELS: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

/** Colours per severity: the pill, the card's edge, the summary tile's dot. */
export const SEVERITY_STYLES: Record<Severity, { pill: string; edge: string; dot: string }> = {
  high: {
    pill: 'bg-red-100 text-red-800 ring-red-600/20 dark:bg-red-900/50 dark:text-red-200 dark:ring-red-400/30',
    edge: 'bg-red-500 dark:bg-red-400',
    dot: 'bg-red-500',
  },
  medium: {
    pill: 'bg-amber-100 text-amber-900 ring-amber-600/25 dark:bg-amber-900/50 dark:text-amber-200 dark:ring-amber-400/30',
    edge: 'bg-amber-500 dark:bg-amber-400',
    dot: 'bg-amber-500',
  },
  low: {
    pill: 'bg-sky-100 text-sky-800 ring-sky-600/20 dark:bg-sky-900/50 dark:text-sky-200 dark:ring-sky-400/30',
    edge: 'bg-sky-500 dark:bg-sky-400',
    dot: 'bg-sky-500',
  },
  info: {
    pill: 'bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-400/30',
    edge: 'bg-slate-400 dark:bg-slate-500',
    dot: 'bg-slate-400',
  },
};


export function SeverityPill({ severity }: { severity: Severity }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${SEVERITY_STYLES[severity].pill}`}>
      {SEVERITY_LABELS[severity]}
    </span>
  );
}

/** A finding id made safe for an element id and a URL fragment. */
export function findingAnchor(id: string): string {
  return `finding-${id.replace(/[^a-zA-Z0-9-]+/g, '-')}`;
}
