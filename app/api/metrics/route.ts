import type { NextRequest } from 'next/server';
import { respondWithTopology } from '@/lib/http/topology-response';
import { loadMetrics } from '@/lib/metrics/load';
import { MetricsQuery } from '@/lib/metrics/params';

export const dynamic = 'force-dynamic';

/**
 * GET /api/metrics?region=R[&vpc=ID][&period=24h|7d|30d][&source=fixture|live][&profile=P]: CloudWatch traffic
 * of the interface endpoints and NAT gateways of the region or VPC (the same topology the graph shows), per
 * resource id. No metrics (fixture mode, or no cloudwatch:GetMetricData) is a 200 with `status: 'unavailable'`.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  return respondWithTopology(params, {
    schema: MetricsQuery,
    extra: { period: params.get('period') ?? undefined },
    failureLog: 'metrics load failed',
    body: (topology, query, loaded) => loadMetrics({ ...loaded, topology, vpcId: query.vpc, period: query.period }),
  });
}
