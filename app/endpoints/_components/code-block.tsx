'use client';

import { Check, Copy } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';

/** A code sample with a copy button. Without clipboard access (an insecure origin) it selects the text instead. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      const range = document.createRange();
      if (pre.current) range.selectNodeContents(pre.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setCopied('select');
    }
  };

  return (
    <div className="relative">
      <pre
        ref={pre}
        aria-label={label}
        data-testid={`code-${label.toLowerCase().replace(/\W+/g, '-')}`}
        className="max-h-72 overflow-auto rounded-lg bg-slate-950 p-4 pr-12 font-mono text-[12px] leading-relaxed text-slate-100 dark:bg-black/60"
      >
        {code}
      </pre>
      <button
        type="button"
        onClick={copy}
        aria-label={`Copy ${label}`}
        className="absolute right-2 top-2 inline-flex items-center gap-1 rounded-md bg-slate-800 px-2 py-1 text-xs text-slate-200 hover:bg-slate-700"
      >
        {copied === 'yes' ? <Check aria-hidden className="h-3.5 w-3.5" /> : <Copy aria-hidden className="h-3.5 w-3.5" />}
        {copied === 'yes' ? 'Copied' : copied === 'select' ? 'Press Ctrl+C' : 'Copy'}
      </button>
    </div>
  );
}
