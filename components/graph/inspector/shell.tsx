import type { ReactNode } from 'react';
import { cx } from '../format';

/**
 * The inspector's frame, the same while its code loads and once it is there, so the canvas resizes once: a column
 * beside the canvas, and on a phone-sized screen a sheet along the bottom (the canvas keeps the top, its selection
 * in view), scrolling on its own.
 */
export function InspectorShell({ testId, className, children }: { testId: string; className?: string; children: ReactNode }) {
  return (
    <aside
      data-testid={testId}
      aria-label="Inspector"
      className={cx(
        'flex shrink-0 flex-col bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100',
        'h-full w-[min(28rem,100%)] border-l border-slate-200 dark:border-slate-800',
        'max-sm:h-1/2 max-sm:w-full max-sm:rounded-t-xl max-sm:border-l-0 max-sm:border-t max-sm:shadow-[0_-4px_12px_rgb(0_0_0/0.08)]',
        className,
      )}
    >
      <span aria-hidden className="mx-auto mt-1.5 hidden h-1 w-10 shrink-0 rounded-full bg-slate-300 max-sm:block dark:bg-slate-600" />
      {children}
    </aside>
  );
}
