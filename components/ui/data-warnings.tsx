import { FileWarning } from 'lucide-react';
import type { DataWarning } from '@/lib/topology/types';

const TITLE: Record<DataWarning['kind'], string> = {
  inconsistent: 'Data that does not add up',
  skipped: 'Records that could not be read',
  'left-out': 'Left out on purpose',
  unrecognised: 'Values vpc-atlas does not recognise',
};

/** How many items show before the rest fold away. */
const SHOWN = 8;

/**
 * What the data itself says wrong (records skipped, records that contradict each other, what was left out and
 * why), apart from the partial-view banner, which is about permissions. A VPC page passes only its own.
 */
export function DataWarnings({ warnings, showVpc = false }: { warnings: DataWarning[]; showVpc?: boolean }) {
  if (!warnings.length) return null;
  const kinds = (['skipped', 'inconsistent', 'unrecognised', 'left-out'] as const).filter((k) => warnings.some((w) => w.kind === k));
  return (
    <div
      role="status"
      data-testid="data-warnings"
      className="space-y-2 rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {kinds.map((kind) => {
        // One line per message: a contradiction between two VPCs is said on each VPC's page, once on the region's.
        const byMessage = new Map<string, string[]>();
        for (const w of warnings) if (w.kind === kind) byMessage.set(w.message, [...(byMessage.get(w.message) ?? []), ...(w.vpcId ? [w.vpcId] : [])]);
        const items = [...byMessage.entries()];
        const line = ([message, vpcIds]: [string, string[]], i: number) => (
          <li key={`${i}-${message}`} className="break-words">
            {showVpc && vpcIds.length > 0 && <span className="mr-1 font-mono text-xs text-slate-500 dark:text-slate-400">{vpcIds.join(', ')}</span>}
            {message}
          </li>
        );
        return (
          <section key={kind} aria-label={TITLE[kind]}>
            <p className="flex items-center gap-2 font-semibold">
              <FileWarning aria-hidden className="h-4 w-4 shrink-0 text-slate-500" />
              {TITLE[kind]} ({items.length})
            </p>
            <ul className="mt-1 list-inside list-disc space-y-0.5 pl-6">{items.slice(0, SHOWN).map(line)}</ul>
            {items.length > SHOWN && (
              <details className="pl-6">
                <summary className="cursor-pointer text-slate-600 dark:text-slate-300">{items.length - SHOWN} more</summary>
                <ul className="mt-1 list-inside list-disc space-y-0.5">{items.slice(SHOWN).map((w, i) => line(w, i + SHOWN))}</ul>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}
