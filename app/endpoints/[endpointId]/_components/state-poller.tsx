'use client';

import { LoaderCircle } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** States an endpoint passes through on its way to `available` (or `failed`); the page re-reads while in one. */
const TRANSIENT = new Set(['pending', 'pendingacceptance', 'deleting']);

/**
 * The endpoint's state as a badge. While it is in a transient state the page refreshes itself every
 * two seconds, until `available` or `failed`; a failed endpoint shows its last error.
 */
export function StatePoller({ state, lastError }: { state: string; lastError: { code: string; message: string } | null }) {
  const router = useRouter();
  const transient = TRANSIENT.has(state.toLowerCase());
  useEffect(() => {
    if (!transient) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [transient, router]);

  const tone =
    state === 'available'
      ? 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800'
      : state === 'failed' || state === 'rejected'
        ? 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800'
        : 'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800';
  return (
    <span className="inline-flex flex-col gap-1">
      <span data-testid="endpoint-state" className={`inline-flex items-center gap-1.5 rounded-md px-2 py-0.5 text-sm font-medium ring-1 ring-inset ${tone}`}>
        {transient && <LoaderCircle aria-hidden className="h-3.5 w-3.5 animate-spin" />}
        {state}
      </span>
      {lastError && (state === 'failed' || state === 'rejected') && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {lastError.code}: {lastError.message}
        </span>
      )}
    </span>
  );
}
