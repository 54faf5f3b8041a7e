/** The arithmetic the address plan is stacked with: chips in rows, cards in a grid, rows aligned across columns. */

import type { Box } from '../geometry';
import { CARD_GAP, CHIP_GAP, type Size } from '../sizes';
import { maxOf } from '@/lib/arrays';

/**
 * Places chips (NAT gateways, ENIs) in rows inside `innerWidth`: a chip that cannot share a row (a NAT gateway, an
 * ENI chip sized for a long title) takes a row alone at full width; the others fill rows in order, a chip joining the
 * last shared row while it has room, so that a row of its own in between leaves no hole. Chips sharing a row are as
 * tall as its tallest. Returns the boxes relative to the content's top-left and the height used.
 */
export function chipGrid(children: readonly string[], sizeOf: (id: string) => Size, innerWidth: number): { boxes: Map<string, Box>; height: number } {
  const rows: { ids: string[]; sizes: Size[]; used: number }[] = [];
  let shared: (typeof rows)[number] | null = null;
  for (const id of children) {
    const size = sizeOf(id);
    if (size.width * 2 + CHIP_GAP > innerWidth) {
      rows.push({ ids: [id], sizes: [{ width: innerWidth, height: size.height }], used: innerWidth });
      continue;
    }
    if (!shared || shared.used + CHIP_GAP + size.width > innerWidth) {
      shared = { ids: [], sizes: [], used: -CHIP_GAP };
      rows.push(shared);
    }
    shared.ids.push(id);
    shared.sizes.push(size);
    shared.used += CHIP_GAP + size.width;
  }
  const boxes = new Map<string, Box>();
  let y = 0;
  for (const row of rows) {
    const height = maxOf(row.sizes.map((s) => s.height));
    let x = 0;
    row.ids.forEach((id, i) => {
      const width = row.sizes[i]?.width ?? 0;
      boxes.set(id, { x, y, width, height });
      x += width + CHIP_GAP;
    });
    y += height + CHIP_GAP;
  }
  return { boxes, height: Math.max(0, y - CHIP_GAP) };
}

/** Cards in a grid of `columns`, row by row, each cell as big as the biggest card. */
export function cardGrid(children: readonly string[], sizeOf: (id: string) => Size, columns: number): { boxes: Map<string, Box>; size: Size } {
  const boxes = new Map<string, Box>();
  const cols = Math.max(1, columns);
  let cellWidth = 0;
  let cellHeight = 0;
  for (const id of children) {
    const s = sizeOf(id);
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
export function alignedRows(columns: readonly (readonly Size[])[]): number[] {
  const rows = maxOf(columns.map((c) => c.length), 0);
  return Array.from({ length: rows }, (_, r) => maxOf(columns.map((c) => c[r]?.height ?? 0), 0));
}

/** `list` cut into `k` runs of equal length (the last shorter), in order. */
export function splitInto<T>(list: readonly T[], k: number): T[][] {
  const per = Math.max(1, Math.ceil(list.length / k));
  const parts: T[][] = [];
  for (let i = 0; i < list.length; i += per) parts.push(list.slice(i, i + per));
  return parts;
}

/** The sum of `lengths` with `gap` between each two. */
export function sumWithGaps(lengths: readonly number[], gap: number): number {
  return lengths.length === 0 ? 0 : lengths.reduce((a, b) => a + b, 0) + gap * (lengths.length - 1);
}
