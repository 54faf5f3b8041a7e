import type { Topology } from './types';

/**
 * Values computed from a topology, kept per topology object and key. `loadTopology` hands out the same object while
 * the data is unchanged, so what pages compute from it (a VPC's scoped copy, the analysis, the first layout) is
 * computed once per change of the data; two different topologies never share an entry, and entries go with
 * their topology (a `WeakMap`).
 */
export interface PerTopology<V> {
  /** The value for (topology, key), computing it the first time. */
  get(topology: Topology, key: string, compute: () => V): V;
  /** Forgets one value (a failed computation, so the next call tries again). */
  delete(topology: Topology, key: string): void;
}

export function perTopology<V>(): PerTopology<V> {
  const cache = new WeakMap<Topology, Map<string, V>>();
  return {
    get(topology, key, compute) {
      let values = cache.get(topology);
      if (!values) {
        values = new Map();
        cache.set(topology, values);
      }
      if (values.has(key)) return values.get(key) as V;
      const value = compute();
      values.set(key, value);
      return value;
    },
    delete(topology, key) {
      cache.get(topology)?.delete(key);
    },
  };
}
