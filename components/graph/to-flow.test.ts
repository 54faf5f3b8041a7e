import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/graph/build';
import { collapseAzs } from '@/lib/graph/collapse';
import { relatedTo } from '@/lib/graph/highlight';
import { layoutGraph } from '@/lib/graph/layout';
import { toLayoutInput } from '@/lib/graph/layout-key';
import { sampleTopology } from '@/lib/graph/test-topology';
import { nodeAriaLabel, toFlow, type FlowOptions } from './to-flow';

const graph = buildGraph(sampleTopology(), { vpcId: 'vpc-0a1', direction: 'RIGHT' });
const layout = await layoutGraph(toLayoutInput(graph), 'RIGHT');
const base: FlowOptions = { selected: null, related: null, matches: new Set(), collapsed: null, showEdgeLabels: true };

describe('toFlow', () => {
  it('makes one React Flow node per graph node, typed by kind, sized and with handles up front', () => {
    const { nodes } = toFlow(graph, layout, base);
    expect(nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    const subnet = nodes.find((n) => n.id === 'subnet-priv-a');
    expect(subnet).toMatchObject({ type: 'subnet', parentId: 'vpc-0a1/us-east-1a', draggable: false });
    expect(subnet?.measured).toEqual({ width: subnet?.width, height: subnet?.height });
    expect(subnet?.handles?.map((h) => h.id)).toEqual(['top', 'right', 'bottom', 'left']);
  });

  it('attaches each edge to the sides the layout chose, dashed for implicit associations, red for blackholes', () => {
    const { edges } = toFlow(graph, layout, base);
    const implicit = edges.find((e) => e.id === 'subnet-priv-b->rtb-main');
    expect(implicit).toMatchObject({ sourceHandle: 'right', targetHandle: 'left' });
    expect(implicit?.style?.strokeDasharray).toBe('6 4');
    const explicit = edges.find((e) => e.id === 'subnet-priv-a->rtb-private');
    expect(explicit?.style?.strokeDasharray).toBeUndefined();
    const blackhole = edges.find((e) => e.id === 'rtb-private->nat-gone!blackhole');
    expect(blackhole?.style?.stroke).toBe('#dc2626');
    expect(blackhole?.className).toContain('atlas-edge-blackhole');
    expect(edges.find((e) => e.id === 'rtb-private->vpce-s3')?.label).toBe('s3 (pl-63a5400a)');
  });

  it('drops edge labels when asked (zoomed out)', () => {
    const { edges } = toFlow(graph, layout, { ...base, showEdgeLabels: false });
    expect(edges.every((e) => e.label === undefined)).toBe(true);
  });

  it('dims everything unrelated to the selection', () => {
    const related = relatedTo(graph, 'subnet-priv-a');
    const { nodes, edges } = toFlow(graph, layout, { ...base, selected: 'subnet-priv-a', related });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('subnet-priv-a')?.selected).toBe(true);
    expect(byId.get('rtb-private')?.className).toBeUndefined();
    expect(byId.get('igw-1')?.className).toBe('atlas-dim');
    expect(edges.find((e) => e.id === 'rtb-public->igw-1')?.className).toContain('atlas-dim');
    expect(edges.find((e) => e.id === 'subnet-priv-a->rtb-private')?.className).toContain('atlas-related');
  });

  it('outlines search matches', () => {
    const { nodes } = toFlow(graph, layout, { ...base, matches: new Set(['vpce-s3']) });
    expect(nodes.find((n) => n.id === 'vpce-s3')?.className).toBe('atlas-match');
    expect(nodes.find((n) => n.id === 'igw-1')?.className).toBe('atlas-dim');
  });

  it('hides AZ contents and redraws their edges to the AZ when collapsed', () => {
    const { nodes, edges } = toFlow(graph, layout, { ...base, collapsed: collapseAzs(graph) });
    expect(nodes.find((n) => n.id === 'subnet-priv-a')?.hidden).toBe(true);
    const az = nodes.find((n) => n.id === 'vpc-0a1/us-east-1a');
    expect(az?.hidden).toBe(false);
    expect(az?.data).toMatchObject({ collapsed: true });
    const e = edges.find((x) => x.id === 'vpc-0a1/us-east-1a->rtb-private~association');
    expect(e).toMatchObject({ sourceHandle: 'right', targetHandle: 'left' });
  });

  it('names nodes for assistive technology by kind and name, as text', () => {
    const subnet = graph.nodes.find((n) => n.id === 'subnet-pub-a');
    expect(subnet && nodeAriaLabel(subnet)).toBe('Subnet: <img src=x onerror=alert(1)>');
  });
});
