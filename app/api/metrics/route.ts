import type { NextRequest } from 'next/server';
import { respondWithTopology } from '@/lib/http/topology-response';
import { loadMetrics, metricsHttpStatus } from '@/lib/metrics/load';
import { MetricsQuery } from '@/lib/metrics/params';

export const dynamic = 'force-dynamic';

/**
 * GET /api/metrics?region=R[&vpc=ID][&period=24h|7d|30d][&source=fixture|live][&profile=P]: CloudWatch traffic
 * of the interface endpoints and NAT gateways of the region or VPC (the same topology the graph shows), per
 * resource id. No metrics (fixture data without them, or no cloudwatch:GetMetricData) is a 200 with
 * `status: 'unavailable'` and a notice; CloudWatch throttling a 503 (Retry-After: 60), other CloudWatch failures a
 * 502, each with the same body shape.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  return respondWithTopology(params, {
    schema: MetricsQuery,
    extra: { period: params.get('period') ?? undefined },
    failureLog: 'metrics load failed',
    body: async (topology, query, loaded) => {
      const result = await loadMetrics({ ...loaded, topology, vpcId: query.vpc, period: query.period });
      const status = metricsHttpStatus(result);
      return Response.json(result, { status, headers: { 'cache-control': 'no-store', ...(status === 503 ? { 'retry-after': '60' } : {}) } });
    },
  });
}
