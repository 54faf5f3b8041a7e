/**
 * The query string of a page's scope: what every link of a page carries so that a shared link shows the same
 * thing. Client-safe (the endpoint form keeps its own URL with it).
 */

/** What a link keeps of the scope: the region always, the source and the profile when the URL chose them, the account of the fleet. */
export interface ScopeLink {
  region: string;
  source?: string | undefined;
  profile?: string | undefined;
  /** The fleet's account (12 digits) when it is not the server's default one. */
  account?: string | undefined;
  /** False: the server chose the source, and a link leaves it out so the server chooses again. */
  sourceInUrl?: boolean;
}

/** `region=…[&source=…][&profile=…][&account=…]` plus `extra`, in that order. */
export function scopeQuery(scope: ScopeLink, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ region: scope.region });
  if (scope.source && scope.sourceInUrl !== false) q.set('source', scope.source);
  if (scope.profile) q.set('profile', scope.profile);
  if (scope.account) q.set('account', scope.account);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/**
 * An app link made elsewhere (an analysis "fix" link names the region only) with this page's scope: the scope's
 * region, source, profile and account, then the link's own parameters (its region is the scope's). Commas stay
 * readable, as in the links the analysis makes (`rtb=rtb-1,rtb-2`).
 */
export function scopedHref(href: string, scope: ScopeLink): string {
  // A fragment (`#endpoint-delete`: the idle-endpoint finding's delete form) stays at the end.
  const [link = '', hash] = href.split('#');
  const [path, query = ''] = link.split('?');
  const q = new URLSearchParams(scopeQuery(scope));
  for (const [k, v] of new URLSearchParams(query)) if (k !== 'region') q.set(k, v);
  return `${path}?${q.toString().replace(/%2C/g, ',')}${hash ? `#${hash}` : ''}`;
}
