'use client';

import { useEffect, useMemo, useState } from 'react';
import type { GraphLayout } from '@/lib/graph/layout';
import { layoutKey, toLayoutInput, type LayoutInput } from '@/lib/graph/layout-key';
import { readInitialLayout, type InitialLayout } from '@/lib/graph/layout-pack';
import type { Direction, Graph } from '@/lib/graph/types';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

interface Pending {
  resolve: (layout: GraphLayout) => void;
  reject: (error: Error) => void;
}

/*
 * ELK runs in a worker that is created (and its 440 kB script fetched) on the first layout the tab has to compute
 * itself: never for a page whose server sent the layout of its first view (`initialLayout`), only once the user
 * filters or turns the graph.
 */
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

function remember(key: string, layout: GraphLayout): void {
  cache.set(key, layout);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

/** The layout of `key` if this tab has it (computed here, or seeded from the server). */
export function cachedLayout(key: string): GraphLayout | undefined {
  return cache.get(key);
}

/**
 * Puts the server's layout of the page's first view into the tab's cache, when it is the layout of `input` (whose
 * key is `key`): the graph is then drawn without a worker. True when the cache now has `key`.
 */
export function seedLayout(initial: InitialLayout | undefined, input: LayoutInput, key: string): boolean {
  if (cache.has(key)) return true;
  if (!initial) return false;
  const layout = readInitialLayout(initial, input, key);
  if (!layout) return false;
  remember(key, layout);
  return true;
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
  remember(key, layout);
  return layout;
}

export interface LaidOutGraph {
  graph: Graph;
  layout: GraphLayout;
}

/**
 * The latest graph whose layout is ready, with that layout. While a new layout is computed the previous
 * picture stays on screen (`pending` is true), so toggling a filter never flashes an empty canvas.
 *
 * `initial`: the server's layout of the page's first view. When it is the layout of `graph` in `direction`, the
 * first render already has it, and no worker is started.
 */
export function useGraphLayout(
  graph: Graph,
  direction: Direction,
  initial?: InitialLayout,
): { shown: LaidOutGraph | null; pending: boolean; error: string | null } {
  const input = useMemo(() => toLayoutInput(graph), [graph]);
  const key = useMemo(() => layoutKey(input, direction), [input, direction]);
  // Seeding during render (idempotent) so that the very first render has the server's layout.
  const cached = useMemo(() => (seedLayout(initial, input, key) ? cache.get(key) : undefined), [initial, input, key]);
  // The last layout this hook was handed, and the graph it was for.
  const [state, setState] = useState<{ graph: Graph | null; layout: GraphLayout | null; key: string | null; error: string | null }>(() => ({
    graph: cached ? graph : null,
    layout: cached ?? null,
    key: cached ? key : null,
    error: null,
  }));

  const stateKey = state.key;
  useEffect(() => {
    // Already has this graph's layout (the first render, from the cache): nothing to request.
    if (stateKey === key) return;
    if (cached) {
      setState({ graph, layout: cached, key, error: null });
      return;
    }
    let cancelled = false;
    requestLayout(input, direction, key).then(
      (layout) => {
        if (!cancelled) setState({ graph, layout, key, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => {
      cancelled = true;
    };
    // Not on `stateKey`: the state catching up with `key` must not start another request.
  }, [graph, input, direction, key, cached]);

  // The current graph when its layout is at hand (an equal key: the same boxes, maybe other names), else the last
  // graph that had one. One object per pair, so the canvas's memos see a change only when there is one.
  const current = state.key === key ? state.layout : (cached ?? null);
  const shownGraph = current ? graph : state.graph;
  const shownLayout = current ?? state.layout;
  const shown = useMemo(() => (shownGraph && shownLayout ? { graph: shownGraph, layout: shownLayout } : null), [shownGraph, shownLayout]);
  return { shown, pending: current === null && state.error === null, error: current ? null : state.error };
}
