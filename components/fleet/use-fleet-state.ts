'use client';

import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { expandFleetState, type CompactFleetState } from '@/lib/fleet/compact';
import { applyUpdate, clientFleetOf, stateOf, type ClientFleet } from '@/lib/fleet/delta';
import type { FleetUpdate } from '@/lib/fleet/types';

/**
 * Least time between one poll's rows on screen and the next poll: the server answers a poll as soon as a row
 * changes, so this is what batches the rows of a fast pass into a few renders a second.
 */
const POLL_GAP_MS = 300;
/** After a failed poll, the next one waits this long. */
const RETRY_MS = 2_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * The fleet as the server has it now: starts from the server-rendered state (its waiting rows rebuilt:
 * lib/fleet/compact.ts) and, while a pass runs, long-polls `GET /api/fleet?since=<version>`, which answers as soon
 * as something changed, with only the rows that changed (lib/fleet/delta.ts). Rows the update does not carry keep their objects, so the table's memoized rows skip
 * them. Updates render in a transition, so a filter or sort the user chooses meanwhile goes first, and the next
 * poll waits until the last one's rows are on screen: on a busy machine a stream of updates would otherwise restart
 * the transition's render again and again and show nothing. `refresh()` asks for a new pass (`?refresh=1`); the
 * server keeps the last result of each row until it reloads.
 */
export function useFleetState(initial: CompactFleetState, options: { live: boolean; version?: string | null }) {
  const [fleet, setFleet] = useState<ClientFleet>(() => clientFleetOf(expandFleetState(initial), options.version ?? null));
  // The newest fleet at once, for the next poll's `since` (the state renders later, in a transition).
  const latest = useRef(fleet);
  const [stale, setStale] = useState<string | null>(null);
  const [refreshPending, setRefreshPending] = useState(false);
  // Resolved once the fleet they wait for (or a newer one) has been rendered.
  const onScreen = useRef<Array<{ fleet: ClientFleet; resolve: () => void }>>([]);
  useEffect(() => {
    const waiting = onScreen.current;
    onScreen.current = [];
    for (const w of waiting) {
      if (w.fleet === fleet || w.fleet !== latest.current) w.resolve();
      else onScreen.current.push(w);
    }
  }, [fleet]);

  const fetchUpdate = useCallback(async (refresh: boolean, signal?: AbortSignal) => {
    const q = new URLSearchParams({ since: latest.current.version ?? '' });
    if (refresh) q.set('refresh', '1');
    const res = await fetch(`/api/fleet?${q}`, { cache: 'no-store', headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    const update = (await res.json()) as FleetUpdate;
    if (signal?.aborted) return;
    latest.current = applyUpdate(latest.current, update);
    const next = latest.current;
    const shown = new Promise<void>((resolve) => onScreen.current.push({ fleet: next, resolve }));
    startTransition(() => setFleet(next));
    setStale(null);
    await shown;
  }, []);

  const running = fleet.header.finishedAt === null;
  useEffect(() => {
    if (!options.live || !running) return;
    const stop = new AbortController();
    void (async () => {
      while (!stop.signal.aborted && latest.current.header.finishedAt === null) {
        try {
          await fetchUpdate(false, stop.signal);
          await sleep(POLL_GAP_MS, stop.signal);
        } catch (err) {
          if (stop.signal.aborted) return;
          setStale(`Could not reach the server (${(err as Error).message}); retrying.`);
          await sleep(RETRY_MS, stop.signal);
        }
      }
    })();
    return () => stop.abort();
  }, [options.live, running, fetchUpdate]);

  const refresh = useCallback(() => {
    setRefreshPending(true);
    fetchUpdate(true)
      .catch((err: unknown) => setStale(`Could not reach the server (${(err as Error).message}); try again.`))
      .finally(() => setRefreshPending(false));
  }, [fetchUpdate]);

  const state = useMemo(() => stateOf(fleet), [fleet]);
  return { state, stale, refresh, refreshPending };
}
