'use client';

import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { EndpointPreview } from '@/lib/endpoints/preview';
import { ChangeList } from '../../_components/change-list';
import { inputClass } from '../../_components/ui';
import { removeEndpoint } from '../actions';
import { ActionButtons } from './action-buttons';
import { useReportPendingChange } from './endpoint-graph';
import { useEndpointAction } from './use-endpoint-action';

/**
 * Delete an endpoint behind a first press: then what goes away (its routes or ENIs, in words and in red on the
 * page's graph), and its id typed again to confirm.
 */
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
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState('');
  useReportPendingChange('delete', open ? preview : null);
  // A DryRun an emulator ran for real deleted the endpoint: re-reading the page would leave only "not found", so
  // the answer stays here, saying what happened.
  const action = useEndpointAction((mode) => removeEndpoint({ ...scope, endpointId, confirm: mode === 'dry-run' ? endpointId : confirm }, mode), { refresh: false });

  if (!open) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="min-w-0 flex-1 text-sm text-slate-600 dark:text-slate-400">Removes {takesAway(preview)}. Nothing happens until you confirm.</p>
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="inline-flex items-center gap-2 rounded-lg border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-red-900 dark:bg-slate-900 dark:text-red-300 dark:hover:bg-red-950/60"
        >
          <Trash2 aria-hidden className="h-4 w-4" />
          Delete…
        </button>
      </div>
    );
  }
  return (
    <div className="space-y-4" data-testid="delete-confirmation">
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
        <input id="confirm-delete" className={`${inputClass} font-mono`} value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
      </div>
      <ActionButtons
        result={action.result}
        pending={action.pending}
        writes={writes}
        applyLabel="Delete endpoint"
        applyTone="danger"
        disabled={false}
        onSubmit={(mode) =>
          mode === 'apply' && confirm.trim() !== endpointId ? action.setResult({ ok: false, error: `Type ${endpointId} in the box to confirm.`, fieldErrors: {} }) : void action.submit(mode)
        }
        onCancel={() => {
          setOpen(false);
          setConfirm('');
          action.setResult(null);
        }}
      />
    </div>
  );
}

/** "the endpoint and its 3 routes", for the line before the confirmation. */
function takesAway(preview: EndpointPreview): string {
  const count = (n: number, what: string) => (n ? [`${n} ${what}${n === 1 ? '' : 's'}`] : []);
  const parts = [...count(preview.removeRoutes.length, 'route'), ...count(preview.removeNetworkInterfaces.length, 'network interface')];
  return parts.length ? `the endpoint and its ${parts.join(' and ')}` : 'the endpoint';
}
