/** How a comparison reads: resources by name and id, and one line per changed field. */

/** `name (id)`, or the id alone when the resource has no Name tag. */
export function label(r: { id: string; name?: string }): string {
  return r.name && r.name !== r.id ? `${r.name} (${r.id})` : r.id;
}

export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/** What `after` has that `before` has not, and the other way round, each sorted. */
export function setDelta(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: [...a].filter((x) => !b.has(x)).sort(), removed: [...b].filter((x) => !a.has(x)).sort() };
}

/** `name: before → after`, or null when both read the same. */
export function field(name: string, before: unknown, after: unknown): string | null {
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : String(v));
  return show(before) === show(after) ? null : `${name}: ${show(before)} → ${show(after)}`;
}

/** `name: added a, b; removed c`, or null when both hold the same ids. */
export function listField(name: string, before: readonly string[], after: readonly string[], names?: (id: string) => string): string | null {
  if (sameSet(before, after)) return null;
  const d = setDelta(before, after);
  const show = (ids: string[]) => ids.map((id) => (names ? names(id) : id)).join(', ');
  const parts = [d.added.length ? `added ${show(d.added)}` : '', d.removed.length ? `removed ${show(d.removed)}` : ''].filter(Boolean);
  return `${name}: ${parts.join('; ')}`;
}

/** The fields that changed, without those that did not. */
export function details(...lines: Array<string | null>): string[] {
  return lines.filter((d): d is string => d !== null);
}
