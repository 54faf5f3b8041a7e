/**
 * Graph -> positions, with ELK's layered algorithm over compound nodes (VPC > AZ > subnet > NAT/ENI).
 * Runs unchanged in Node (server, tests) and in a Web Worker (`components/graph/layout.worker.ts`):
 * `elk.bundled.js` carries its own in-process "fake worker", so no second worker or URL is needed.
 */

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { layoutKey, type LayoutInput } from './layout-key';
import { GROUP_KINDS, GROUP_PADDING, NODE_SIZE } from './sizes';
import type { Direction, NodeKind } from './types';

export type Side = 'top' | 'right' | 'bottom' | 'left';

/** A node's box. `x`/`y` are relative to its parent's top-left corner, as React Flow expects for subflows. */
export interface PositionedNode {
  id: string;
  kind: NodeKind;
  parentId?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EdgeSides {
  source: Side;
  target: Side;
}

export interface GraphLayout {
  key: string;
  direction: Direction;
  /** Same order as the input: parents before children. */
  nodes: PositionedNode[];
  /** For each edge id, which side of each end it leaves and enters by, chosen from the final positions. */
  edges: Record<string, EdgeSides>;
  width: number;
  height: number;
}

// ELK's layered algorithm is deterministic for a given input and seed; the seed is pinned so that an ELK
// default change cannot reshuffle pictures between versions without a test noticing.
const COMMON_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.randomSeed': '7',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.spacing.edgeNode': '16',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  //CMO
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
};

function groupOptions(kind: NodeKind, direction: Direction): LayoutOptions {
  const padding = GROUP_PADDING[kind] ?? { top: 16, left: 16, bottom: 16, right: 16 };
  const min = NODE_SIZE[kind];
  return {
    ...COMMON_OPTIONS,
    'elk.direction': direction,
    'elk.padding': `[top=${padding.top},left=${padding.left},bottom=${padding.bottom},right=${padding.right}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${min.width}, ${min.height})`,
    // Subnets stay in AZ-then-CIDR order and AZs in name order, whatever crossing minimisation would prefer:
    // people scan a VPC by its address plan.
    ...(kind === 'az' || kind === 'vpc' ? { 'elk.layered.crossingMinimization.forceNodeModelOrder': 'true' } : {}),
  };
}

let elk: InstanceType<typeof ELK> | null = null;

const cache = new Map<string, GraphLayout>();
const CACHE_LIMIT = 12;

/**
 * Lays out a graph with ELK (layered, compound nodes, `INCLUDE_CHILDREN` so edges between groups are laid out
 * together with the groups' contents). Deterministic: the same graph and direction always give the same
 * positions. Results are cached by a hash of what positions depend on; callers must not mutate them.
 */
export async function layoutGraph(graph: LayoutInput, direction: Direction): Promise<GraphLayout> {
  const key = layoutKey(graph, direction);
  const hit = cache.get(key);
  if (hit) return hit;

  elk ??= new ELK();
  const root = toElkGraph(graph, direction);
  const laidOut = await elk.layout(root);
  const layout = fromElkGraph(laidOut, graph, direction, key);

  cache.set(key, layout);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return layout;
}

/** Builds ELK's JSON graph: one ELK node per graph node, nested by `parentId`, each edge in its lowest common ancestor. */
export function toElkGraph(graph: LayoutInput, direction: Direction): ElkNode {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const parentOf = new Map<string, string | undefined>();
  for (const n of graph.nodes) parentOf.set(n.id, n.parentId !== undefined && ids.has(n.parentId) ? n.parentId : undefined);

  const childrenOf = new Map<string | undefined, string[]>();
  for (const n of graph.nodes) {
    const p = parentOf.get(n.id);
    const list = childrenOf.get(p);
    if (list) list.push(n.id);
    else childrenOf.set(p, [n.id]);
  }
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));

  const elkNodes = new Map<string, ElkNode>();
  const build = (id: string): ElkNode => {
    const kind = kindOf.get(id) ?? 'external';
    const children = childrenOf.get(id);
    const node: ElkNode =
      children && children.length > 0 && GROUP_KINDS.has(kind)
        ? { id, layoutOptions: groupOptions(kind, direction), children: children.map(build) }
        : // A group without children (an empty VPC, a subnet with nothing inside) is drawn at its card size.
          { id, width: NODE_SIZE[kind].width, height: NODE_SIZE[kind].height };
    elkNodes.set(id, node);
    return node;
  };

  const root: ElkNode = {
    id: '__root__',
    layoutOptions: {
      ...COMMON_OPTIONS,
      'elk.direction': direction,
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.padding': '[top=24,left=24,bottom=24,right=24]',
    },
    children: (childrenOf.get(undefined) ?? []).map(build),
  };

  const ancestors = (id: string): string[] => {
    const chain: string[] = [];
    for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) chain.push(p);
    return chain;
  };
  for (const e of graph.edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
    const sourceChain = [e.source, ...ancestors(e.source)];
    const targetChain = new Set([e.target, ...ancestors(e.target)]);
    // ELK cannot route an edge from a group into its own contents; none of our edges do that, but a filter could.
    if (targetChain.has(e.source) || sourceChain.includes(e.target)) continue;
    const lca = sourceChain.find((id) => targetChain.has(id));
    const container = lca === undefined ? root : (elkNodes.get(lca) ?? root);
    const edge: ElkExtendedEdge = { id: e.id, sources: [e.source], targets: [e.target] };
    (container.edges ??= []).push(edge);
  }
  return root;
}

function fromElkGraph(root: ElkNode, graph: LayoutInput, direction: Direction, key: string): GraphLayout {
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  const absolute = new Map<string, { x: number; y: number; width: number; height: number }>();
  const walk = (node: ElkNode, offsetX: number, offsetY: number) => {
    for (const child of node.children ?? []) {
      // Whole pixels: sub-pixel offsets blur text in nested transforms and make snapshots noisy.
      const box = {
        x: Math.round(child.x ?? 0),
        y: Math.round(child.y ?? 0),
        width: Math.round(child.width ?? 0),
        height: Math.round(child.height ?? 0),
      };
      boxes.set(child.id, box);
      absolute.set(child.id, { ...box, x: offsetX + box.x, y: offsetY + box.y });
      walk(child, offsetX + box.x, offsetY + box.y);
    }
  };
  walk(root, 0, 0);

  const nodes: PositionedNode[] = [];
  for (const n of graph.nodes) {
    const box = boxes.get(n.id);
    if (!box) continue;
    nodes.push(n.parentId === undefined || !boxes.has(n.parentId) ? { id: n.id, kind: n.kind, ...box } : { id: n.id, kind: n.kind, parentId: n.parentId, ...box });
  }

  const edges: Record<string, EdgeSides> = {};
  for (const e of graph.edges) {
    const s = absolute.get(e.source);
    const t = absolute.get(e.target);
    if (s && t) edges[e.id] = chooseSides(s, t, direction);
  }

  return { key, direction, nodes, edges, width: Math.round(root.width ?? 0), height: Math.round(root.height ?? 0) };
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Picks the sides an edge leaves and enters by. Edges along the layout direction use the facing sides;
 * an edge that runs back against the flow (a route table to a NAT gateway inside a subnet to its left)
 * leaves by the side that faces its target instead of looping around the source.
 */
export function chooseSides(s: Rect, t: Rect, direction: Direction): EdgeSides {
  const horizontal = (): EdgeSides | null => {
    if (t.x >= s.x + s.width) return { source: 'right', target: 'left' };
    if (t.x + t.width <= s.x) return { source: 'left', target: 'right' };
    return null;
  };
  const vertical = (): EdgeSides | null => {
    if (t.y >= s.y + s.height) return { source: 'bottom', target: 'top' };
    if (t.y + t.height <= s.y) return { source: 'top', target: 'bottom' };
    return null;
  };
  const preferred = direction === 'RIGHT' ? (horizontal() ?? vertical()) : (vertical() ?? horizontal());
  return preferred ?? (direction === 'RIGHT' ? { source: 'right', target: 'right' } : { source: 'bottom', target: 'bottom' });
}
