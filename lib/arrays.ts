/**
 * Array helpers safe for any length. `out.push(...items)` and `Math.max(...xs)` pass every element as a
 * function argument, and V8 throws "Maximum call stack size exceeded" somewhere past 100,000 of them: a
 * region's Describe page (150,000 network interfaces from a fixture file, which has no page size) is that
 * long. Use these wherever the array comes from outside.
 */

/** Appends `items` to `out` one by one; returns `out`. */
export function appendAll<T>(out: T[], items: readonly T[] | undefined | null): T[] {
  if (items) for (const item of items) out.push(item);
  return out;
}

/** The largest of `xs` and `floor`: `Math.max(floor, ...xs)` for any length, NaN included. */
export function maxOf(xs: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let max = floor;
  for (const x of xs) max = Math.max(max, x);
  return max;
}

/** The smallest of `xs` and `ceiling`: `Math.min(ceiling, ...xs)` for any length, NaN included. */
export function minOf(xs: Iterable<number>, ceiling = Number.POSITIVE_INFINITY): number {
  let min = ceiling;
  for (const x of xs) min = Math.min(min, x);
  return min;
}
