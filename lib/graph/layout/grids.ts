/** The arithmetic the address plan is stacked with: chips in rows, cards in a grid, rows aligned across columns. */

import type { Box } from '../geometry';
import { CARD_GAP, CHIP_GAP, type Size } from '../sizes';
import { maxOf } from '@/lib/arrays';

/**
 * Places chips (NAT gateways, ENIs) in rows inside `innerWidth`: a chip that cannot share a row (a NAT gateway)
 * takes the row alone at full width. Returns the boxes relative to the content's top-left and the height used.
 */
export function chipGrid(children: readonly string[], sizeOf: (id: string) => Size, innerWidth: number): { boxes: Map<string, Box>; height: number } {
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
    const size = sizeOf(id);
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
