'use client';

import { getViewportForBounds, useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { boxAround, type Box } from '@/lib/graph/geometry';
import { FIT_MAX_ZOOM, FIT_PADDING_PX } from '@/lib/graph/server-fit';
import type { GraphLayout } from '@/lib/graph/layout';
import type { GraphNode, NodeKind } from '@/lib/graph/types';
import { MIN_ZOOM, type Viewport } from '@/lib/graph/view-url';
import { keepInPlace } from './camera-anchor';
import { OVERVIEW_READABLE_ZOOM } from './overview-controls';
import { useGraph, useGraphStore, type CameraIntent } from './graph-store';
import type { AtlasEdge, AtlasNode } from './types';

/** Room for the toolbar floating over the top of the canvas (the inline fit of a server-rendered canvas keeps the same). */
const FIT_PADDING = {
  top: `${FIT_PADDING_PX.top}px`,
  left: `${FIT_PADDING_PX.left}px`,
  right: `${FIT_PADDING_PX.right}px`,
  bottom: `${FIT_PADDING_PX.bottom}px`,
} as const;
/** Around focused nodes: clear of the legend button above and the zoom buttons below. */
const FOCUS_PADDING = { top: '60px', left: '28px', right: '28px', bottom: '52px' } as const;

/** The zoom a resource a search or a link opened a group for is shown at, at least: its text legible. */
const CENTRE_ZOOM = 0.8;

/** A pane's size in CSS px. */
export interface PaneSize {
  width: number;
  height: number;
}

/** Kinds an overview's first glance is about: which tables (classes) send traffic to which gateway. */
const GLANCE_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['routeTable', 'internetGateway', 'gatewayEndpoint', 'external']);

/**
 * What to show of an overview when the whole of it would be too small to read (a phone, a region in a small window):
 * the box around its route-table classes and the gateways they route to (the nodes drawn at their overview size), or
 * null when the graph is no overview.
 */
export function glanceBox(nodes: readonly Pick<GraphNode, 'id' | 'kind' | 'size'>[], absolute: ReadonlyMap<string, Box>): Box | null {
  return boxAround(
    absolute,
    nodes.filter((n) => n.size !== undefined && GLANCE_KINDS.has(n.kind)).map((n) => n.id),
  );
}

/**
 * The viewport that shows the whole layout in a pane of this size; where that is too small for an overview's titles
 * to read (`OVERVIEW_READABLE_ZOOM`) and a `glance` box is given, that box instead, at a zoom where they read.
 */
export function wholeGraph(pane: PaneSize, layout: Pick<GraphLayout, 'width' | 'height'>, glance: Box | null = null): Viewport {
  const whole = getViewportForBounds({ x: 0, y: 0, width: layout.width, height: layout.height }, pane.width, pane.height, MIN_ZOOM, FIT_MAX_ZOOM, FIT_PADDING);
  if (!glance || whole.zoom >= OVERVIEW_READABLE_ZOOM) return whole;
  return getViewportForBounds(glance, pane.width, pane.height, OVERVIEW_READABLE_ZOOM, FIT_MAX_ZOOM, FIT_PADDING);
}

/**
 * Where the canvas starts: the saved viewport of the URL, else the whole graph (or its `glance`, see `wholeGraph`) in
 * the pane measured before React Flow mounted (`initialPane`, the placeholder's box), else nothing yet (React Flow
 * measures its pane, then it is fitted).
 */
export function startViewport(initialViewport: Viewport | null, layout: Pick<GraphLayout, 'width' | 'height'> | null, initialPane: PaneSize | null, glance: Box | null = null): Viewport | null {
  if (initialViewport) return initialViewport;
  if (!layout || !initialPane || initialPane.width <= 0 || initialPane.height <= 0) return null;
  return wholeGraph(initialPane, layout, glance);
}

/**
 * Where an intent of the user's (`CameraIntent`) puts the view once the new layout is there, or null to fit the
 * whole graph as after any other relayout. `before`/`after`: the absolute boxes of the old and the new layout.
 */
export function intendedViewport(intent: CameraIntent, viewport: Viewport, pane: PaneSize, before: ReadonlyMap<string, Box>, after: ReadonlyMap<string, Box>): Viewport | null {
  if (pane.width <= 0 || pane.height <= 0) return null;
  if (intent.kind === 'centre') {
    const box = after.get(intent.id);
    if (!box) return null;
    const zoom = Math.max(viewport.zoom, CENTRE_ZOOM);
    return { x: pane.width / 2 - (box.x + box.width / 2) * zoom, y: pane.height / 2 - (box.y + box.height / 2) * zoom, zoom };
  }
  const wasGroup = before.get(intent.group);
  const isGroup = after.get(intent.group);
  // A group closed while the whole graph was in view: the smaller graph is shown whole again.
  if (isGroup && intent.whole) return null;
  // Opened: the members take the group's place; closed: the group takes its members'.
  const from = wasGroup && !isGroup ? wasGroup : !wasGroup && isGroup ? boxAround(before, intent.members) : null;
  const to = wasGroup && !isGroup ? boxAround(after, intent.members) : !wasGroup && isGroup ? isGroup : null;
  return from && to ? keepInPlace(viewport, pane, from, to) : null;
}

/**
 * Where the view starts and when it is refitted: the saved viewport if the URL had one, else the whole graph; the
 * whole graph again after a relayout (filters, direction), and while the view is "the whole graph" when the canvas
 * changes size; `focus` nodes framed instead whenever the picture changes. `ready` is true once the first viewport is
 * set: nothing is converted for or handed to React Flow before. When the pane was measured before React Flow mounted
 * (`initialPane`), the first render already has its viewport (`start`, React Flow's `defaultViewport`), so the first
 * render is the picture.
 */
export function useFitView(
  layout: GraphLayout | null,
  initialViewport: Viewport | null,
  absolute: ReadonlyMap<string, Box>,
  focus: readonly string[] | undefined,
  initialPane: PaneSize | null = null,
  glance: Box | null = null,
): { ready: boolean; start: Viewport | null } {
  const store = useGraphStore();
  const userViewport = useGraph((s) => s.view.viewport);
  const flowApi = useReactFlow<AtlasNode, AtlasEdge>();
  const flowStore = useStoreApi<AtlasNode, AtlasEdge>();
  const paneMeasured = useStore((s) => s.width > 0 && s.height > 0);
  const paneSize = useStore((s) => `${s.width}x${s.height}`);
  const [start] = useState(() => {
    const v = startViewport(initialViewport, layout, initialPane, glance);
    // React Flow applies `defaultViewport` in an effect after its first render. Its store gets it now, so what reads
    // the zoom in the first render (the level of detail of a big graph) sees the real one: converting a 3,000-node
    // region at zoom 1 and again at its fitted zoom cost XL a second.
    if (v) flowStore.setState({ transform: [v.x, v.y, v.zoom] });
    return v;
  });
  const [viewportReady, setViewportReady] = useState(start !== null);
  // The pane size the start viewport was fitted to, when it was a fit (not the URL's viewport).
  const guessedSize = useRef(start !== null && initialViewport === null && initialPane ? `${initialPane.width}x${initialPane.height}` : null);

  // First picture: computed from the layout's size and applied before any node is converted for or handed to React
  // Flow: rendering first at the default zoom (where a region graph is not in its overview) and fitting after would
  // do it all twice. React Flow measures its pane in an effect of its own, after this component's layout effects on
  // the first mount: the fit waits for that.
  const fittedKey = useRef<string | null>(guessedSize.current !== null && layout ? layout.key : null);
  const [, rerender] = useState(0);
  const nudged = useRef(false);
  useLayoutEffect(() => {
    if (viewportReady || !layout) return;
    if (!paneMeasured) {
      // An update from a layout effect makes React run the pending passive effects (React Flow's measurement
      // among them) before it paints: the fit and the first picture then make the first frame, instead of a frame
      // of empty canvas first. Once: a pane without a size is handled below.
      if (!nudged.current) {
        nudged.current = true;
        rerender((n) => n + 1);
      }
      return;
    }
    void flowApi.setViewport(wholeGraph(flowStore.getState(), layout, glance));
    fittedKey.current = layout.key;
    setViewportReady(true);
  }, [viewportReady, layout, paneMeasured, flowStore, flowApi, glance]);
  useEffect(() => {
    // A pane React Flow found no size for (a hidden container): nothing to fit; show what there is.
    if (viewportReady || !layout) return;
    const { width, height } = flowStore.getState();
    if (width === 0 || height === 0) setViewportReady(true);
  }, [viewportReady, layout, flowStore]);

  // After a relayout (filters, direction) the old viewport frames the wrong things, so fit again; unless the user
  // opened or closed a group (it stays where it was) or a search opened one (the view moves onto what it found).
  const layoutKey = layout?.key ?? null;
  const previousBoxes = useRef(absolute);
  useEffect(() => {
    if (!viewportReady || layoutKey === null || fittedKey.current === layoutKey || !layout) return;
    const first = fittedKey.current === null;
    fittedKey.current = layoutKey;
    if (first && initialViewport) return;
    const intent = first ? null : store.takeCamera();
    const moved = intent ? intendedViewport(intent, flowApi.getViewport(), flowStore.getState(), previousBoxes.current, absolute) : null;
    if (moved) {
      void flowApi.setViewport(moved, { duration: 250 });
      store.dispatch({ type: 'viewport', viewport: moved });
      return;
    }
    void flowApi.setViewport(wholeGraph(flowStore.getState(), layout, glance), { duration: first ? 0 : 250 });
    // The new picture is shown whole: the link says so (no viewport) rather than keeping a place in the old one.
    if (!first) store.dispatch({ type: 'viewport', viewport: null });
  }, [viewportReady, layoutKey, flowApi, initialViewport, layout, flowStore, store, absolute, glance]);
  // After the effect above: it compares the new layout's boxes with these.
  useEffect(() => {
    previousBoxes.current = absolute;
  }, [absolute]);

  // While the view is "the whole graph" (no viewport of the user's), keep it whole when the canvas changes size:
  // the inspector opening takes a third of the width. A start fitted to the placeholder's box is corrected at once
  // if React Flow measures another size.
  const fittedSize = useRef<string | null>(guessedSize.current);
  useEffect(() => {
    if (!viewportReady || !layout || !paneMeasured) return;
    const previous = fittedSize.current;
    const wasGuess = previous !== null && previous === guessedSize.current;
    guessedSize.current = null;
    fittedSize.current = paneSize;
    if (previous === null || previous === paneSize || userViewport !== null) return;
    void flowApi.setViewport(wholeGraph(flowStore.getState(), layout, glance), { duration: wasGuess ? 0 : 200 });
  }, [paneSize, paneMeasured, viewportReady, layout, userViewport, flowStore, flowApi, glance]);

  // `focus`: after the fits above (a new layout, a new size), frame those nodes instead; once for each, so a pan of
  // the user's stays until the picture changes.
  const focusKey = focus?.join(' ') ?? '';
  const framed = useRef('');
  useEffect(() => {
    if (!viewportReady || !layout || focusKey === '') return;
    const frame = `${focusKey}|${layout.key}|${paneSize}`;
    if (framed.current === frame) return;
    framed.current = frame;
    const box = boxAround(absolute, focusKey.split(' '));
    if (!box) return;
    const { width, height } = flowStore.getState();
    if (width === 0 || height === 0) return;
    void flowApi.setViewport(getViewportForBounds(box, width, height, MIN_ZOOM, 1, FOCUS_PADDING), { duration: 250 });
  }, [focusKey, paneSize, viewportReady, layout, absolute, flowStore, flowApi]);

  return { ready: viewportReady, start };
}
