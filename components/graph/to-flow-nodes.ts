/**
 * The nodes of `to-flow.ts`: each graph node with its box, handles, selection, dimming, overlays and accessible
 * name; the old overview's summary boxes (`collapseForOverview`); the semantic overview's groups as node types of
 * their own.
 */

import type { CollapsedGroup } from '@/lib/graph/collapse';
import { boxAround } from '@/lib/graph/geometry';
import type { GraphLayout, PositionedNode } from '@/lib/graph/layout';
import type { Graph, GraphNode, NodeKind } from '@/lib/graph/types';
import { KIND_STYLE } from './kind-style';
import { classes, createFlowCache, handlesFor, type FlowCache, type NodeFlowOptions } from './to-flow-shared';
import { GROUP_NODE_TYPE, type AtlasNode } from './types';

function displayName(node: GraphNode): string {
  switch (node.kind) {
    case 'az':
      return node.data.az;
    case 'endpointEni':
      return [node.data.service, node.data.privateIp ?? node.id].filter(Boolean).join(', ');
    case 'external':
      return `${node.data.label} ${node.id}`;
    case 'gatewayEndpoint':
    case 'interfaceEndpoint':
      return node.data.name || node.data.service || node.id;
    default:
      return node.data.name || node.id;
  }
}

/** The accessible name of a node: its kind and its name (or id); for an overview group, what it stands for. */
export function nodeAriaLabel(node: GraphNode): string {
  const group = 'group' in node.data ? node.data.group : undefined;
  if (group) return `${group.summary}. Press Enter to open it.`;
  return `${KIND_STYLE[node.kind].label}: ${displayName(node)}`;
}

/** React Flow's node type: the kind, or an overview group's own type. */
function flowType(node: GraphNode): string {
  if ('group' in node.data && node.data.group && node.kind in GROUP_NODE_TYPE) return GROUP_NODE_TYPE[node.kind as keyof typeof GROUP_NODE_TYPE];
  return node.kind;
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
    const flowNode = { ...base, type: flowType(node), data } as AtlasNode;
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
  const around = boxAround(positions, group.members);
  if (!around) return null;
  const lit = options.path?.nodes ?? options.related?.nodes ?? (options.matches.size > 0 ? options.matches : null);
  const dimmed = lit !== null && !group.members.some((id) => lit.has(id));
  const box = { x: around.x - GROUP_MARGIN, y: around.y - GROUP_MARGIN, width: around.width + 2 * GROUP_MARGIN, height: around.height + 2 * GROUP_MARGIN };
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
