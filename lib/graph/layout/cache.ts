/** Stage 6: the last few layouts, by `layoutKey`: switching back to a view or direction costs nothing. */

import type { GraphLayout } from './types';

const CACHE_LIMIT = 12;
const cache = new Map<string, GraphLayout>();

export function cachedLayout(key: string): GraphLayout | undefined {
  return cache.get(key);
}

/** Keeps `layout`, forgetting the oldest when more than `CACHE_LIMIT` are kept. */
export function cacheLayout(layout: GraphLayout): void {
  cache.set(layout.key, layout);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

/** Forgets cached layouts; for tests and the bench, which time or compare fresh runs. */
export function clearLayoutCache(): void {
  cache.clear();
}
