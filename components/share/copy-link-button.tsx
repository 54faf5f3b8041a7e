'use client';

import { Check, Link2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { menuItem } from '@/components/ui/menu';
import { copyText } from './clipboard';

/**
 * Copies the address of the current view. The graph keeps selection, filters, search, direction and viewport
 * in the query string as they change, so `location.href` at the moment of the click is the whole view.
 */
export function CopyLinkButton({ label = 'Copy link' }: { label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      className={menuItem}
      data-testid="copy-link"
      onClick={async () => setState((await copyText(window.location.href)) ? 'copied' : 'failed')}
    >
      {state === 'copied' ? <Check aria-hidden size={15} className="text-teal-600" /> : <Link2 aria-hidden size={15} />}
      <span aria-live="polite">{state === 'copied' ? 'Link copied' : state === 'failed' ? 'Copy failed' : label}</span>
    </button>
  );
}
