import type { NextRequest } from 'next/server';
import { analyzeTopology } from '@/lib/analysis/analyze';
import { AnalysisQuery } from '@/lib/analysis/params';
import { loadServiceZones } from '@/lib/analysis/service-zones';
import { respondWithTopology } from '@/lib/http/topology-response';
import { loadMetrics } from '@/lib/metrics/load';

export const dynamic = 'force-dynamic';

/**
 * GET /api/analysis?region=R[&vpc=ID][&source=fixture|live][&profile=P][&gb=100][&period=24h|7d|30d]: paths from
 * each subnet to the services of interest, findings and monthly costs (`gb`: GB/month for the NAT savings estimate
 * where nothing is measured; `period`: price per-GB charges and find idle endpoints from the traffic CloudWatch
 * measured over it, as /api/metrics reads it). Parses and fails like /api/topology.
 */
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  return respondWithTopology(q, {
    schema: AnalysisQuery,
    extra: { gb: q.get('gb') || undefined, period: q.get('period') ?? undefined },
    failureLog: 'analysis failed',
    // AZ coverage counts the zones each service is offered in, as the findings page and the graph's badges do.
    body: async (topology, query, loaded) => {
      const [serviceZones, metrics] = await Promise.all([
        loadServiceZones(loaded),
        query.period ? loadMetrics({ ...loaded, topology, vpcId: query.vpc, period: query.period }) : undefined,
      ]);
      return {
        source: topology.source,
        region: topology.region,
        fetchedAt: topology.fetchedAt,
        vpcId: query.vpc ?? null,
        ...analyzeTopology(topology, { vpcId: query.vpc, gbPerMonth: query.gb, ...(serviceZones ? { serviceZones } : {}), ...(metrics ? { metrics } : {}) }),
      };
    },
  });
}
