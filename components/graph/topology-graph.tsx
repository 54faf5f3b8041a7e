'use client';

/**
 * The interactive topology canvas. Rendered by server pages through `topology-graph-loader.tsx`; on the server it
 * is only its placeholder (React Flow mounts in the browser, one task after hydration), since server-rendering
 * thousands of nodes would send megabytes of HTML.
 *
 * Data flow: topology (props) -> buildGraph (filters) -> layout -> toFlow (selection, hover, path, search, findings,
 * level of detail) -> React Flow. The layout of the first view comes with the page (`initialLayout`, computed by
 * the server); any other (a filter, the direction) is computed in a worker running ELK, loaded then. The view state
 * lives in React state and is mirrored into the URL.
 *
 * Keeping frames short on a slow machine with software rendering: nodes carry their sizes and handles so nothing is
 * measured; node components are memoized, draw no handles and little DOM, and fall back to bare boxes when zoomed
 * far out; unchanged nodes keep their object identity between renders; the first picture is handed to React Flow
 * in a few slices; big graphs are virtualized (React Flow renders what is on screen) and, zoomed out, drawn as an
 * overview (AZs collapsed, a VPC's many route tables or interface endpoints as one box); while the view moves the
 * viewport is a compositing layer of its own, so a pan repaints nothing; no dotted background (it repainted the
 * whole pane on every frame); the minimap is painted once on a canvas; the inspector's code loads on first use.
 */

import '@xyflow/react/dist/style.css';
import './topology-graph.css';

import {
  getViewportForBounds,
  ConnectionMode,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type NodeChange,
  type NodeMouseHandler,
  type Viewport as FlowViewport,
} from '@xyflow/react';
import { Info, LoaderCircle, Route as RouteIcon, TriangleExclamationPoint, X } from 'lucide-react';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SubnetPath } from '@/lib/analysis/paths';
import { buildGraph, viewGraphOptions } from '@/lib/graph/build';
import { collapseForOverview } from '@/lib/graph/collapse';
import { absoluteBoxes, nearestInHeading, type Box, type Heading } from '@/lib/graph/geometry';
import { pathHighlight, relatedTo } from '@/lib/graph/highlight';
import type { InitialLayout } from '@/lib/graph/layout-pack';
import { indexPaths, summarizeFindings, type GraphAnalysis, type GraphFinding } from '@/lib/graph/overlay';
import { findMatches } from '@/lib/graph/search';
import { indexTopology } from '@/lib/graph/topology-index';
import { NODE_KINDS, type Direction, type EdgeKind, type Graph, type NodeKind } from '@/lib/graph/types';
import { DEFAULT_VIEW_STATE, MAX_ZOOM, MIN_ZOOM, serializeViewState, type ViewState } from '@/lib/graph/view-url';
import type { Topology } from '@/lib/topology/types';
import { serviceLabel } from './format';
import { GraphLegend } from './graph-legend';
import { GraphOverview } from './graph-overview';
import { ghostMarks, markGhostEdges } from './ghost';
import { GraphPlaceholder } from './graph-placeholder';
import { GraphToolbar } from './graph-toolbar';
import { DetailContext, type Detail } from './node-parts';
import { edgeTypes, nodeTypes } from './node-types';
import { createFlowCache, flowEdges, flowNodes, withHovered, type EdgeFlowOptions, type NodeFlowOptions, type QuietEdges } from './to-flow';
import type { AtlasEdge, AtlasNode, DiffMark, GraphDiff, GraphGhost } from './types';
import { useGraphLayout } from './use-graph-layout';
import { useUrlViewState } from './use-url-view-state';
import { VpcLabels } from './vpc-labels';

// The inspector's code loads when something is first selected: the first picture does not need it.
const Inspector = lazy(() => import('./inspector/inspector').then((m) => ({ default: m.Inspector })));

/** Where the inspector opens, while its code loads: the same width, so the canvas resizes once. */
function InspectorLoading() {
  return (
    <aside
      data-testid="graph-inspector-loading"
      aria-label="Inspector"
      className="flex h-full w-[min(28rem,100%)] shrink-0 items-center justify-center border-l border-slate-200 bg-white text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400"
    >
      <LoaderCircle aria-hidden size={14} className="mr-2 animate-spin" /> Loading…
    </aside>
  );
}

export type { GraphDiff, GraphGhost } from './types';

export interface TopologyGraphProps {
  topology: Topology;
  /** Draw only this VPC; every VPC of the topology when absent (the region view). */
  vpcId?: string;
  /** The view state parsed from the URL by the server page (`parseViewState(searchParams).state`). */
  initialView?: ViewState;
  /** Messages to show above the canvas, e.g. `parseViewState(...).notices`. */
  notices?: string[];
  /** Where "create an endpoint" points when the VPC has none. */
  createEndpointHref?: string;
  /**
   * A frozen view (a snapshot): no affordance that changes anything (no "create an endpoint" link, no "fix"
   * links on findings). Selecting, filtering and panning still work.
   */
  readOnly?: boolean;
  /**
   * Snapshot comparison: node and edge ids to mark as added (green), removed (red) or changed (amber): nodes with a ring
   * and a small badge. The topology must contain them all (the compare page passes the merged topology).
   */
  diff?: GraphDiff;
  /**
   * A change not made yet (the endpoint form's preview): nodes and edges it creates drawn dashed in the accent
   * colour, those it removes dashed in red. The topology must contain them all (`applyEndpointPreview`).
   */
  ghost?: GraphGhost;
  /** Node ids to frame whenever a layout arrives, instead of the whole graph (a preview frames what it changes). */
  focus?: string[];
  /**
   * A small canvas inside a page (the endpoint form): no toolbar and no overview, and the mouse wheel scrolls the
   * page rather than zooming (pinch or Ctrl+wheel and the buttons still zoom).
   */
  compact?: boolean;
  /** Findings and paths from `analyzeTopology`, compacted on the server (`compactAnalysis`). */
  analysis?: GraphAnalysis;
  /** The findings page for this scope, linked from the inspector. */
  findingsHref?: string;
  /**
   * The layout of the first view (this topology, `vpcId`, `initialView`'s filters and direction), computed by the
   * server page (`initialLayoutFor`): drawn at once, without loading ELK. Ignored when it does not fit.
   */
  initialLayout?: InitialLayout;
}

/** Above this many nodes, React Flow renders only what is in the viewport. */
const VIRTUALIZE_ABOVE = 250;
/** Level of detail applies to graphs at least this big, below this zoom. */
const LOD_MIN_NODES = 150;
const LOD_ZOOM = 0.4;
/** In that overview, a VPC's route tables or interface endpoints are one box when it has more than this many. */
const GROUP_ABOVE = 24;
/** Below this zoom node text is unreadable specks: nodes draw as bare boxes. */
const LOW_DETAIL_ZOOM = 0.28;
/** How long the pointer rests on a node before its edges are shown (ms). */
const HOVER_DELAY = 60;
/** Below this zoom edge labels are unreadable; only the highlighted path keeps its labels. */
const LABEL_ZOOM = 0.55;
/** Edge kinds with more edges than this are hidden until they matter (selection, hover, path). */
const QUIET_ABOVE: Record<EdgeKind, number> = { association: 60, route: 150, endpointEni: 12 };
/**
 * Nodes handed to React Flow per frame on the first render, so no single task draws the whole graph, and yet the
 * picture is complete within a few frames (the overview of a big graph is a few dozen boxes; a slow machine with a
 * big graph gets bigger slices, not more frames).
 */
const MOUNT_SLICE = 48;
const MIN_SLICE = 16;
const MAX_SLICE = 400;
const MAX_MOUNT_FRAMES = 4;

const NO_NODES: AtlasNode[] = [];
const NO_EDGES: AtlasEdge[] = [];
const NO_PATHS: SubnetPath[] = [];
const NO_FINDINGS: GraphFinding[] = [];

/** Room for the toolbar floating over the top of the canvas. */
const FIT_PADDING = { top: '60px', left: '20px', right: '20px', bottom: '20px' } as const;
/** Around focused nodes: clear of the legend button above and the zoom buttons below. */
const FOCUS_PADDING = { top: '60px', left: '28px', right: '28px', bottom: '52px' } as const;

const HEADINGS: Record<string, Heading> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export default function TopologyGraph(props: TopologyGraphProps) {
  // The server renders the placeholder; in the browser the canvas replaces it as soon as this hydrates, before the
  // placeholder is painted (a layout effect), so the first frame after hydration is the graph. Its code was
  // evaluated with the page's, in a task of its own.
  const [mountCanvas, setMountCanvas] = useState(false);
  useLayoutEffect(() => {
    setMountCanvas(true);
  }, []);
  if (!mountCanvas) return <GraphPlaceholder />;
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function diffMarks(diff: GraphDiff | undefined): Map<string, DiffMark> | undefined {
  if (!diff) return undefined;
  const marks = new Map<string, DiffMark>();
  // Later lists win: an id listed as removed and changed is shown as removed.
  for (const id of diff.changed) marks.set(id, 'changed');
  for (const id of diff.added) marks.set(id, 'added');
  for (const id of diff.removed) marks.set(id, 'removed');
  return marks;
}

function countByKind(graph: Graph): Record<NodeKind, number> {
  const counts = Object.fromEntries(NODE_KINDS.map((k) => [k, 0])) as Record<NodeKind, number>;
  for (const n of graph.nodes) counts[n.kind] += 1;
  return counts;
}

/** `routeTable` -> `route-table`, for data attributes (which HTML lower-cases). */
function kebab(kind: string): string {
  return kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function GraphCanvas({ topology, vpcId, initialView, notices = [], createEndpointHref, readOnly = false, diff, ghost, focus, compact = false, analysis, findingsHref, initialLayout }: TopologyGraphProps) {
  const [view, setView] = useState<ViewState>(() => initialView ?? DEFAULT_VIEW_STATE);
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  useUrlViewState(view);

  // A navigation to the same page with another query (a link, the server focusing a new endpoint) brings a new
  // initial view; a plain refresh brings an equal one, which must not undo what the user has done since.
  const appliedInitial = useRef(JSON.stringify(serializeViewState(initialView ?? DEFAULT_VIEW_STATE)));
  useEffect(() => {
    const text = JSON.stringify(serializeViewState(initialView ?? DEFAULT_VIEW_STATE));
    if (text === appliedInitial.current) return;
    appliedInitial.current = text;
    setView(initialView ?? DEFAULT_VIEW_STATE);
  }, [initialView]);

  const [dismissed, setDismissed] = useState(false);
  const [matchIndex, setMatchIndex] = useState(-1);
  const [hoveredId, setHoveredId] = useState<string | null>(null);

  const fullGraph = useMemo(() => buildGraph(topology, viewGraphOptions(vpcId, DEFAULT_VIEW_STATE)), [topology, vpcId]);
  const fullNodes = useMemo(() => new Map(fullGraph.nodes.map((n) => [n.id, n])), [fullGraph]);
  const unfiltered = view.hiddenKinds.length === 0 && view.hiddenAzs.length === 0 && !view.endpointsOnly;
  // The same options as the server's layout of the first view (`initialLayoutFor`), so the keys agree.
  const graph = useMemo(
    () =>
      unfiltered
        ? fullGraph
        : buildGraph(topology, viewGraphOptions(vpcId, { hiddenKinds: view.hiddenKinds, hiddenAzs: view.hiddenAzs, endpointsOnly: view.endpointsOnly })),
    [unfiltered, fullGraph, topology, vpcId, view.hiddenKinds, view.hiddenAzs, view.endpointsOnly],
  );
  const { shown, pending, error } = useGraphLayout(graph, view.direction, initialLayout);
  // First picture: the saved viewport if the URL had one, else the whole graph (see the fit below).
  const [viewportReady, setViewportReady] = useState(Boolean(initialView?.viewport));

  const flowApi = useReactFlow<AtlasNode, AtlasEdge>();
  const store = useStoreApi<AtlasNode, AtlasEdge>();
  const zoomedOut = useStore((s) => s.transform[2] < LOD_ZOOM);
  const paneMeasured = useStore((s) => s.width > 0 && s.height > 0);
  const farOut = useStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  const showEdgeLabels = useStore((s) => s.transform[2] >= LABEL_ZOOM);
  const lod = shown !== null && shown.graph.nodes.length >= LOD_MIN_NODES && zoomedOut;
  const detail: Detail = farOut ? 'low' : 'full';

  const findingList = analysis?.findings;
  const findings = useMemo(() => (findingList ? summarizeFindings(findingList) : undefined), [findingList]);
  const marks = useMemo(() => diffMarks(diff) ?? ghostMarks(ghost), [diff, ghost]);
  const paths = useMemo(() => indexPaths(analysis?.paths ?? null), [analysis?.paths]);

  const collapsed = useMemo(() => (lod && shown ? collapseForOverview(shown.graph, GROUP_ABOVE) : null), [lod, shown]);
  const related = useMemo(() => {
    if (!shown || !view.selected) return null;
    const r = relatedTo(shown.graph, view.selected);
    // A selection that is not drawn (filtered out) dims nothing.
    return r.nodes.size > 0 ? r : null;
  }, [shown, view.selected]);
  const hovered = useMemo(() => (shown && hoveredId ? relatedTo(shown.graph, hoveredId) : null), [shown, hoveredId]);

  // The selected subnet's paths: from the server's analysis, or, when the page sent none (a snapshot, a VPC too
  // large to send every path for), resolved here for that one subnet, off the first render.
  const selectedSubnet = view.selected && fullNodes.get(view.selected)?.kind === 'subnet' ? view.selected : null;
  const [resolved, setResolved] = useState<{ subnetId: string; paths: SubnetPath[] } | null>(null);
  useEffect(() => {
    if (!selectedSubnet || paths.has(selectedSubnet)) return;
    let cancelled = false;
    void import('@/lib/analysis/paths').then(({ resolvePath, servicesOfInterest }) => {
      const subnet = topology.subnets.find((s) => s.id === selectedSubnet);
      if (cancelled || !subnet) return;
      const list = servicesOfInterest(topology, subnet.vpcId).map((service) => resolvePath(topology, subnet.id, service));
      setResolved({ subnetId: subnet.id, paths: list });
    });
    return () => {
      cancelled = true;
    };
  }, [selectedSubnet, paths, topology]);
  const subnetPaths = useMemo(() => {
    if (!selectedSubnet) return NO_PATHS;
    if (paths.has(selectedSubnet)) return paths.of(selectedSubnet);
    return resolved?.subnetId === selectedSubnet ? resolved.paths : NO_PATHS;
  }, [paths, selectedSubnet, resolved]);
  const activePath = useMemo(() => subnetPaths.find((p) => p.service === view.path) ?? null, [subnetPaths, view.path]);
  const highlight = useMemo(() => (shown && activePath ? pathHighlight(shown.graph, activePath.hops) : null), [shown, activePath]);

  const quiet = useMemo<QuietEdges>(() => {
    if (!shown) return {};
    const counts: Record<EdgeKind, number> = { association: 0, route: 0, endpointEni: 0 };
    for (const e of shown.graph.edges) counts[e.kind] += 1;
    return {
      association: counts.association > QUIET_ABOVE.association,
      route: counts.route > QUIET_ABOVE.route,
      endpointEni: counts.endpointEni > QUIET_ABOVE.endpointEni,
    };
  }, [shown]);

  const matchList = useMemo(() => (shown ? findMatches(shown.graph.nodes, view.search) : []), [shown, view.search]);
  const matches = useMemo(() => new Set(matchList), [matchList]);
  const flowCache = useRef(createFlowCache());
  // Nodes and edges are converted apart: zooming past the label threshold changes only edges, typing a search
  // only nodes, and either is a pass over thousands of objects in a region graph.
  const nodeOptions = useMemo<NodeFlowOptions>(
    () => ({
      selected: view.selected,
      related,
      path: highlight,
      matches,
      collapsed,
      ...(findings ? { findings } : {}),
      ...(marks ? { marks } : {}),
    }),
    [view.selected, related, highlight, matches, collapsed, findings, marks],
  );
  const edgeOptions = useMemo<EdgeFlowOptions>(
    () => ({ related, path: highlight, collapsed, showEdgeLabels: showEdgeLabels && !lod, quiet }),
    [related, highlight, collapsed, showEdgeLabels, lod, quiet],
  );
  const convert = shown !== null && viewportReady;
  const baseNodes = useMemo(() => (shown && convert ? flowNodes(shown.graph, shown.layout, nodeOptions, flowCache.current) : NO_NODES), [shown, convert, nodeOptions]);
  const baseEdges = useMemo(() => (shown && convert ? flowEdges(shown.graph, shown.layout, edgeOptions, flowCache.current) : NO_EDGES), [shown, convert, edgeOptions]);
  // Hovering rebuilds only the hovered node's edges, never the whole flow.
  const flow = useMemo(() => {
    const base = { nodes: baseNodes, edges: baseEdges };
    return shown && hovered ? withHovered(base, shown.graph, shown.layout, edgeOptions, hovered, flowCache.current) : base;
  }, [baseNodes, baseEdges, shown, hovered, edgeOptions]);
  const absolute = useMemo(() => (shown ? absoluteBoxes(shown.layout.nodes) : new Map<string, Box>()), [shown]);
  const vpcLabels = useMemo(
    () =>
      shown
        ? shown.graph.nodes.flatMap((n) => {
            const b = n.kind === 'vpc' ? absolute.get(n.id) : undefined;
            return b && n.kind === 'vpc' ? [{ id: n.id, name: n.data.name || n.id, x: b.x, y: b.y, width: b.width }] : [];
          })
        : [],
    [shown, absolute],
  );
  const overviewBoxes = useMemo(
    () =>
      shown
        ? shown.layout.nodes.flatMap((n) => {
            const b = absolute.get(n.id);
            return b && n.kind !== 'endpointEni' ? [{ ...b, kind: n.kind }] : [];
          })
        : [],
    [shown, absolute],
  );

  // What React Flow gets: hidden nodes and edges are left out rather than passed with `hidden`, which would still
  // cost a wrapper component and a store subscription each (600 of them in a collapsed 200-subnet VPC).
  const drawnNodes = useMemo(() => flow.nodes.filter((n) => !n.hidden), [flow.nodes]);
  const drawnEdges = useMemo(() => markGhostEdges(flow.edges, marks, flow.nodes).filter((e) => !e.hidden), [flow.edges, flow.nodes, marks]);
  const visible = useMemo(() => new Set(drawnNodes.map((n) => n.id)), [drawnNodes]);

  // The first picture of a layout is handed over in slices, one per frame; later changes go whole (a level of detail
  // switch, a filter). `count` is Infinity once the first picture is complete.
  const [mounted, setMounted] = useState<{ key: string | null; count: number }>({ key: null, count: 0 });
  const layoutKey = shown?.layout.key ?? null;
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
  const virtualize = flow.nodes.length > VIRTUALIZE_ABOVE;
  const sliceNodes = useMemo(
    () => (complete ? (virtualize ? flow.nodes : drawnNodes) : drawnNodes.slice(0, mounted.key === layoutKey ? mounted.count : 0)),
    [complete, virtualize, flow.nodes, drawnNodes, mounted, layoutKey],
  );
  const mountOrder = useMemo(() => new Map(drawnNodes.map((n, i) => [n.id, i])), [drawnNodes]);
  const sliceEdges = useMemo(() => {
    if (complete) return drawnEdges;
    const count = mounted.key === layoutKey ? mounted.count : 0;
    return drawnEdges.filter((e) => (mountOrder.get(e.source) ?? count) < count && (mountOrder.get(e.target) ?? count) < count);
  }, [complete, drawnEdges, mounted, layoutKey, mountOrder]);

  /** Pans (and if needed zooms) so the node is in the middle of the screen. */
  const centre = useCallback(
    (id: string, keepZoom = false) => {
      const box = absolute.get(id);
      if (!box) return;
      const paneWidth = store.getState().width || 1200;
      const zoom = flowApi.getZoom();
      // Big boxes (a VPC, an AZ) are framed whole; small ones are centred at a zoom where their text is legible.
      const moved =
        box.width * zoom > paneWidth * 0.8 || box.width > 900
          ? flowApi.fitBounds(box, { padding: 0.1, duration: 300 })
          : flowApi.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: keepZoom ? zoom : Math.max(zoom, 0.8), duration: 300 });
      // Programmatic moves do not report a move end: put where they landed into the URL.
      void moved.then(() => {
        const v = flowApi.getViewport();
        update({ viewport: { x: v.x, y: v.y, zoom: v.zoom } });
      });
    },
    [absolute, flowApi, store, update],
  );

  const select = useCallback((id: string | null) => setView((v) => (v.selected === id ? v : { ...v, selected: id, path: null })), []);
  const focusNode = useCallback(
    (id: string, keepZoom = false) => {
      select(id);
      centre(id, keepZoom);
    },
    [select, centre],
  );
  const selectPath = useCallback((service: string | null) => update({ path: service }), [update]);

  // First picture: the saved viewport if the URL had one, else the whole graph. The fit is computed from the
  // layout's size and applied before any node is converted for or handed to React Flow: rendering first at the
  // default zoom (where a region graph is not in its overview) and fitting after would do it all twice. React Flow
  // measures its pane in an effect of its own, after this component's layout effects on the first mount: the fit
  // waits for that.
  const fittedKey = useRef<string | null>(null);
  const [, rerender] = useState(0);
  const nudged = useRef(false);
  useLayoutEffect(() => {
    if (viewportReady || !shown) return;
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
    const { width, height } = store.getState();
    const bounds = { x: 0, y: 0, width: shown.layout.width, height: shown.layout.height };
    void flowApi.setViewport(getViewportForBounds(bounds, width, height, MIN_ZOOM, 1.1, FIT_PADDING));
    fittedKey.current = shown.layout.key;
    setViewportReady(true);
  }, [viewportReady, shown, paneMeasured, store, flowApi]);
  useEffect(() => {
    // A pane React Flow found no size for (a hidden container): nothing to fit; show what there is.
    if (viewportReady || !shown) return;
    const { width, height } = store.getState();
    if (width === 0 || height === 0) setViewportReady(true);
  }, [viewportReady, shown, store]);

  // After a relayout (filters, direction) the old viewport frames the wrong things, so fit again.
  useEffect(() => {
    if (!viewportReady || layoutKey === null || fittedKey.current === layoutKey || !shown) return;
    const first = fittedKey.current === null;
    fittedKey.current = layoutKey;
    if (first && initialView?.viewport) return;
    const { width, height } = store.getState();
    const bounds = { x: 0, y: 0, width: shown.layout.width, height: shown.layout.height };
    void flowApi.setViewport(getViewportForBounds(bounds, width, height, MIN_ZOOM, 1.1, FIT_PADDING), { duration: first ? 0 : 250 });
    // The new picture is shown whole: the link says so (no viewport) rather than keeping a place in the old one.
    if (!first) update({ viewport: null });
  }, [viewportReady, layoutKey, flowApi, initialView?.viewport, shown, store, update]);

  // While the view is "the whole graph" (no viewport of the user's), keep it whole when the canvas changes size:
  // the inspector opening takes a third of the width.
  const paneSize = useStore((s) => `${s.width}x${s.height}`);
  const fittedSize = useRef<string | null>(null);
  useEffect(() => {
    if (!viewportReady || !shown) return;
    const previous = fittedSize.current;
    fittedSize.current = paneSize;
    if (previous === null || previous === paneSize || view.viewport !== null) return;
    const { width, height } = store.getState();
    if (width === 0 || height === 0) return;
    const bounds = { x: 0, y: 0, width: shown.layout.width, height: shown.layout.height };
    void flowApi.setViewport(getViewportForBounds(bounds, width, height, MIN_ZOOM, 1.1, FIT_PADDING), { duration: 200 });
  }, [paneSize, viewportReady, shown, view.viewport, store, flowApi]);

  // `focus`: after the fits above (a new layout, a new size), frame those nodes instead; once for each, so a pan of
  // the user's stays until the picture changes.
  const focusKey = focus?.join(' ') ?? '';
  const framed = useRef('');
  useEffect(() => {
    if (!viewportReady || !shown || focusKey === '') return;
    const frame = `${focusKey}|${shown.layout.key}|${paneSize}`;
    if (framed.current === frame) return;
    framed.current = frame;
    const boxes = focusKey.split(' ').flatMap((id) => absolute.get(id) ?? []);
    if (boxes.length === 0) return;
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    const bounds = { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
    const { width, height } = store.getState();
    if (width === 0 || height === 0) return;
    void flowApi.setViewport(getViewportForBounds(bounds, width, height, MIN_ZOOM, 1, FOCUS_PADDING), { duration: 250 });
  }, [focusKey, paneSize, viewportReady, shown, absolute, store, flowApi]);

  const onSearch = useCallback(
    (text: string) => {
      setMatchIndex(-1);
      update({ search: text });
    },
    [update],
  );
  const onCycle = useCallback(
    (step: 1 | -1) => {
      if (matchList.length === 0) return;
      const next = matchIndex < 0 ? (step === 1 ? 0 : matchList.length - 1) : (matchIndex + step + matchList.length) % matchList.length;
      setMatchIndex(next);
      const id = matchList[next];
      if (id !== undefined) focusNode(id);
    },
    [matchList, matchIndex, focusNode],
  );

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.metaKey || e.ctrlKey) return;
      if (e.key === 'Escape') {
        if (view.path) update({ path: null });
        else if (view.selected) select(null);
        else if (view.search) onSearch('');
        return;
      }
      const heading = HEADINGS[e.key];
      if (!heading || !view.selected) return;
      const candidates = flow.nodes.filter((n) => !n.hidden && n.type !== 'vpc').map((n) => n.id);
      const next = nearestInHeading(absolute, view.selected, heading, candidates);
      if (next) {
        e.preventDefault();
        focusNode(next, true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [view.selected, view.search, view.path, flow.nodes, absolute, update, select, onSearch, focusNode]);

  const onNodesChange = useCallback(
    (changes: NodeChange<AtlasNode>[]) => {
      // Clicks and Enter on a focused node arrive as select changes; everything else (dimensions) is fixed by
      // the layout and ignored.
      for (const c of changes) {
        if (c.type === 'select' && c.selected) {
          select(c.id);
          return;
        }
      }
    },
    [select],
  );
  const onNodeClick: NodeMouseHandler<AtlasNode> = useCallback(
    (_event, node) => {
      if ((node.type === 'az' && node.data.collapsed) || node.type === 'summary') {
        const internal = flowApi.getInternalNode(node.id);
        const box = absolute.get(node.id) ?? (internal ? { ...internal.internals.positionAbsolute, width: node.width ?? 0, height: node.height ?? 0 } : undefined);
        // Zooming into the AZ (or the group) crosses the level-of-detail threshold, which expands it.
        if (box) void flowApi.fitBounds(box, { padding: 0.05, duration: 300 });
      }
    },
    [absolute, flowApi],
  );
  // Hover follows the pointer after a short pause, and not at all while the view moves: a pan drags the pointer
  // across hundreds of nodes, and each hover change re-renders edges.
  const moving = useRef(false);
  const hoverTimer = useRef<number | null>(null);
  const setHoverSoon = useCallback((next: (current: string | null) => string | null) => {
    if (hoverTimer.current !== null) window.clearTimeout(hoverTimer.current);
    hoverTimer.current = window.setTimeout(() => {
      hoverTimer.current = null;
      if (!moving.current) setHoveredId(next);
    }, HOVER_DELAY);
  }, []);
  useEffect(() => () => {
    if (hoverTimer.current !== null) window.clearTimeout(hoverTimer.current);
  }, []);
  const onNodeMouseEnter: NodeMouseHandler<AtlasNode> = useCallback(
    (_event, node) => {
      if (node.type !== 'vpc' && node.type !== 'az' && node.type !== 'summary') setHoverSoon(() => node.id);
    },
    [setHoverSoon],
  );
  const onNodeMouseLeave: NodeMouseHandler<AtlasNode> = useCallback(
    (_event, node) => setHoverSoon((h) => (h === node.id ? null : h)),
    [setHoverSoon],
  );
  // While the view moves, the viewport is its own compositing layer (`atlas-moving` in the CSS): a pan moves
  // pixels already drawn and a zoom scales them, instead of repainting every box on every frame (software
  // rendering makes that the cost of a frame). Set on the element directly, so a move never re-renders the canvas.
  const root = useRef<HTMLDivElement>(null);
  const onMoveStart = useCallback(() => {
    moving.current = true;
    root.current?.classList.add('atlas-moving');
  }, []);
  const onMoveEnd = useCallback(
    (event: unknown, viewport: FlowViewport) => {
      moving.current = false;
      root.current?.classList.remove('atlas-moving');
      // Only the user's pans and zooms (which come with an event); the first fit is "the whole graph", no viewport.
      if (event) update({ viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } });
    },
    [update],
  );
  const onPaneClick = useCallback(() => select(null), [select]);
  // The zoom buttons and the minimap move the view without a move-end event: note where it lands once it has.
  const recordViewportSoon = useCallback(() => {
    window.setTimeout(() => {
      const v = flowApi.getViewport();
      update({ viewport: { x: v.x, y: v.y, zoom: v.zoom } });
    }, 350);
  }, [flowApi, update]);

  const kindOptions = useMemo(() => {
    const counts = new Map<NodeKind, number>();
    for (const n of fullGraph.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
    return NODE_KINDS.filter((k) => k !== 'vpc' && ((counts.get(k) ?? 0) > 0 || view.hiddenKinds.includes(k))).map((kind) => ({
      kind,
      count: counts.get(kind) ?? 0,
    }));
  }, [fullGraph, view.hiddenKinds]);
  const azOptions = useMemo(() => {
    const azs = new Set<string>(view.hiddenAzs);
    for (const n of fullGraph.nodes) if (n.kind === 'az') azs.add(n.data.az);
    return [...azs].sort();
  }, [fullGraph, view.hiddenAzs]);
  // Stable handlers, so the toolbar, legend and inspector (memoized) skip the renders the canvas does per frame.
  const onDirection = useCallback((direction: Direction) => update({ direction }), [update]);
  const onEndpointsOnly = useCallback((endpointsOnly: boolean) => update({ endpointsOnly }), [update]);
  const onToggleKind = useCallback((kind: NodeKind) => setView((v) => ({ ...v, hiddenKinds: toggle(v.hiddenKinds, kind) })), []);
  const onToggleAz = useCallback((az: string) => setView((v) => ({ ...v, hiddenAzs: toggle(v.hiddenAzs, az) })), []);
  const onResetFilters = useCallback(() => update({ hiddenKinds: [], hiddenAzs: [] }), [update]);

  // Counts of what is drawn, by kind, for tests and the bench: `onlyRenderVisibleElements` and level of detail
  // leave some nodes out of the DOM, so counting DOM nodes would not say what the graph holds.
  const counted = shown?.graph ?? null;
  const countAttributes = useMemo(() => {
    if (!counted) return {};
    const counts = countByKind(counted);
    return Object.fromEntries(NODE_KINDS.map((k) => [`data-node-count-${kebab(k)}`, String(counts[k])]));
  }, [counted]);

  const index = useMemo(() => (view.selected ? indexTopology(topology) : null), [topology, view.selected]);
  const names = useMemo(() => {
    if (!index || subnetPaths.length === 0) return {};
    const result: Record<string, string> = {};
    for (const p of subnetPaths) {
      for (const hop of p.hops) {
        const named = index.subnets.get(hop) ?? index.routeTables.get(hop) ?? index.endpoints.get(hop) ?? index.natGateways.get(hop) ?? index.internetGateways.get(hop);
        if (named?.name) result[hop] = named.name;
        else if (index.networkInterfaces.get(hop)?.privateIp) result[hop] = `ENI ${index.networkInterfaces.get(hop)?.privateIp}`;
      }
    }
    return result;
  }, [index, subnetPaths]);

  const vpcsWithoutEndpoints = fullGraph.nodes.filter((n) => n.kind === 'vpc' && n.data.endpointCount === 0);
  const noEndpoints = vpcId !== undefined && ghost === undefined && vpcsWithoutEndpoints.length > 0;
  const messages = dismissed ? [] : notices;
  const ready = shown !== null && complete && !pending && viewportReady;
  // User Timing marks for the bench and for profiles: when a layout arrived and when its picture was complete.
  useEffect(() => {
    if (layoutKey !== null) performance.mark('atlas-graph:layout', { detail: layoutKey });
  }, [layoutKey]);
  useEffect(() => {
    if (ready && layoutKey !== null) performance.mark('atlas-graph:ready', { detail: layoutKey });
  }, [ready, layoutKey]);

  return (
    <div
      ref={root}
      className="atlas-graph flex h-full min-h-[560px] w-full overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
      data-testid="graph"
      data-graph-ready={ready ? 'true' : 'false'}
      data-node-count={counted ? String(counted.nodes.length) : undefined}
      data-edge-count={counted ? String(counted.edges.length) : undefined}
      data-detail={lod ? 'collapsed' : detail}
      {...countAttributes}
    >
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="relative min-h-0 flex-1">
          <DetailContext.Provider value={detail}>
            <ReactFlow<AtlasNode, AtlasEdge>
              aria-label="Topology graph"
              data-testid="graph-canvas"
              nodes={viewportReady ? sliceNodes : NO_NODES}
              edges={viewportReady ? sliceEdges : NO_EDGES}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onNodeClick={onNodeClick}
              onNodeMouseEnter={onNodeMouseEnter}
              onNodeMouseLeave={onNodeMouseLeave}
              onPaneClick={onPaneClick}
              onMoveStart={onMoveStart}
              onMoveEnd={onMoveEnd}
              {...(initialView?.viewport ? { defaultViewport: initialView.viewport } : {})}
              minZoom={MIN_ZOOM}
              maxZoom={MAX_ZOOM}
              colorMode="system"
              connectionMode={ConnectionMode.Loose}
              zIndexMode="manual"
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable
              elevateNodesOnSelect={false}
              elevateEdgesOnSelect={false}
              edgesFocusable={false}
              selectNodesOnDrag={false}
              deleteKeyCode={null}
              selectionKeyCode={null}
              multiSelectionKeyCode={null}
              // In the collapsed overview everything is on screen anyway, and culling would re-run on every pan frame.
              onlyRenderVisibleElements={virtualize}
              zoomOnScroll={!compact}
              preventScrolling={!compact}
              proOptions={{ hideAttribution: true }}
            >
              <Panel position="top-left" className={compact ? 'hidden' : 'flex flex-wrap items-start gap-2'}>
                <GraphToolbar
                  search={view.search}
                  onSearch={onSearch}
                  onCycle={onCycle}
                  matchCount={matchList.length}
                  matchIndex={matchIndex}
                  direction={view.direction}
                  onDirection={onDirection}
                  endpointsOnly={view.endpointsOnly}
                  onEndpointsOnly={onEndpointsOnly}
                  kinds={kindOptions}
                  hiddenKinds={view.hiddenKinds}
                  onToggleKind={onToggleKind}
                  azs={azOptions}
                  hiddenAzs={view.hiddenAzs}
                  onToggleAz={onToggleAz}
                  onResetFilters={onResetFilters}
                />
              </Panel>
              {/* Its own panel: image export leaves the toolbar out but keeps the legend. */}
              <Panel position="top-right">
                <GraphLegend withDiff={diff !== undefined} withGhost={ghost !== undefined} compact={compact} />
              </Panel>
              {/* Compact: in the band the fits keep clear for the (hidden) toolbar, so no fitted or framed node is under them. */}
              <Controls position={compact ? 'top-left' : 'bottom-left'} orientation={compact ? 'horizontal' : 'vertical'} showInteractive={false} onZoomIn={recordViewportSoon} onZoomOut={recordViewportSoon} onFitView={recordViewportSoon} />
              {farOut && viewportReady ? <VpcLabels labels={vpcLabels} /> : null}
              {/* After the first picture, which it must not hold up. */}
              {shown && complete && !compact ? (
                <Panel position="bottom-right">
                  <GraphOverview boxes={overviewBoxes} width={shown.layout.width} height={shown.layout.height} onMoved={recordViewportSoon} />
                </Panel>
              ) : null}
            </ReactFlow>
          </DetailContext.Provider>

          <div className="pointer-events-none absolute inset-x-0 top-14 z-10 flex flex-col items-center gap-2 px-4">
            {messages.length > 0 ? (
              <div
                data-testid="graph-notices"
                role="status"
                className="pointer-events-auto flex max-w-xl items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 shadow dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
              >
                <TriangleExclamationPoint aria-hidden size={16} className="mt-0.5 shrink-0" />
                <ul className="flex-1 space-y-0.5">
                  {messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
                <button type="button" aria-label="Dismiss" onClick={() => setDismissed(true)} className="rounded p-0.5 hover:bg-amber-100 dark:hover:bg-amber-900">
                  <X aria-hidden size={14} />
                </button>
              </div>
            ) : null}
            {noEndpoints ? (
              <div
                data-testid="graph-no-endpoints"
                className="pointer-events-auto flex max-w-xl items-start gap-2 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900 shadow dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
              >
                <Info aria-hidden size={16} className="mt-0.5 shrink-0" />
                <p>
                  This VPC has no endpoints: its traffic to AWS services leaves through NAT or internet gateways.
                  {createEndpointHref && !readOnly ? (
                    <>
                      {' '}
                      <a href={createEndpointHref} className="font-medium underline">
                        Create an endpoint
                      </a>
                    </>
                  ) : null}
                </p>
              </div>
            ) : null}
            {activePath ? (
              <div
                data-testid="graph-path-banner"
                role="status"
                className="pointer-events-auto flex max-w-xl items-center gap-2 rounded-full border border-sky-300 bg-white/95 px-3 py-1 text-sm text-slate-800 shadow dark:border-sky-700 dark:bg-slate-900/95 dark:text-slate-100"
              >
                <RouteIcon aria-hidden size={15} className="shrink-0 text-sky-600 dark:text-sky-400" />
                <span>
                  Path to <strong>{serviceLabel(activePath.service)}</strong> from {names[activePath.subnetId] ?? activePath.subnetId}
                </span>
                <button type="button" aria-label="Stop highlighting the path" onClick={() => selectPath(null)} className="rounded-full p-0.5 hover:bg-slate-100 dark:hover:bg-slate-800">
                  <X aria-hidden size={14} />
                </button>
              </div>
            ) : null}
            {fullGraph.nodes.length === 0 ? (
              <div data-testid="graph-empty" className="pointer-events-auto rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow dark:border-slate-700 dark:bg-slate-900">
                No VPCs to draw.
              </div>
            ) : null}
            {error ? (
              <div role="alert" className="pointer-events-auto rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 shadow dark:border-red-800 dark:bg-red-950 dark:text-red-100">
                The layout failed: {error}
              </div>
            ) : null}
          </div>

          {pending || (!shown && !error && fullGraph.nodes.length > 0) ? (
            <div
              data-testid="graph-layout-pending"
              aria-live="polite"
              className="pointer-events-none absolute bottom-4 left-1/2 z-10 flex -translate-x-1/2 items-center gap-2 rounded-full bg-slate-900/80 px-3 py-1.5 text-sm text-white shadow dark:bg-slate-100/90 dark:text-slate-900"
            >
              <LoaderCircle aria-hidden size={14} className="animate-spin" /> Laying out {graph.nodes.length} resources…
            </div>
          ) : null}
        </div>
      </div>

      {view.selected && index ? (
        <Suspense fallback={<InspectorLoading />}>
          <Inspector
            selectedId={view.selected}
            nodes={fullNodes}
            index={index}
            visible={visible}
            onSelect={focusNode}
            onClose={onPaneClick}
            readOnly={readOnly}
            findings={findingList ?? NO_FINDINGS}
            paths={subnetPaths}
            pathsAvailable={selectedSubnet !== null && (paths.has(selectedSubnet) || resolved?.subnetId === selectedSubnet)}
            pathNames={names}
            selectedPath={activePath?.service ?? null}
            onSelectPath={selectPath}
            {...(findingsHref ? { findingsHref } : {})}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
