'use client';

import { Camera, ExternalLink, LoaderCircle, X } from 'lucide-react';
import { useState, useTransition } from 'react';
// TODO(issue 15 §6): the one import from app/ left: hand the action down from the page as a prop instead.
// eslint-disable-next-line no-restricted-imports
import { shareSnapshot, type ShareSnapshotResult } from '@/app/s/actions';
import { useCanEdit } from '@/components/auth/viewer-context';
import { primaryButton } from './button-styles';
import { CopyTextButton } from './copy-text-button';

export interface ShareSnapshotButtonProps {
  region: string;
  source: string;
  vpcId?: string;
  profile?: string;
  account?: string;
}

/**
 * "Share snapshot": freezes what the page shows (the server loads the same topology again) with the current
 * view, and shows the short `/s/<id>` link to copy.
 */
export function ShareSnapshotButton({ region, source, vpcId, profile, account }: ShareSnapshotButtonProps) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ShareSnapshotResult | null>(null);
  const url = result?.ok ? `${window.location.origin}${result.path}` : '';
  // Saving snapshots is for editors; the action checks the role again.
  const canEdit = useCanEdit();
  if (!canEdit) return null;

  return (
    <div className="relative">
      <button
        type="button"
        className={primaryButton}
        disabled={pending}
        data-testid="share-snapshot"
        onClick={() =>
          startTransition(async () => {
            setResult(null);
            try {
              setResult(
                await shareSnapshot({
                  region,
                  source,
                  ...(vpcId ? { vpcId } : {}),
                  ...(profile ? { profile } : {}),
                  ...(account ? { account } : {}),
                  view: window.location.search,
                }),
              );
            } catch {
              setResult({ ok: false, error: 'The server could not be reached. Try again.', fieldErrors: {} });
            }
          })
        }
      >
        {pending ? <LoaderCircle aria-hidden size={15} className="animate-spin" /> : <Camera aria-hidden size={15} />}
        {pending ? 'Saving…' : 'Share snapshot'}
      </button>
      {result ? (
        <div
          data-testid="share-result"
          role={result.ok ? 'status' : 'alert'}
          className="absolute right-0 top-full z-30 mt-2 w-[26rem] max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="mb-2 flex items-start justify-between gap-2">
            <p className="font-medium">{result.ok ? 'Snapshot saved' : 'Could not save a snapshot'}</p>
            <button type="button" aria-label="Close" onClick={() => setResult(null)} className="rounded p-0.5 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
              <X aria-hidden size={14} />
            </button>
          </div>
          {result.ok ? (
            <>
              <p className="mb-2 text-slate-600 dark:text-slate-400">
                Anyone who can open this dashboard sees this topology as it is now, even after it changes, without AWS access.
              </p>
              <div className="flex items-center gap-2">
                <input
                  readOnly
                  aria-label="Snapshot link"
                  data-testid="share-link"
                  value={url}
                  onFocus={(e) => e.currentTarget.select()}
                  className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
                />
                <CopyTextButton text={url} />
                <a href={result.path} className="inline-flex items-center gap-1 text-teal-700 hover:underline dark:text-teal-400" aria-label="Open the snapshot">
                  <ExternalLink aria-hidden size={15} /> Open
                </a>
              </div>
            </>
          ) : (
            <p className="text-red-700 dark:text-red-300">{result.error}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
