'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { changedEndpoint, type ChangeEndpointResult } from '@/lib/endpoints/results';

export type ActionMode = 'apply' | 'dry-run';

/** One of the endpoint page's server actions, as its forms use it: the answer, which button is waiting, and the press. */
export interface EndpointAction {
  result: ChangeEndpointResult | null;
  pending: ActionMode | null;
  submit: (mode: ActionMode) => Promise<void>;
  /** Replaces the answer: null when an edit makes it stale, or a refusal the form makes itself. */
  setResult: (result: ChangeEndpointResult | null) => void;
}

const NO_ANSWER: ChangeEndpointResult = { ok: false, error: 'The server did not answer. Check that vpc-atlas is running, then try again.', fieldErrors: {} };

/**
 * Sends `send(mode)` once at a time and keeps its answer. An answer with `redirectTo` (a delete) goes there. When the
 * endpoint changed (saved, or a DryRun an emulator ran for real) the page is read again, unless `refresh` is false:
 * the editors then start from the endpoint as it now is, and the answer stays on screen.
 */
export function useEndpointAction(send: (mode: ActionMode) => Promise<ChangeEndpointResult>, { refresh = true }: { refresh?: boolean } = {}): EndpointAction {
  const router = useRouter();
  const [result, setResult] = useState<ChangeEndpointResult | null>(null);
  const [pending, setPending] = useState<ActionMode | null>(null);
  const busy = useRef(false);

  const submit = async (mode: ActionMode) => {
    if (busy.current) return;
    busy.current = true;
    setPending(mode);
    setResult(null);
    let res: ChangeEndpointResult;
    try {
      res = await send(mode);
    } catch {
      res = NO_ANSWER;
    }
    if (res.ok && res.kind === 'done' && res.redirectTo) {
      router.push(res.redirectTo);
      return;
    }
    busy.current = false;
    setPending(null);
    setResult(res);
    if (refresh && changedEndpoint(res)) router.refresh();
  };
  return { result, pending, submit, setResult };
}
