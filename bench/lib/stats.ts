/** Median of the numbers that were measured (nulls are runs where the figure could not be taken). */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
}

/** A figure as the bench reports it: the median, and every run it came from. */
export interface Figure {
  median: number | null;
  runs: (number | null)[];
}

export function figure(runs: (number | null)[]): Figure {
  return { median: median(runs), runs };
}

/** Milliseconds since `t0` (performance.now()), to a tenth. */
export function since(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

/** The list turned by `i` places: run i of a comparison starts with a different variant each time. */
export function rotate<T>(list: readonly T[], i: number): T[] {
  const n = list.length;
  if (n === 0) return [];
  const k = ((i % n) + n) % n;
  return [...list.slice(k), ...list.slice(0, k)];
}
