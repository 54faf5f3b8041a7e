import type { Ref } from 'react';

/**
 * What shows while the graph's code loads and before the canvas mounts: the canvas's frame, saying so. Same box as
 * the canvas, so the canvas can measure its pane on it before it mounts (`ref`).
 */
export function GraphPlaceholder({ ref }: { ref?: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      data-testid="graph-loading"
      role="status"
      className="flex h-full min-h-80 w-full items-center justify-center rounded-lg border border-slate-200 bg-white text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400"
    >
      Loading the graph…
    </div>
  );
}
