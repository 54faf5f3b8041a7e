import type { NextRequest } from 'next/server';
import { respondWithTopology } from '@/lib/http/topology-response';
import { TopologyQuery } from '@/lib/topology/params';

export const dynamic = 'force-dynamic';

/**
 * GET /api/topology?region=R[&vpc=ID][&source=fixture|live][&profile=P]: the normalized topology
 * contract. `profile` (live only) must be one of the server's AWS config profiles.
 */
export async function GET(request: NextRequest) {
  return respondWithTopology(request.nextUrl.searchParams, {
    schema: TopologyQuery,
    failureLog: 'topology load failed',
    body: (topology) => topology,
  });
}
