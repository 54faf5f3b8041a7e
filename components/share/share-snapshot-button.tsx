'use client';

import { Camera, LoaderCircle } from 'lucide-react';
import { useState, useTransition } from 'react';
import type { ShareSnapshotAction, ShareSnapshotResult } from '@/lib/share/schema';
import { useCanEdit } from '@/components/auth/viewer-context';
import { primaryButton } from '@/components/ui/button-styles';
import { ShareResult } from './share-result';

export interface ShareSnapshotButtonProps {
  region: string;
  source: string;
  vpcId?: string;
  profile?: string;
  account?: string;
  /** The server action that saves it (`app/s/actions.ts`), handed down by the page. */
  shareSnapshot: ShareSnapshotAction;
}

/**
 * "Share snapshot": freezes what the page shows (the server loads the same topology again) with the current
 * view, and shows the short `/s/<id>` link to copy.
 */
export function ShareSnapshotButton({ region, source, vpcId, profile, account, shareSnapshot }: ShareSnapshotButtonProps) {
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
