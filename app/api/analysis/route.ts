import { NextResponse, type NextRequest } from 'next/server';
import { analyzeTopology } from '@/lib/analysis/analyze';
import { AnalysisQuery } from '@/lib/analysis/params';
import { loadTopology } from '@/lib/topology/load';
import { describeLoadFailure } from '@/lib/topology/errors';
import { describeIssue } from '@/lib/topology/params';
import { defaultRegion, resolveProfile, resolveSource } from '@/lib/topology/resolve';

export const dynamic = 'force-dynamic';

/**
 * GET /api/analysis?region=R[&vpc=ID][&source=fixture|live][&profile=P][&gb=100]: paths from each
 * subnet to the services of interest, findings and monthly costs (`gb`: GB/month for the NAT savings
 * estimate). Parses and fails like /api/topology.
 */
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  const parsed = AnalysisQuery.safeParse({
    region: q.get('region') ?? undefined,
    vpc: q.get('vpc') ?? undefined,
    source: q.get('source') ?? undefined,
    gb: q.get('gb') || undefined,
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
    const analysis = analyzeTopology(topology, { vpcId: parsed.data.vpc, gbPerMonth: parsed.data.gb });
    return NextResponse.json(
      { source: topology.source, region: topology.region, fetchedAt: topology.fetchedAt, vpcId: parsed.data.vpc ?? null, ...analysis },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (err) {
    const failure = describeLoadFailure(err);
    if (failure.status >= 500 && failure.code === 'Internal') console.error('analysis failed', err);
    return NextResponse.json({ error: failure.message, code: failure.code }, { status: failure.status });
  }
}
