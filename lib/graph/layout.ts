/**
 * Graph -> positions.
 *
 * People read a VPC by its address plan, and a picture that fits a screen has to be about as wide as it is
 * tall, so the layout has three parts:
 *
 * 1. The address plan is arranged by hand into one rectangular "block" per VPC: the AZs side by side as
 *    columns, each AZ's subnets stacked in CIDR order, rows aligned across the columns (a three-tier VPC reads
 *    as a public / app / data grid), NAT gateways and endpoint ENIs as compact chips in a grid inside their
 *    subnet, and the interface endpoints as a band of cards beside the grid (below it left to right, above it
 *    top to bottom). Stacking is pure arithmetic, so the order is exactly the graph's order.
 * 2. ELK's layered algorithm places everything else inside each VPC (route tables, then internet gateways and
 *    gateway endpoints) and the route targets outside it, with compound VPC nodes and
 *    `elk.hierarchyHandling: INCLUDE_CHILDREN`. The block is one fixed-size node with one fixed port per subnet
 *    or chip that has an edge, so ELK's crossing minimisation lines route tables up with their subnets. A
 *    layer much longer than the block (200 route tables) is then wrapped into several columns, keeping ELK's
 *    order.
 * 3. Each VPC with its outside targets is laid out on its own and the VPCs are packed in rows, wrapped so the
 *    whole picture has about the aspect ratio of a wide screen (the region view).
 *
 * Edges get the sides they leave and enter by, and a `bend`: where their one orthogonal turn goes, staggered
 * in the gap between two layers so that each route table's edges run in a lane of their own.
 *
 * Why not let ELK lay out the AZs and subnets as nested compounds too: it reorders them freely to save
 * crossings, and the options that would pin model order (`considerModelOrder.*`,
 * `crossingMinimization.forceNodeModelOrder`) crash ELK 0.12 inside INCLUDE_CHILDREN hierarchies
 * (eclipse-elk/elk#1182: MAX_MODEL_ORDER_NODES is only set on the root graph). Partitions and layer choice
 * constraints are ignored in INCLUDE_CHILDREN hierarchies too, so a table or endpoint without edges gets an
 * invisible edge that puts it in its layer.
 *
 * Runs unchanged in Node (server, tests) and in a Web Worker (`components/graph/layout.worker.ts`):
 * `elk.bundled.js` carries its own in-process "fake worker", so no second worker or URL is needed.
 */

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import { chooseSides, type Box, type EdgeRoute } from './geometry';
import { layoutKey, type LayoutInput } from './layout-key';
import {
  AZ_GAP,
  BAND_GAP,
  CARD_GAP,
  CHIP_GAP,
  GROUP_KINDS,
  GROUP_PADDING,
  NODE_SIZE,
  SUBNET_GAP,
  type Padding,
  type Size,
} from './sizes';
import type { Direction, NodeKind } from './types';

export { chooseSides, type EdgeRoute, type EdgeSides, type Side } from './geometry';

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
  /** For each edge id, which side of each end it leaves and enters by, and where it turns. */
  edges: Record<string, EdgeRoute>;
  width: number;
  height: number;
}

/** Kinds that belong to a VPC's address plan block and are arranged by hand rather than placed by ELK. */
const PLAN_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['az', 'subnet', 'natGateway', 'endpointEni', 'interfaceEndpoint']);
const CHIP_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['natGateway', 'endpointEni']);

/** Space between layers: wide enough for an edge label (`s3 (pl-63a5400a)`) and a few lanes. */
const LAYER_GAP = 100;
/** Space between VPCs in the region view. */
const CLUSTER_GAP = 72;
/** The aspect ratio (width / height) the region view aims for: a wide screen minus the toolbar. */
const TARGET_ASPECT = 2;
/**
 * A layer longer than the address plan times this is wrapped into columns (rows when top to bottom, where a
 * wide row suits a wide screen better).
 */
const WRAP_FACTOR: Record<Direction, number> = { RIGHT: 1.2, DOWN: 1.6 };
/** The shape (width / height) an AZ grid with many subnets aims for, before the other layers widen it. */
const GRID_ASPECT: Record<Direction, number> = { RIGHT: 1.2, DOWN: 2 };
/** Gap between the columns of a wrapped layer. */
const WRAP_GAP = 24;
const DEFAULT_PADDING: Padding = { top: 16, left: 16, bottom: 16, right: 16 };

// ELK's layered algorithm is deterministic for a given input and seed; the seed is pinned so that an ELK
// default change cannot reshuffle pictures between versions without a test noticing.
const COMMON_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.randomSeed': '7',
  'elk.spacing.nodeNode': '14',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.spacing.edgeNode': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.spacing.componentComponent': '32',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  // Edges are drawn by the canvas, not by ELK: polyline routing keeps ELK from widening the space between
  // layers into routing channels for hundreds of edges, and is much faster.
  'elk.edgeRouting': 'POLYLINE',
};

let elk: InstanceType<typeof ELK> | null = null;

const cache = new Map<string, GraphLayout>();
const CACHE_LIMIT = 12;

/**
 * Lays out a graph: each VPC's address plan arranged by hand, everything else placed by ELK (layered, compound
 * VPC nodes, `INCLUDE_CHILDREN`), VPCs packed in rows. Deterministic: the same graph and direction always give
 * the same positions. Results are cached by a hash of what positions depend on; callers must not mutate them.
 */
export async function layoutGraph(graph: LayoutInput, direction: Direction): Promise<GraphLayout> {
  const key = layoutKey(graph, direction);
  const hit = cache.get(key);
  if (hit) return hit;

  const plan = planLayout(graph, direction);
  elk ??= new ELK();
  const laidOut: ElkNode[] = [];
  // One VPC at a time: each run is shorter, and the same VPC gives the same picture whatever else is in the region.
  for (const cluster of plan.clusters) laidOut.push(await elk.layout(cluster.root));
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
  /** The AZ grid inside the block (relative to it), if any: where ENI edges turn. */
  grid: Box | null;
  /** The band of interface endpoints inside the block, if any. */
  band: Box | null;
}

interface Cluster {
  id: string;
  root: ElkNode;
  /** Top-level graph nodes in this cluster. */
  tops: string[];
}

interface Plan {
  clusters: Cluster[];
  tree: Tree;
  /** Boxes of every hand-arranged node, relative to its parent (members of a block: relative to the block). */
  stacked: Map<string, Box>;
  blocks: Map<string, Block>;
  /** Which block a hand-arranged node sits in. */
  blockOf: Map<string, string>;
}

/** The size a leaf of this kind is drawn at. */
function leafSize(kind: NodeKind): Size {
  return NODE_SIZE[kind];
}

/**
 * Places chips (NAT gateways, ENIs) in rows inside `innerWidth`: a chip that cannot share a row (a NAT gateway)
 * takes the row alone at full width. Returns the boxes relative to the content's top-left and the height used.
 */
function chipGrid(children: readonly string[], kind: (id: string) => NodeKind, innerWidth: number): { boxes: Map<string, Box>; height: number } {
  const boxes = new Map<string, Box>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const newRow = () => {
    if (x > 0) {
      y += rowHeight + CHIP_GAP;
      x = 0;
      rowHeight = 0;
    }
  };
  for (const id of children) {
    const size = leafSize(kind(id));
    if (size.width * 2 + CHIP_GAP > innerWidth) {
      newRow();
      boxes.set(id, { x: 0, y, width: innerWidth, height: size.height });
      y += size.height + CHIP_GAP;
      continue;
    }
    if (x > 0 && x + size.width > innerWidth) newRow();
    boxes.set(id, { x, y, width: size.width, height: size.height });
    x += size.width + CHIP_GAP;
    rowHeight = Math.max(rowHeight, size.height);
  }
  const height = x > 0 ? y + rowHeight : Math.max(0, y - CHIP_GAP);
  return { boxes, height };
}

/** Cards in a grid of `columns`, row by row. */
function cardGrid(children: readonly string[], kind: (id: string) => NodeKind, columns: number): { boxes: Map<string, Box>; size: Size } {
  const boxes = new Map<string, Box>();
  const cols = Math.max(1, columns);
  let cellWidth = 0;
  let cellHeight = 0;
  for (const id of children) {
    const s = leafSize(kind(id));
    cellWidth = Math.max(cellWidth, s.width);
    cellHeight = Math.max(cellHeight, s.height);
  }
  children.forEach((id, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    boxes.set(id, { x: col * (cellWidth + CARD_GAP), y: row * (cellHeight + CARD_GAP), width: cellWidth, height: cellHeight });
  });
  const usedCols = Math.min(cols, children.length);
  const rows = Math.ceil(children.length / cols);
  return {
    boxes,
    size: {
      width: usedCols > 0 ? usedCols * cellWidth + (usedCols - 1) * CARD_GAP : 0,
      height: rows > 0 ? rows * cellHeight + (rows - 1) * CARD_GAP : 0,
    },
  };
}

/** For columns of boxes, the height of each row: the tallest box at that index in any column. */
function alignedRows(columns: readonly (readonly Size[])[]): number[] {
  const rows = Math.max(0, ...columns.map((c) => c.length));
  return Array.from({ length: rows }, (_, r) => Math.max(0, ...columns.map((c) => c[r]?.height ?? 0)));
}

function sumWithGaps(lengths: readonly number[], gap: number): number {
  return lengths.length === 0 ? 0 : lengths.reduce((a, b) => a + b, 0) + gap * (lengths.length - 1);
}

/**
 * Arranges the address plan into blocks and builds ELK's JSON graphs for the rest, one per VPC. Exported for
 * tests that want to inspect what ELK is asked to do.
 */
export function planLayout(graph: LayoutInput, direction: Direction): Plan {
  const tree = buildTree(graph);
  const stacked = new Map<string, Box>();
  const blocks = new Map<string, Block>();
  const blockOf = new Map<string, string>();

  const kind = (id: string): NodeKind => tree.kindOf.get(id) ?? 'external';
  const children = (id: string | undefined): string[] => tree.childrenOf.get(id) ?? [];
  const padding = (k: NodeKind): Padding => GROUP_PADDING[k] ?? DEFAULT_PADDING;

  // A subnet (or an AZ whose subnets are hidden): its chips in a grid under its header.
  const sizeWithChips = (id: string, blockId: string): Size => {
    blockOf.set(id, blockId);
    const k = kind(id);
    const inside = children(id);
    if (inside.length === 0 || !GROUP_KINDS.has(k)) return leafSize(k);
    const pad = padding(k);
    const width = NODE_SIZE[k].width;
    const grid = chipGrid(inside, kind, width - pad.left - pad.right);
    for (const c of inside) {
      blockOf.set(c, blockId);
      const b = grid.boxes.get(c);
      if (b) stacked.set(c, { ...b, x: b.x + pad.left, y: b.y + pad.top });
    }
    return { width, height: Math.max(NODE_SIZE[k].height, pad.top + grid.height + pad.bottom) };
  };

  /**
   * AZ columns side by side, each AZ's subnets stacked (or its chips in a grid when subnets are hidden). Rows are
   * aligned across the columns and stretched to the tallest, so tiers line up; every column is as tall as the
   * tallest. An AZ with many subnets spreads them over several sub-columns, read top to bottom then left to
   * right, so that a 200-subnet VPC is not one tall strip. Boxes are relative to the grid's top-left.
   */
  const azColumns = (azs: readonly string[], blockId: string): Size => {
    const pad = padding('az');
    const inner = azs.map((az) => children(az));
    const subnetWidth = NODE_SIZE.subnet.width;
    let colWidth = NODE_SIZE.az.width;
    let colHeights: number[];
    if (inner.every((list) => list.every((id) => GROUP_KINDS.has(kind(id))))) {
      const sizes = inner.map((list) => list.map((id) => sizeWithChips(id, blockId)));
      const split = <T,>(list: readonly T[], k: number): T[][] => {
        const per = Math.max(1, Math.ceil(list.length / k));
        const parts: T[][] = [];
        for (let i = 0; i < list.length; i += per) parts.push(list.slice(i, i + per));
        return parts;
      };
      const most = Math.max(0, ...inner.map((l) => l.length));
      // Sub-columns per AZ: the count whose grid comes closest to the wanted shape; one for a handful of subnets.
      let best = 1;
      if (most > 6) {
        let bestScore = Number.POSITIVE_INFINITY;
        for (let k = 1; k <= Math.min(8, most); k++) {
          const rows = alignedRows(sizes.flatMap((s) => split(s, k)));
          const width = azs.length * (k * subnetWidth + (k - 1) * SUBNET_GAP + pad.left + pad.right) + (azs.length - 1) * AZ_GAP;
          const height = pad.top + sumWithGaps(rows, SUBNET_GAP) + pad.bottom;
          const score = Math.abs(Math.log(width / height / GRID_ASPECT[direction]));
          if (score < bestScore - 1e-9) {
            best = k;
            bestScore = score;
          }
        }
      }
      const columns = inner.map((list) => split(list, best));
      const rowHeights = alignedRows(sizes.flatMap((s) => split(s, best)));
      colWidth = Math.max(NODE_SIZE.az.width, best * subnetWidth + (best - 1) * SUBNET_GAP + pad.left + pad.right);
      for (const subColumns of columns) {
        subColumns.forEach((list, sc) => {
          let y = pad.top;
          list.forEach((id, r) => {
            const h = rowHeights[r] ?? 0;
            stacked.set(id, { x: pad.left + sc * (subnetWidth + SUBNET_GAP), y, width: subnetWidth, height: h });
            y += h + SUBNET_GAP;
          });
        });
      }
      const body = sumWithGaps(rowHeights, SUBNET_GAP);
      colHeights = inner.map(() => pad.top + body + pad.bottom);
    } else {
      colHeights = inner.map((list) => {
        const grid = chipGrid(list, kind, colWidth - pad.left - pad.right);
        for (const c of list) {
          blockOf.set(c, blockId);
          const b = grid.boxes.get(c);
          if (b) stacked.set(c, { ...b, x: b.x + pad.left, y: b.y + pad.top });
        }
        return pad.top + grid.height + pad.bottom;
      });
    }
    const height = Math.max(NODE_SIZE.az.height, ...colHeights);
    azs.forEach((az, i) => stacked.set(az, { x: i * (colWidth + AZ_GAP), y: 0, width: colWidth, height }));
    return { width: sumWithGaps(azs.map(() => colWidth), AZ_GAP), height };
  };

  /** Subnets drawn without their AZ box: columns of them, filled top to bottom, rows aligned. */
  const subnetColumns = (subnets: readonly string[], originX: number, blockId: string): Size => {
    const cols = Math.max(1, Math.min(8, Math.round(Math.sqrt(subnets.length / 3))));
    const perCol = Math.ceil(subnets.length / cols);
    const columns: string[][] = [];
    for (let i = 0; i < subnets.length; i += perCol) columns.push(subnets.slice(i, i + perCol));
    const sizes = columns.map((col) => col.map((id) => sizeWithChips(id, blockId)));
    const rowHeights = alignedRows(sizes);
    const colWidth = Math.max(NODE_SIZE.subnet.width, ...sizes.flat().map((s) => s.width));
    columns.forEach((col, ci) => {
      let y = 0;
      col.forEach((id, r) => {
        const h = rowHeights[r] ?? 0;
        stacked.set(id, { x: originX + ci * (colWidth + AZ_GAP), y, width: colWidth, height: h });
        y += h + SUBNET_GAP;
      });
    });
    return { width: sumWithGaps(columns.map(() => colWidth), AZ_GAP), height: sumWithGaps(rowHeights, SUBNET_GAP) };
  };

  const makeBlock = (container: string | undefined, members: string[]): Block => {
    const id = `__plan__:${container ?? ''}`;
    for (const m of members) blockOf.set(m, id);
    const azs = members.filter((m) => kind(m) === 'az');
    const looseSubnets = members.filter((m) => kind(m) === 'subnet');
    const looseChips = members.filter((m) => CHIP_KINDS.has(kind(m)));
    const cards = members.filter((m) => kind(m) === 'interfaceEndpoint');

    // Sections stacked across the flow, each arranged at its own origin and moved into place at the end.
    interface Section {
      size: Size;
      ids: readonly string[];
    }
    const sections: Section[] = [];
    let grid: Section | null = null;
    if (azs.length > 0 || looseSubnets.length > 0) {
      let width = 0;
      let height = 0;
      if (azs.length > 0) {
        const s = azColumns(azs, id);
        width = s.width;
        height = s.height;
      }
      if (looseSubnets.length > 0) {
        const originX = width > 0 ? width + AZ_GAP : 0;
        const s = subnetColumns(looseSubnets, originX, id);
        width = originX + s.width;
        height = Math.max(height, s.height);
      }
      grid = { size: { width, height }, ids: [...azs, ...looseSubnets] };
      sections.push(grid);
    }
    if (looseChips.length > 0) {
      const width = Math.max(grid?.size.width ?? 0, 4 * NODE_SIZE.endpointEni.width + 3 * CHIP_GAP);
      const chips = chipGrid(looseChips, kind, width);
      for (const c of looseChips) {
        const b = chips.boxes.get(c);
        if (b) stacked.set(c, b);
      }
      sections.push({ size: { width, height: chips.height }, ids: looseChips });
    }
    let band: Section | null = null;
    if (cards.length > 0) {
      const cardWidth = NODE_SIZE.interfaceEndpoint.width;
      const widest = Math.max(0, ...sections.map((s) => s.size.width));
      const columns = widest > 0 ? Math.max(1, Math.floor((widest + CARD_GAP) / (cardWidth + CARD_GAP))) : Math.ceil(Math.sqrt(cards.length * 2));
      const cardBoxes = cardGrid(cards, kind, columns);
      for (const c of cards) {
        const b = cardBoxes.boxes.get(c);
        if (b) stacked.set(c, b);
      }
      band = { size: cardBoxes.size, ids: cards };
    }
    // Left to right the band goes under the grid, out of the way of the edges leaving it to the right; top to
    // bottom it goes above, out of the way of the edges leaving downwards.
    const ordered = band ? (direction === 'RIGHT' ? [...sections, band] : [band, ...sections]) : sections;
    let y = 0;
    let width = 0;
    let gridBox: Box | null = null;
    let bandBox: Box | null = null;
    for (const s of ordered) {
      for (const m of s.ids) {
        const b = stacked.get(m);
        if (b) stacked.set(m, { ...b, y: b.y + y });
      }
      const box = { x: 0, y, width: s.size.width, height: s.size.height };
      if (s === band) bandBox = box;
      if (s === grid) gridBox = box;
      y += s.size.height + BAND_GAP;
      width = Math.max(width, s.size.width);
    }
    const block: Block = {
      id,
      container,
      members,
      size: { width: Math.max(1, width), height: Math.max(1, y - BAND_GAP) },
      grid: gridBox,
      band: bandBox,
    };
    blocks.set(id, block);
    return block;
  };

  const elkNodes = new Map<string, ElkNode>();
  const elkParent = new Map<string, string>();

  // Children of a container that ELK places, plus the container's plan block if it has one.
  const elkChildren = (container: string | undefined, containerElkId: string, members: readonly string[]): ElkNode[] => {
    const planMembers = members.filter((c) => PLAN_KINDS.has(kind(c)));
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
    for (const c of members) {
      if (PLAN_KINDS.has(kind(c))) continue;
      const k = kind(c);
      const grandChildren = children(c);
      const node: ElkNode =
        k === 'vpc' && grandChildren.length > 0
          ? { id: c, layoutOptions: containerOptions(k, direction), children: [] }
          : { id: c, width: NODE_SIZE[k].width, height: NODE_SIZE[k].height };
      elkNodes.set(c, node);
      elkParent.set(c, containerElkId);
      if (node.children) node.children = elkChildren(c, c, grandChildren);
      result.push(node);
    }
    return result;
  };

  // Which VPC each top-level node is drawn beside: a route target goes with the first VPC that routes to it.
  const topOf = (id: string): string => {
    let cur = id;
    for (let p = tree.parentOf.get(cur); p !== undefined; p = tree.parentOf.get(cur)) cur = p;
    return cur;
  };
  const tops = children(undefined);
  const vpcTops = tops.filter((t) => kind(t) === 'vpc');
  const vpcOrder = new Map(vpcTops.map((v, i) => [v, i]));
  const clusterOf = new Map<string, string>(vpcTops.map((v) => [v, v]));
  const LOOSE = '__loose__';
  const linked = new Map<string, string>();
  for (const e of graph.edges) {
    const a = topOf(e.source);
    const b = topOf(e.target);
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (vpcOrder.has(self) || !vpcOrder.has(other)) continue;
      const current = linked.get(self);
      if (current === undefined || (vpcOrder.get(other) ?? 0) < (vpcOrder.get(current) ?? 0)) linked.set(self, other);
    }
  }
  for (const t of tops) if (!clusterOf.has(t)) clusterOf.set(t, linked.get(t) ?? LOOSE);

  const clusterIds = [...vpcTops, ...(tops.some((t) => clusterOf.get(t) === LOOSE) ? [LOOSE] : [])];
  const ports = new Map<string, string>();
  const clusters: Cluster[] = [];

  for (const cid of clusterIds) {
    const members = tops.filter((t) => clusterOf.get(t) === cid);
    const rootId = `__root__:${cid}`;
    const root: ElkNode = {
      id: rootId,
      layoutOptions: {
        ...COMMON_OPTIONS,
        'elk.direction': direction,
        'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
        'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      },
      children: [],
    };
    elkNodes.set(rootId, root);
    root.children = elkChildren(undefined, rootId, members);
    clusters.push({ id: cid, root, tops: members });
  }

  // Absolute position of an arranged node inside its block, for port placement.
  const offsetInBlock = (id: string): Box | null => {
    const box = stacked.get(id);
    if (!box) return null;
    const parent = tree.parentOf.get(id);
    if (parent === undefined || !blockOf.has(parent) || !stacked.has(parent)) return box;
    const p = offsetInBlock(parent);
    return p ? { ...box, x: p.x + box.x, y: p.y + box.y } : box;
  };

  const endpointFor = (id: string, role: 'source' | 'target'): string | null => {
    const blockId = blockOf.get(id);
    if (blockId === undefined) return elkNodes.has(id) ? id : null;
    const block = elkNodes.get(blockId);
    const box = id === blockId ? null : offsetInBlock(id);
    const size = blocks.get(blockId)?.size;
    if (!block || !size) return null;
    // Edges leave by the downstream side of the block and arrive by the upstream side.
    const side = direction === 'RIGHT' ? (role === 'source' ? 'EAST' : 'WEST') : role === 'source' ? 'SOUTH' : 'NORTH';
    const portId = `${id}>${side}`;
    if (!ports.has(portId)) {
      const along = box ?? { x: 0, y: 0, width: size.width, height: size.height };
      const port: ElkPort =
        side === 'EAST' || side === 'WEST'
          ? { id: portId, width: 1, height: 1, x: side === 'EAST' ? size.width : -1, y: along.y + along.height / 2 }
          : { id: portId, width: 1, height: 1, x: along.x + along.width / 2, y: side === 'SOUTH' ? size.height : -1 };
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
  const rootOf = (elkId: string): string | undefined => {
    const chain = ancestorsInElk(elkId);
    return chain[chain.length - 1];
  };

  const addEdge = (id: string, source: string, target: string) => {
    const sourceNode = ownerOf(source);
    const targetNode = ownerOf(target);
    if (sourceNode === targetNode) return;
    const sourceChain = [sourceNode, ...ancestorsInElk(sourceNode)];
    const targetChain = new Set([targetNode, ...ancestorsInElk(targetNode)]);
    // ELK cannot route an edge from a group into its own contents, nor between two separate runs.
    if (targetChain.has(sourceNode) || sourceChain.includes(targetNode)) return;
    const lca = sourceChain.find((x) => targetChain.has(x));
    if (lca === undefined) return;
    const container = elkNodes.get(lca);
    if (!container) return;
    const edge: ElkExtendedEdge = { id, sources: [source], targets: [target] };
    (container.edges ??= []).push(edge);
  };

  const hasIncoming = new Set<string>();
  for (const e of graph.edges) {
    // Routes to a NAT gateway or an ENI run back into the address plan, against the flow; ELK would bend the
    // whole picture to honour them. React Flow still draws them.
    const targetKind = tree.kindOf.get(e.target);
    if (e.kind === 'route' && (targetKind === 'natGateway' || targetKind === 'endpointEni')) continue;
    if (blockOf.has(e.source) && blockOf.get(e.source) === blockOf.get(e.target)) continue;
    const source = endpointFor(e.source, 'source');
    const target = endpointFor(e.target, 'target');
    if (source === null || target === null) continue;
    if (rootOf(ownerOf(source)) !== rootOf(ownerOf(target))) continue;
    addEdge(e.id, source, target);
    hasIncoming.add(ownerOf(target));
  }

  // A route table no subnet uses (or whose subnets are hidden) and a gateway endpoint on no table have no edge into
  // their layer; an invisible edge puts them there instead of beside the address plan.
  for (const vpc of vpcTops) {
    const inside = children(vpc);
    const blockId = `__plan__:${vpc}`;
    const tables = inside.filter((c) => kind(c) === 'routeTable');
    const firstTable = tables[0];
    for (const c of inside) {
      if (PLAN_KINDS.has(kind(c)) || hasIncoming.has(c)) continue;
      const from = kind(c) === 'routeTable' || firstTable === undefined ? (blocks.has(blockId) ? endpointFor(blockId, 'source') : null) : firstTable;
      if (from !== null && from !== c) addEdge(`__layer__:${c}`, from, c);
    }
  }

  return { clusters, tree, stacked, blocks, blockOf };
}

function containerOptions(kind: NodeKind, direction: Direction): LayoutOptions {
  const padding = GROUP_PADDING[kind] ?? DEFAULT_PADDING;
  const min = NODE_SIZE[kind];
  return {
    ...COMMON_OPTIONS,
    'elk.direction': direction,
    'elk.padding': `[top=${padding.top},left=${padding.left},bottom=${padding.bottom},right=${padding.right}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${min.width}, ${min.height})`,
  };
}

/** Lanes of one VPC along the flow axis, in absolute coordinates: where edges between layers turn. */
interface Lanes {
  /** Between the address plan and the route tables. */
  planToTables: [number, number] | null;
  /** Between the route tables and the gateways. */
  tablesToGateways: [number, number] | null;
  /** Between the VPC's border and the targets outside it. */
  outside: [number, number] | null;
  /** Across the flow: between the AZ grid and the band of interface endpoints. */
  gridToBand: [number, number] | null;
}

interface Placed {
  /** Relative to the parent (React Flow's convention). */
  relative: Map<string, Box>;
  lanes: Map<string, Lanes>;
  width: number;
  height: number;
}

/** Flow axis helpers: `f` runs along the layout direction, `c` across it. */
function axes(direction: Direction) {
  const horizontal = direction === 'RIGHT';
  return {
    f: (b: Box) => (horizontal ? b.x : b.y),
    c: (b: Box) => (horizontal ? b.y : b.x),
    fSize: (b: Box) => (horizontal ? b.width : b.height),
    cSize: (b: Box) => (horizontal ? b.height : b.width),
    make: (f: number, c: number, fSize: number, cSize: number): Box =>
      horizontal ? { x: f, y: c, width: fSize, height: cSize } : { x: c, y: f, width: cSize, height: fSize },
  };
}

/**
 * Wraps a layer of one VPC that is much longer than the address plan into columns (rows top to bottom), in ELK's
 * order, and moves what lies downstream of it by the width it gained. Works on boxes relative to the VPC, and
 * on the VPC's box and its cluster's top-level boxes.
 */
function wrapLayer(
  members: string[],
  boxes: Map<string, Box>,
  vpcId: string,
  clusterBoxes: Map<string, Box>,
  limit: number,
  padStart: number,
  direction: Direction,
): boolean {
  const ax = axes(direction);
  const items = members.map((id) => ({ id, box: boxes.get(id) })).filter((m): m is { id: string; box: Box } => m.box !== undefined);
  if (items.length < 2) return false;
  const start = Math.min(...items.map((m) => ax.c(m.box)));
  const end = Math.max(...items.map((m) => ax.c(m.box) + ax.cSize(m.box)));
  if (end - start <= limit) return false;
  items.sort((a, b) => ax.c(a.box) - ax.c(b.box) || ax.f(a.box) - ax.f(b.box));
  const total = items.reduce((sum, m) => sum + ax.cSize(m.box) + 14, 0);
  const columns = Math.max(2, Math.ceil(total / limit));
  const perColumn = Math.ceil(items.length / columns);
  const fStart = Math.min(...items.map((m) => ax.f(m.box)));
  const fEnd = Math.max(...items.map((m) => ax.f(m.box) + ax.fSize(m.box)));
  const colSize = Math.max(...items.map((m) => ax.fSize(m.box)));
  let used = 0;
  let longest = 0;
  items.forEach((m, i) => {
    const col = Math.floor(i / perColumn);
    if (i % perColumn === 0) used = padStart;
    boxes.set(m.id, ax.make(fStart + col * (colSize + WRAP_GAP), used, ax.fSize(m.box), ax.cSize(m.box)));
    used += ax.cSize(m.box) + 14;
    longest = Math.max(longest, used - 14);
  });
  const usedColumns = Math.ceil(items.length / perColumn);
  const newEnd = fStart + usedColumns * colSize + (usedColumns - 1) * WRAP_GAP;
  const delta = newEnd - fEnd;
  const moved = new Set(items.map((m) => m.id));
  for (const [id, b] of boxes) {
    if (!moved.has(id) && ax.f(b) >= fEnd) boxes.set(id, ax.make(ax.f(b) + delta, ax.c(b), ax.fSize(b), ax.cSize(b)));
  }
  const vpc = clusterBoxes.get(vpcId);
  if (vpc) {
    const grown = ax.make(ax.f(vpc), ax.c(vpc), ax.fSize(vpc) + delta, Math.max(ax.cSize(vpc), longest + 20));
    clusterBoxes.set(vpcId, grown);
    for (const [id, b] of clusterBoxes) {
      if (id !== vpcId && ax.f(b) >= ax.f(vpc) + ax.fSize(vpc)) clusterBoxes.set(id, ax.make(ax.f(b) + delta, ax.c(b), ax.fSize(b), ax.cSize(b)));
    }
  }
  return true;
}

/**
 * Stacks boxes from `start` across the flow, in their current order, keeping their place along it: after a layer
 * was wrapped, ELK's alignment of the other layers with it no longer means anything.
 */
function restack(ids: readonly string[], boxes: Map<string, Box>, start: number, direction: Direction): void {
  const ax = axes(direction);
  const items = ids.map((id) => ({ id, box: boxes.get(id) })).filter((m): m is { id: string; box: Box } => m.box !== undefined);
  items.sort((a, b) => ax.c(a.box) - ax.c(b.box) || ax.f(a.box) - ax.f(b.box));
  let used = start;
  for (const m of items) {
    boxes.set(m.id, ax.make(ax.f(m.box), used, ax.fSize(m.box), ax.cSize(m.box)));
    used += ax.cSize(m.box) + 14;
  }
}

/**
 * Places clusters (one VPC and its outside targets each) in rows of the same count, in their order, choosing the
 * count that shows them biggest on a screen shaped `TARGET_ASPECT`. Rows are top-aligned; returns each cluster's
 * top-left.
 */
export function packClusters(sizes: readonly Size[]): { x: number; y: number }[] {
  if (sizes.length === 0) return [];
  // Candidate row breaks: a fixed count per row, or rows filled up to a width limit (which lets a wide VPC sit
  // alone in its row while narrow ones share theirs).
  const candidates: number[][] = [];
  const total = sizes.reduce((sum, s) => sum + s.width, 0) + CLUSTER_GAP * (sizes.length - 1);
  const widest = Math.max(...sizes.map((s) => s.width));
  for (let k = 1; k <= sizes.length; k++) {
    candidates.push(sizes.map((_, i) => Math.floor(i / k)));
    const limit = Math.max(widest, total / k);
    const rows: number[] = [];
    let row = 0;
    let x = 0;
    for (const s of sizes) {
      if (x > 0 && x + s.width > limit + 1) {
        row += 1;
        x = 0;
      }
      rows.push(row);
      x += s.width + CLUSTER_GAP;
    }
    candidates.push(rows);
  }
  let best: { x: number; y: number }[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const rows of candidates) {
    const positions: { x: number; y: number }[] = [];
    let y = 0;
    let width = 0;
    const count = (rows[rows.length - 1] ?? 0) + 1;
    for (let r = 0; r < count; r++) {
      const members = sizes.map((s, i) => ({ s, i })).filter(({ i }) => rows[i] === r);
      let x = 0;
      for (const { s, i } of members) {
        positions[i] = { x, y };
        x += s.width + CLUSTER_GAP;
      }
      width = Math.max(width, x - CLUSTER_GAP);
      y += Math.max(0, ...members.map(({ s }) => s.height)) + CLUSTER_GAP;
    }
    // The extent that decides the zoom when fitted into a TARGET_ASPECT screen: smaller is a bigger picture.
    const score = Math.max(width / TARGET_ASPECT, y - CLUSTER_GAP);
    if (score < bestScore - 1e-9) {
      best = positions;
      bestScore = score;
    }
  }
  return best;
}

function collectLayout(laidOut: readonly ElkNode[], plan: Plan, graph: LayoutInput, direction: Direction, key: string): GraphLayout {
  const placed = placeClusters(laidOut, plan, direction);

  const nodes: PositionedNode[] = [];
  const absolute = new Map<string, Box>();
  for (const n of graph.nodes) {
    const box = placed.relative.get(n.id);
    if (!box) continue;
    const parentId = plan.tree.parentOf.get(n.id);
    const parentAbs = parentId === undefined ? undefined : absolute.get(parentId);
    absolute.set(n.id, parentAbs ? { ...box, x: parentAbs.x + box.x, y: parentAbs.y + box.y } : box);
    nodes.push(parentId === undefined ? { id: n.id, kind: n.kind, ...box } : { id: n.id, kind: n.kind, parentId, ...box });
  }

  const edges = routeEdges(graph, plan, absolute, placed.lanes, direction);
  return { key, direction, nodes, edges, width: placed.width, height: placed.height };
}

function placeClusters(laidOut: readonly ElkNode[], plan: Plan, direction: Direction): Placed {
  const ax = axes(direction);
  // Whole pixels: sub-pixel offsets blur text in nested transforms and make snapshots noisy.
  const round = (b: Box): Box => ({ x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) });
  const relative = new Map<string, Box>();
  const lanes = new Map<string, Lanes>();
  const clusterSizes: Size[] = [];
  const clusterTops: Map<string, Box>[] = [];

  plan.clusters.forEach((cluster, i) => {
    const root = laidOut[i];
    if (!root) return;
    const tops = new Map<string, Box>();
    const inner = new Map<string, Map<string, Box>>();
    for (const child of root.children ?? []) {
      tops.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
      if (child.children) {
        const boxes = new Map<string, Box>();
        for (const g of child.children) boxes.set(g.id, { x: g.x ?? 0, y: g.y ?? 0, width: g.width ?? 0, height: g.height ?? 0 });
        inner.set(child.id, boxes);
      }
    }

    // Wrap long layers of each VPC, then note where its lanes are.
    for (const [vpcId, boxes] of inner) {
      const blockBox = boxes.get(`__plan__:${vpcId}`);
      const pad = GROUP_PADDING.vpc ?? DEFAULT_PADDING;
      const limit = Math.max(720, (blockBox ? ax.cSize(blockBox) : 0) * WRAP_FACTOR[direction]);
      const kindOf = (id: string) => plan.tree.kindOf.get(id);
      const tables = [...boxes.keys()].filter((id) => kindOf(id) === 'routeTable');
      const padStart = direction === 'RIGHT' ? pad.top : pad.left;
      const gateways = [...boxes.keys()].filter((id) => !id.startsWith('__plan__:') && kindOf(id) !== 'routeTable');
      const wrappedTables = wrapLayer(tables, boxes, vpcId, tops, limit, padStart, direction);
      const wrappedGateways = wrapLayer(gateways, boxes, vpcId, tops, limit, padStart, direction);
      if (wrappedTables || wrappedGateways) {
        if (!wrappedTables) restack(tables, boxes, padStart, direction);
        if (!wrappedGateways) restack(gateways, boxes, padStart, direction);
        if (blockBox) restack([`__plan__:${vpcId}`], boxes, padStart, direction);
        const vpcTop = tops.get(vpcId);
        const outside = [...tops.keys()].filter((id) => id !== vpcId);
        if (vpcTop) restack(outside, tops, ax.c(vpcTop) + padStart, direction);
      }
      // The VPC's box must still hold everything after wrapping.
      const vpcBox = tops.get(vpcId);
      if (vpcBox) {
        let fEnd = 0;
        let cEnd = 0;
        for (const b of boxes.values()) {
          fEnd = Math.max(fEnd, ax.f(b) + ax.fSize(b));
          cEnd = Math.max(cEnd, ax.c(b) + ax.cSize(b));
        }
        const padEndF = direction === 'RIGHT' ? pad.right : pad.bottom;
        const padEndC = direction === 'RIGHT' ? pad.bottom : pad.right;
        const min = ax.make(0, 0, NODE_SIZE.vpc.width, NODE_SIZE.vpc.height);
        tops.set(vpcId, ax.make(ax.f(vpcBox), ax.c(vpcBox), Math.max(ax.fSize(min), fEnd + padEndF), Math.max(ax.cSize(min), cEnd + padEndC)));
      }
    }

    // Normalise the cluster to start at 0,0.
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = 0;
    let maxY = 0;
    for (const b of tops.values()) {
      minX = Math.min(minX, b.x);
      minY = Math.min(minY, b.y);
      maxX = Math.max(maxX, b.x + b.width);
      maxY = Math.max(maxY, b.y + b.height);
    }
    if (!Number.isFinite(minX)) {
      minX = 0;
      minY = 0;
    }
    for (const [id, b] of tops) tops.set(id, { ...b, x: b.x - minX, y: b.y - minY });
    clusterSizes.push({ width: Math.max(1, maxX - minX), height: Math.max(1, maxY - minY) });
    clusterTops.push(tops);
    for (const boxes of inner.values()) for (const [id, b] of boxes) relative.set(id, b);
  });

  const MARGIN = 24;
  const offsets = packClusters(clusterSizes);
  let width = 0;
  let height = 0;
  clusterTops.forEach((tops, i) => {
    const o = offsets[i] ?? { x: 0, y: 0 };
    for (const [id, b] of tops) relative.set(id, { ...b, x: b.x + o.x + MARGIN, y: b.y + o.y + MARGIN });
    const s = clusterSizes[i];
    if (s) {
      width = Math.max(width, o.x + s.width + 2 * MARGIN);
      height = Math.max(height, o.y + s.height + 2 * MARGIN);
    }
  });

  // Blocks are not nodes: their members are relative to the block, which sits inside their parent.
  for (const [id, box] of plan.stacked) {
    const blockId = plan.blockOf.get(id);
    const block = blockId === undefined ? undefined : plan.blocks.get(blockId);
    const blockBox = blockId === undefined ? undefined : relative.get(blockId);
    const isMember = block?.members.includes(id) ?? false;
    relative.set(id, isMember && blockBox ? { ...box, x: box.x + blockBox.x, y: box.y + blockBox.y } : box);
  }

  // Lanes, in absolute coordinates.
  for (const [blockId, block] of plan.blocks) {
    const vpcId = block.container;
    const blockRel = relative.get(blockId);
    if (!blockRel) continue;
    const vpcBox = vpcId === undefined ? { x: 0, y: 0, width: 0, height: 0 } : relative.get(vpcId);
    if (!vpcBox) continue;
    const blockAbs = { ...blockRel, x: blockRel.x + (vpcId === undefined ? 0 : vpcBox.x), y: blockRel.y + (vpcId === undefined ? 0 : vpcBox.y) };
    const inVpc = (kind: NodeKind) =>
      (plan.tree.childrenOf.get(vpcId) ?? [])
        .filter((id) => plan.tree.kindOf.get(id) === kind || (kind === 'internetGateway' && plan.tree.kindOf.get(id) === 'gatewayEndpoint'))
        .map((id) => relative.get(id))
        .filter((b): b is Box => b !== undefined)
        .map((b) => (vpcId === undefined ? b : { ...b, x: b.x + vpcBox.x, y: b.y + vpcBox.y }));
    const tables = inVpc('routeTable');
    const gateways = inVpc('internetGateway');
    const span = (list: Box[]): [number, number] | null =>
      list.length === 0 ? null : [Math.min(...list.map(ax.f)), Math.max(...list.map((b) => ax.f(b) + ax.fSize(b)))];
    const planEnd = ax.f(blockAbs) + ax.fSize(blockAbs);
    const t = span(tables);
    const g = span(gateways);
    const vpcEnd = vpcId === undefined ? null : ax.f(vpcBox) + ax.fSize(vpcBox);
    const outsideTargets = (plan.clusters.find((c) => vpcId !== undefined && c.tops.includes(vpcId))?.tops ?? [])
      .filter((id) => plan.tree.kindOf.get(id) === 'external')
      .map((id) => relative.get(id))
      .filter((b): b is Box => b !== undefined && vpcEnd !== null && ax.f(b) >= vpcEnd);
    const outsideStart = outsideTargets.length > 0 ? Math.min(...outsideTargets.map(ax.f)) : null;
    const grid = block.grid;
    const bandBox = block.band;
    let gridToBand: [number, number] | null = null;
    if (grid && bandBox) {
      // Across the flow in block coordinates: y for left to right, where the band sits below; above for top to bottom.
      const top = Math.min(grid.y + grid.height, bandBox.y + bandBox.height);
      const bottom = Math.max(grid.y, bandBox.y);
      gridToBand = [blockAbs.y + top, blockAbs.y + bottom];
    }
    lanes.set(vpcId ?? '', {
      planToTables: t ? [planEnd, t[0]] : null,
      tablesToGateways: t && g ? [t[1], g[0]] : t && vpcEnd !== null ? [t[1], vpcEnd] : null,
      outside: vpcEnd !== null && outsideStart !== null ? [vpcEnd, outsideStart] : null,
      gridToBand,
    });
  }

  for (const [id, b] of relative) relative.set(id, round(b));
  return { relative, lanes, width: Math.round(width), height: Math.round(height) };
}

/**
 * Sides and turning points of every edge. Edges that cross the same gap between two layers turn in lanes spread
 * across it, one lane per route table (or per target), so a table's edges can be told from its neighbours'.
 */
function routeEdges(graph: LayoutInput, plan: Plan, absolute: Map<string, Box>, lanes: Map<string, Lanes>, direction: Direction): Record<string, EdgeRoute> {
  const ax = axes(direction);
  const kindOf = (id: string) => plan.tree.kindOf.get(id);
  const vpcOf = (id: string): string => {
    let cur: string | undefined = id;
    while (cur !== undefined) {
      if (kindOf(cur) === 'vpc') return cur;
      cur = plan.tree.parentOf.get(cur);
    }
    return '';
  };
  type Slot = { lane: [number, number]; key: string; order: number };
  const slots = new Map<string, Slot>();
  const laneKeys = new Map<string, Map<string, number>>();
  const edges: Record<string, EdgeRoute> = {};

  for (const e of graph.edges) {
    const s = absolute.get(e.source);
    const t = absolute.get(e.target);
    if (!s || !t) continue;
    const sk = kindOf(e.source);
    const tk = kindOf(e.target);
    if (e.kind === 'endpointEni' && sk === 'interfaceEndpoint') {
      // The band of endpoints sits beside the grid across the flow: these edges run across it, vertically first.
      const above = t.y + t.height <= s.y;
      edges[e.id] = above ? { source: 'top', target: 'bottom' } : { source: 'bottom', target: 'top' };
      const l = lanes.get(vpcOf(e.source))?.gridToBand;
      if (l) {
        const route = edges[e.id];
        if (route) route.bend = Math.round((l[0] + l[1]) / 2);
      }
      continue;
    }
    edges[e.id] = chooseSides(s, t, direction);
    const l = lanes.get(vpcOf(e.source));
    if (!l) continue;
    let lane: [number, number] | null = null;
    let laneKey = '';
    if (e.kind === 'association' && tk === 'routeTable') {
      lane = l.planToTables;
      laneKey = e.target;
    } else if (e.kind === 'route' && sk === 'routeTable') {
      if (tk === 'natGateway' || tk === 'endpointEni') {
        lane = l.planToTables;
        laneKey = e.source;
      } else if (tk === 'external') {
        lane = l.outside;
        laneKey = e.target;
      } else {
        lane = l.tablesToGateways;
        laneKey = e.target;
      }
    }
    if (!lane || lane[1] - lane[0] < 8) continue;
    const id = `${lane[0]}:${lane[1]}`;
    let keys = laneKeys.get(id);
    if (!keys) laneKeys.set(id, (keys = new Map()));
    const anchor = absolute.get(laneKey);
    if (!keys.has(laneKey)) keys.set(laneKey, anchor ? ax.c(anchor) + ax.cSize(anchor) / 2 : 0);
    slots.set(e.id, { lane, key: laneKey, order: 0 });
  }

  // Spread each lane's keys across it in the order of their anchors, so neighbouring tables get neighbouring lanes.
  const positions = new Map<string, Map<string, number>>();
  for (const [id, keys] of laneKeys) {
    const ordered = [...keys.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const map = new Map<string, number>();
    ordered.forEach(([k], i) => map.set(k, (i + 1) / (ordered.length + 1)));
    positions.set(id, map);
  }
  for (const [edgeId, slot] of slots) {
    const fraction = positions.get(`${slot.lane[0]}:${slot.lane[1]}`)?.get(slot.key);
    const route = edges[edgeId];
    if (fraction === undefined || !route) continue;
    // Keep lanes at least a label's breadth away from the far side, where arrowheads and labels sit.
    const [a, b] = slot.lane;
    route.bend = Math.round(a + 10 + (b - a - 20) * fraction);
  }
  return edges;
}
