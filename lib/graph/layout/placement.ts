/**
 * Stage 4: positions from ELK's result. Long layers of each VPC are wrapped into columns, each cluster is moved to
 * start at 0,0, the clusters are packed in rows, the blocks' hand-arranged boxes are put where ELK placed their
 * block, and each VPC's lanes are measured. Everything is rounded to whole pixels.
 */

import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Box } from '../geometry';
import { NODE_SIZE, type Size } from '../sizes';
import type { Direction } from '../types';
import { blockIdOf } from './blocks';
import { blockLanes } from './lanes';
import { MARGIN, WRAP_FACTOR, paddingOf } from './options';
import { packClusters } from './pack';
import type { Lanes, Placed, Plan, Tree } from './types';
import { axes, restack, wrapLayer } from './wrap';

function boxOf(node: ElkNode): Box {
  return { x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 };
}

/**
 * Wraps the long layers of one VPC, restacks the rest when anything wrapped, and grows the VPC's box in `tops`
 * to hold everything. `boxes` are ELK's boxes of what is inside the VPC, relative to it.
 */
function fitVpc(vpcId: string, boxes: Map<string, Box>, tops: Map<string, Box>, tree: Tree, direction: Direction): void {
  const ax = axes(direction);
  const planId = blockIdOf(vpcId, vpcId);
  const blockBox = boxes.get(planId);
  const pad = paddingOf('vpc');
  const limit = Math.max(720, (blockBox ? ax.cSize(blockBox) : 0) * WRAP_FACTOR[direction]);
  const kindOf = (id: string) => tree.kindOf.get(id);
  const tables = [...boxes.keys()].filter((id) => kindOf(id) === 'routeTable');
  const padStart = direction === 'RIGHT' ? pad.top : pad.left;
  const gateways = [...boxes.keys()].filter((id) => id !== planId && kindOf(id) !== 'routeTable');
  const wrappedTables = wrapLayer(tables, boxes, vpcId, tops, limit, padStart, direction);
  const wrappedGateways = wrapLayer(gateways, boxes, vpcId, tops, limit, padStart, direction);
  if (wrappedTables || wrappedGateways) {
    if (!wrappedTables) restack(tables, boxes, padStart, direction);
    if (!wrappedGateways) restack(gateways, boxes, padStart, direction);
    if (blockBox) restack([planId], boxes, padStart, direction);
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

/** Moves a cluster's top-level boxes to start at 0,0 and returns its size. */
function normalise(tops: Map<string, Box>): Size {
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
  return { width: Math.max(1, maxX - minX), height: Math.max(1, maxY - minY) };
}

/** Every node's box relative to its parent, each VPC's lanes, and the picture's size, from ELK's runs in plan order. */
export function placeClusters(laidOut: readonly ElkNode[], plan: Plan, direction: Direction): Placed {
  // Whole pixels: sub-pixel offsets blur text in nested transforms and make snapshots noisy.
  const round = (b: Box): Box => ({ x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) });
  const relative = new Map<string, Box>();
  const clusterSizes: Size[] = [];
  const clusterTops: Map<string, Box>[] = [];

  plan.clusters.forEach((_cluster, i) => {
    const root = laidOut[i];
    if (!root) return;
    const tops = new Map<string, Box>();
    const inner = new Map<string, Map<string, Box>>();
    for (const child of root.children ?? []) {
      tops.set(child.id, boxOf(child));
      if (child.children) inner.set(child.id, new Map(child.children.map((g) => [g.id, boxOf(g)])));
    }
    for (const [vpcId, boxes] of inner) fitVpc(vpcId, boxes, tops, plan.tree, direction);
    clusterSizes.push(normalise(tops));
    clusterTops.push(tops);
    for (const boxes of inner.values()) for (const [id, b] of boxes) relative.set(id, b);
  });

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
  for (const block of plan.blocks.values()) {
    const blockBox = relative.get(block.id);
    const members = new Set(block.members);
    for (const [id, box] of block.boxes) relative.set(id, members.has(id) && blockBox ? { ...box, x: box.x + blockBox.x, y: box.y + blockBox.y } : box);
  }

  const lanes = new Map<string, Lanes>();
  for (const block of plan.blocks.values()) {
    const l = blockLanes(block, plan, relative, direction);
    if (l) lanes.set(block.container ?? '', l);
  }

  for (const [id, b] of relative) relative.set(id, round(b));
  return { relative, lanes, width: Math.round(width), height: Math.round(height) };
}
