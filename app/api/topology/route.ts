import { NextResponse, type NextRequest } from 'next/server';
import { loadTopology } from '@/lib/topology/load';
import { describeLoadFailure } from '@/lib/topology/errors';
import { TopologyQuery, describeIssue } from '@/lib/topology/params';
import { defaultRegion, resolveProfile, resolveSource } from '@/lib/topology/resolve';

export const dynamic = 'force-dynamic';

/**
 * GET /api/topology?region=R[&vpc=ID][&source=fixture|live][&profile=P]: the normalized topology
 * contract. `profile` (live only) must be one of the server's AWS config profiles.
 */
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  const parsed = TopologyQuery.safeParse({
    region: q.get('region') ?? undefined,
    vpc: q.get('vpc') ?? undefined,
    source: q.get('source') ?? undefined,
  });
  if (!parsed.success) {
    return NextResponse.json({ error: describeIssue(parsed.error) }, { status: 400 });
  }
  const resolved = resolveSource(parsed.data.source);
  if ('error' in resolved) return NextResponse.json({ error: resolved.error }, { status: 400 });
  const profile = await resolveProfile(resolved.source, q.get('profile') ?? undefined);
  if ('error' in profile) return NextResponse.json({ error: profile.error }, { status: 400 });
  try {
    const topology = await loadTopology({
      source: resolved.source,
      profile: profile.profile,
      region: parsed.data.region ?? defaultRegion(),
      vpcId: parsed.data.vpc,
    });
    return NextResponse.json(topology, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    const failure = describeLoadFailure(err);
    if (failure.status >= 500 && failure.code === 'Internal') console.error('topology load failed', err);
    return NextResponse.json({ error: failure.message, code: failure.code }, { status: failure.status });
  }
}
