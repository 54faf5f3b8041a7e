/**
 * Graph + layout + what the user is doing -> React Flow nodes and edges. Pure, so it is tested without a browser.
 *
 * Every node carries its size (`width`/`height`/`measured`) and its four handles (`handles`) up front: React
 * Flow then draws edges, fits the view and culls off-screen nodes without measuring the DOM first, and a node
 * that has never been rendered (hidden, or outside the viewport) still anchors its edges correctly. The node
 * components render no `<Handle>` of their own.
 *
 * Given the previous call's `FlowCache`, unchanged nodes and edges come back as the very same objects, so that
 * React Flow skips them: selecting or hovering a node re-renders the handful of nodes whose look changed, not
 * the thousand that did not.
 *
 * Edges stay out of the way until they matter: in a big graph, edges of a kind that has many are hidden
 * (`quiet`) unless they touch the selection, the hovered node or the highlighted path; edges are drawn under the
 * group boxes (their tinted backgrounds fade them) and lifted above them when they matter.
 */

import { Position, type NodeHandle } from '@xyflow/react';
import type { Collapsed, CollapsedGroup } from '@/lib/graph/collapse';
import { absoluteBoxes, chooseSides, type EdgeRoute } from '@/lib/graph/geometry';
import type { PathHighlight, Related } from '@/lib/graph/highlight';
import type { GraphLayout, PositionedNode } from '@/lib/graph/layout';
import type { FindingSummary } from '@/lib/graph/overlay';
import type { EdgeKind, Graph, GraphEdge, GraphNode, NodeKind } from '@/lib/graph/types';
import { EDGE_COLOR, KIND_STYLE } from './kind-style';
import type { AtlasEdge, AtlasNode, DiffMark } from './types';

/** Edge kinds that are hidden unless they matter (see the canvas's thresholds). */
export type QuietEdges = Readonly<Partial<Record<EdgeKind, boolean>>>;

export interface FlowOptions {
  selected: string | null;
  /** What the selection lights up; everything else is dimmed. */
  related: Related | null;
  /** What the hovered node lights up: its edges are shown and lifted, nothing is dimmed. */
  hovered?: Related | null;
  /** A path to highlight: its hops and edges are lit, everything else dimmed. */
  path?: PathHighlight | null;
  /** Search matches; outlined, and when nothing is selected the rest is dimmed a little. */
  matches: ReadonlySet<string>;
  /** Level of detail: AZ contents hidden and their edges redrawn to the AZ. */
  collapsed: Collapsed | null;
  showEdgeLabels: boolean;
  /** Finding badges by node id. */
  findings?: ReadonlyMap<string, FindingSummary>;
  /** Snapshot comparison marks by node id. */
  marks?: ReadonlyMap<string, DiffMark>;
  quiet?: QuietEdges;
}

/** The previous result, kept by the caller between calls so unchanged objects can be handed back. */
export interface FlowCache {
  nodes: Map<string, { key: string; node: AtlasNode }>;
  edges: Map<string, { key: string; edge: AtlasEdge }>;
  /** The graph edge behind each React Flow edge of the last result, and its index there (for `withHovered`). */
  graphEdges: Map<string, GraphEdge>;
  edgeIndex: Map<string, number>;
  /** Hovered versions of edges, kept between hovers. */
  hovered: Map<string, { key: string; edge: AtlasEdge }>;
  data: Map<string, { base: unknown; findings: FindingSummary | undefined; mark: DiffMark | undefined; collapsed: boolean; data: AtlasNode['data'] }>;
}

export function createFlowCache(): FlowCache {
  return { nodes: new Map(), edges: new Map(), graphEdges: new Map(), edgeIndex: new Map(), hovered: new Map(), data: new Map() };
}

/** Zero-thickness handles along each side; React Flow anchors an edge at the middle of the one it names. */
export function sideHandles(width: number, height: number): NodeHandle[] {
  return [
    { id: 'top', type: 'source', position: Position.Top, x: 0, y: 0, width, height: 0 },
    { id: 'right', type: 'source', position: Position.Right, x: width, y: 0, width: 0, height },
    { id: 'bottom', type: 'source', position: Position.Bottom, x: 0, y: height, width, height: 0 },
    { id: 'left', type: 'source', position: Position.Left, x: 0, y: 0, width: 0, height },
  ];
}

// Handles depend only on the size, and most nodes of a kind share one: build each set once.
const handleCache = new Map<string, NodeHandle[]>();
function handlesFor(width: number, height: number): NodeHandle[] {
  const key = `${width}x${height}`;
  let h = handleCache.get(key);
  if (!h) {
    h = sideHandles(width, height);
    if (handleCache.size > 500) handleCache.clear();
    handleCache.set(key, h);
  }
  return h;
}

function displayName(node: GraphNode): string {
  switch (node.kind) {
    case 'az':
      return node.data.az;
    case 'endpointEni':
      return node.data.privateIp ?? node.id;
    case 'external':
      return `${node.data.label} ${node.id}`;
    case 'gatewayEndpoint':
    case 'interfaceEndpoint':
      return node.data.name || node.data.service || node.id;
    default:
      return node.data.name || node.id;
  }
}

/** The accessible name of a node: its kind and its name (or id). */
export function nodeAriaLabel(node: GraphNode): string {
  return `${KIND_STYLE[node.kind].label}: ${displayName(node)}`;
}

/**
 * Stacking order (`zIndexMode="manual"`): groups under their contents, and edges (at 0) under every box, so the
 * tinted group backgrounds fade them; edges that matter are lifted to `LIFTED_EDGE_Z`, over groups and cards but
 * under subnets and their chips.
 */
const NODE_Z: Record<NodeKind, number> = {
  vpc: 0,
  az: 1,
  subnet: 2,
  natGateway: 3,
  endpointEni: 3,
  routeTable: 1,
  internetGateway: 1,
  gatewayEndpoint: 1,
  interfaceEndpoint: 1,
  external: 1,
};
const LIFTED_EDGE_Z = 2;

function edgeColor(edge: GraphEdge, targetKind: NodeKind | undefined): string {
  if (edge.blackhole) return EDGE_COLOR.blackhole;
  if (edge.kind === 'association') return EDGE_COLOR.association;
  if (edge.kind === 'endpointEni') return EDGE_COLOR.endpointEni;
  switch (targetKind) {
    case 'internetGateway':
      return EDGE_COLOR.internetGateway;
    case 'natGateway':
      return EDGE_COLOR.natGateway;
    case 'gatewayEndpoint':
      return EDGE_COLOR.gatewayEndpoint;
    case 'interfaceEndpoint':
    case 'endpointEni':
      return EDGE_COLOR.interfaceEndpoint;
    default:
      return EDGE_COLOR.route;
  }
}

function classes(...names: (string | false | null | undefined)[]): string | undefined {
  const text = names.filter(Boolean).join(' ');
  return text === '' ? undefined : text;
}

/** Node data with the overlays merged in, the same object as last time when nothing changed. */
function nodeData(node: GraphNode, options: NodeFlowOptions, cache: FlowCache): AtlasNode['data'] {
  const findings = options.findings?.get(node.id);
  const mark = options.marks?.get(node.id);
  const collapsed = node.kind === 'az' && options.collapsed !== null;
  const hit = cache.data.get(node.id);
  if (hit && hit.base === node.data && hit.findings === findings && hit.mark === mark && hit.collapsed === collapsed) return hit.data;
  const data = {
    ...node.data,
    ...(findings ? { findings } : {}),
    ...(mark ? { mark } : {}),
    ...(node.kind === 'az' ? { collapsed } : {}),
  } as AtlasNode['data'];
  cache.data.set(node.id, { base: node.data, findings, mark, collapsed, data });
  return data;
}

/** Builds the React Flow nodes and edges for one graph and its layout. */
export function toFlow(graph: Graph, layout: GraphLayout, options: FlowOptions, cache: FlowCache = createFlowCache()): { nodes: AtlasNode[]; edges: AtlasEdge[] } {
  return { nodes: flowNodes(graph, layout, options, cache), edges: flowEdges(graph, layout, options, cache) };
}

/** What of `FlowOptions` the nodes depend on. */
export type NodeFlowOptions = Pick<FlowOptions, 'selected' | 'related' | 'path' | 'matches' | 'collapsed' | 'findings' | 'marks'>;
/** What of `FlowOptions` the edges depend on. */
export type EdgeFlowOptions = Pick<FlowOptions, 'related' | 'hovered' | 'path' | 'collapsed' | 'showEdgeLabels' | 'quiet'>;

/**
 * The nodes of `toFlow` alone: the canvas converts nodes and edges separately, so that what changes only edges
 * (zooming past the label threshold) or only nodes (typing a search) does not redo both for a 3,000-node graph.
 */
export function flowNodes(graph: Graph, layout: GraphLayout, options: NodeFlowOptions, cache: FlowCache = createFlowCache()): AtlasNode[] {
  const positions = new Map<string, PositionedNode>(layout.nodes.map((n) => [n.id, n]));
  const hidden = options.collapsed?.hidden ?? new Set<string>();
  const { related, matches, selected } = options;
  const path = options.path ?? null;
  const searching = matches.size > 0;
  const nextNodes = new Map<string, { key: string; node: AtlasNode }>();

  const nodes: AtlasNode[] = [];
  for (const node of graph.nodes) {
    const box = positions.get(node.id);
    if (!box) continue;
    const dimmed = path
      ? !path.nodes.has(node.id)
      : related
        ? !related.nodes.has(node.id)
        : searching && !matches.has(node.id) && node.kind !== 'vpc' && node.kind !== 'az';
    const className = classes(
      dimmed && 'atlas-dim',
      matches.has(node.id) && 'atlas-match',
      path?.nodes.has(node.id) && node.kind !== 'vpc' && node.kind !== 'az' && 'atlas-on-path',
    );
    const isSelected = node.id === selected;
    const isHidden = hidden.has(node.id);
    const data = nodeData(node, options, cache);
    const key = `${box.x},${box.y},${box.width},${box.height},${box.parentId ?? ''}|${isSelected ? 1 : 0}${isHidden ? 1 : 0}|${className ?? ''}`;
    const previous = cache.nodes.get(node.id);
    if (previous && previous.key === key && previous.node.data === data) {
      nodes.push(previous.node);
      nextNodes.set(node.id, previous);
      continue;
    }
    const base = {
      id: node.id,
      position: { x: box.x, y: box.y },
      ...(box.parentId === undefined ? {} : { parentId: box.parentId }),
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      handles: handlesFor(box.width, box.height),
      selected: isSelected,
      hidden: isHidden,
      draggable: false,
      connectable: false,
      deletable: false,
      zIndex: NODE_Z[node.kind],
      ariaLabel: nodeAriaLabel(node),
      ...(className === undefined ? {} : { className }),
    };
    const flowNode = { ...base, type: node.kind, data } as AtlasNode;
    nodes.push(flowNode);
    nextNodes.set(node.id, { key, node: flowNode });
  }
  for (const group of options.collapsed?.groups ?? []) {
    const node = summaryNode(group, positions, options, cache);
    if (!node) continue;
    nodes.push(node.node);
    nextNodes.set(group.id, node);
  }
  cache.nodes = nextNodes;
  return nodes;
}

/** The edges of `toFlow` alone (see `flowNodes`). */
export function flowEdges(graph: Graph, layout: GraphLayout, options: EdgeFlowOptions, cache: FlowCache = createFlowCache()): AtlasEdge[] {
  const path = options.path ?? null;
  const make = edgeMaker(graph, layout, options);
  const nextEdges = new Map<string, { key: string; edge: AtlasEdge }>();
  const labelled = new Set<string>();
  const edges: AtlasEdge[] = [];
  const graphEdges = new Map<string, GraphEdge>();
  const edgeIndex = new Map<string, number>();
  const all = [...(options.collapsed?.edges ?? graph.edges), ...(path?.extra ?? [])];
  for (const edge of all) {
    const built = make(edge, labelled);
    if (!built) continue;
    const previous = cache.edges.get(edge.id);
    const entry = previous && previous.key === built.key ? previous : built;
    graphEdges.set(edge.id, edge);
    edgeIndex.set(edge.id, edges.length);
    edges.push(entry.edge);
    nextEdges.set(edge.id, entry);
  }
  cache.edges = nextEdges;
  cache.graphEdges = graphEdges;
  cache.edgeIndex = edgeIndex;
  return edges;
}

/** Room around the boxes a group stands for. */
const GROUP_MARGIN = 8;

const GROUP_LABEL: Record<CollapsedGroup['kind'], [one: string, many: string]> = {
  routeTable: ['route table', 'route tables'],
  interfaceEndpoint: ['interface endpoint', 'interface endpoints'],
};

/** `200 route tables`. */
export function groupLabel(kind: CollapsedGroup['kind'], count: number): string {
  return `${count} ${GROUP_LABEL[kind][count === 1 ? 0 : 1]}`;
}

/** The overview's one box for a VPC's many route tables or interface endpoints, over the area they occupy. */
function summaryNode(group: CollapsedGroup, positions: ReadonlyMap<string, PositionedNode>, options: NodeFlowOptions, cache: FlowCache): { key: string; node: AtlasNode } | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const id of group.members) {
    const b = positions.get(id);
    if (!b) continue;
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  if (!Number.isFinite(x0)) return null;
  const lit = options.path?.nodes ?? options.related?.nodes ?? (options.matches.size > 0 ? options.matches : null);
  const dimmed = lit !== null && !group.members.some((id) => lit.has(id));
  const box = { x: x0 - GROUP_MARGIN, y: y0 - GROUP_MARGIN, width: x1 - x0 + 2 * GROUP_MARGIN, height: y1 - y0 + 2 * GROUP_MARGIN };
  const count = group.members.length;
  const key = `${box.x},${box.y},${box.width},${box.height}|${count}|${dimmed ? 1 : 0}`;
  const previous = cache.nodes.get(group.id);
  if (previous && previous.key === key) return previous;
  const node: AtlasNode = {
    id: group.id,
    type: 'summary',
    position: { x: box.x, y: box.y },
    parentId: group.vpcId,
    width: box.width,
    height: box.height,
    measured: { width: box.width, height: box.height },
    handles: handlesFor(box.width, box.height),
    data: { kind: group.kind, count },
    draggable: false,
    connectable: false,
    deletable: false,
    selectable: false,
    zIndex: 1,
    ariaLabel: `${groupLabel(group.kind, count)}: zoom in to see them`,
    ...(dimmed ? { className: 'atlas-dim' } : {}),
  };
  return { key, node };
}

/**
 * The same flow with the hovered node's edges shown and lifted: only those edges are rebuilt (a hover must not
 * cost a pass over every node and edge of a large graph), and each hovered version is kept for the next hover.
 * `flow` must hold the last result of `toFlow` (or `flowEdges`) with this `cache` (and no `hovered` option).
 */
export function withHovered(
  flow: { nodes: AtlasNode[]; edges: AtlasEdge[] },
  graph: Graph,
  layout: GraphLayout,
  options: EdgeFlowOptions,
  hovered: Related,
  cache: FlowCache,
): { nodes: AtlasNode[]; edges: AtlasEdge[] } {
  const make = edgeMaker(graph, layout, { ...options, hovered });
  let edges: AtlasEdge[] | null = null;
  for (const id of hovered.edges) {
    const index = cache.edgeIndex.get(id);
    const edge = cache.graphEdges.get(id);
    if (index === undefined || !edge) continue;
    const built = make(edge, new Set());
    if (!built) continue;
    const previous = cache.hovered.get(id);
    const entry = previous && previous.key === built.key ? previous : built;
    cache.hovered.set(id, entry);
    if (entry.edge === flow.edges[index]) continue;
    edges ??= flow.edges.slice();
    edges[index] = entry.edge;
  }
  if (cache.hovered.size > 2000) cache.hovered.clear();
  return edges ? { nodes: flow.nodes, edges } : flow;
}

/** Builds one React Flow edge, with the key that says whether a cached one is still the same. */
function edgeMaker(graph: Graph, layout: GraphLayout, options: EdgeFlowOptions) {
  const positions = new Set(layout.nodes.map((n) => n.id));
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const { related } = options;
  const path = options.path ?? null;
  const hovered = options.hovered ?? null;
  let absolute: ReturnType<typeof absoluteBoxes> | null = null;
  const routeFor = (edge: GraphEdge): EdgeRoute | undefined => {
    const known = layout.edges[edge.id];
    if (known) return known;
    // Edges made by collapsing AZs or by a path are not in the layout; their sides come from the same rule.
    absolute ??= absoluteBoxes(layout.nodes);
    const s = absolute.get(edge.source);
    const t = absolute.get(edge.target);
    return s && t ? chooseSides(s, t, layout.direction) : undefined;
  };

  return (edge: GraphEdge, labelled: Set<string>): { key: string; edge: AtlasEdge } | null => {
    const route = routeFor(edge);
    if (!route || !positions.has(edge.source) || !positions.has(edge.target)) return null;
    const isPath = edge.id.startsWith('path:');
    const onPath = isPath || (path?.edges.has(edge.id) ?? false);
    const isRelated = related?.edges.has(edge.id) ?? false;
    const isHovered = hovered?.edges.has(edge.id) ?? false;
    // A highlighted path speaks alone: the selection's other links step back while it is shown.
    const relevant = onPath || isHovered || (path === null && isRelated);
    const quiet = options.collapsed !== null || (options.quiet?.[edge.kind] ?? false);
    const isHidden = !relevant && quiet;
    const dimmed = !relevant && (path !== null || related !== null);
    const targetKind = kindOf.get(edge.target);
    const color = isPath ? EDGE_COLOR.path : edgeColor(edge, targetKind);
    // A route into a box inside another (a NAT gateway in its subnet) is labelled where it leaves its table.
    const labelAt: 'source' | 'target' = targetKind === 'natGateway' || targetKind === 'endpointEni' ? 'source' : 'target';
    const labelKey = `${labelAt === 'target' ? edge.target : edge.source}\n${edge.label ?? ''}`;
    const wantLabel = Boolean(edge.label) && !isHidden && !dimmed && (options.showEdgeLabels || onPath);
    // Several tables routing the same destination to one target share the last stretch: label it once.
    const label = wantLabel && !labelled.has(labelKey) ? edge.label : undefined;
    if (label) labelled.add(labelKey);
    const width = onPath ? 3 : relevant ? 2.25 : 1.5;
    const dash = isPath ? '2 5' : edge.dashed ? '6 4' : edge.blackhole ? '3 3' : undefined;
    const className = classes(
      `atlas-edge-${isPath ? 'path' : edge.kind}`,
      edge.blackhole && 'atlas-edge-blackhole',
      dimmed && 'atlas-dim',
      relevant && 'atlas-related',
      onPath && 'atlas-path-edge',
    );
    const zIndex = relevant ? LIFTED_EDGE_Z : 0;
    const key = `${route.source},${route.target},${route.bend ?? ''}|${label ?? ''}|${className ?? ''}|${isHidden ? 1 : 0}|${color},${width},${dash ?? ''}|${labelAt}`;
    const flowEdge: AtlasEdge = {
      id: edge.id,
      type: 'atlas',
      source: edge.source,
      target: edge.target,
      sourceHandle: route.source,
      targetHandle: route.target,
      ...(label === undefined ? {} : { label }),
      data: {
        kind: isPath ? 'path' : edge.kind,
        destinations: edge.destinations,
        blackhole: edge.blackhole,
        ...(route.bend === undefined ? {} : { bend: route.bend }),
        labelAt,
      },
      hidden: isHidden,
      selectable: false,
      focusable: false,
      deletable: false,
      zIndex,
      ...(className === undefined ? {} : { className }),
      style: { stroke: color, strokeWidth: width, ...(dash ? { strokeDasharray: dash } : {}) },
    };
    return { key, edge: flowEdge };
  };
}
