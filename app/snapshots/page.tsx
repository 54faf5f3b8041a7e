import type { Metadata } from 'next';
import Link from 'next/link';
import { formatUtc } from '@/lib/share/read';
import { getSnapshotStore } from '@/lib/share/store';
import { StoreUnavailableError } from '@/lib/store';
import { StoreUnavailable } from '../_components/store-unavailable';
import { SnapshotRow } from './_components/snapshot-row';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Snapshots' };

export default async function SnapshotsPage() {
  const snapshots = await getSnapshotStore()
    .list({ limit: 500 })
    .catch((err: unknown) => {
      if (err instanceof StoreUnavailableError) return null;
      throw err;
    });
  return (
    <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Snapshots</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Frozen topologies and fleets saved with “Share snapshot”. Their links show the network as it was, to anyone, without AWS access.
        </p>
      </div>
      {snapshots === null ? (
        <StoreUnavailable what="the saved snapshots" />
      ) : snapshots.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400" data-testid="no-snapshots">
          No snapshots yet. Open a{' '}
          <Link href="/" className="text-teal-700 underline dark:text-teal-400">
            VPC
          </Link>{' '}
          or the{' '}
          <Link href="/fleet" className="text-teal-700 underline dark:text-teal-400">
            fleet
          </Link>{' '}
          and use “Share snapshot”.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" data-testid="snapshot-table">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
              <tr>
                <th className="px-4 py-2 font-medium">Title</th>
                <th className="px-4 py-2 font-medium">Saved</th>
                <th className="px-4 py-2 font-medium">VPC</th>
                <th className="px-4 py-2 font-medium">Region</th>
                <th className="px-4 py-2 font-medium">Source</th>
                <th className="px-4 py-2 text-right font-medium">Size</th>
                <th className="px-4 py-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <SnapshotRow
                  key={s.id}
                  id={s.id}
                  title={s.title}
                  saved={s.createdAt ? formatUtc(s.createdAt) : '—'}
                  savedIso={s.createdAt}
                  vpcId={s.vpcId ?? null}
                  region={s.region}
                  source={s.source}
                  size={s.sizeBytes < 1024 * 1024 ? `${Math.max(1, Math.round(s.sizeBytes / 1024))} KB` : `${(s.sizeBytes / (1024 * 1024)).toFixed(1)} MB`}
                  corrupt={s.corrupt ?? null}
                  fleet={s.fleet ?? null}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
