import { describe, expect, it } from 'vitest';
import { CARD_GAP, CHIP_GAP, NODE_SIZE } from '../sizes';
import type { NodeKind } from '../types';
import { alignedRows, cardGrid, chipGrid, splitInto, sumWithGaps } from './grids';

const kinds: Record<string, NodeKind> = { nat: 'natGateway', e1: 'endpointEni', e2: 'endpointEni', e3: 'endpointEni' };
const sizeOf = (id: string) => NODE_SIZE[kinds[id] ?? 'endpointEni'];

describe('the plan grids', () => {
  it('put ENI chips two to a row and give a NAT gateway a row of its own at full width', () => {
    const width = 2 * NODE_SIZE.endpointEni.width + CHIP_GAP;
    const { boxes, height } = chipGrid(['e1', 'e2', 'nat', 'e3'], sizeOf, width);
    expect(boxes.get('e1')).toMatchObject({ x: 0, y: 0 });
    expect(boxes.get('e2')).toMatchObject({ x: NODE_SIZE.endpointEni.width + CHIP_GAP, y: 0 });
    const natY = NODE_SIZE.endpointEni.height + CHIP_GAP;
    expect(boxes.get('nat')).toEqual({ x: 0, y: natY, width, height: NODE_SIZE.natGateway.height });
    const e3Y = natY + NODE_SIZE.natGateway.height + CHIP_GAP;
    expect(boxes.get('e3')).toMatchObject({ x: 0, y: e3Y });
    expect(height).toBe(e3Y + NODE_SIZE.endpointEni.height);
  });

  it('make chips sharing a row as tall as its tallest, and give a chip too wide for half the row a row of its own', () => {
    const sizes: Record<string, { width: number; height: number }> = { short: NODE_SIZE.endpointEni, tall: { width: NODE_SIZE.endpointEni.width, height: 50 }, wide: { width: 272, height: 34 } };
    const width = 2 * NODE_SIZE.endpointEni.width + CHIP_GAP;
    const { boxes, height } = chipGrid(['short', 'tall', 'wide', 'short2'], (id) => sizes[id] ?? NODE_SIZE.endpointEni, width);
    expect(boxes.get('short')).toEqual({ x: 0, y: 0, width: NODE_SIZE.endpointEni.width, height: 50 });
    expect(boxes.get('tall')).toEqual({ x: NODE_SIZE.endpointEni.width + CHIP_GAP, y: 0, width: NODE_SIZE.endpointEni.width, height: 50 });
    expect(boxes.get('wide')).toEqual({ x: 0, y: 50 + CHIP_GAP, width, height: 34 });
    expect(boxes.get('short2')).toEqual({ x: 0, y: 50 + 34 + 2 * CHIP_GAP, ...NODE_SIZE.endpointEni });
    expect(height).toBe(50 + 34 + 34 + 2 * CHIP_GAP);
    // A chip after a row of its own joins the shared row before it while that has room: no hole beside `short`.
    const filled = chipGrid(['short', 'wide', 'short2'], (id) => sizes[id] ?? NODE_SIZE.endpointEni, width);
    expect(filled.boxes.get('short2')).toEqual({ x: NODE_SIZE.endpointEni.width + CHIP_GAP, y: 0, ...NODE_SIZE.endpointEni });
    expect(filled.boxes.get('wide')).toEqual({ x: 0, y: NODE_SIZE.endpointEni.height + CHIP_GAP, width, height: 34 });
    expect(filled.height).toBe(2 * 34 + CHIP_GAP);
  });

  it('put cards in rows of the given columns, and size the grid by what is used', () => {
    const { boxes, size } = cardGrid(['a', 'b', 'c'], () => NODE_SIZE.interfaceEndpoint, 2);
    const { width, height } = NODE_SIZE.interfaceEndpoint;
    expect(boxes.get('c')).toEqual({ x: 0, y: height + CARD_GAP, width, height });
    expect(size).toEqual({ width: 2 * width + CARD_GAP, height: 2 * height + CARD_GAP });
    expect(cardGrid([], () => NODE_SIZE.interfaceEndpoint, 3).size).toEqual({ width: 0, height: 0 });
  });

  it('align rows across columns at the tallest box of each row', () => {
    expect(alignedRows([[{ width: 1, height: 10 }, { width: 1, height: 5 }], [{ width: 1, height: 7 }]])).toEqual([10, 5]);
    expect(alignedRows([])).toEqual([]);
  });

  it('cut lists into runs in order, and sum lengths with gaps', () => {
    expect(splitInto([1, 2, 3, 4, 5], 2)).toEqual([[1, 2, 3], [4, 5]]);
    expect(splitInto([1], 4)).toEqual([[1]]);
    expect(sumWithGaps([], 10)).toBe(0);
    expect(sumWithGaps([5, 6, 7], 10)).toBe(38);
  });
});
