/**
 * Extremes of lists without spreading them into arguments: `Math.max(...xs)` throws "Maximum call stack size
 * exceeded" past about 100,000 values (issue 14 §5), and a region's subnets or route tables are unbounded.
 * Same results as `Math.max(floor, ...xs)` / `Math.min(ceiling, ...xs)`, NaN included.
 */

export { maxOf, minOf } from '@/lib/arrays';

/** The sum of `lengths` with `gap` between each two. */
export function sumWithGaps(lengths: readonly number[], gap: number): number {
  return lengths.length === 0 ? 0 : lengths.reduce((a, b) => a + b, 0) + gap * (lengths.length - 1);
}
