import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { getFleetState, waitForFleet, waitForFleetUpdate } from '@/lib/fleet/state';
import { describeIssue, SourceName } from '@/lib/topology/params';
import { resolveSource } from '@/lib/topology/resolve';

export const dynamic = 'force-dynamic';

/** How long a poll with `since` waits for a change before it answers that nothing changed. */
const LONG_POLL_MS = 10_000;

const Flag = z.enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' }).transform((v) => v === '1' || v === 'true');

const FleetQuery = z
  .object({
    source: SourceName.optional(),
    wait: Flag.optional(),
    refresh: Flag.optional(),
    // An earlier answer's `version` (`<epoch>.<n>`); empty asks for every row in the update's shape.
    since: z.string().regex(/^([a-z0-9]{1,16}\.\d{1,15})?$/, { error: 'must be the version of an earlier answer, such as 1x2y3z.42' }).optional(),
  })
  .refine((q) => !(q.wait && q.since !== undefined), { error: 'wait and since cannot be combined: wait answers the whole fleet when the pass ends, since what changed', path: ['since'] });

/**
 * GET /api/fleet[?source=fixture|live][&refresh=1][&wait=1|&since=<version>]: every account-region of the fleet
 * (lib/fleet/types.ts, FleetState) as it stands now; the first request starts reading it in the background.
 * `refresh=1` starts a new pass (the rows keep their last result meanwhile); `wait=1` answers when the pass has
 * finished, for a scheduled job or a chat bot. `since=<version>` answers a FleetUpdate instead: only the rows
 * changed after that version of an earlier answer (every row when the server cannot tell), and while a pass runs
 * and nothing changed yet, it waits up to 10 s for a change (a long poll: what the fleet page does).
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = FleetQuery.safeParse({
    source: params.get('source') ?? undefined,
    wait: params.get('wait') ?? undefined,
    refresh: params.get('refresh') ?? undefined,
    since: params.get('since') ?? undefined,
  });
  if (!parsed.success) return Response.json({ error: describeIssue(parsed.error) }, { status: 400 });
  const resolved = resolveSource(parsed.data.source);
  if ('error' in resolved) return Response.json({ error: resolved.error }, { status: 400 });
  const { source } = resolved;
  const headers = { 'cache-control': 'no-store' };
  const state = getFleetState({ source, refresh: parsed.data.refresh ?? false });
  const { since } = parsed.data;
  if (since !== undefined) return Response.json(await waitForFleetUpdate({ source, since, timeoutMs: LONG_POLL_MS, signal: request.signal }), { headers });
  const body = parsed.data.wait ? await waitForFleet({ source }) : state;
  return Response.json(body, { headers });
}
