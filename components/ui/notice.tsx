import { TriangleAlert } from 'lucide-react';
import { dangerButton } from './button-styles';

export function Notices({ notices, tone = 'info' }: { notices: string[]; tone?: 'info' | 'warning' }) {
  if (!notices.length) return null;
  const cls =
    tone === 'warning'
      ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100'
      : 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100';
  return (
    <div role="status" data-testid={tone === 'warning' ? 'warnings' : 'notices'} className={`rounded-md border px-3 py-2 text-sm ${cls}`}>
      <ul className="list-inside list-disc space-y-0.5">
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorPanel({ title, message, retryHref }: { title: string; message: string; retryHref?: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm">{message}</p>
      {retryHref && (
        <a href={retryHref} className={`${dangerButton} mt-3`}>
          Retry
        </a>
      )}
    </div>
  );
}

/**
 * The partial-view banner: what a load could not read, and every IAM action to add so it can.
 * Warnings name the action as `ec2:DescribeX` (lib/ec2/read-region.ts).
 */
export function TopologyWarnings({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  const actions = [...new Set(warnings.flatMap((w) => w.match(/\bec2:[A-Za-z]+\b/g) ?? []))].sort();
  return (
    <div
      role="status"
      data-testid="warnings"
      className="rounded-md border border-l-4 border-amber-300 border-l-amber-500 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:border-l-amber-400 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="flex items-center gap-2 font-semibold">
        <TriangleAlert aria-hidden className="h-4 w-4 shrink-0 text-amber-600 dark:text-amber-400" />
        {actions.length ? 'Partial view: the credentials in use lack some read permissions' : 'Partial view'}
      </p>
      <ul className="mt-1.5 list-inside list-disc space-y-0.5 pl-6">
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      {actions.length > 0 && (
        <p className="mt-2 pl-6" data-testid="missing-permissions">
          Add to the IAM policy of the role or user vpc-atlas runs as:{' '}
          {actions.map((a, i) => (
            <span key={a}>
              {i > 0 && ', '}
              <code className="rounded bg-amber-100 px-1 py-0.5 font-mono text-xs dark:bg-amber-900">{a}</code>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
