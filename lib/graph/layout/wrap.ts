/**
 * A layer much longer than the address plan (200 route tables) is wrapped into several columns, keeping ELK's
 * order; what lies downstream moves by the width that adds.
 */

import type { Box } from '../geometry';
import type { Direction } from '../types';
import { maxOf, minOf } from '@/lib/arrays';
import { STACK_GAP, WRAP_GAP } from './options';

/** Flow axis helpers: `f` runs along the layout direction, `c` across it. */
export function axes(direction: Direction) {
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
 * Wraps a layer of one VPC that is longer than `limit` across the flow into columns (rows top to bottom), in ELK's
 * order, and moves what lies downstream of it by the width it gained. Works on `boxes`, relative to the VPC, and
 * on the VPC's box and its cluster's other top-level boxes in `clusterBoxes`. True when it wrapped.
 */
export function wrapLayer(
  members: readonly string[],
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
  const start = minOf(items.map((m) => ax.c(m.box)));
  const end = maxOf(items.map((m) => ax.c(m.box) + ax.cSize(m.box)));
  if (end - start <= limit) return false;
  items.sort((a, b) => ax.c(a.box) - ax.c(b.box) || ax.f(a.box) - ax.f(b.box));
  const total = items.reduce((sum, m) => sum + ax.cSize(m.box) + STACK_GAP, 0);
  const columns = Math.max(2, Math.ceil(total / limit));
  const perColumn = Math.ceil(items.length / columns);
  const fStart = minOf(items.map((m) => ax.f(m.box)));
  const fEnd = maxOf(items.map((m) => ax.f(m.box) + ax.fSize(m.box)));
  const colSize = maxOf(items.map((m) => ax.fSize(m.box)));
  let used = 0;
  let longest = 0;
  items.forEach((m, i) => {
    const col = Math.floor(i / perColumn);
    if (i % perColumn === 0) used = padStart;
    boxes.set(m.id, ax.make(fStart + col * (colSize + WRAP_GAP), used, ax.fSize(m.box), ax.cSize(m.box)));
    used += ax.cSize(m.box) + STACK_GAP;
    longest = Math.max(longest, used - STACK_GAP);
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
export function restack(ids: readonly string[], boxes: Map<string, Box>, start: number, direction: Direction): void {
  const ax = axes(direction);
  const items = ids.map((id) => ({ id, box: boxes.get(id) })).filter((m): m is { id: string; box: Box } => m.box !== undefined);
  items.sort((a, b) => ax.c(a.box) - ax.c(b.box) || ax.f(a.box) - ax.f(b.box));
  let used = start;
  for (const m of items) {
    boxes.set(m.id, ax.make(ax.f(m.box), used, ax.fSize(m.box), ax.cSize(m.box)));
    used += ax.cSize(m.box) + STACK_GAP;
  }
}
