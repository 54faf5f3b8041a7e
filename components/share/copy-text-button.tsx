'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toolbarButton } from '@/components/ui/button-styles';
import { copyText } from './clipboard';

/** A small button that copies a given text, e.g. a snapshot's short link. */
export function CopyTextButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={toolbarButton}
      onClick={async () => {
        setCopied(await copyText(text));
        window.setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? <Check aria-hidden size={15} className="text-teal-600" /> : <Copy aria-hidden size={15} />}
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </button>
  );
}
