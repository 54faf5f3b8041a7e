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
        <a href={retryHref} className="mt-3 inline-block rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
          Retry
        </a>
      )}
    </div>
  );
}
