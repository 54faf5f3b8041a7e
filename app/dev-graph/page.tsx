// Throwaway page for trying the graph before the real pages exist. DELETE before handing over.
import { readFileSync } from 'node:fs';
import { TopologyGraphLoader } from '@/components/graph/topology-graph-loader';
import { parseViewState } from '@/lib/graph/view-state';
import type { Topology } from '@/lib/topology/types';

export const dynamic = 'force-dynamic';

export default async function DevGraph({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const which = typeof sp.t === 'string' ? sp.t : 'sample';
  const topology = JSON.parse(readFileSync(`/tmp/atlas-dev-${which.replace(/[^a-z]/g, '')}.json`, 'utf8')) as Topology;
  const { state, notices } = parseViewState(sp);
  const vpcId = typeof sp.vpc === 'string' ? sp.vpc : undefined;
  return (
    <main className="h-[calc(100vh-3rem)] p-3">
      <TopologyGraphLoader topology={topology} {...(vpcId ? { vpcId } : {})} initialView={state} notices={notices} />
    </main>
  );
}
