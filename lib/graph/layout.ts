/**
 * Graph -> positions.
 *
 * Two parts, because people read a VPC by its address plan and ELK cannot be told to keep one:
 *
 * 1. The address plan (AZ boxes, subnets in AZ-then-CIDR order, NAT gateways and endpoint ENIs inside their
 *    subnet) is stacked by hand into one rectangular "block" per VPC. Stacking is pure arithmetic, so the order
 *    is exactly the graph's order.
 * 2. ELK's layered algorithm places everything else (route tables, gateways, endpoints inside each VPC; route
 *    targets outside at the edge) around those blocks, with compound VPC nodes and
 *    `elk.hierarchyHandling: INCLUDE_CHILDREN` so edges leaving a VPC are laid out with its contents. Each
 *    block is a fixed-size node with one fixed port per subnet or ENI that has an edge, so ELK's crossing
 *    minimisation lines route tables up with their subnets and interface endpoints with their ENIs.
 *
 * Why not let ELK lay out the AZs and subnets as nested compounds too: it reorders them freely to save
 * crossings, and the options that would pin model order (`considerModelOrder.*`,
 * `crossingMinimization.forceNodeModelOrder`) crash ELK 0.12 inside INCLUDE_CHILDREN hierarchies
 * (eclipse-elk/elk#1182: MAX_MODEL_ORDER_NODES is only set on the root graph).
 *
 * Runs unchanged in Node (server, tests) and in a Web Worker (`components/graph/layout.worker.ts`):
 * `elk.bundled.js` carries its own in-process "fake worker", so no second worker or URL is needed.
 */

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import { chooseSides, type Box, type EdgeSides } from './geometry';
import { layoutKey, type LayoutInput } from './layout-key';

export { chooseSides, type EdgeSides, type Side } from './geometry';
import { GROUP_KINDS, GROUP_PADDING, NODE_SIZE, type Size } from './sizes';
import type { Direction, NodeKind } from './types';

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

/** Kinds that belong to a VPC's address plan and are stacked by hand rather than placed by ELK. */
const PLAN_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['az', 'subnet', 'natGateway', 'endpointEni']);

/** Gap between stacked siblings (subnets in an AZ, ENIs in a subnet). */
const STACK_GAP = 16;
/** Gap between AZ boxes, wider so AZ borders read as separate columns or rows. */
const AZ_GAP = 32;

// ELK's layered algorithm is deterministic for a given input and seed; the seed is pinned so that an ELK
// default change cannot reshuffle pictures between versions without a test noticing.
const COMMON_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.randomSeed': '7',
  'elk.spacing.nodeNode': '32',
  'elk.layered.spacing.nodeNodeBetweenLayers': '128',
  'elk.spacing.edgeNode': '16',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
};

let elk: InstanceType<typeof ELK> | null = null;

const cache = new Map<string, GraphLayout>();
const CACHE_LIMIT = 12;

/**
 * Lays out a graph: the address plan stacked in order, everything else placed by ELK (layered, compound VPC
 * nodes, `INCLUDE_CHILDREN`). Deterministic: the same graph and direction always give the same positions.
 * Results are cached by a hash of what positions depend on; callers must not mutate them.
 */
export async function layoutGraph(graph: LayoutInput, direction: Direction): Promise<GraphLayout> {
  const key = layoutKey(graph, direction);
  const hit = cache.get(key);
  if (hit) return hit;

  const plan = planLayout(graph, direction);
  elk ??= new ELK();
  const laidOut = await elk.layout(plan.root);
  const layout = collectLayout(laidOut, plan, graph, direction, key);

  cache.set(key, layout);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return layout;
}

/** Forgets cached layouts; for tests that time or compare fresh runs. */
export function clearLayoutCache(): void {
  cache.clear();
}

interface Tree {
  kindOf: Map<string, NodeKind>;
  parentOf: Map<string, string | undefined>;
  childrenOf: Map<string | undefined, string[]>;
}

function buildTree(graph: LayoutInput): Tree {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const parentOf = new Map<string, string | undefined>();
  const childrenOf = new Map<string | undefined, string[]>();
  for (const n of graph.nodes) {
    const parent = n.parentId !== undefined && ids.has(n.parentId) ? n.parentId : undefined;
    parentOf.set(n.id, parent);
    const list = childrenOf.get(parent);
    if (list) list.push(n.id);
    else childrenOf.set(parent, [n.id]);
  }
  return { kindOf, parentOf, childrenOf };
}

interface Block {
  id: string;
  /** The VPC (or undefined for the top level) whose address plan this is. */
  container: string | undefined;
  /** Top-level members, positioned relative to the block. */
  members: string[];
  size: Size;
}

interface Plan {
  root: ElkNode;
  tree: Tree;
  /** Boxes of every hand-stacked node, relative to its parent (members of a block: relative to the block). */
  stacked: Map<string, Box>;
  blocks: Map<string, Block>;
  /** Which block a hand-stacked node sits in. */
  blockOf: Map<string, string>;
}

/**
 * Stacks the address plan into blocks and builds ELK's JSON graph for the rest. Exported for tests that
 * want to inspect what ELK is asked to do.
 */
export function planLayout(graph: LayoutInput, direction: Direction): Plan {
  const tree = buildTree(graph);
  const stacked = new Map<string, Box>();
  const blocks = new Map<string, Block>();
  const blockOf = new Map<string, string>();

  const kind = (id: string): NodeKind => tree.kindOf.get(id) ?? 'external';
  const crossIsVertical = direction === 'RIGHT';

  // Returns the node's size and records its children's boxes.
  const stack = (id: string, blockId: string): Size => {
    blockOf.set(id, blockId);
    const k = kind(id);
    const children = tree.childrenOf.get(id) ?? [];
    if (children.length === 0 || !GROUP_KINDS.has(k)) return NODE_SIZE[k];
    const padding = GROUP_PADDING[k] ?? { top: 16, left: 16, bottom: 16, right: 16 };
    // A subnet's NAT gateways and ENIs hang under its header; an AZ's subnets run across the flow.
    const vertical = k === 'subnet' || crossIsVertical;
    let cursor = vertical ? padding.top : padding.left;
    let breadth = 0;
    for (const child of children) {
      const size = stack(child, blockId);
      stacked.set(
        child,
        vertical
          ? { x: padding.left, y: cursor, width: size.width, height: size.height }
          : { x: cursor, y: padding.top, width: size.width, height: size.height },
      );
      cursor += (vertical ? size.height : size.width) + STACK_GAP;
      breadth = Math.max(breadth, vertical ? size.width : size.height);
    }
    cursor -= STACK_GAP;
    const min = NODE_SIZE[k];
    return vertical
      ? { width: Math.max(min.width, padding.left + breadth + padding.right), height: Math.max(min.height, cursor + padding.bottom) }
      : { width: Math.max(min.width, cursor + padding.right), height: Math.max(min.height, padding.top + breadth + padding.bottom) };
  };

  const makeBlock = (container: string | undefined, members: string[]): Block => {
    const id = `__plan__:${container ?? ''}`;
    let cursor = 0;
    let breadth = 0;
    for (const m of members) {
      const size = stack(m, id);
      stacked.set(m, crossIsVertical ? { x: 0, y: cursor, ...size } : { x: cursor, y: 0, ...size });
      cursor += (crossIsVertical ? size.height : size.width) + AZ_GAP;
      breadth = Math.max(breadth, crossIsVertical ? size.width : size.height);
    }
    cursor -= AZ_GAP;
    const block: Block = {
      id,
      container,
      members,
      size: crossIsVertical ? { width: breadth, height: cursor } : { width: cursor, height: breadth },
    };
    blocks.set(id, block);
    return block;
  };

  const elkNodes = new Map<string, ElkNode>();
  const elkParent = new Map<string, string>();
  const ROOT = '__root__';

  // Children of a container that ELK places, plus the container's plan block if it has one.
  const elkChildren = (container: string | undefined, containerElkId: string): ElkNode[] => {
    const children = tree.childrenOf.get(container) ?? [];
    const planMembers = children.filter((c) => PLAN_KINDS.has(kind(c)));
    const result: ElkNode[] = [];
    if (planMembers.length > 0) {
      const block = makeBlock(container, planMembers);
      const node: ElkNode = {
        id: block.id,
        width: block.size.width,
        height: block.size.height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
        ports: [],
      };
      elkNodes.set(block.id, node);
      elkParent.set(block.id, containerElkId);
      result.push(node);
    }
    for (const c of children) {
      if (PLAN_KINDS.has(kind(c))) continue;
      const k = kind(c);
      const grandChildren = tree.childrenOf.get(c) ?? [];
      const node: ElkNode =
        k === 'vpc' && grandChildren.length > 0
          ? { id: c, layoutOptions: containerOptions(k, direction), children: [] }
          : { id: c, width: NODE_SIZE[k].width, height: NODE_SIZE[k].height };
      elkNodes.set(c, node);
      elkParent.set(c, containerElkId);
      if (node.children) node.children = elkChildren(c, c);
      result.push(node);
    }
    return result;
  };

  const root: ElkNode = {
    id: ROOT,
    layoutOptions: {
      ...COMMON_OPTIONS,
      'elk.direction': direction,
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.padding': '[top=24,left=24,bottom=24,right=24]',
    },
    children: [],
  };
  elkNodes.set(ROOT, root);
  root.children = elkChildren(undefined, ROOT);

  // Absolute position of a stacked node inside its block, for port placement.
  const offsetInBlock = (id: string): Box | null => {
    const box = stacked.get(id);
    if (!box) return null;
    const parent = tree.parentOf.get(id);
    if (parent === undefined || !blockOf.has(parent) || !stacked.has(parent)) return box;
    const p = offsetInBlock(parent);
    return p ? { ...box, x: p.x + box.x, y: p.y + box.y } : box;
  };

  const ports = new Map<string, string>();
  const endpointFor = (id: string, role: 'source' | 'target'): string | null => {
    const blockId = blockOf.get(id);
    if (blockId === undefined) return elkNodes.has(id) ? id : null;
    const block = elkNodes.get(blockId);
    const box = offsetInBlock(id);
    const size = blocks.get(blockId)?.size;
    if (!block || !box || !size) return null;
    // Edges leave by the downstream side of the block and arrive by the upstream side.
    const side = direction === 'RIGHT' ? (role === 'source' ? 'EAST' : 'WEST') : role === 'source' ? 'SOUTH' : 'NORTH';
    const portId = `${id}>${side}`;
    if (!ports.has(portId)) {
      const port: ElkPort =
        side === 'EAST' || side === 'WEST'
          ? { id: portId, width: 1, height: 1, x: side === 'EAST' ? size.width : -1, y: box.y + box.height / 2 }
          : { id: portId, width: 1, height: 1, x: box.x + box.width / 2, y: side === 'SOUTH' ? size.height : -1 };
      port.layoutOptions = { 'elk.port.side': side };
      (block.ports ??= []).push(port);
      ports.set(portId, blockId);
    }
    return portId;
  };
  const ownerOf = (endpoint: string): string => ports.get(endpoint) ?? endpoint;
  const ancestorsInElk = (id: string): string[] => {
    const chain: string[] = [];
    for (let p = elkParent.get(id); p !== undefined; p = elkParent.get(p)) chain.push(p);
    return chain;
  };

  for (const e of graph.edges) {
    // Routes to a NAT gateway or an ENI run back into the address plan, against the flow; ELK would bend the
    // whole picture to honour them. React Flow still draws them.
    const targetKind = tree.kindOf.get(e.target);
    if (e.kind === 'route' && (targetKind === 'natGateway' || targetKind === 'endpointEni')) continue;
    if (blockOf.has(e.source) && blockOf.get(e.source) === blockOf.get(e.target)) continue;
    const source = endpointFor(e.source, 'source');
    const target = endpointFor(e.target, 'target');
    if (source === null || target === null) continue;
    const sourceNode = ownerOf(source);
    const targetNode = ownerOf(target);
    if (sourceNode === targetNode) continue;
    const sourceChain = [sourceNode, ...ancestorsInElk(sourceNode)];
    const targetChain = new Set([targetNode, ...ancestorsInElk(targetNode)]);
    // ELK cannot route an edge from a group into its own contents.
    if (targetChain.has(sourceNode) || sourceChain.includes(targetNode)) continue;
    const lca = sourceChain.find((id) => targetChain.has(id)) ?? ROOT;
    const container = elkNodes.get(lca) ?? root;
    const edge: ElkExtendedEdge = { id: e.id, sources: [source], targets: [target] };
    (container.edges ??= []).push(edge);
  }

  return { root, tree, stacked, blocks, blockOf };
}

function containerOptions(kind: NodeKind, direction: Direction): LayoutOptions {
  const padding = GROUP_PADDING[kind] ?? { top: 16, left: 16, bottom: 16, right: 16 };
  const min = NODE_SIZE[kind];
  return {
    ...COMMON_OPTIONS,
    'elk.direction': direction,
    'elk.padding': `[top=${padding.top},left=${padding.left},bottom=${padding.bottom},right=${padding.right}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${min.width}, ${min.height})`,
  };
}

function collectLayout(laidOut: ElkNode, plan: Plan, graph: LayoutInput, direction: Direction, key: string): GraphLayout {
  // Whole pixels: sub-pixel offsets blur text in nested transforms and make snapshots noisy.
  const round = (b: Box): Box => ({
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.round(b.width),
    height: Math.round(b.height),
  });
  const relative = new Map<string, Box>();
  const blockBoxes = new Map<string, Box>();
  const walk = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      const box = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
      if (plan.blocks.has(child.id)) blockBoxes.set(child.id, box);
      else relative.set(child.id, round(box));
      walk(child);
    }
  };
  walk(laidOut);

  for (const [id, box] of plan.stacked) {
    const blockId = plan.blockOf.get(id);
    const block = blockId === undefined ? undefined : plan.blocks.get(blockId);
    const blockBox = blockId === undefined ? undefined : blockBoxes.get(blockId);
    // Block members are relative to the block, which sits inside their parent; shift them by the block's place.
    const isMember = block?.members.includes(id) ?? false;
    relative.set(id, round(isMember && blockBox ? { ...box, x: box.x + blockBox.x, y: box.y + blockBox.y } : box));
  }

  const nodes: PositionedNode[] = [];
  const absolute = new Map<string, Box>();
  for (const n of graph.nodes) {
    const box = relative.get(n.id);
    if (!box) continue;
    const parentId = plan.tree.parentOf.get(n.id);
    const parentAbs = parentId === undefined ? undefined : absolute.get(parentId);
    absolute.set(n.id, parentAbs ? { ...box, x: parentAbs.x + box.x, y: parentAbs.y + box.y } : box);
    nodes.push(parentId === undefined ? { id: n.id, kind: n.kind, ...box } : { id: n.id, kind: n.kind, parentId, ...box });
  }

  const edges: Record<string, EdgeSides> = {};
  for (const e of graph.edges) {
    const s = absolute.get(e.source);
    const t = absolute.get(e.target);
    if (s && t) edges[e.id] = chooseSides(s, t, direction);
  }

  return { key, direction, nodes, edges, width: Math.round(laidOut.width ?? 0), height: Math.round(laidOut.height ?? 0) };
}
