import { describe, expect, it } from 'vitest';
import { sampleTopology } from '@/lib/graph/test-topology';
import { perTopology } from './per-topology';

describe('perTopology', () => {
  it('computes a value once per topology object and key, and again after delete', () => {
    const cache = perTopology<number>();
    const a = sampleTopology();
    const b = sampleTopology();
    let calls = 0;
    const next = () => ++calls;
    expect(cache.get(a, 'k', next)).toBe(1);
    expect(cache.get(a, 'k', next)).toBe(1);
    expect(cache.get(a, 'other', next)).toBe(2);
    // An equal topology that is another object is another entry.
    expect(cache.get(b, 'k', next)).toBe(3);
    cache.delete(a, 'k');
    expect(cache.get(a, 'k', next)).toBe(4);
    expect(cache.get(b, 'k', next)).toBe(3);
  });
});
