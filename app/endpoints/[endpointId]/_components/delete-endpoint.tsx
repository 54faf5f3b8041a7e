'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { EndpointPreview } from '@/lib/endpoints/preview';
import type { ChangeEndpointResult } from '@/lib/endpoints/results';
import { ChangeList } from '../../_components/change-list';
import { inputClass } from '../../_components/ui';
import { removeEndpoint } from '../actions';
import { ActionButtons } from './action-buttons';

/** Delete an endpoint: first what goes away (its routes or ENIs), then its id typed again to confirm. */
export function DeleteEndpoint({
  endpointId,
  preview,
  scope,
  writes,
}: {
  endpointId: string;
  preview: EndpointPreview;
  scope: { source?: string; profile?: string; region: string };
  writes: { enabled: boolean; reason: string | null };
}) {
  const router = useRouter();
  const [confirm, setConfirm] = useState('');
  const [result, setResult] = useState<ChangeEndpointResult | null>(null);
  const [pending, setPending] = useState<'apply' | 'dry-run' | null>(null);
  const busy = useRef(false);

  const submit = async (mode: 'apply' | 'dry-run') => {
    if (busy.current) return;
    busy.current = true;
    setPending(mode);
    setResult(null);
    let res: ChangeEndpointResult;
    try {
      res = await removeEndpoint({ ...scope, endpointId, confirm: mode === 'dry-run' ? endpointId : confirm }, mode);
    } catch {
      res = { ok: false, error: 'The server did not answer; try again.', fieldErrors: {} };
    }
    if (res.ok && res.kind === 'done' && res.redirectTo) {
      router.push(res.redirectTo);
      return;
    }
    busy.current = false;
    setPending(null);
    setResult(res);
  };

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <p className="text-sm font-medium">Deleting it takes away:</p>
        <ChangeList preview={preview} empty="Nothing else: the endpoint has no routes or network interfaces." />
        {preview.summary
          .filter((s) => s.includes('resolves to the public'))
          .map((s) => (
            <p key={s} className="text-sm text-amber-700 dark:text-amber-300">
              {s}
            </p>
          ))}
      </div>
      <div className="space-y-1.5">
        <label htmlFor="confirm-delete" className="text-sm font-medium">
          Type <span className="font-mono">{endpointId}</span> to confirm
        </label>
        <input id="confirm-delete" className={`${inputClass} font-mono`} value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <ActionButtons
        result={result}
        pending={pending}
        writes={writes}
        applyLabel="Delete endpoint"
        applyTone="danger"
        disabled={false}
        onSubmit={(mode) => (mode === 'apply' && confirm.trim() !== endpointId ? setResult({ ok: false, error: `Type ${endpointId} in the box to confirm.`, fieldErrors: {} }) : submit(mode))}
      />
    </div>
  );
}
