'use client';

import { ExternalLink, X } from 'lucide-react';
import { CopyTextButton } from './copy-text-button';

/** What a "Share snapshot" action answers: the new link, or why there is none. */
export type ShareOutcome = { ok: true; path: string } | { ok: false; error: string };

/** The popover under a "Share snapshot" button: the `/s/<id>` link to copy or open, or the error. */
export function ShareResult({ result, onClose, what = 'this topology' }: { result: ShareOutcome; onClose: () => void; what?: string }) {
  const url = result.ok ? `${window.location.origin}${result.path}` : '';
  return (
    <div
      data-testid="share-result"
      role={result.ok ? 'status' : 'alert'}
      className="absolute right-0 top-full z-30 mt-2 w-[26rem] max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="mb-2 flex items-start justify-between gap-2">
        <p className="font-medium">{result.ok ? 'Snapshot saved' : 'Could not save a snapshot'}</p>
        <button type="button" aria-label="Close" onClick={onClose} className="rounded p-0.5 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
          <X aria-hidden size={14} />
        </button>
      </div>
      {result.ok ? (
        <>
          <p className="mb-2 text-slate-600 dark:text-slate-400">
            Anyone who can open this dashboard sees {what} as it is now, even after it changes, without AWS access.
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
  );
}
