'use client';

import { useEffect, useMemo, useState } from 'react';
import type { GraphLayout } from '@/lib/graph/layout';
import { layoutKey, toLayoutInput, type LayoutInput } from '@/lib/graph/layout-key';
import type { Direction, Graph } from '@/lib/graph/types';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

interface Pending {
  resolve: (layout: GraphLayout) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();
// Layouts already computed in this tab, so toggling a filter back and forth is instant.
const cache = new Map<string, GraphLayout>();
const CACHE_LIMIT = 16;

function getWorker(): Worker | null {
  if (workerBroken || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url));
  } catch {
    workerBroken = true;
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<LayoutResponse>) => {
    const message = event.data;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.type === 'atlas-layout-done') waiter.resolve(message.layout);
    else waiter.reject(new Error(message.message));
  });
  worker.addEventListener('error', () => {
    // A worker that fails to load (a CSP without worker-src, an old browser) fails every request; fall back.
    workerBroken = true;
    worker?.terminate();
    worker = null;
    for (const waiter of pending.values()) waiter.reject(new Error('layout worker failed'));
    pending.clear();
  });
  return worker;
}

async function layoutOnMainThread(input: LayoutInput, direction: Direction): Promise<GraphLayout> {
  const { layoutGraph } = await import('@/lib/graph/layout');
  return layoutGraph(input, direction);
}

/** Lays out in the worker when there is one, on the main thread otherwise; caches by layout key. */
export async function requestLayout(input: LayoutInput, direction: Direction, key: string): Promise<GraphLayout> {
  const hit = cache.get(key);
  if (hit) return hit;
  const w = getWorker();
  let layout: GraphLayout;
  if (w) {
    const id = nextId++;
    try {
      layout = await new Promise<GraphLayout>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: LayoutRequest = { type: 'atlas-layout', id, input, direction };
        w.postMessage(request);
      });
    } catch (error) {
      if (!workerBroken) throw error;
      layout = await layoutOnMainThread(input, direction);
    }
  } else {
    layout = await layoutOnMainThread(input, direction);
  }
  cache.set(key, layout);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return layout;
}

export interface LaidOutGraph {
  graph: Graph;
  layout: GraphLayout;
}

/**
 * The latest graph whose layout is ready, with that layout. While a new layout is computed the previous
 * picture stays on screen (`pending` is true), so toggling a filter never flashes an empty canvas.
 */
export function useGraphLayout(graph: Graph, direction: Direction): { shown: LaidOutGraph | null; pending: boolean; error: string | null } {
  const input = useMemo(() => toLayoutInput(graph), [graph]);
  const key = useMemo(() => layoutKey(input, direction), [input, direction]);
  const cached = cache.get(key);
  const [state, setState] = useState<{ shown: LaidOutGraph | null; key: string | null; error: string | null }>(() => ({
    shown: cached ? { graph, layout: cached } : null,
    key: cached ? key : null,
    error: null,
  }));

  useEffect(() => {
    let cancelled = false;
    requestLayout(input, direction, key).then(
      (layout) => {
        if (!cancelled) setState({ shown: { graph, layout }, key, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [graph, input, direction, key]);

  // A cached layout for the current graph is shown at once, without waiting for the effect.
  if (state.key !== key && cached) return { shown: { graph, layout: cached }, pending: false, error: null };
  return { shown: state.shown, pending: state.key !== key && state.error === null, error: state.error };
}
