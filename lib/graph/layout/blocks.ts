/**
 * Stage 1: the address plan of each container, arranged by hand into one rectangular block: the AZs side by side
 * as columns, each AZ's subnets stacked in CIDR order with rows aligned across the columns (a three-tier VPC
 * reads as a public / app / data grid), NAT gateways and endpoint ENIs as chips in a grid inside their subnet,
 * and the interface endpoints as a band of cards beside the grid (below it left to right, above it top to
 * bottom). Pure arithmetic, so the order is exactly the graph's order.
 */

import type { Box } from '../geometry';
import { AZ_GAP, BAND_GAP, CARD_GAP, CHIP_GAP, GROUP_KINDS, NODE_SIZE, SUBNET_GAP, type Size } from '../sizes';
import type { Direction, NodeKind } from '../types';
import { alignedRows, cardGrid, chipGrid, splitInto } from './grids';
import { maxOf } from '@/lib/arrays';
import { sumWithGaps } from './grids';
import { CHIP_KINDS, GRID_ASPECT, PLAN_KINDS, paddingOf } from './options';
import { childrenIn, kindIn, sizeIn } from './tree';
import type { Block, ClusterMembers, Tree } from './types';

/** Boxes of what an arrangement placed, each relative to its parent, and the size it takes. */
interface Arranged {
  size: Size;
  boxes: Map<string, Box>;
}

/** The block id of a container's address plan; top-level plan nodes get one block per cluster. */
export function blockIdOf(container: string | undefined, clusterId: string): string {
  return container === undefined ? `__plan__:~${clusterId}` : `__plan__:${container}`;
}

function addAll(into: Map<string, Box>, from: ReadonlyMap<string, Box>): void {
  for (const [id, box] of from) into.set(id, box);
}

/** A subnet (or an AZ whose subnets are hidden): its chips in a grid under its header. */
function groupWithChips(tree: Tree, id: string): Arranged {
  const k = kindIn(tree, id);
  const inside = childrenIn(tree, id);
  const boxes = new Map<string, Box>();
  if (inside.length === 0 || !GROUP_KINDS.has(k)) return { size: NODE_SIZE[k], boxes };
  const pad = paddingOf(k);
  const width = NODE_SIZE[k].width;
  const grid = chipGrid(inside, (c) => sizeIn(tree, c), width - pad.left - pad.right);
  for (const c of inside) {
    const b = grid.boxes.get(c);
    if (b) boxes.set(c, { ...b, x: b.x + pad.left, y: b.y + pad.top });
  }
  return { size: { width, height: Math.max(NODE_SIZE[k].height, pad.top + grid.height + pad.bottom) }, boxes };
}

/**
 * Sub-columns per AZ: the count whose grid comes closest to the wanted shape; one for a handful of subnets.
 * A 200-subnet VPC then reads top to bottom then left to right in each AZ, not as one tall strip.
 */
function subColumnsPerAz(sizes: readonly (readonly Size[])[], azCount: number, direction: Direction): number {
  const most = maxOf(sizes.map((l) => l.length), 0);
  if (most <= 6) return 1;
  const pad = paddingOf('az');
  const subnetWidth = NODE_SIZE.subnet.width;
  let best = 1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let k = 1; k <= Math.min(8, most); k++) {
    const rows = alignedRows(sizes.flatMap((s) => splitInto(s, k)));
    const width = azCount * (k * subnetWidth + (k - 1) * SUBNET_GAP + pad.left + pad.right) + (azCount - 1) * AZ_GAP;
    const height = pad.top + sumWithGaps(rows, SUBNET_GAP) + pad.bottom;
    const score = Math.abs(Math.log(width / height / GRID_ASPECT[direction]));
    if (score < bestScore - 1e-9) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}

/**
 * AZ columns side by side, each AZ's subnets stacked (or its chips in a grid when subnets are hidden). Rows are
 * aligned across the columns and stretched to the tallest, so tiers line up; every column is as tall as the
 * tallest. Boxes of the AZs are relative to the grid's top-left.
 */
export function azColumns(tree: Tree, azs: readonly string[], direction: Direction): Arranged {
  const boxes = new Map<string, Box>();
  const pad = paddingOf('az');
  const inner = azs.map((az) => childrenIn(tree, az));
  const subnetWidth = NODE_SIZE.subnet.width;
  let colWidth = NODE_SIZE.az.width;
  let colHeights: number[];
  if (inner.every((list) => list.every((id) => GROUP_KINDS.has(kindIn(tree, id))))) {
    const groups = inner.map((list) => list.map((id) => groupWithChips(tree, id)));
    for (const list of groups) for (const g of list) addAll(boxes, g.boxes);
    const sizes = groups.map((list) => list.map((g) => g.size));
    const best = subColumnsPerAz(sizes, azs.length, direction);
    const rowHeights = alignedRows(sizes.flatMap((s) => splitInto(s, best)));
    colWidth = Math.max(NODE_SIZE.az.width, best * subnetWidth + (best - 1) * SUBNET_GAP + pad.left + pad.right);
    for (const list of inner) {
      splitInto(list, best).forEach((subColumn, sc) => {
        let y = pad.top;
        subColumn.forEach((id, r) => {
          const h = rowHeights[r] ?? 0;
          boxes.set(id, { x: pad.left + sc * (subnetWidth + SUBNET_GAP), y, width: subnetWidth, height: h });
          y += h + SUBNET_GAP;
        });
      });
    }
    const body = sumWithGaps(rowHeights, SUBNET_GAP);
    colHeights = inner.map(() => pad.top + body + pad.bottom);
  } else {
    colHeights = inner.map((list) => {
      const grid = chipGrid(list, (c) => sizeIn(tree, c), colWidth - pad.left - pad.right);
      for (const c of list) {
        const b = grid.boxes.get(c);
        if (b) boxes.set(c, { ...b, x: b.x + pad.left, y: b.y + pad.top });
      }
      return pad.top + grid.height + pad.bottom;
    });
  }
  const height = Math.max(NODE_SIZE.az.height, maxOf(colHeights));
  azs.forEach((az, i) => boxes.set(az, { x: i * (colWidth + AZ_GAP), y: 0, width: colWidth, height }));
  return { size: { width: sumWithGaps(azs.map(() => colWidth), AZ_GAP), height }, boxes };
}

/** Subnets drawn without their AZ box: columns of them from `originX`, filled top to bottom, rows aligned. */
export function subnetColumns(tree: Tree, subnets: readonly string[], originX: number): Arranged {
  const boxes = new Map<string, Box>();
  const cols = Math.max(1, Math.min(8, Math.round(Math.sqrt(subnets.length / 3))));
  const columns = splitInto(subnets, cols);
  const groups = columns.map((col) => col.map((id) => groupWithChips(tree, id)));
  for (const list of groups) for (const g of list) addAll(boxes, g.boxes);
  const sizes = groups.map((list) => list.map((g) => g.size));
  const rowHeights = alignedRows(sizes);
  const colWidth = Math.max(NODE_SIZE.subnet.width, maxOf(sizes.flatMap((list) => list.map((s) => s.width))));
  columns.forEach((col, ci) => {
    let y = 0;
    col.forEach((id, r) => {
      const h = rowHeights[r] ?? 0;
      boxes.set(id, { x: originX + ci * (colWidth + AZ_GAP), y, width: colWidth, height: h });
      y += h + SUBNET_GAP;
    });
  });
  return { size: { width: sumWithGaps(columns.map(() => colWidth), AZ_GAP), height: sumWithGaps(rowHeights, SUBNET_GAP) }, boxes };
}

/** A part of the block stacked across the flow, arranged at its own origin and moved into place at the end. */
interface Section {
  size: Size;
  ids: readonly string[];
}

/** The block of `members` (plan kinds, all children of `container`): grid, loose chips and the band of cards. */
export function arrangeBlock(tree: Tree, id: string, container: string | undefined, members: readonly string[], direction: Direction): Block {
  const kind = (m: string): NodeKind => kindIn(tree, m);
  const size = (m: string): Size => sizeIn(tree, m);
  const boxes = new Map<string, Box>();
  const azs = members.filter((m) => kind(m) === 'az');
  const looseSubnets = members.filter((m) => kind(m) === 'subnet');
  const looseChips = members.filter((m) => CHIP_KINDS.has(kind(m)));
  const cards = members.filter((m) => kind(m) === 'interfaceEndpoint');

  const sections: Section[] = [];
  let grid: Section | null = null;
  if (azs.length > 0 || looseSubnets.length > 0) {
    let width = 0;
    let height = 0;
    if (azs.length > 0) {
      const a = azColumns(tree, azs, direction);
      addAll(boxes, a.boxes);
      width = a.size.width;
      height = a.size.height;
    }
    if (looseSubnets.length > 0) {
      const originX = width > 0 ? width + AZ_GAP : 0;
      const s = subnetColumns(tree, looseSubnets, originX);
      addAll(boxes, s.boxes);
      width = originX + s.size.width;
      height = Math.max(height, s.size.height);
    }
    grid = { size: { width, height }, ids: [...azs, ...looseSubnets] };
    sections.push(grid);
  }
  if (looseChips.length > 0) {
    const width = Math.max(grid?.size.width ?? 0, 4 * NODE_SIZE.endpointEni.width + 3 * CHIP_GAP);
    const chips = chipGrid(looseChips, size, width);
    addAll(boxes, chips.boxes);
    sections.push({ size: { width, height: chips.height }, ids: looseChips });
  }
  let band: Section | null = null;
  if (cards.length > 0) {
    const cardWidth = maxOf(cards.map((c) => size(c).width));
    const widest = maxOf(sections.map((s) => s.size.width), 0);
    const columns = widest > 0 ? Math.max(1, Math.floor((widest + CARD_GAP) / (cardWidth + CARD_GAP))) : Math.ceil(Math.sqrt(cards.length * 2));
    const cardBoxes = cardGrid(cards, size, columns);
    addAll(boxes, cardBoxes.boxes);
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
      const b = boxes.get(m);
      if (b) boxes.set(m, { ...b, y: b.y + y });
    }
    const box = { x: 0, y, width: s.size.width, height: s.size.height };
    if (s === band) bandBox = box;
    if (s === grid) gridBox = box;
    y += s.size.height + BAND_GAP;
    width = Math.max(width, s.size.width);
  }
  return {
    id,
    container,
    members,
    size: { width: Math.max(1, width), height: Math.max(1, y - BAND_GAP) },
    grid: gridBox,
    band: bandBox,
    boxes,
  };
}

/**
 * The blocks of every cluster: one for its top-level plan nodes, one for each VPC's, in the order ELK's graph
 * lists them. Only VPCs are containers ELK lays out; anything else with children is a leaf to it.
 */
export function arrangeBlocks(tree: Tree, clusters: readonly ClusterMembers[], direction: Direction): Map<string, Block> {
  const blocks = new Map<string, Block>();
  const visit = (container: string | undefined, clusterId: string, members: readonly string[]) => {
    const planMembers = members.filter((c) => PLAN_KINDS.has(kindIn(tree, c)));
    if (planMembers.length > 0) {
      const id = blockIdOf(container, clusterId);
      blocks.set(id, arrangeBlock(tree, id, container, planMembers, direction));
    }
    for (const c of members) {
      if (PLAN_KINDS.has(kindIn(tree, c)) || kindIn(tree, c) !== 'vpc') continue;
      const inside = childrenIn(tree, c);
      if (inside.length > 0) visit(c, clusterId, inside);
    }
  };
  for (const cluster of clusters) visit(undefined, cluster.id, cluster.tops);
  return blocks;
}
