import { LoaderCircle } from 'lucide-react';

/**
 * What the fleet page shows for the moment its table waits for the first rows of a pass (app/fleet/page.tsx):
 * the progress panel saying the accounts are being read, and the table's outline.
 */
export function FleetBoardPlaceholder() {
  return (
    <div className="space-y-4" aria-busy="true">
      <section aria-label="Loading the fleet" className="rounded-lg border border-slate-200 bg-white px-3 py-2.5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <p className="inline-flex items-center gap-2 text-sm font-medium" aria-live="polite">
          <LoaderCircle aria-hidden size={14} className="animate-spin text-slate-500" />
          Reading the accounts and their regions…
        </p>
        <div className="mt-2 h-2 rounded-full bg-slate-100 dark:bg-slate-800" />
      </section>
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="h-9 border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-950" />
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-6 border-b border-slate-100 px-3 py-3 last:border-0 dark:border-slate-800">
            <span className="h-3 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
            <span className="h-3 w-20 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
            <span className="ml-auto h-3 w-64 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
          </div>
        ))}
      </div>
    </div>
  );
}
