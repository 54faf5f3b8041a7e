'use client';

/**
 * The interactive topology canvas. Client-only: load it through `topology-graph-loader.tsx`
 * (`next/dynamic` with `ssr: false`), since server-rendering thousands of nodes sends megabytes of HTML for
 * a picture that is laid out in the browser anyway.
 *
 * Data flow: topology (props) -> buildGraph (filters) -> layout (worker) -> toFlow (selection, search, level
 * of detail) -> React Flow. The view state lives in React state and is mirrored into the URL.
 */

import '@xyflow/react/dist/style.css';
import './topology-graph.css';

import {
  Background,
  BackgroundVariant,
  getViewportForBounds,
  ConnectionMode,
  Controls,
  MiniMap,
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
import { Info, LoaderCircle, TriangleExclamationPoint, X } from 'lucide-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { buildGraph } from '@/lib/graph/build';
import { collapseAzs } from '@/lib/graph/collapse';
import { absoluteBoxes, nearestInHeading, type Box, type Heading } from '@/lib/graph/geometry';
import { relatedTo } from '@/lib/graph/highlight';
import { findMatches } from '@/lib/graph/search';
import { indexTopology } from '@/lib/graph/topology-index';
import { NODE_KINDS, type Direction, type NodeKind } from '@/lib/graph/types';
import { DEFAULT_VIEW_STATE, MAX_ZOOM, MIN_ZOOM, serializeViewState, type ViewState } from '@/lib/graph/view-state';
import type { Topology } from '@/lib/topology/types';
import { GraphLegend } from './graph-legend';
import { GraphToolbar } from './graph-toolbar';
import { Inspector } from './inspector';
import { KIND_STYLE } from './kind-style';
import { nodeTypes } from './node-types';
import { toFlow } from './to-flow';
import type { AtlasEdge, AtlasNode } from './types';
import { useGraphLayout } from './use-graph-layout';
import { useUrlViewState } from './use-url-view-state';

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
}

/** Above this many nodes, React Flow renders only what is in the viewport. */
const VIRTUALIZE_ABOVE = 300;
/** Level of detail applies to graphs at least this big, below this zoom. */
const LOD_MIN_NODES = 150;
const LOD_ZOOM = 0.35;
/** Below this zoom edge labels are unreadable specks; leave them out. */
const LABEL_ZOOM = 0.5;

const NO_NODES: AtlasNode[] = [];
const NO_EDGES: AtlasEdge[] = [];

/** Room for the toolbar floating over the top of the canvas. */
const FIT_PADDING = { top: '64px', left: '24px', right: '24px', bottom: '24px' } as const;

const HEADINGS: Record<string, Heading> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const GROUP_MINIMAP: Partial<Record<NodeKind, string>> = { vpc: 'rgba(129,140,248,0.18)', az: 'rgba(148,163,184,0.25)', subnet: 'rgba(96,165,250,0.45)' };

export default function TopologyGraph(props: TopologyGraphProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function GraphCanvas({ topology, vpcId, initialView, notices = [], createEndpointHref }: TopologyGraphProps) {
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

  const index = useMemo(() => indexTopology(topology), [topology]);
  const fullGraph = useMemo(() => buildGraph(topology, vpcId === undefined ? {} : { vpcId }), [topology, vpcId]);
  const fullNodes = useMemo(() => new Map(fullGraph.nodes.map((n) => [n.id, n])), [fullGraph]);
  const graph = useMemo(
    () =>
      buildGraph(topology, {
        ...(vpcId === undefined ? {} : { vpcId }),
        hiddenKinds: view.hiddenKinds,
        hiddenAzs: view.hiddenAzs,
        endpointsOnly: view.endpointsOnly,
      }),
    [topology, vpcId, view.hiddenKinds, view.hiddenAzs, view.endpointsOnly],
  );
  const { shown, pending, error } = useGraphLayout(graph, view.direction);

  const flowApi = useReactFlow<AtlasNode, AtlasEdge>();
  const store = useStoreApi<AtlasNode, AtlasEdge>();
  const zoomedOut = useStore((s) => s.transform[2] < LOD_ZOOM);
  const showEdgeLabels = useStore((s) => s.transform[2] >= LABEL_ZOOM);
  const lod = shown !== null && shown.graph.nodes.length >= LOD_MIN_NODES && zoomedOut;

  const collapsed = useMemo(() => (lod && shown ? collapseAzs(shown.graph) : null), [lod, shown]);
  const related = useMemo(() => {
    if (!shown || !view.selected) return null;
    const r = relatedTo(shown.graph, view.selected);
    // A selection that is not drawn (filtered out) dims nothing.
    return r.nodes.size > 0 ? r : null;
  }, [shown, view.selected]);
  const matchList = useMemo(() => (shown ? findMatches(shown.graph.nodes, view.search) : []), [shown, view.search]);
  const matches = useMemo(() => new Set(matchList), [matchList]);
  const flow = useMemo(
    () =>
      shown
        ? toFlow(shown.graph, shown.layout, { selected: view.selected, related, matches, collapsed, showEdgeLabels: showEdgeLabels && !lod })
        : { nodes: [], edges: [] },
    [shown, view.selected, related, matches, collapsed, showEdgeLabels, lod],
  );
  const absolute = useMemo(() => (shown ? absoluteBoxes(shown.layout.nodes) : new Map<string, Box>()), [shown]);
  const visible = useMemo(() => new Set(flow.nodes.filter((n) => !n.hidden).map((n) => n.id)), [flow.nodes]);

  /** Pans (and if needed zooms) so the node is in the middle of the screen. */
  const centre = useCallback(
    (id: string, keepZoom = false) => {
      const box = absolute.get(id);
      if (!box) return;
      const paneWidth = store.getState().width || 1200;
      const zoom = flowApi.getZoom();
      // Big boxes (a VPC, an AZ) are framed whole; small ones are centred at a zoom where their text is legible.
      if (box.width * zoom > paneWidth * 0.8 || box.width > 900) {
        void flowApi.fitBounds(box, { padding: 0.1, duration: 300 });
        return;
      }
      const target = keepZoom ? zoom : Math.max(zoom, 0.8);
      void flowApi.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: target, duration: 300 });
    },
    [absolute, flowApi, store],
  );

  const select = useCallback((id: string | null) => update({ selected: id }), [update]);
  const focusNode = useCallback(
    (id: string, keepZoom = false) => {
      select(id);
      centre(id, keepZoom);
    },
    [select, centre],
  );

  // First picture: the saved viewport if the URL had one, else the whole graph. The fit is computed from the
  // layout's size and applied before any node is handed to React Flow: rendering first at the default zoom
  // and fitting after would draw (and measure) every edge label of a large graph once for nothing.
  const [viewportReady, setViewportReady] = useState(Boolean(initialView?.viewport));
  const fittedKey = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (viewportReady || !shown) return;
    const { width, height } = store.getState();
    if (width > 0 && height > 0) {
      const bounds = { x: 0, y: 0, width: shown.layout.width, height: shown.layout.height };
      void flowApi.setViewport(getViewportForBounds(bounds, width, height, MIN_ZOOM, 1.1, FIT_PADDING));
      fittedKey.current = shown.layout.key;
    }
    setViewportReady(true);
  }, [viewportReady, shown, store, flowApi]);

  // After a relayout (filters, direction) the old viewport frames the wrong things, so fit again.
  const layoutKey = shown?.layout.key ?? null;
  useEffect(() => {
    if (!viewportReady || layoutKey === null || fittedKey.current === layoutKey) return;
    const first = fittedKey.current === null;
    fittedKey.current = layoutKey;
    if (first && initialView?.viewport) return;
    void flowApi.fitView({ padding: FIT_PADDING, duration: first ? 0 : 250, minZoom: MIN_ZOOM, maxZoom: 1.1 });
  }, [viewportReady, layoutKey, flowApi, initialView?.viewport]);

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
        if (view.selected) update({ selected: null });
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
  }, [view.selected, view.search, flow.nodes, absolute, update, onSearch, focusNode]);

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
      if (node.type === 'az' && node.data.collapsed) {
        const box = absolute.get(node.id);
        // Zooming into the AZ crosses the level-of-detail threshold, which expands it.
        if (box) void flowApi.fitBounds(box, { padding: 0.05, duration: 300 });
      }
    },
    [absolute, flowApi],
  );
  const onMoveEnd = useCallback(
    (_event: unknown, viewport: FlowViewport) => update({ viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } }),
    [update],
  );

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
  const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  const vpcsWithoutEndpoints = fullGraph.nodes.filter((n) => n.kind === 'vpc' && n.data.endpointCount === 0);
  const noEndpoints = vpcId !== undefined && vpcsWithoutEndpoints.length > 0;
  const messages = dismissed ? [] : notices;

  return (
    <div className="atlas-graph flex h-full min-h-[560px] w-full overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="relative min-h-0 flex-1">
          <ReactFlow<AtlasNode, AtlasEdge>
            aria-label="Topology graph"
            data-testid="graph-canvas"
            nodes={viewportReady ? flow.nodes : NO_NODES}
            edges={viewportReady ? flow.edges : NO_EDGES}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeClick={onNodeClick}
            onPaneClick={() => select(null)}
            onMoveEnd={onMoveEnd}
            {...(initialView?.viewport ? { defaultViewport: initialView.viewport } : {})}
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            colorMode="system"
            connectionMode={ConnectionMode.Loose}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable
            elevateNodesOnSelect={false}
            edgesFocusable={false}
            selectNodesOnDrag={false}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            onlyRenderVisibleElements={flow.nodes.length > VIRTUALIZE_ABOVE}
          >
            <Panel position="top-left">
              <GraphToolbar
                search={view.search}
                onSearch={onSearch}
                onCycle={onCycle}
                matchCount={matchList.length}
                matchIndex={matchIndex}
                direction={view.direction}
                onDirection={(direction: Direction) => update({ direction })}
                endpointsOnly={view.endpointsOnly}
                onEndpointsOnly={(endpointsOnly) => update({ endpointsOnly })}
                kinds={kindOptions}
                hiddenKinds={view.hiddenKinds}
                onToggleKind={(kind) => update({ hiddenKinds: toggle(view.hiddenKinds, kind) })}
                azs={azOptions}
                hiddenAzs={view.hiddenAzs}
                onToggleAz={(az) => update({ hiddenAzs: toggle(view.hiddenAzs, az) })}
                onResetFilters={() => update({ hiddenKinds: [], hiddenAzs: [] })}
              />
            </Panel>
            <Controls position="bottom-left" showInteractive={false} />
            <MiniMap<AtlasNode>
              position="bottom-right"
              pannable
              zoomable
              ariaLabel="Minimap"
              nodeColor={(n) => GROUP_MINIMAP[n.type] ?? KIND_STYLE[n.type].minimap}
              nodeStrokeWidth={0}
              style={{ width: 168, height: 112 }}
            />
            <Background variant={BackgroundVariant.Dots} gap={24} size={1} />
          </ReactFlow>

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
                  {createEndpointHref ? (
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
        <GraphLegend />
      </div>

      {view.selected ? (
        <Inspector
          selectedId={view.selected}
          nodes={fullNodes}
          index={index}
          visible={visible}
          onSelect={(id) => focusNode(id)}
          onClose={() => select(null)}
        />
      ) : null}
    </div>
  );
}
