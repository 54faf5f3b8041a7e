/**
 * Graph + layout + what the user is doing -> React Flow nodes and edges. Pure, so it is tested without a browser.
 *
 * Every node carries its size (`width`/`height`/`measured`) and its four handles (`handles`) up front: React
 * Flow then draws edges, fits the view and culls off-screen nodes without measuring the DOM first, and a node
 * that has never been rendered (hidden, or outside the viewport) still anchors its edges correctly.
 */

import { MarkerType, Position, type NodeHandle } from '@xyflow/react';
import type { Collapsed } from '@/lib/graph/collapse';
import { absoluteBoxes, chooseSides, type EdgeSides } from '@/lib/graph/geometry';
import type { Related } from '@/lib/graph/highlight';
import type { GraphLayout } from '@/lib/graph/layout';
import type { Graph, GraphEdge, GraphNode, NodeKind } from '@/lib/graph/types';
import { EDGE_COLOR, KIND_STYLE } from './kind-style';
import type { AtlasEdge, AtlasNode } from './types';

export interface FlowOptions {
  selected: string | null;
  /** What the selection lights up; everything else is dimmed. */
  related: Related | null;
  /** Search matches; outlined, and when nothing is selected the rest is dimmed a little. */
  matches: ReadonlySet<string>;
  /** Level of detail: AZ contents hidden and their edges redrawn to the AZ. */
  collapsed: Collapsed | null;
  showEdgeLabels: boolean;
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
      return EDGE_COLOR.interfaceEndpoint;
    default:
      return EDGE_COLOR.route;
  }
}

function classes(...names: (string | false | null | undefined)[]): string | undefined {
  const text = names.filter(Boolean).join(' ');
  return text === '' ? undefined : text;
}

/** Builds the React Flow nodes and edges for one graph and its layout. */
export function toFlow(graph: Graph, layout: GraphLayout, options: FlowOptions): { nodes: AtlasNode[]; edges: AtlasEdge[] } {
  const positions = new Map(layout.nodes.map((n) => [n.id, n]));
  const hidden = options.collapsed?.hidden ?? new Set<string>();
  const { related, matches, selected } = options;
  const searching = matches.size > 0;

  const nodes: AtlasNode[] = [];
  for (const node of graph.nodes) {
    const box = positions.get(node.id);
    if (!box) continue;
    const dimmed = related ? !related.nodes.has(node.id) : searching && !matches.has(node.id) && node.kind !== 'vpc' && node.kind !== 'az';
    const base = {
      id: node.id,
      position: { x: box.x, y: box.y },
      ...(box.parentId === undefined ? {} : { parentId: box.parentId }),
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      handles: sideHandles(box.width, box.height),
      selected: node.id === selected,
      hidden: hidden.has(node.id),
      draggable: false,
      connectable: false,
      deletable: false,
      ariaLabel: nodeAriaLabel(node),
      className: classes(dimmed && 'atlas-dim', matches.has(node.id) && 'atlas-match'),
    };
    // One branch per kind keeps each node's `type` and `data` paired for the type checker.
    switch (node.kind) {
      case 'vpc':
        nodes.push({ ...base, type: 'vpc', data: node.data });
        break;
      case 'az':
        nodes.push({ ...base, type: 'az', data: { ...node.data, collapsed: options.collapsed !== null } });
        break;
      case 'subnet':
        nodes.push({ ...base, type: 'subnet', data: node.data });
        break;
      case 'routeTable':
        nodes.push({ ...base, type: 'routeTable', data: node.data });
        break;
      case 'internetGateway':
        nodes.push({ ...base, type: 'internetGateway', data: node.data });
        break;
      case 'natGateway':
        nodes.push({ ...base, type: 'natGateway', data: node.data });
        break;
      case 'gatewayEndpoint':
        nodes.push({ ...base, type: 'gatewayEndpoint', data: node.data });
        break;
      case 'interfaceEndpoint':
        nodes.push({ ...base, type: 'interfaceEndpoint', data: node.data });
        break;
      case 'endpointEni':
        nodes.push({ ...base, type: 'endpointEni', data: node.data });
        break;
      case 'external':
        nodes.push({ ...base, type: 'external', data: node.data });
        break;
    }
  }

  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  let absolute: ReturnType<typeof absoluteBoxes> | null = null;
  const sidesFor = (edge: GraphEdge): EdgeSides | undefined => {
    const known = layout.edges[edge.id];
    if (known) return known;
    // Edges made by collapsing AZs are not in the layout; their sides come from the same rule.
    absolute ??= absoluteBoxes(layout.nodes);
    const s = absolute.get(edge.source);
    const t = absolute.get(edge.target);
    return s && t ? chooseSides(s, t, layout.direction) : undefined;
  };

  const edges: AtlasEdge[] = [];
  for (const edge of options.collapsed?.edges ?? graph.edges) {
    const sides = sidesFor(edge);
    if (!sides || !positions.has(edge.source) || !positions.has(edge.target)) continue;
    const color = edgeColor(edge, kindOf.get(edge.target));
    const isRelated = related?.edges.has(edge.id) ?? false;
    const dimmed = related !== null && !isRelated;
    const label = options.showEdgeLabels && edge.label ? edge.label : undefined;
    edges.push({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: sides.source,
      targetHandle: sides.target,
      ...(label === undefined ? {} : { label }),
      data: { kind: edge.kind, destinations: edge.destinations, blackhole: edge.blackhole },
      selectable: false,
      focusable: false,
      deletable: false,
      className: classes(`atlas-edge-${edge.kind}`, edge.blackhole && 'atlas-edge-blackhole', dimmed && 'atlas-dim', isRelated && 'atlas-related'),
      style: {
        stroke: color,
        strokeWidth: isRelated ? 2.5 : 1.5,
        ...(edge.dashed ? { strokeDasharray: '6 4' } : edge.blackhole ? { strokeDasharray: '3 3' } : {}),
      },
      markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
      ...(label === undefined
        ? {}
        : {
            labelStyle: { fontSize: 11, fontFamily: 'var(--font-mono, ui-monospace, monospace)', fill: edge.blackhole ? EDGE_COLOR.blackhole : undefined },
            labelBgPadding: [4, 2] as [number, number],
            labelBgBorderRadius: 3,
          }),
    });
  }

  return { nodes, edges };
}
