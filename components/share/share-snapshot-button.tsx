'use client';

import { Camera, LoaderCircle } from 'lucide-react';
import { useState, useTransition } from 'react';
import { useCanEdit } from '@/components/auth/viewer-context';
import { primaryButton } from '@/components/ui/button-styles';
import { ShareResult, type ShareOutcome } from './share-result';

export interface ShareSnapshotButtonProps<I extends object> {
  /**
   * The server action that saves it (`app/s/actions.ts` for a topology, `app/fleet/actions.ts` for the fleet), handed
   * down by the page so components/ never imports app/. It gets `input` and the page's query string as `view`.
   */
  share: (input: I & { view: string }) => Promise<ShareOutcome>;
  /** What the action needs besides the view: the page's scope (region, source, VPC, profile, account). */
  input: I;
  /** What the link shows, for the popover ("this topology", "this fleet"). */
  what?: string;
}

/**
 * "Share snapshot": the server freezes what the page shows (it reads the topology or the fleet again itself) with
 * the current view, and answers the short `/s/<id>` link to copy.
 */
export function ShareSnapshotButton<I extends object>({ share, input, what }: ShareSnapshotButtonProps<I>) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ShareOutcome | null>(null);
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
              setResult(await share({ ...input, view: window.location.search }));
            } catch {
              setResult({ ok: false, error: 'The server could not be reached. Try again.' });
            }
          })
        }
      >
        {pending ? <LoaderCircle aria-hidden size={15} className="animate-spin" /> : <Camera aria-hidden size={15} />}
        {pending ? 'Saving…' : 'Share snapshot'}
      </button>
      {result ? <ShareResult result={result} onClose={() => setResult(null)} {...(what ? { what } : {})} /> : null}
    </div>
  );
}
