import 'server-only';

/**
 * The create requests this process has completed, by ClientToken. The form mints one token when it
 * is rendered, so a second click, a resubmit or a retry after a lost answer carries the same token:
 * it gets the endpoint the first one made instead of running the topology rules again (which would
 * now object that, say, the route table already routes to that endpoint). Different parameters under
 * the same token are refused, as CreateVpcEndpoint refuses them (IdempotentParameterMismatch).
 * AWS keeps its own ClientToken record as well; this one only spares the rules' false alarm.
 */

interface Submission {
  key: string;
  endpointId: string;
}

const LIMIT = 5_000;
const store = ((globalThis as { __atlasEndpointSubmissions?: Map<string, Submission> }).__atlasEndpointSubmissions ??= new Map());

export type SubmissionLookup = { kind: 'new' } | { kind: 'same'; endpointId: string } | { kind: 'mismatch' };

/** What a token was used for before, compared with the request's canonical `key`. */
export function lookupSubmission(token: string, key: string): SubmissionLookup {
  const s = store.get(token);
  if (!s) return { kind: 'new' };
  return s.key === key ? { kind: 'same', endpointId: s.endpointId } : { kind: 'mismatch' };
}

/** Remembers that `token` created `endpointId`. */
export function recordSubmission(token: string, key: string, endpointId: string): void {
  store.set(token, { key, endpointId });
  if (store.size > LIMIT) store.delete(store.keys().next().value!);
}
