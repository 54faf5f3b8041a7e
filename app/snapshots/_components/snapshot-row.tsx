'use client';

import { Check, GitCompareArrows, LoaderCircle, Pencil, Trash2, TriangleAlert, X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useCanEdit } from '@/components/auth/viewer-context';
import { deleteSnapshot, renameSnapshot } from '../actions';

const iconButton =
  'inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-300 dark:hover:bg-slate-800';

export interface SnapshotRowProps {
  id: string;
  title: string;
  saved: string;
  savedIso: string;
  vpcId: string | null;
  region: string;
  source: string;
  size: string;
  corrupt: string | null;
  /** Set on a fleet snapshot: how many accounts and regions it covers (null when they could not be counted). */
  fleet: { accounts: number | null; regions: number | null } | null;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "3 accounts × 2 regions", or what is known of it. */
function fleetCoverage({ accounts, regions }: { accounts: number | null; regions: number | null }): string {
  if (accounts === null || regions === null) return 'accounts and regions not counted';
  return `${plural(accounts, 'account')} × ${plural(regions, 'region')}`;
}

/** One saved snapshot, renamed in place and deleted after a second click (no browser dialogs). */
export function SnapshotRow({ id, title, saved, savedIso, vpcId, region, source, size, corrupt, fleet }: SnapshotRowProps) {
  const router = useRouter();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Renaming and deleting are for editors; the actions check the role again.
  const canEdit = useCanEdit();

  const rename = () =>
    startTransition(async () => {
      const r = await renameSnapshot({ id, title: draft });
      if (!r.ok) {
        setError(r.fieldErrors.title ?? r.error);
        return;
      }
      setError(null);
      setMode('view');
      router.refresh();
    });
  const remove = () =>
    startTransition(async () => {
      const r = await deleteSnapshot({ id });
      if (!r.ok) {
        setError(r.error);
        return;
      }
      router.refresh();
    });

  return (
    <tr data-snapshot-id={id} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
      <td className="px-4 py-2">
        {mode === 'rename' ? (
          <form
            className="flex flex-col items-start gap-1.5"
            onSubmit={(e) => {
              e.preventDefault();
              rename();
            }}
          >
            <input
              autoFocus
              aria-label="Snapshot title"
              name="title"
              value={draft}
              maxLength={200}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setMode('view');
                  setDraft(title);
                  setError(null);
                }
              }}
              aria-invalid={error ? true : undefined}
              className="w-full min-w-64 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
            />
            <span className="flex items-center gap-1">
              <button type="submit" className={iconButton} disabled={pending}>
                {pending ? <LoaderCircle aria-hidden size={14} className="animate-spin" /> : <Check aria-hidden size={14} />} Save
              </button>
              <button
                type="button"
                className={iconButton}
                onClick={() => {
                  setMode('view');
                  setDraft(title);
                  setError(null);
                }}
              >
                <X aria-hidden size={14} /> Cancel
              </button>
            </span>
          </form>
        ) : corrupt ? (
          <span className="inline-flex items-center gap-1 text-red-700 dark:text-red-300" title={corrupt}>
            <TriangleAlert aria-hidden size={14} /> {title} (unreadable: {corrupt})
          </span>
        ) : (
          <Link href={`/s/${id}`} className="font-medium text-teal-700 hover:underline dark:text-teal-400">
            {title}
          </Link>
        )}
        {error ? (
          <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </td>
      <td className="whitespace-nowrap px-4 py-2 tabular-nums">
        <time dateTime={savedIso}>{saved}</time>
      </td>
      {fleet ? (
        <td colSpan={2} className="whitespace-nowrap px-4 py-2" data-testid="snapshot-fleet-coverage">
          <span className="mr-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800">
            Fleet
          </span>
          {fleetCoverage(fleet)}
        </td>
      ) : (
        <>
          <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{vpcId ?? <span className="font-sans text-slate-500">all VPCs</span>}</td>
          <td className="whitespace-nowrap px-4 py-2">{region}</td>
        </>
      )}
      <td className="px-4 py-2">{source}</td>
      <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums text-slate-600 dark:text-slate-400">{size}</td>
      <td className="whitespace-nowrap px-4 py-2 text-right">
        {mode === 'confirm-delete' ? (
          <span className="inline-flex items-center gap-1">
            <span className="text-sm text-slate-600 dark:text-slate-400">Delete for everyone?</span>
            <button type="button" className={`${iconButton} text-red-700 dark:text-red-300`} disabled={pending} onClick={remove}>
              {pending ? <LoaderCircle aria-hidden size={14} className="animate-spin" /> : <Trash2 aria-hidden size={14} />} Delete
            </button>
            <button type="button" className={iconButton} onClick={() => setMode('view')}>
              Keep
            </button>
          </span>
        ) : (
          <span className="inline-flex items-center gap-1">
            {!corrupt && !fleet ? (
              <Link href={`/s/${id}/compare/now`} className={iconButton}>
                <GitCompareArrows aria-hidden size={14} /> Compare with now
              </Link>
            ) : null}
            {!corrupt && canEdit ? (
              <button type="button" className={iconButton} onClick={() => setMode('rename')} aria-label={`Rename ${title}`}>
                <Pencil aria-hidden size={14} /> Rename
              </button>
            ) : null}
            {canEdit ? (
              <button type="button" className={iconButton} onClick={() => setMode('confirm-delete')} aria-label={`Delete ${title}`}>
                <Trash2 aria-hidden size={14} /> Delete
              </button>
            ) : null}
          </span>
        )}
      </td>
    </tr>
  );
}
