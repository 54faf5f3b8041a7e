import type { Metadata } from 'next';
import Link from 'next/link';
import { AUDIT_ACTIONS, AuditAction, queryAudit, type AuditEntry } from '@/lib/audit/log';
import { requireEditorPage } from '@/lib/auth/editor-page';
import { StoreUnavailableError } from '@/lib/store';
import { StoreUnavailable } from '../_components/store-unavailable';
import { first, type SearchParams } from '@/lib/topology/page-params';
import { buttonClass } from '@/components/ui/button-styles';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

/** Entries per page; older ones are one "Older entries" link away. */
const PAGE_SIZE = 100;

const selectClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950';

function ResultBadge({ result }: { result: AuditEntry['result'] }) {
  const tone =
    result.status === 'ok'
      ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
      : result.status === 'denied'
        ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'
        : 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200';
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tone}`} title={result.message}>
      {result.status}
      {result.code ? ` · ${result.code}` : ''}
    </span>
  );
}

/** The request as one line of JSON, for the table; the full entry is in the store and the server log. */
function requestSummary(request: unknown): string {
  const text = JSON.stringify(request) ?? '';
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

/** /audit: every audited change, newest first, filtered by user and action with a plain GET form. Editors only. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireEditorPage('read the audit log', '/audit');

  const sp = await searchParams;
  const user = first(sp.user)?.trim().slice(0, 320) || undefined;
  const rawAction = first(sp.action);
  const action = AuditAction.safeParse(rawAction).success ? (rawAction as AuditAction) : undefined;
  const beforeText = first(sp.before);
  const before = beforeText && /^\d{1,15}$/.test(beforeText) ? Number(beforeText) : undefined;
  const page = await queryAudit({ user, action, limit: PAGE_SIZE, ...(before !== undefined ? { before } : {}) }).catch((err: unknown) => {
    if (err instanceof StoreUnavailableError) return null;
    throw err;
  });
  const { entries, users, next } = page ?? { entries: [], users: [], next: null };
  const pageLink = (cursor?: number) => {
    const q = new URLSearchParams();
    if (user) q.set('user', user);
    if (action) q.set('action', action);
    if (cursor !== undefined) q.set('before', String(cursor));
    const text = q.toString();
    return text ? `/audit?${text}` : '/audit';
  };

  return (
    <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every create, change, delete and dry run, and every snapshot and demo-data change, newest first. The same lines go to the server log.
        </p>
      </div>
      <form method="get" action="/audit" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">User</span>
          <select name="user" defaultValue={user ?? ''} className={selectClass}>
            <option value="">Everyone</option>
            {users.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
            {user && !users.includes(user) && <option value={user}>{user}</option>}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Action</span>
          <select name="action" defaultValue={action ?? ''} className={selectClass}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass('primary')}>
          Filter
        </button>
        {(user || action) && (
          <Link href="/audit" className="px-2 py-1.5 text-sm text-slate-600 hover:underline dark:text-slate-400">
            Clear
          </Link>
        )}
      </form>
      {page === null ? (
        <StoreUnavailable what="the audit log" />
      ) : entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400" data-testid="audit-empty">
          {before !== undefined ? 'No older entries.' : user || action ? 'No entries match.' : 'Nothing has been changed yet.'}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
              <tr>
                <th className="px-3 py-2 font-medium">Time (UTC)</th>
                <th className="px-3 py-2 font-medium">User</th>
                <th className="px-3 py-2 font-medium">Action</th>
                <th className="px-3 py-2 font-medium">Where</th>
                <th className="px-3 py-2 font-medium">Result</th>
                <th className="px-3 py-2 font-medium">Request</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.time}-${i}`} data-testid="audit-row" data-action={e.action} data-user={e.user} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{e.time.replace('T', ' ').slice(0, 19)}</td>
                  <td className="px-3 py-2">{e.user}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {e.action}
                    {e.dryRun && <span className="ml-1.5 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">dry run</span>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600 dark:text-slate-400">
                    {[e.source, e.profile, e.region].filter(Boolean).join(' · ') || '—'}
                  </td>
                  <td className="px-3 py-2">
                    <ResultBadge result={e.result} />
                    {e.result.resourceId && <div className="mt-1 whitespace-nowrap font-mono text-xs">{e.result.resourceId}</div>}
                  </td>
                  <td className="max-w-xl break-all px-3 py-2 font-mono text-xs text-slate-600 dark:text-slate-400">{requestSummary(e.request)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(before !== undefined || next !== null) && (
        <nav className="flex gap-4 text-sm" aria-label="Audit log pages">
          {before !== undefined && (
            <Link href={pageLink()} className="text-teal-700 hover:underline dark:text-teal-400">
              ← Newest
            </Link>
          )}
          {next !== null && (
            <Link href={pageLink(next)} className="text-teal-700 hover:underline dark:text-teal-400" data-testid="audit-older">
              Older entries →
            </Link>
          )}
        </nav>
      )}
    </main>
  );
}
