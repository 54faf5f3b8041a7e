'use client';

import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { FleetState } from '@/lib/fleet/types';

/** How often the page asks for the fleet while a pass runs: more often for a small fleet, less for a large one. */
const pollMs = (total: number) => Math.min(2000, 500 + total * 2);

/**
 * The fleet as the server has it now: starts from the server-rendered state and, while a pass runs, polls
 * `GET /api/fleet` so rows appear as their loads finish. The page stays interactive: polls are plain fetches and
 * the table re-renders from state. `refresh()` asks for a new pass (`?refresh=1`); the server keeps the last
 * result of each row until it reloads.
 */
export function useFleetState(initial: FleetState, options: { live: boolean }) {
  const [state, setState] = useState(initial);
  const [stale, setStale] = useState<string | null>(null);
  const [refreshPending, setRefreshPending] = useState(false);
  const inFlight = useRef(false);

  const fetchState = useCallback(async (refresh: boolean) => {
    if (inFlight.current && !refresh) return;
    inFlight.current = true;
    try {
      const res = await fetch(`/api/fleet${refresh ? '?refresh=1' : ''}`, { cache: 'no-store', headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const next = (await res.json()) as FleetState;
      // A transition: a filter or sort the user chooses meanwhile renders first.
      startTransition(() => setState(next));
      setStale(null);
    } catch (err) {
      setStale(`Could not reach the server (${(err as Error).message}); retrying.`);
    } finally {
      inFlight.current = false;
    }
  }, []);

  const running = state.finishedAt === null;
  useEffect(() => {
    if (!options.live || !running) return;
    const t = setInterval(() => void fetchState(false), pollMs(state.total));
    return () => clearInterval(t);
  }, [options.live, running, fetchState, state.total]);

  const refresh = useCallback(() => {
    setRefreshPending(true);
    void fetchState(true).finally(() => setRefreshPending(false));
  }, [fetchState]);

  return { state, stale, refresh, refreshPending };
}
