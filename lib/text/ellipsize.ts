/**
 * `text` cut to at most `max` characters, the cut marked with an ellipsis. For the few places CSS cannot cut a
 * name (a `<select>`'s options, a PNG preview); elsewhere `truncate` and a tooltip with the full name do it.
 */
export function ellipsize(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}
