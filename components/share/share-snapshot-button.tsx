'use client';

import { Camera, LoaderCircle } from 'lucide-react';
import { useState, useTransition } from 'react';
// TODO(issue 15 §6): the one import from app/ left: hand the action down from the page as a prop instead.
// eslint-disable-next-line no-restricted-imports
import { shareSnapshot, type ShareSnapshotResult } from '@/app/s/actions';
import { useCanEdit } from '@/components/auth/viewer-context';
import { primaryButton } from './button-styles';
import { ShareResult } from './share-result';

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
      {result ? <ShareResult result={result} onClose={() => setResult(null)} /> : null}
    </div>
  );
}
