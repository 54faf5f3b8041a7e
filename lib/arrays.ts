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

/** The largest of `xs`, or `empty` when there is none. */
export function maxOf(xs: Iterable<number>, empty = -Infinity): number {
  let out: number | undefined;
  for (const x of xs) out = out === undefined || x > out ? x : out;
  return out ?? empty;
}
