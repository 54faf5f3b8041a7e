import type { ReactNode } from 'react';

/**
 * One "Label: value" fact of a scope or snapshot bar, with its icon. `quiet`: the label is for screen readers and
 * the tooltip only (the icon says it to the eye), where the bar must stay one line.
 */
export function Fact({ icon, label, children, quiet = false }: { icon: ReactNode; label: string; children: ReactNode; quiet?: boolean }) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5 whitespace-nowrap" title={quiet ? label : undefined}>
      <span aria-hidden className="text-slate-500 dark:text-slate-400">
        {icon}
      </span>
      <span className={quiet ? 'sr-only' : 'text-slate-600 dark:text-slate-400'}>{label}: </span>
      {children}
    </span>
  );
}
