'use client';

import { useStore } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { SubnetPath } from '@/lib/analysis/paths';
import { collapseForOverview } from '@/lib/graph/collapse';
import { pathHighlight, relatedTo } from '@/lib/graph/highlight';
import type { FindingSummary } from '@/lib/graph/overlay';
import { findMatches } from '@/lib/graph/search';
import type { EdgeKind } from '@/lib/graph/types';
import { markGhostEdges } from './ghost';
import type { Detail } from './node-parts';
import { createFlowCache, flowEdges, flowNodes, withHovered, type EdgeFlowOptions, type NodeFlowOptions, type QuietEdges } from './to-flow';
import type { AtlasEdge, AtlasNode, DiffMark } from './types';
import type { LaidOutGraph } from './use-graph-layout';

/** Level of detail applies to graphs at least this big, below this zoom. */
const LOD_MIN_NODES = 150;
const LOD_ZOOM = 0.4;
/** In that overview, a VPC's route tables or interface endpoints are one box when it has more than this many. */
const GROUP_ABOVE = 24;
/** Below this zoom node text is unreadable specks: nodes draw as bare boxes. */
const LOW_DETAIL_ZOOM = 0.28;
/** Below this zoom edge labels are unreadable; only the highlighted path keeps its labels. */
const LABEL_ZOOM = 0.55;
/** Edge kinds with more edges than this are hidden until they matter (selection, hover, path). */
const QUIET_ABOVE: Record<EdgeKind, number> = { association: 60, route: 150, endpointEni: 12 };

const NO_NODES: AtlasNode[] = [];
const NO_EDGES: AtlasEdge[] = [];
const NO_IDS: readonly string[] = [];
const NO_HOLDERS: ReadonlyMap<string, { id: string }> = new Map();

export interface FlowInputs {
  shown: LaidOutGraph | null;
  /** False until the first viewport is set: nothing is converted before. */
  convert: boolean;
  selected: string | null;
  search: string;
  hoveredId: string | null;
  activePath: SubnetPath | null;
  findings: ReadonlyMap<string, FindingSummary> | undefined;
  marks: ReadonlyMap<string, DiffMark> | undefined;
  /** The graph is a semantic overview (`lib/graph/overview`): few nodes that must stay labelled, so no level of detail. */
  overview?: boolean;
  /** Search matches inside closed overview groups: listed after the drawn ones, their groups drawn as matching. */
  hiddenMatches?: readonly string[];
  /** The closed group each hidden resource is in: a selection inside one is drawn on its group. */
  holders?: ReadonlyMap<string, { id: string }>;
}

/**
 * The laid-out graph as React Flow's nodes and edges, with the selection, hover, path, search matches, findings and
 * marks drawn in, and the level of detail the zoom asks for (a big graph zoomed out collapses AZs and groups).
 */
export function useFlowElements({ shown, convert, selected: selectedId, search, hoveredId, activePath, findings, marks, overview = false, hiddenMatches = NO_IDS, holders = NO_HOLDERS }: FlowInputs) {
  const selected = selectedId === null ? null : (holders.get(selectedId)?.id ?? selectedId);
  const zoomedOut = useStore((s) => s.transform[2] < LOD_ZOOM);
  const farOut = useStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  const showEdgeLabels = useStore((s) => s.transform[2] >= LABEL_ZOOM);
  // An overview is already the picture of a big graph: collapsing it again or drawing bare boxes would hide the labels it exists for.
  const lod = !overview && shown !== null && shown.graph.nodes.length >= LOD_MIN_NODES && zoomedOut;
  const detail: Detail = farOut && !overview ? 'low' : 'full';

  const collapsed = useMemo(() => (lod && shown ? collapseForOverview(shown.graph, GROUP_ABOVE) : null), [lod, shown]);
  const related = useMemo(() => {
    if (!shown || !selected) return null;
    const r = relatedTo(shown.graph, selected);
    // A selection that is not drawn (filtered out) dims nothing.
    return r.nodes.size > 0 ? r : null;
  }, [shown, selected]);
  const hovered = useMemo(() => (shown && hoveredId ? relatedTo(shown.graph, hoveredId) : null), [shown, hoveredId]);
  const highlight = useMemo(() => (shown && activePath ? pathHighlight(shown.graph, activePath.hops) : null), [shown, activePath]);
  const quiet = useMemo<QuietEdges>(() => {
    if (!shown || overview) return {};
    const counts: Record<EdgeKind, number> = { association: 0, route: 0, endpointEni: 0 };
    for (const e of shown.graph.edges) counts[e.kind] += 1;
    return {
      association: counts.association > QUIET_ABOVE.association,
      route: counts.route > QUIET_ABOVE.route,
      endpointEni: counts.endpointEni > QUIET_ABOVE.endpointEni,
    };
  }, [shown, overview]);

  const shownMatches = useMemo(() => (shown ? findMatches(shown.graph.nodes, search) : []), [shown, search]);
  const matchList = useMemo(() => (hiddenMatches.length === 0 ? shownMatches : [...shownMatches, ...hiddenMatches]), [shownMatches, hiddenMatches]);
  const matches = useMemo(() => new Set([...shownMatches, ...hiddenMatches.flatMap((id) => holders.get(id)?.id ?? [])]), [shownMatches, hiddenMatches, holders]);
  const flowCache = useRef(createFlowCache());
  // Nodes and edges are converted apart: zooming past the label threshold changes only edges, typing a search
  // only nodes, and either is a pass over thousands of objects in a region graph.
  const nodeOptions = useMemo<NodeFlowOptions>(
    () => ({
      selected,
      related,
      path: highlight,
      matches,
      collapsed,
      ...(findings ? { findings } : {}),
      ...(marks ? { marks } : {}),
    }),
    [selected, related, highlight, matches, collapsed, findings, marks],
  );
  const edgeOptions = useMemo<EdgeFlowOptions>(
    () => ({ related, path: highlight, collapsed, showEdgeLabels: showEdgeLabels && !lod, quiet }),
    [related, highlight, collapsed, showEdgeLabels, lod, quiet],
  );
  const run = shown !== null && convert;
  const baseNodes = useMemo(() => (shown && run ? flowNodes(shown.graph, shown.layout, nodeOptions, flowCache.current) : NO_NODES), [shown, run, nodeOptions]);
  const baseEdges = useMemo(() => (shown && run ? flowEdges(shown.graph, shown.layout, edgeOptions, flowCache.current) : NO_EDGES), [shown, run, edgeOptions]);
  // Hovering rebuilds only the hovered node's edges, never the whole flow.
  const flow = useMemo(() => {
    const base = { nodes: baseNodes, edges: baseEdges };
    return shown && hovered ? withHovered(base, shown.graph, shown.layout, edgeOptions, hovered, flowCache.current) : base;
  }, [baseNodes, baseEdges, shown, hovered, edgeOptions]);

  // What React Flow gets: hidden nodes and edges are left out rather than passed with `hidden`, which would still
  // cost a wrapper component and a store subscription each (600 of them in a collapsed 200-subnet VPC).
  const drawnNodes = useMemo(() => flow.nodes.filter((n) => !n.hidden), [flow.nodes]);
  const drawnEdges = useMemo(() => markGhostEdges(flow.edges, marks, flow.nodes).filter((e) => !e.hidden), [flow.edges, flow.nodes, marks]);
  const visible = useMemo(() => new Set(drawnNodes.map((n) => n.id)), [drawnNodes]);
  return { flow, drawnNodes, drawnEdges, visible, matchList, lod, detail, farOut };
}
