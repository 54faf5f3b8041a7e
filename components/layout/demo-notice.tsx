'use client';

import { Info, X } from 'lucide-react';
import { useState } from 'react';
import { DEMO_NOTICE_COOKIE } from './demo-notice-cookie';


/**
 * One line on the first page while the embedded demo account is shown: this is not your account, and the two ways
 * to see yours (a folder of `aws ec2 describe-*` files, or live with an AWS profile), each linked to its README
 * section. Dismissed once, gone for a year in this browser.
 */
export function DemoNotice() {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  const dismiss = () => {
    document.cookie = `${DEMO_NOTICE_COOKIE}=dismissed; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
    setOpen(false);
  };
  return (
    <p
      data-testid="demo-notice"
      role="note"
      className="flex items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-1.5 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50"
    >
      <Info aria-hidden className="h-4 w-4 shrink-0 text-sky-700 dark:text-sky-300" />
      <span className="min-w-0 flex-1">
        This is the embedded demo account, not yours. See your own from a folder of{' '}
        <a href="/readme#your-own-account-without-live-access" className="font-medium underline">
          AWS CLI describe files
        </a>{' '}
        or{' '}
        <a href="/readme#live-mode" className="font-medium underline">
          live with an AWS profile
        </a>
        .
      </span>
      <button
        type="button"
        onClick={dismiss}
        aria-label="Dismiss the demo notice"
        title="Dismiss"
        className="shrink-0 rounded p-1 text-sky-800 hover:bg-sky-100 dark:text-sky-200 dark:hover:bg-sky-900"
      >
        <X aria-hidden className="h-4 w-4" />
      </button>
    </p>
  );
}
