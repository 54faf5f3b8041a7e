'use client';

import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasEdge, AtlasNode } from './types';

/** Above this many nodes, React Flow renders only what is in the viewport. */
const VIRTUALIZE_ABOVE = 250;
/**
 * Nodes handed to React Flow per frame on the first render, so no single task draws the whole graph, and yet the
 * picture is complete within a few frames (the overview of a big graph is a few dozen boxes; a slow machine with a
 * big graph gets bigger slices, not more frames).
 */
const MOUNT_SLICE = 48;
const MIN_SLICE = 16;
const MAX_SLICE = 400;
const MAX_MOUNT_FRAMES = 4;

/**
 * The mount state a layout starts with: a picture small enough for one slice (or rendered by the server, `whole`)
 * whose viewport is already set is complete in the first render (no frame of an empty canvas, no second render); any
 * other starts empty.
 */
export function initialMount(layoutKey: string | null, total: number, viewportReady: boolean, whole = false): { key: string | null; count: number } {
  return layoutKey !== null && viewportReady && (whole || total <= MOUNT_SLICE) ? { key: layoutKey, count: Number.POSITIVE_INFINITY } : { key: null, count: 0 };
}

export interface MountedFlow {
  nodes: AtlasNode[];
  edges: AtlasEdge[];
  /** The first picture of this layout is all there. */
  complete: boolean;
  /** React Flow should render only what is on screen. */
  virtualize: boolean;
}

/**
 * The first picture of a layout handed to React Flow in slices, one per frame; later changes go whole (a level of
 * detail switch, a filter). `drawn` are the nodes and edges to show; `all` also has those the level of detail
 * hides (with `hidden` set). `whole`: the server rendered the first picture (a small graph), which comes whole.
 */
export function useProgressiveMount(layoutKey: string | null, drawnNodes: AtlasNode[], drawnEdges: AtlasEdge[], allNodes: AtlasNode[], viewportReady: boolean, whole = false): MountedFlow {
  // `count` is Infinity once the first picture is complete.
  const [mounted, setMounted] = useState<{ key: string | null; count: number }>(() => initialMount(layoutKey, drawnNodes.length, viewportReady, whole));
  const total = drawnNodes.length;
  const complete = mounted.key === layoutKey && mounted.count >= total;
  // Slices grow while frames stay short and shrink after a long task, so a fast machine draws in a few frames and
  // a slow one still never blocks for long.
  const slice = useRef(MOUNT_SLICE);
  const sawLongTask = useRef(false);
  useEffect(() => {
    if (complete || typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().length > 0) sawLongTask.current = true;
    });
    observer.observe({ type: 'longtask' });
    return () => observer.disconnect();
  }, [complete]);
  useEffect(() => {
    if (layoutKey === null || !viewportReady) return;
    if (mounted.key !== layoutKey) {
      // A relayout of a picture already on screen (a filter, the direction) goes whole: the old one is there.
      slice.current = Math.max(MOUNT_SLICE, Math.ceil(total / MAX_MOUNT_FRAMES));
      setMounted({ key: layoutKey, count: mounted.key === null && slice.current < total ? slice.current : Number.POSITIVE_INFINITY });
      return;
    }
    if (mounted.count >= total) return;
    // However slow the machine, the picture completes within MAX_MOUNT_FRAMES frames.
    const floor = Math.max(MIN_SLICE, Math.ceil(total / MAX_MOUNT_FRAMES));
    const frame = requestAnimationFrame(() => {
      slice.current = sawLongTask.current ? Math.max(floor, Math.floor(slice.current / 2)) : Math.min(Math.max(MAX_SLICE, floor), slice.current * 2);
      sawLongTask.current = false;
      setMounted((m) => ({ key: m.key, count: m.count + slice.current >= total ? Number.POSITIVE_INFINITY : m.count + slice.current }));
    });
    return () => cancelAnimationFrame(frame);
  }, [layoutKey, mounted, total, viewportReady]);
  // A big graph is virtualized (React Flow renders what is on screen) and, once its first picture is complete, gets
  // every node, those the level of detail leaves out with `hidden` set. Taking nodes out of React Flow instead costs,
  // for each node wrapper still mounted, a thrown error per store update (its selector reads the removed node): over
  // a second of script when a 3,000-node region switches to its overview.
  const virtualize = allNodes.length > VIRTUALIZE_ABOVE;
  const nodes = useMemo(
    () => (complete ? (virtualize ? allNodes : drawnNodes) : drawnNodes.slice(0, mounted.key === layoutKey ? mounted.count : 0)),
    [complete, virtualize, allNodes, drawnNodes, mounted, layoutKey],
  );
  const mountOrder = useMemo(() => new Map(drawnNodes.map((n, i) => [n.id, i])), [drawnNodes]);
  const edges = useMemo(() => {
    if (complete) return drawnEdges;
    const count = mounted.key === layoutKey ? mounted.count : 0;
    return drawnEdges.filter((e) => (mountOrder.get(e.source) ?? count) < count && (mountOrder.get(e.target) ?? count) < count);
  }, [complete, drawnEdges, mounted, layoutKey, mountOrder]);
  return { nodes, edges, complete, virtualize };
}

/** What `seedFlowStore` needs of React Flow's store state. */
export interface FlowStoreSeedable {
  nodes: readonly unknown[];
  edges: readonly unknown[];
  setNodes: (nodes: AtlasNode[]) => void;
  setEdges: (edges: AtlasEdge[]) => void;
}

/**
 * Puts the first picture into an empty React Flow store; true when it did. A store that already has nodes or edges
 * (React Flow's own copy of its props, a remount) is left alone, and so is an empty picture (a layout still coming).
 */
export function seedFlowStore(state: FlowStoreSeedable, nodes: AtlasNode[], edges: AtlasEdge[]): boolean {
  if (nodes.length === 0 || state.nodes.length > 0 || state.edges.length > 0) return false;
  state.setNodes(nodes);
  state.setEdges(edges);
  return true;
}

/**
 * The first picture in React Flow's store before `<ReactFlow>` first renders. `<ReactFlow nodes edges>` inside our own
 * `ReactFlowProvider` copies its props into the store in an effect after its first commit: that commit is an empty
 * canvas, and the store update re-renders every node synchronously, in the same task (about 100 ms of one long task
 * for the small VPC on a loaded 2-core machine: bench/README.md, session 7). Seeded here, React Flow's first render
 * draws the picture, in the canvas's sliced transition render; the effect then hands the store the same node objects
 * and no node re-renders. Only on the canvas's first render (like `useFitView`'s start viewport), when nothing
 * subscribes to the store yet.
 *
 * `settings`, the canvas's fixed props that React Flow also copies into its store after the first commit, go in with
 * them: with the store's defaults the first render would draw no edge (the strict connection mode finds no target
 * handle among our side handles) and every node draggable.
 *
 * On the server, and in the render that hydrates, React Flow's components read its store's *initial* state (zustand
 * gives `useSyncExternalStore` that as the server snapshot), not the seeded one: `initial`, the state object the
 * store started with (`useFlowStoreStart`), gets the same picture, so a server-rendered canvas has its edges, its
 * viewport's zoom and its settings in the HTML, and the browser hydrates the same.
 */
export function useSeedFlowStore(
  nodes: AtlasNode[],
  edges: AtlasEdge[],
  settings: Partial<ReactFlowState<AtlasNode, AtlasEdge>>,
  initial: ReactFlowState<AtlasNode, AtlasEdge>,
  serverStart: { x: number; y: number; zoom: number } | null = null,
): void {
  const store = useStoreApi<AtlasNode, AtlasEdge>();
  useState(() => {
    const state = store.getState();
    if (state.nodes.length > 0 || state.edges.length > 0) return false;
    store.setState(settings);
    const seeded = seedFlowStore(store.getState(), nodes, edges);
    const now = store.getState();
    // The viewport the server drew (`serverStart`, where the browser starts from another pane) for what the hydrating
    // render reads of the zoom; React Flow's viewport element itself takes the current one.
    const transform: [number, number, number] = serverStart ? [serverStart.x, serverStart.y, serverStart.zoom] : now.transform;
    if (initial !== now) Object.assign(initial, settings, { nodes: now.nodes, edges: now.edges, nodesInitialized: now.nodesInitialized, transform });
    return seeded;
  });
}

/**
 * The state object React Flow's store started with, taken on the canvas's first render before anything is set in the
 * store (for `useSeedFlowStore`).
 */
export function useFlowStoreStart(): ReactFlowState<AtlasNode, AtlasEdge> {
  const store = useStoreApi<AtlasNode, AtlasEdge>();
  return useState(() => store.getState())[0];
}
