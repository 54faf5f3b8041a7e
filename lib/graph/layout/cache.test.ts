import { afterEach, describe, expect, it } from 'vitest';
import { cachedLayout, cacheLayout, clearLayoutCache } from './cache';
import type { GraphLayout } from './types';

const layout = (key: string): GraphLayout => ({ key, direction: 'RIGHT', nodes: [], edges: {}, width: 1, height: 1 });

describe('layout cache', () => {
  afterEach(() => clearLayoutCache());

  it('keeps the last twelve layouts and forgets the oldest first', () => {
    const kept = Array.from({ length: 13 }, (_, i) => layout(`k${i}`));
    for (const l of kept) cacheLayout(l);
    expect(cachedLayout('k0')).toBeUndefined();
    expect(cachedLayout('k1')).toBe(kept[1]);
    expect(cachedLayout('k12')).toBe(kept[12]);
  });

  it('forgets everything when cleared', () => {
    cacheLayout(layout('a'));
    clearLayoutCache();
    expect(cachedLayout('a')).toBeUndefined();
  });
});
