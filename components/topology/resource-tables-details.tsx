'use client';

import { useCallback, useEffect, useRef, useState, type ComponentType, type SyntheticEvent } from 'react';
import type { Topology } from '@/lib/topology/types';

type Loaded = { Tables: ComponentType<{ topology: Topology }>; topology: Topology };
type State = { status: 'idle' | 'loading' } | { status: 'ready'; loaded: Loaded } | { status: 'error'; message: string };

/**
 * "All resources as tables", closed until asked for: the tables of a 200-subnet VPC are hundreds of kilobytes of
 * page the graph would wait behind, so they are fetched (`/api/topology`, the same cached load as the page) and
 * drawn when the section is first opened.
 */
export function ResourceTablesDetails({ src }: { /** `/api/topology?...` for this VPC and scope. */ src: string }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const started = useRef(false);
  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setState({ status: 'loading' });
    const topology = fetch(src, { headers: { accept: 'application/json' } }).then(async (res) => {
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? `HTTP ${res.status}`);
      }
      return (await res.json()) as Topology;
    });
    Promise.all([import('./resource-tables'), topology]).then(
      ([module, t]) => setState({ status: 'ready', loaded: { Tables: module.ResourceTables, topology: t } }),
      (err: unknown) => {
        started.current = false;
        setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
  }, [src]);
  // Opened before this component hydrated (the toggle event is gone): load now.
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current?.open) load();
  }, [load]);
  const onToggle = useCallback(
    (e: SyntheticEvent<HTMLDetailsElement>) => {
      if (e.currentTarget.open) load();
    },
    [load],
  );

  return (
    <details ref={details} className="group rounded-lg" data-testid="resource-tables" onToggle={onToggle}>
      <summary className="cursor-pointer select-none py-2 text-sm font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100">
        All resources as tables
      </summary>
      <div className="mt-2">
        {state.status === 'ready' ? (
          <state.loaded.Tables topology={state.loaded.topology} />
        ) : state.status === 'error' ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            The tables could not be loaded: {state.message}.{' '}
            <button type="button" onClick={load} className="font-medium underline">
              Try again
            </button>
          </p>
        ) : (
          <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
            Loading the tables…
          </p>
        )}
      </div>
    </details>
  );
}
