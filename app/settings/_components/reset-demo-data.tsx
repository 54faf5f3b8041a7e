'use client';

import { LoaderCircle, RotateCcw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { resetDemoData } from '../actions';
import { buttonClass } from '@/components/ui/button-styles';

/** Two steps, so one stray click cannot undo an afternoon of demo work. */
export function ResetDemoData() {
  const router = useRouter();
  const [step, setStep] = useState<'idle' | 'confirm' | 'pending'>('idle');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const reset = async () => {
    setStep('pending');
    let res: Awaited<ReturnType<typeof resetDemoData>>;
    try {
      res = await resetDemoData();
    } catch {
      res = { ok: false, error: 'The server did not answer; try again.', fieldErrors: {} };
    }
    setStep('idle');
    setMessage(res.ok ? { ok: true, text: res.message } : { ok: false, text: res.error });
    router.refresh();
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        {step === 'idle' && (
          <button
            type="button"
            onClick={() => {
              setMessage(null);
              setStep('confirm');
            }}
            className="inline-flex items-center gap-2 rounded-lg border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-red-800 dark:bg-slate-900 dark:text-red-300 dark:hover:bg-red-950"
          >
            <RotateCcw aria-hidden className="h-4 w-4" /> Reset demo data
          </button>
        )}
        {step !== 'idle' && (
          <>
            <button
              type="button"
              disabled={step === 'pending'}
              onClick={reset}
              className={buttonClass('danger', 'lg')}
            >
              {step === 'pending' ? <LoaderCircle aria-hidden className="h-4 w-4 animate-spin" /> : <RotateCcw aria-hidden className="h-4 w-4" />}
              Yes, reset everything
            </button>
            <button type="button" disabled={step === 'pending'} onClick={() => setStep('idle')} className={buttonClass('quiet', 'lg')}>
              Cancel
            </button>
          </>
        )}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} data-testid="reset-result" className={`text-sm ${message.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-300'}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
