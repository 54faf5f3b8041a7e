'use client';

import { Camera, LoaderCircle } from 'lucide-react';
import { useState, useTransition } from 'react';
import { useCanEdit } from '@/components/auth/viewer-context';
import { primaryButton } from '@/components/ui/button-styles';
import { ShareResult, type ShareOutcome } from '@/components/share/share-result';

export interface FleetShareButtonProps {
  /** The page's server action (app/fleet/actions.ts), handed down so components/ never imports app/. */
  share: (input: { view: string }) => Promise<ShareOutcome>;
}

/**
 * "Share snapshot" on the fleet page: the server freezes the fleet's table and findings (waiting for a running pass
 * first) with the page's filters, and answers the short `/s/<id>` link.
 */
export function FleetShareButton({ share }: FleetShareButtonProps) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ShareOutcome | null>(null);
  // Saving snapshots is for editors; the action checks the role again.
  if (!useCanEdit()) return null;
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
              setResult(await share({ view: window.location.search }));
            } catch {
              setResult({ ok: false, error: 'The server could not be reached. Try again.' });
            }
          })
        }
      >
        {pending ? <LoaderCircle aria-hidden size={15} className="animate-spin" /> : <Camera aria-hidden size={15} />}
        {pending ? 'Saving…' : 'Share snapshot'}
      </button>
      {result ? <ShareResult result={result} onClose={() => setResult(null)} what="this fleet" /> : null}
    </div>
  );
}
