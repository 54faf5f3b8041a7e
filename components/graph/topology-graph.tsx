'use client';

/**
 * The interactive topology canvas. Rendered by server pages through `topology-graph-loader.tsx`. A small graph
 * (`serverPane`, up to `SERVER_RENDER_MAX_NODES`) is rendered on the server, fitted to a guessed pane, and hydrated:
 * its picture is on screen with the HTML, and it refits once React Flow has measured the real pane. Any other is only
 * its placeholder on the server (React Flow mounts in the browser, one task after hydration), since server-rendering
 * thousands of nodes would send megabytes of HTML.
 *
 * Data flow: topology (props) -> buildGraph (filters) -> layout -> toFlow (selection, hover, path, search, findings,
 * level of detail) -> React Flow. The layout of the first view comes with the page (`initialLayout`, computed by
 * the server); any other (a filter, the direction) is computed in a worker running ELK, loaded then. The view state
 * lives in the graph store (`graph-store.tsx`, which the toolbar and the inspector read) and is mirrored into the URL.
 * The canvas's behaviours are hooks of their own: the first fit and refits (`use-fit-view`), the first picture in
 * slices (`use-progressive-mount`), moves to a node (`use-camera`), arrow keys and Escape
 * (`use-keyboard-navigation`), hover after a pause (`use-delayed-hover`), the selected subnet's paths
 * (`use-subnet-paths`); the messages above the canvas are `graph-banners.tsx`.
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

import { ConnectionMode, Controls, Panel, ReactFlow, ReactFlowProvider, useReactFlow, type NodeChange, type NodeMouseHandler, type Viewport as FlowViewport } from '@xyflow/react';
import { LoaderCircle } from 'lucide-react';
import { lazy, startTransition, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { buildGraph, viewGraphOptions } from '@/lib/graph/build';
import { forgetServerPane, measuredServerPane } from '@/lib/graph/server-fit';
import { absoluteBoxes, type Box } from '@/lib/graph/geometry';
import { indexPaths, summarizeFindings, type GraphFinding } from '@/lib/graph/overlay';
import type { OverviewGroupRef } from '@/lib/graph/overview';
import { findMatches } from '@/lib/graph/search';
import { indexTopology } from '@/lib/graph/topology-index';
import { DEFAULT_VIEW_STATE, MAX_ZOOM, MIN_ZOOM, serializeViewState } from '@/lib/graph/view-url';
import { escapeAction } from '@/lib/graph/view-reducer';
import { azOptions, countAttributes, diffMarks, kindOptions } from './canvas-facts';
import { GraphBanners, LayoutPending } from './graph-banners';
import { GraphLegend } from './graph-legend';
import { GraphOverview } from './graph-overview';
import { GraphStoreProvider, useGraph, useGraphStore, type InspectorData } from './graph-store';
import { ghostMarks } from './ghost';
import { GraphPlaceholder } from './graph-placeholder';
import { FullScreenButton, GraphToolbar } from './graph-toolbar';
import { InspectorShell } from './inspector/shell';
import { ICON_SPRITE_STYLE } from './kind-icons';
import { useOverviewLib, type OverviewLib } from './overview-lib';
import { LabelScale, OpenGroups } from './overview-controls';
import { DetailContext } from './node-parts';
import { edgeTypes, nodeTypes } from './node-types';
import type { AtlasEdge, AtlasNode, TopologyGraphProps } from './types';
import { useCamera } from './use-camera';
import { useDelayedHover } from './use-delayed-hover';
import { glanceBox, startViewport as firstViewport, useFitView, type PaneSize } from './use-fit-view';
import { useFullScreen } from './use-full-screen';
import { useFlowElements } from './use-flow-elements';
import { useTrafficEdges } from './use-traffic-edges';
import { useGraphLayout } from './use-graph-layout';
import { useKeyboardNavigation } from './use-keyboard-navigation';
import { useHydrated } from './use-hydrated';
import { useFlowStoreStart, useProgressiveMount, useSeedFlowStore } from './use-progressive-mount';
import { useSubnetPaths } from './use-subnet-paths';
import { useUrlViewState } from './use-url-view-state';
import { VpcLabels } from './vpc-labels';

// The inspector's code loads when something is first selected: the first picture does not need it.
const Inspector = lazy(() => import('./inspector/inspector').then((m) => ({ default: m.Inspector })));

/** Where the inspector opens, while its code loads: the same width, so the canvas resizes once. */
function InspectorLoading() {
  return (
    <InspectorShell testId="graph-inspector-loading" className="items-center justify-center text-sm text-slate-500 dark:text-slate-400">
      <span className="flex items-center">
        <LoaderCircle aria-hidden size={14} className="mr-2 animate-spin" /> Loading…
      </span>
    </InspectorShell>
  );
}

export type { GraphDiff, GraphGhost, TopologyGraphProps } from './types';

/** The canvas's fixed React Flow props, also put in React Flow's store before its first render (`useSeedFlowStore`). */
const FLOW_SETTINGS = {
  minZoom: MIN_ZOOM,
  maxZoom: MAX_ZOOM,
  connectionMode: ConnectionMode.Loose,
  zIndexMode: 'manual',
  nodesDraggable: false,
  nodesConnectable: false,
  elementsSelectable: true,
  elevateNodesOnSelect: false,
  elevateEdgesOnSelect: false,
  edgesFocusable: false,
} as const;

const NO_NODES: AtlasNode[] = [];
const NO_EDGES: AtlasEdge[] = [];
const NO_FINDINGS: GraphFinding[] = [];
const NO_IDS: readonly string[] = [];
const NO_HOLDERS: ReadonlyMap<string, OverviewGroupRef> = new Map();

export default function TopologyGraph(props: TopologyGraphProps) {
  // The server renders the placeholder; in the browser the canvas replaces it once this hydrates. The placeholder has
  // the canvas's box: measured here, it gives the first render its viewport, so React Flow mounts once, with the
  // picture. The canvas renders in a transition: React renders it in slices and lets the browser in between, instead
  // of one long task (`undefined`: not measured yet; `null`: the box had no size, React Flow measures its own).
  // A small graph the server rendered whole (`serverPane`) starts from the pane the server fitted it to, on the server
  // and in the hydrating render alike, so the browser hydrates the server's picture instead of replacing it.
  const placeholder = useRef<HTMLDivElement>(null);
  // In the browser it starts from the pane the inline fit measured before hydration (`server-fit.ts`), if it ran.
  const [pane, setPane] = useState<PaneSize | null | undefined>(() => (props.serverPane ? (measuredServerPane() ?? props.serverPane) : undefined));
  // A VPC too big to read whole is drawn as its semantic overview, whose code loads only then (the placeholder stays meanwhile).
  const overview = useOverviewLib(props.topology, props.vpcId);
  useLayoutEffect(() => {
    // Taken once: a canvas the browser draws later (a client-side navigation, whose inline script never runs) must not
    // start from this page's measurement.
    if (props.serverPane) return forgetServerPane();
    const el = placeholder.current;
    const size = el && el.clientWidth > 0 && el.clientHeight > 0 ? { width: el.clientWidth, height: el.clientHeight } : null;
    startTransition(() => setPane(size));
    // Only the first render's props matter: the canvas takes it from there.
  }, []);
  if (pane === undefined || overview.waiting) return <GraphPlaceholder ref={placeholder} />;
  return (
    <ReactFlowProvider>
      <GraphStoreProvider initialView={props.initialView ?? DEFAULT_VIEW_STATE}>
        <GraphCanvas {...props} initialPane={pane} overviewLib={overview.lib} />
      </GraphStoreProvider>
    </ReactFlowProvider>
  );
}

function GraphCanvas({ topology, vpcId, initialView, notices = [], createEndpointHref, readOnly = false, diff, ghost, focus, compact = false, analysis, findingsHref, initialLayout, initialPane, serverPane, overviewLib: lib }: TopologyGraphProps & { initialPane: PaneSize | null; overviewLib: OverviewLib | null }) {
  const store = useGraphStore();
  // False while the server renders a small graph and while the browser hydrates it: what only the browser can know
  // (the system's colour scheme, the device pixel ratio, whether the canvas answers clicks yet) waits for true.
  const hydrated = useHydrated();
  const flowStart = useFlowStoreStart();
  const view = useGraph((s) => s.view);
  useUrlViewState(view);

  // A navigation to the same page with another query (a link, the server focusing a new endpoint) brings a new
  // initial view; a plain refresh brings an equal one, which must not undo what the user has done since.
  const appliedInitial = useRef(JSON.stringify(serializeViewState(initialView ?? DEFAULT_VIEW_STATE)));
  useEffect(() => {
    const text = JSON.stringify(serializeViewState(initialView ?? DEFAULT_VIEW_STATE));
    if (text === appliedInitial.current) return;
    appliedInitial.current = text;
    store.dispatch({ type: 'replace', view: initialView ?? DEFAULT_VIEW_STATE });
  }, [initialView, store]);

  const fullGraph = useMemo(() => buildGraph(topology, viewGraphOptions(vpcId, DEFAULT_VIEW_STATE)), [topology, vpcId]);
  const fullNodes = useMemo(() => new Map(fullGraph.nodes.map((n) => [n.id, n])), [fullGraph]);
  const unfiltered = view.hiddenKinds.length === 0 && view.hiddenAzs.length === 0 && !view.endpointsOnly;
  // The same options as the server's layout of the first view (`initialLayoutFor`), so the keys agree.
  const filtered = useMemo(
    () =>
      unfiltered
        ? fullGraph
        : buildGraph(topology, viewGraphOptions(vpcId, { hiddenKinds: view.hiddenKinds, hiddenAzs: view.hiddenAzs, endpointsOnly: view.endpointsOnly })),
    [unfiltered, fullGraph, topology, vpcId, view.hiddenKinds, view.hiddenAzs, view.endpointsOnly],
  );
  // A VPC too big to read whole is drawn as its semantic overview, with the groups the view has opened (`viewGraph` on the server).
  const overview = useMemo(() => (lib ? lib.overviewGraph(topology, filtered, vpcId, view.open) : null), [lib, topology, filtered, vpcId, view.open]);
  const holders = overview?.holders ?? NO_HOLDERS;
  // Search finds what closed groups hold too: Enter on such a match opens its group (`focusNode`).
  const hiddenMatches = useMemo(
    () => (overview && view.search.trim() !== '' ? findMatches(filtered.nodes.filter((n) => overview.holders.has(n.id)), view.search) : NO_IDS),
    [overview, filtered, view.search],
  );
  const graph = overview ?? filtered;
  const { shown, pending, error } = useGraphLayout(graph, view.direction, initialLayout);
  const absolute = useMemo(() => (shown ? absoluteBoxes(shown.layout.nodes) : new Map<string, Box>()), [shown]);
  const glance = useMemo(() => (shown && overview ? glanceBox(shown.graph.nodes, absolute) : null), [shown, overview, absolute]);
  const { ready: viewportReady, start: startViewport } = useFitView(shown?.layout ?? null, initialView?.viewport ?? null, absolute, focus, initialPane, glance);
  const { recordViewportSoon } = useCamera(absolute);

  const findingList = analysis?.findings;
  const findings = useMemo(() => {
    const summaries = findingList ? summarizeFindings(findingList) : undefined;
    return summaries && overview && lib ? lib.rollUpFindings(summaries, overview.groups) : summaries;
  }, [findingList, overview, lib]);
  const marks = useMemo(() => diffMarks(diff) ?? ghostMarks(ghost), [diff, ghost]);
  const sentPaths = useMemo(() => indexPaths(analysis?.paths ?? null), [analysis?.paths]);
  const index = useMemo(() => (view.selected ? indexTopology(topology) : null), [topology, view.selected]);
  const subnetPaths = useSubnetPaths(topology, fullNodes, view.selected, sentPaths, view.path, index);

  const { hoveredId, onNodeMouseEnter, onNodeMouseLeave, setMoving } = useDelayedHover();
  const activePath = subnetPaths.active;
  const { flow, drawnNodes, drawnEdges, visible, matchList, lod, detail, farOut } = useFlowElements({
    shown,
    convert: viewportReady,
    selected: view.selected,
    search: view.search,
    hoveredId,
    activePath,
    findings,
    marks,
    overview: overview !== null,
    hiddenMatches,
    holders,
  });
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

  const layoutKey = shown?.layout.key ?? null;
  // Set once the first picture is complete (and kept): what waits for it, the traffic view's metrics read, starts then.
  const [firstDrawn, setFirstDrawn] = useState(false);
  const trafficEdges = useTrafficEdges(drawnEdges, { fetchedAt: topology.fetchedAt, vpcId, readOnly, drawn: firstDrawn });
  const mounted = useProgressiveMount(layoutKey, drawnNodes, trafficEdges, flow.nodes, viewportReady, serverPane !== undefined);
  const flowNodes = viewportReady ? mounted.nodes : NO_NODES;
  const flowEdges = viewportReady ? mounted.edges : NO_EDGES;
  // What the server drew with (its guessed pane): the render that hydrates reads the zoom from this.
  // The first render's: the one that hydrates.
  const [serverStart] = useState(() => (serverPane ? firstViewport(initialView?.viewport ?? null, shown?.layout ?? null, serverPane, glance) : null));
  useSeedFlowStore(flowNodes, flowEdges, FLOW_SETTINGS, flowStart, serverStart);

  useKeyboardNavigation(flow.nodes, absolute);
  const canEscape = useCallback(() => escapeAction(store.getState().view) !== null, [store]);
  const { fullScreen, toggle: toggleFullScreen } = useFullScreen(!compact, canEscape);

  // What the toolbar and the inspector show, published for them; before paint, so they never lag a frame.
  const kinds = useMemo(() => kindOptions(fullGraph, view.hiddenKinds), [fullGraph, view.hiddenKinds]);
  const azs = useMemo(() => azOptions(fullGraph, view.hiddenAzs), [fullGraph, view.hiddenAzs]);
  const inspector = useMemo<InspectorData | null>(
    () =>
      index
        ? {
            nodes: fullNodes,
            index,
            visible,
            readOnly,
            findings: findingList ?? NO_FINDINGS,
            ...(findingsHref ? { findingsHref } : {}),
            paths: subnetPaths.paths,
            pathsAvailable: subnetPaths.available,
            pathNames: subnetPaths.names,
            selectedPath: activePath?.service ?? null,
          }
        : null,
    [index, fullNodes, visible, readOnly, findingList, findingsHref, subnetPaths, activePath],
  );
  const facts = useMemo(() => ({ matches: matchList, kinds, azs, inspector, holders }), [matchList, kinds, azs, inspector, holders]);
  // The first facts go in with the first render, before any panel reads them: published from the layout effect, they
  // would re-render the toolbar synchronously inside the canvas's first commit, and React would run every passive
  // effect in that same long task before it.
  useState(() => store.publish(facts));
  useLayoutEffect(() => store.publish(facts), [store, facts]);

  const onNodesChange = useCallback(
    (changes: NodeChange<AtlasNode>[]) => {
      // Clicks and Enter on a focused node arrive as select changes; everything else (dimensions) is fixed by
      // the layout and ignored.
      for (const c of changes) {
        if (c.type === 'select' && c.selected) {
          // An overview group opens in place instead of being selected, where it was on screen.
          const members = overview?.groups.get(c.id);
          if (members) store.toggleGroup(c.id, members);
          else store.dispatch({ type: 'select', id: c.id });
          return;
        }
      }
    },
    [store, overview],
  );
  const flowApi = useReactFlow<AtlasNode, AtlasEdge>();
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
  // While the view moves, the viewport is its own compositing layer (`atlas-moving` in the CSS): a pan moves
  // pixels already drawn and a zoom scales them, instead of repainting every box on every frame (software
  // rendering makes that the cost of a frame). Set on the element directly, so a move never re-renders the canvas.
  const root = useRef<HTMLDivElement>(null);
  const onMoveStart = useCallback(() => {
    setMoving(true);
    root.current?.classList.add('atlas-moving');
  }, [setMoving]);
  const onMoveEnd = useCallback(
    (event: unknown, viewport: FlowViewport) => {
      setMoving(false);
      root.current?.classList.remove('atlas-moving');
      // Only the user's pans and zooms (which come with an event); the first fit is "the whole graph", no viewport.
      if (event) store.dispatch({ type: 'viewport', viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } });
    },
    [store, setMoving],
  );
  const onPaneClick = useCallback(() => store.dispatch({ type: 'select', id: null }), [store]);

  const counted = shown?.graph ?? null;
  const counts = useMemo(() => (counted ? countAttributes(counted) : {}), [counted]);

  const noEndpoints = vpcId !== undefined && ghost === undefined && fullGraph.nodes.some((n) => n.kind === 'vpc' && n.data.endpointCount === 0);
  // A server-rendered picture is on screen before the page's script runs, but not ready until it has hydrated: the
  // canvas answers clicks and keys only then.
  const ready = hydrated && shown !== null && mounted.complete && !pending && viewportReady;
  // User Timing marks for the bench and for profiles: when a layout arrived and when its picture was complete.
  useEffect(() => {
    if (layoutKey !== null) performance.mark('atlas-graph:layout', { detail: layoutKey });
  }, [layoutKey]);
  useEffect(() => {
    if (!ready || layoutKey === null) return;
    performance.mark('atlas-graph:ready', { detail: layoutKey });
    setFirstDrawn(true);
  }, [ready, layoutKey]);

  return (
    <div
      ref={root}
      className={`atlas-graph flex w-full overflow-hidden border-slate-200 bg-white max-sm:flex-col dark:border-slate-800 dark:bg-slate-950 ${
        fullScreen ? 'fixed inset-0 z-50 h-dvh' : 'h-full min-h-80 rounded-lg border'
      }`}
      data-testid="graph"
      style={ICON_SPRITE_STYLE}
      data-full-screen={fullScreen ? 'true' : undefined}
      data-graph-ready={ready ? 'true' : 'false'}
      data-node-count={counted ? String(counted.nodes.length) : undefined}
      data-edge-count={counted ? String(counted.edges.length) : undefined}
      data-detail={lod ? 'collapsed' : detail}
      data-overview={overview ? 'true' : undefined}
      {...counts}
    >
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="relative min-h-0 flex-1 @container/canvas">
          <DetailContext.Provider value={detail}>
            <ReactFlow<AtlasNode, AtlasEdge>
              aria-label="Topology graph"
              data-testid="graph-canvas"
              nodes={flowNodes}
              edges={flowEdges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onNodeClick={onNodeClick}
              onNodeMouseEnter={onNodeMouseEnter}
              onNodeMouseLeave={onNodeMouseLeave}
              onPaneClick={onPaneClick}
              onMoveStart={onMoveStart}
              onMoveEnd={onMoveEnd}
              {...(startViewport ? { defaultViewport: startViewport } : {})}
              {...FLOW_SETTINGS}
              colorMode={hydrated ? 'system' : 'light'}
              selectNodesOnDrag={false}
              deleteKeyCode={null}
              selectionKeyCode={null}
              multiSelectionKeyCode={null}
              // In the collapsed overview everything is on screen anyway, and culling would re-run on every pan frame.
              onlyRenderVisibleElements={mounted.virtualize}
              zoomOnScroll={!compact}
              preventScrolling={!compact}
              proOptions={{ hideAttribution: true }}
            >
              {/* Up to the right-hand panel and no further: the toolbar wraps instead of running under the legend. */}
              <Panel position="top-left" className={compact ? 'hidden' : 'atlas-toolbar-panel'}>
                <GraphToolbar />
              </Panel>
              {/* Its own panel: image export leaves the toolbar out but keeps the legend. */}
              <Panel position="top-right" className="flex items-start gap-2">
                {compact ? null : <FullScreenButton on={fullScreen} onToggle={toggleFullScreen} />}
                <GraphLegend withDiff={diff !== undefined} withGhost={ghost !== undefined} compact={compact} />
              </Panel>
              {/* Compact: in the band the fits keep clear for the (hidden) toolbar, so no fitted or framed node is under them. */}
              <Controls position={compact ? 'top-left' : 'bottom-left'} orientation={compact ? 'horizontal' : 'vertical'} showInteractive={false} onZoomIn={recordViewportSoon} onZoomOut={recordViewportSoon} onFitView={recordViewportSoon} />
              {farOut && viewportReady ? <VpcLabels labels={vpcLabels} /> : null}
              {/* Titles legible at the zoom that fits: an overview's groups, or every title of a graph drawn in detail (not a big graph's level of detail). */}
              {lod ? null : <LabelScale root={root} mode={overview ? 'overview' : 'detail'} />}
              {overview && !compact ? <OpenGroups opened={overview.opened} /> : null}
              {/* After the first picture, which it must not hold up. */}
              {shown && mounted.complete && !compact && hydrated ? (
                <Panel position="bottom-right" className="max-sm:hidden">
                  <GraphOverview boxes={overviewBoxes} width={shown.layout.width} height={shown.layout.height} onMoved={recordViewportSoon} />
                </Panel>
              ) : null}
            </ReactFlow>
          </DetailContext.Provider>

          <GraphBanners
            notices={notices}
            noEndpoints={noEndpoints}
            createEndpointHref={createEndpointHref}
            readOnly={readOnly}
            activePath={activePath}
            pathFrom={activePath ? (subnetPaths.names[activePath.subnetId] ?? activePath.subnetId) : ''}
            empty={fullGraph.nodes.length === 0}
            error={error}
          />
          {pending || (!shown && !error && fullGraph.nodes.length > 0) ? <LayoutPending count={graph.nodes.length} /> : null}
        </div>
      </div>

      {view.selected && index && hydrated ? (
        <Suspense fallback={<InspectorLoading />}>
          <Inspector />
        </Suspense>
      ) : null}
    </div>
  );
}
