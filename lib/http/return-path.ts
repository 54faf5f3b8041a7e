/**
 * The place to return to after sign-in, from a `callbackUrl` anyone can write into a link: a path on this
 * site, or `/`. The value is resolved the way a browser would (`new URL(v, ownOrigin)`) and kept only when
 * it stays on the origin; control characters, white space and non-ASCII are refused outright, because
 * browsers strip some of them before resolving (`/\t/evil.example` becomes `//evil.example`, another site)
 * and a raw CR, LF or non-ASCII byte cannot go into a Location header at all (Next.js answered 500).
 */

/** Any origin works for the test: only whether the value leaves it matters. */
const OWN_ORIGIN = 'http://return-path.invalid';

/** `value` as a same-origin path with its query and fragment, or `/`. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048) return '/';
  // Printable ASCII only, no space: what a browser would have percent-encoded.
  if (!/^[\x21-\x7e]+$/.test(value) || value.includes('\\')) return '/';
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== OWN_ORIGIN) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
