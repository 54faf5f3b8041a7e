import { describe, expect, it } from 'vitest';
import { appendAll, maxOf, minOf } from './arrays';

describe('appendAll, maxOf and minOf', () => {
  it('handle 300,000 elements, where a spread into push or Math.max runs out of stack', () => {
    const big = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => [].push(...(big as never[]))).toThrow(RangeError);
    expect(appendAll([-1], big)).toHaveLength(300_001);
    expect(maxOf(big)).toBe(299_999);
  });

  it('take nothing gracefully', () => {
    expect(appendAll([1], undefined)).toEqual([1]);
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([-3, -7])).toBe(-3);
    expect(minOf([], 5)).toBe(5);
    expect(minOf([4, -2, 9])).toBe(-2);
  });
});
