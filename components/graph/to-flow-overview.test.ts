import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/graph/build';
import { collapseForOverview } from '@/lib/graph/collapse';
import { viewGraph } from '@/lib/graph/overview';
import { OVERVIEW_SIZE } from '@/lib/graph/sizes';
import { layoutGraph } from '@/lib/graph/layout';
import { toLayoutInput } from '@/lib/graph/layout-key';
import { largeTopology, sampleTopology } from '@/lib/graph/test-topology';
import { createFlowCache, toFlow, type FlowOptions } from './to-flow';

const base: FlowOptions = { selected: null, related: null, matches: new Set(), collapsed: null, showEdgeLabels: false };

describe('the overview of a big VPC (collapseForOverview)', async () => {
  const graph = buildGraph(largeTopology(), {});
  const layout = await layoutGraph(toLayoutInput(graph), 'RIGHT');

  it('stands one box in for a VPC with many route tables or interface endpoints, over the area they take', () => {
    const collapsed = collapseForOverview(graph, 24);
    expect(collapsed.groups?.map((g) => [g.id, g.members.length])).toEqual([
      ['vpc-big/route-tables', 201],
      ['vpc-big/interface-endpoints', 50],
    ]);
    const { nodes, edges } = toFlow(graph, layout, { ...base, collapsed });
    const drawn = nodes.filter((n) => !n.hidden);
    // The VPC, its AZs, its internet gateway and S3 endpoint, and the two summaries; nothing inside an AZ.
    expect(drawn.map((n) => n.type).sort()).toEqual(['az', 'az', 'az', 'az', 'az', 'az', 'gatewayEndpoint', 'internetGateway', 'summary', 'summary', 'vpc']);
    const tables = drawn.find((n) => n.id === 'vpc-big/route-tables');
    expect(tables).toMatchObject({ type: 'summary', parentId: 'vpc-big', selectable: false, data: { kind: 'routeTable', count: 201 } });
    expect(tables?.ariaLabel).toBe('201 route tables: zoom in to see them');
    // Over every table it stands for.
    const box = { x: tables?.position.x ?? 0, y: tables?.position.y ?? 0, width: tables?.width ?? 0, height: tables?.height ?? 0 };
    for (const n of layout.nodes.filter((p) => p.kind === 'routeTable')) {
      expect(n.x).toBeGreaterThanOrEqual(box.x);
      expect(n.y).toBeGreaterThanOrEqual(box.y);
      expect(n.x + n.width).toBeLessThanOrEqual(box.x + box.width);
      expect(n.y + n.height).toBeLessThanOrEqual(box.y + box.height);
    }
    // The members stay in the flow, hidden (React Flow keeps them, so switching back adds nothing).
    expect(nodes.find((n) => n.id === 'rtb-007')?.hidden).toBe(true);
    // No edge ends at a hidden member.
    const hidden = new Set(nodes.filter((n) => n.hidden).map((n) => n.id));
    expect(edges.filter((e) => !e.hidden && (hidden.has(e.source) || hidden.has(e.target)))).toEqual([]);
  });

  it('dims the summaries whose members the selection does not light up, and keeps them between calls', () => {
    const collapsed = collapseForOverview(graph, 24);
    const cache = createFlowCache();
    const first = toFlow(graph, layout, { ...base, collapsed }, cache);
    const again = toFlow(graph, layout, { ...base, collapsed }, cache);
    const summary = (flow: typeof first, id: string) => flow.nodes.find((n) => n.id === id);
    expect(summary(again, 'vpc-big/route-tables')).toBe(summary(first, 'vpc-big/route-tables'));
    const related = { nodes: new Set(['rtb-001', 'subnet-001']), edges: new Set<string>() };
    const selected = toFlow(graph, layout, { ...base, collapsed, selected: 'rtb-001', related }, cache);
    expect(summary(selected, 'vpc-big/route-tables')?.className).toBeUndefined();
    expect(summary(selected, 'vpc-big/interface-endpoints')?.className).toBe('atlas-dim');
  });

  it('leaves a VPC with few of them as it is', () => {
    const small = buildGraph(sampleTopology(), {});
    const collapsed = collapseForOverview(small, 24);
    expect(collapsed.groups).toBeUndefined();
    expect(collapsed.hidden.size).toBeGreaterThan(0);
  });
});

describe('the semantic overview of a big VPC (lib/graph/overview)', async () => {
  const topology = largeTopology();
  const graph = viewGraph(topology, 'vpc-big', { hiddenKinds: [], hiddenAzs: [], endpointsOnly: false, open: [] });
  const layout = await layoutGraph(toLayoutInput(graph), 'RIGHT');

  it('draws each group as a node type of its own, named by what it stands for, in the box the layout gave it', () => {
    const { nodes } = toFlow(graph, layout, base);
    const byType = (type: string) => nodes.filter((n) => n.type === type);
    expect(byType('routeClass').length).toBeGreaterThan(0);
    expect(byType('subnetTier').length).toBeGreaterThan(0);
    // Endpoints grouped by the AZs their ENIs cover: 50 endpoints over two sets of AZs here.
    expect(byType('endpointClass').map((n) => ('group' in n.data ? (n.data.group?.count ?? 0) : 0)).reduce((a, b) => a + b, 0)).toBe(50);
    expect(byType('routeTable').every((n) => !('group' in n.data))).toBe(true);
    const tables = byType('routeClass').find((n) => n.ariaLabel?.includes('private tables'));
    expect(tables?.ariaLabel).toMatch(/^\d+ private tables: 0\.0\.0\.0\/0 -> .+\. Press Enter to open it\.$/);
    // A class carries more text than a route table: the layout gave it the larger box.
    expect([tables?.width, tables?.height]).toEqual([OVERVIEW_SIZE.routeTable?.width, OVERVIEW_SIZE.routeTable?.height]);
    expect(byType('endpointClass')[0]?.ariaLabel).toMatch(/^\d+ interface endpoints in 3 AZs: us-east-1\w, us-east-1\w, us-east-1\w: svc\d+, svc\d+, /);
  });
});
