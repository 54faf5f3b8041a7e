import type { NextRequest } from 'next/server';
import { analyzeTopology } from '@/lib/analysis/analyze';
import { AnalysisQuery } from '@/lib/analysis/params';
import { loadServiceZones } from '@/lib/analysis/service-zones';
import { respondWithTopology } from '@/lib/http/topology-response';

export const dynamic = 'force-dynamic';

/**
 * GET /api/analysis?region=R[&vpc=ID][&source=fixture|live][&profile=P][&gb=100]: paths from each
 * subnet to the services of interest, findings and monthly costs (`gb`: GB/month for the NAT savings
 * estimate). Parses and fails like /api/topology.
 */
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  return respondWithTopology(q, {
    schema: AnalysisQuery,
    extra: { gb: q.get('gb') || undefined },
    failureLog: 'analysis failed',
    // AZ coverage counts the zones each service is offered in, as the findings page and the graph's badges do.
    body: async (topology, query, loaded) => {
      const serviceZones = await loadServiceZones(loaded);
      return {
        source: topology.source,
        region: topology.region,
        fetchedAt: topology.fetchedAt,
        vpcId: query.vpc ?? null,
        ...analyzeTopology(topology, { vpcId: query.vpc, gbPerMonth: query.gb, ...(serviceZones ? { serviceZones } : {}) }),
      };
    },
  });
}
