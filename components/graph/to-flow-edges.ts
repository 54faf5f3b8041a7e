/**
 * The edges of `to-flow.ts`: each graph edge with its sides and bend, colour, label and dimming; edges of a kind
 * that has many stay hidden (`quiet`) unless they touch the selection, the hover or the path, and are lifted above
 * the group boxes when they matter.
 */

import { absoluteBoxes, chooseSides, type EdgeRoute } from '@/lib/graph/geometry';
import type { Related } from '@/lib/graph/highlight';
import type { GraphLayout } from '@/lib/graph/layout';
import type { Graph, GraphEdge, NodeKind } from '@/lib/graph/types';
import { EDGE_COLOR } from './kind-style';
import { classes, createFlowCache, type EdgeFlowOptions, type FlowCache } from './to-flow-shared';
import type { AtlasEdge, AtlasNode } from './types';

/** Edges that matter are lifted over groups and cards (see NODE_Z in to-flow-nodes.ts), under subnets and their chips. */
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
