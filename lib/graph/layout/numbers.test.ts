import { describe, expect, it } from 'vitest';
import { maxOf, minOf, sumWithGaps } from './numbers';

describe('maxOf and minOf', () => {
  it('find the extremes of more values than a spread can pass as arguments', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_007);
    expect(() => Math.max(...many)).toThrow(RangeError);
    expect(maxOf(many)).toBe(300_006);
    expect(minOf(many)).toBe(0);
  });

  it('answer like Math.max(floor, ...xs) for empty lists, floors and NaN', () => {
    expect(maxOf([])).toBe(Number.NEGATIVE_INFINITY);
    expect(minOf([])).toBe(Number.POSITIVE_INFINITY);
    expect(maxOf([3, 1], 5)).toBe(5);
    expect(minOf([3, 1], 0)).toBe(0);
    expect(maxOf([1, Number.NaN, 2])).toBeNaN();
  });

  it('sums lengths with a gap between each two', () => {
    expect(sumWithGaps([], 10)).toBe(0);
    expect(sumWithGaps([5], 10)).toBe(5);
    expect(sumWithGaps([5, 6, 7], 10)).toBe(38);
  });
});
