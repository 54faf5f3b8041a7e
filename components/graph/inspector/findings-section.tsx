import { ExternalLink, TriangleAlert, Wrench } from 'lucide-react';
import { findingsFor, type GraphFinding } from '@/lib/graph/overlay';
import { FLEET_WRITES_NOTE } from '@/lib/topology/write-scope';
import { cx } from '../format';

const SEVERITY_STYLE: Record<GraphFinding['severity'], string> = {
  high: 'bg-red-600 text-white',
  medium: 'bg-orange-700 text-white',
  low: 'bg-amber-300 text-amber-950',
  info: 'bg-sky-700 text-white',
};

/**
 * The findings that name the selected resource, worst first, each with its fix link unless read-only; where the
 * fix is a form this account's writes would refuse, a short note says so instead.
 */
export function FindingsSection({ id, findings, readOnly, findingsHref }: { id: string; findings: readonly GraphFinding[]; readOnly: boolean; findingsHref?: string }) {
  const mine = findingsFor(findings, id);
  if (mine.length === 0) return null;
  return (
    <section data-testid="inspector-findings" className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 className="mb-2 flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <TriangleAlert aria-hidden size={13} /> Findings ({mine.length})
      </h3>
      <ul className="space-y-2">
        {mine.map((f) => (
          <li key={f.id} data-rule={f.rule} className="text-sm">
            <div className="flex items-start gap-2">
              <span className={cx('mt-0.5 shrink-0 rounded px-1.5 py-0.5 text-[11px] font-bold uppercase leading-none', SEVERITY_STYLE[f.severity])}>{f.severity}</span>
              <span className="min-w-0 flex-1 break-words">{f.title}</span>
            </div>
            {!readOnly && f.fixHref && /^\/(?!\/)/.test(f.fixHref) ? (
              <a href={f.fixHref} className="ml-[3.25rem] mt-0.5 inline-flex items-center gap-1 pointer-coarse:-mb-1 pointer-coarse:-mt-0.5 pointer-coarse:py-1 text-xs font-medium text-sky-700 hover:underline dark:text-sky-300">
                <Wrench aria-hidden size={12} /> Fix
              </a>
            ) : !readOnly && f.fixRefused ? (
              <p data-testid="fix-refused" className="ml-[3.25rem] mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                {FLEET_WRITES_NOTE}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {findingsHref ? (
        <a href={findingsHref} className="mt-2 inline-flex items-center gap-1 pointer-coarse:-mb-1 pointer-coarse:mt-1 pointer-coarse:py-1 text-xs font-medium text-sky-700 hover:underline dark:text-sky-300">
          <ExternalLink aria-hidden size={12} /> Why it matters and how to fix it
        </a>
      ) : null}
    </section>
  );
}
