import { describe, expect, it } from 'vitest';
import { figure, median, rotate } from './stats';

describe('stats', () => {
  it('takes the median of the runs that were measured', () => {
    expect(median([5, null, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(figure([null, undefined as unknown as null])).toEqual({ median: null, runs: [null, undefined] });
  });

  it('rotates the variants so that each goes first in turn', () => {
    const v = ['ours', 'raw', 'rawNine'];
    expect([0, 1, 2, 3].map((i) => rotate(v, i).join(' '))).toEqual(['ours raw rawNine', 'raw rawNine ours', 'rawNine ours raw', 'ours raw rawNine']);
    expect(rotate([], 3)).toEqual([]);
  });
});
