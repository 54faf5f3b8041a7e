/** Grouping helpers for the per-topology indexes of the analysis. */

/** Appends to the list under a key, creating it: grouping without copying the list on every add. */
export function pushTo<K, V>(m: Map<K, V[]>, key: K, value: V): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** The inner map under a key of a map of maps, created empty the first time. */
export function innerMap<K, K2, V>(m: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = m.get(key);
  if (!inner) {
    inner = new Map();
    m.set(key, inner);
  }
  return inner;
}
