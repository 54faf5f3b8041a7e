import type { ReactNode } from 'react';

/** One "Label: value" fact of a scope or snapshot bar, with its icon. */
export function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span aria-hidden className="text-slate-400 dark:text-slate-500">
        {icon}
      </span>
      <span className="text-slate-500 dark:text-slate-400">{label}: </span>
      {children}
    </span>
  );
}
