import 'server-only';
import type { z } from 'zod';
import type { Source } from '@/lib/ec2/backend';
import { accountLoad, resolveAccount } from '@/lib/fleet/scope';
import { requestLogger } from '@/lib/log/request';
import { describeLoadFailure } from '@/lib/topology/errors';
import { loadTopology } from '@/lib/topology/load';
import { describeIssue, type TopologyQuery } from '@/lib/topology/params';
import { defaultRegion, resolveProfile, resolveSource } from '@/lib/topology/resolve';
import type { Topology } from '@/lib/topology/types';

export interface TopologyResponseOptions<Q extends TopologyQuery> {
  /** The route's query schema: `TopologyQuery`, or one that extends it. */
  schema: z.ZodType<Q>;
  /** The route's own query parameters, beside region, vpc and source, as the schema reads them. */
  extra?: Record<string, string | undefined>;
  /** Logged with the error when a load fails for a reason of our own (an internal error). */
  failureLog: string;
  /** The JSON body for the loaded topology (scoped to the query's VPC when it names one), or a promise of it; a Response is answered as it is. */
  body: (topology: Topology, query: Q, loaded: LoadedFrom) => unknown;
}

/** Where the topology was read from, for bodies that read more from the same place. */
export interface LoadedFrom {
  source: Source;
  profile: string | undefined;
  /** The fleet's account (`?account=`) when it is not read through a profile: ATLAS_ORG_ROLE or its fixture folder. */
  account?: string;
  region: string;
}

/**
 * What the API routes that read a topology share: parse `region`, `vpc`, `source` (and the route's
 * own parameters) with the route's schema, resolve the source and the `profile`, load the region or
 * the VPC, and answer the route's body as uncached JSON. A bad parameter, a live source the server
 * is not configured for, or an unknown profile answers 400 with `{ error }`; a failed load (or a
 * failure building the body) answers `describeLoadFailure`'s status with `{ error, code }`.
 */
export async function respondWithTopology<Q extends TopologyQuery>(params: URLSearchParams, options: TopologyResponseOptions<Q>): Promise<Response> {
  const parsed = options.schema.safeParse({
    region: params.get('region') ?? undefined,
    vpc: params.get('vpc') ?? undefined,
    source: params.get('source') ?? undefined,
    ...options.extra,
  });
  if (!parsed.success) return Response.json({ error: describeIssue(parsed.error) }, { status: 400 });
  const resolved = resolveSource(parsed.data.source);
  if ('error' in resolved) return Response.json({ error: resolved.error }, { status: 400 });
  const profile = await resolveProfile(resolved.source, params.get('profile') ?? undefined);
  if ('error' in profile) return Response.json({ error: profile.error }, { status: 400 });
  const account = await resolveAccount(resolved.source, params.get('account') ?? undefined);
  if ('error' in account) return Response.json({ error: account.error }, { status: 400 });
  const viaAccount = accountLoad(account.account);
  try {
    const loaded: LoadedFrom = {
      source: resolved.source,
      profile: viaAccount.profile ?? profile.profile,
      ...(viaAccount.account ? { account: viaAccount.account } : {}),
      region: parsed.data.region ?? defaultRegion(),
    };
    const topology = await loadTopology({ ...loaded, vpcId: parsed.data.vpc });
    const body = await options.body(topology, parsed.data, loaded);
    if (body instanceof Response) return body;
    return Response.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    const failure = describeLoadFailure(err);
    if (failure.status >= 500 && failure.code === 'Internal') (await requestLogger()).error({ err }, options.failureLog);
    return Response.json({ error: failure.message, code: failure.code }, { status: failure.status });
  }
}
