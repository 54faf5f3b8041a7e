import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { getFleetState, waitForFleet } from '@/lib/fleet/state';
import { describeIssue, SourceName } from '@/lib/topology/params';
import { resolveSource } from '@/lib/topology/resolve';

export const dynamic = 'force-dynamic';

const Flag = z.enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' }).transform((v) => v === '1' || v === 'true');

const FleetQuery = z.object({
  source: SourceName.optional(),
  wait: Flag.optional(),
  refresh: Flag.optional(),
});

/**
 * GET /api/fleet[?source=fixture|live][&refresh=1][&wait=1]: every account-region of the fleet (lib/fleet/types.ts,
 * FleetState) as it stands now; the first request starts reading it in the background. `refresh=1` starts a new
 * pass (the rows keep their last result meanwhile); `wait=1` answers when the pass has finished, for a scheduled
 * job or a chat bot.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = FleetQuery.safeParse({
    source: params.get('source') ?? undefined,
    wait: params.get('wait') ?? undefined,
    refresh: params.get('refresh') ?? undefined,
  });
  if (!parsed.success) return Response.json({ error: describeIssue(parsed.error) }, { status: 400 });
  const resolved = resolveSource(parsed.data.source);
  if ('error' in resolved) return Response.json({ error: resolved.error }, { status: 400 });
  const { source } = resolved;
  const state = getFleetState({ source, refresh: parsed.data.refresh ?? false });
  const body = parsed.data.wait ? await waitForFleet({ source }) : state;
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}
