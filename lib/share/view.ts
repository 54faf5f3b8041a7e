/**
 * The view part of a snapshot: which query parameters are kept with it, and which view a snapshot page opens.
 */

import { parseViewState, serializeViewState, VIEW_STATE_KEYS, type SearchParamsInput } from '@/lib/graph/view-state';

const VIEW_KEYS: readonly string[] = Object.values(VIEW_STATE_KEYS);

/**
 * The query string to store with a snapshot, from the page's `location.search`: the graph's view state,
 * re-serialized through its schema (so a stored view is always a valid one), plus the AWS profile and the fleet's
 * account, which "compare with now" needs to read the same account again (`scope`: the ones the server resolved
 * for the page; the account is only taken from there). Region, source and VPC are stored as fields.
 */
export function snapshotViewQuery(search: string, scope: { profile?: string | undefined; account?: string | undefined } = {}): string {
  const params = new URLSearchParams(search);
  const out = new URLSearchParams(serializeViewState(parseViewState(params).state));
  const profile = scope.profile || params.get('profile');
  if (profile) out.set('profile', profile);
  // Only the account the server resolved: one typed into the URL is not read again unchecked.
  const account = scope.account;
  if (account) out.set('account', account);
  return out.toString();
}

/** The profile and fleet account a snapshot was taken in (what `snapshotViewQuery` kept), for reading it again. */
export function snapshotScope(view: string): { profile?: string; account?: string } {
  const params = new URLSearchParams(view);
  const profile = params.get('profile');
  const account = params.get('account');
  return { ...(profile ? { profile } : {}), ...(account ? { account } : {}) };
}

/** True when a page's query string carries any of the graph's view keys. */
export function hasViewKeys(params: SearchParamsInput): boolean {
  if (params instanceof URLSearchParams) return VIEW_KEYS.some((k) => params.has(k));
  return VIEW_KEYS.some((k) => params[k] !== undefined);
}

/**
 * What a snapshot page shows: the view in its own URL when it has one (the graph keeps the URL up to date, so a
 * copied `/s/<id>?sel=...` link reopens that view), else the view saved with the snapshot.
 */
export function snapshotViewParams(savedView: string, pageParams: SearchParamsInput): SearchParamsInput {
  return hasViewKeys(pageParams) ? pageParams : new URLSearchParams(savedView);
}
