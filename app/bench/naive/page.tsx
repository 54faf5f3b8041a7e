import { notFound } from 'next/navigation';
import { z } from 'zod';
import { RegionName, VpcId } from '@/lib/aws/ids';
import { buildGraph } from '@/lib/graph/build';
import { layoutGraph } from '@/lib/graph/layout';
import { toLayoutInput } from '@/lib/graph/layout-key';
import { GROUP_KINDS } from '@/lib/graph/sizes';
import { DEFAULT_VIEW_STATE } from '@/lib/graph/view-state';
import { loadTopology } from '@/lib/topology/load';
import { NaiveFlow, type NaiveEdge, type NaiveNode } from './naive-flow';

/**
 * Benchmark baseline (`npm run bench`, bench/README.md): the graph our pages draw, with the same
 * buildGraph + layoutGraph output, rendered by React Flow with its defaults: default node types,
 * every node and edge in the DOM, no level of detail, no onlyRenderVisibleElements. Only minZoom is
 * lowered, so that "zoom out to the whole graph" is possible at all (React Flow's default is 0.5).
 *
 * A 404 unless the server runs with ATLAS_BENCH=1 (the bench sets it when it builds and starts its
 * own server); normal deployments never show it.
 */
export const dynamic = 'force-dynamic';

const Query = z.object({
  region: RegionName,
  vpc: VpcId.optional(),
});

type SearchParams = Record<string, string | string[] | undefined>;

export default async function NaiveGraphPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (process.env.ATLAS_BENCH !== '1') notFound();
  const parsed = Query.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const { region, vpc } = parsed.data;
  const topology = await loadTopology({ source: 'fixture', region, ...(vpc ? { vpcId: vpc } : {}) });
  const graph = buildGraph(topology, vpc ? { vpcId: vpc } : {});
  const layout = await layoutGraph(toLayoutInput(graph), DEFAULT_VIEW_STATE.direction);
  const boxes = new Map(layout.nodes.map((n) => [n.id, n]));
  const parents = new Set(graph.nodes.flatMap((n) => (n.parentId ? [n.parentId] : [])));
  const nodes: NaiveNode[] = graph.nodes.flatMap((n) => {
    const box = boxes.get(n.id);
    if (!box) return [];
    const group = GROUP_KINDS.has(n.kind) && parents.has(n.id);
    const label = 'name' in n.data && typeof n.data.name === 'string' && n.data.name ? n.data.name : n.id;
    return [
      {
        id: n.id,
        ...(box.parentId ? { parentId: box.parentId } : {}),
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        type: group ? 'group' : 'default',
        data: { label },
      },
    ];
  });
  const edges: NaiveEdge[] = graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    ...(e.label ? { label: e.label } : {}),
  }));
  return (
    <main className="h-[calc(100vh-3rem)]" data-testid="naive-graph">
      <NaiveFlow nodes={nodes} edges={edges} />
    </main>
  );
}
