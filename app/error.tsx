'use client';

import { buttonClass } from '@/components/ui/button-styles';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">The page could not be shown. The server log has the details.</p>
      <button onClick={reset} className={`${buttonClass('primary', 'lg')} mt-6`}>
        Try again
      </button>
    </main>
  );
}
