import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/graph/build';
import { collapseAzs } from '@/lib/graph/collapse';
import { pathHighlight, relatedTo } from '@/lib/graph/highlight';
import { layoutGraph } from '@/lib/graph/layout';
import { toLayoutInput } from '@/lib/graph/layout-key';
import { sampleTopology } from '@/lib/graph/test-topology';
import { createFlowCache, nodeAriaLabel, toFlow, withHovered, type FlowOptions } from './to-flow';

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
    // Two tables route the prefix list to the endpoint: the shared last stretch is labelled once.
    const intoS3 = edges.filter((e) => e.target === 'vpce-s3');
    expect(intoS3).toHaveLength(2);
    expect(intoS3.filter((e) => e.label === 's3 (pl-63a5400a)')).toHaveLength(1);
    expect(intoS3.every((e) => e.type === 'atlas' && e.data?.labelAt === 'target')).toBe(true);
    // A route into a NAT gateway inside its subnet is labelled where it leaves its table.
    expect(edges.find((e) => e.id === 'rtb-private->nat-1')?.data?.labelAt).toBe('source');
  });

  it('hands back the same objects for what did not change', () => {
    const cache = createFlowCache();
    const first = toFlow(graph, layout, base, cache);
    const related = relatedTo(graph, 'subnet-priv-a');
    const second = toFlow(graph, layout, { ...base, selected: 'subnet-priv-a', related }, cache);
    const before = new Map(first.nodes.map((n) => [n.id, n]));
    const after = new Map(second.nodes.map((n) => [n.id, n]));
    // The selected node changed; a related one kept its look and its object; an unrelated one is now dimmed.
    expect(after.get('subnet-priv-a')).not.toBe(before.get('subnet-priv-a'));
    expect(after.get('rtb-private')).toBe(before.get('rtb-private'));
    expect(after.get('igw-1')).not.toBe(before.get('igw-1'));
    const third = toFlow(graph, layout, { ...base, selected: 'subnet-priv-a', related }, cache);
    expect(third.nodes.every((n, i) => n === second.nodes[i])).toBe(true);
    expect(third.edges.every((e, i) => e === second.edges[i])).toBe(true);
  });

  it('hides quiet edge kinds until the selection, the hovered node or a path makes them matter', () => {
    const quiet = { endpointEni: true };
    const idle = toFlow(graph, layout, { ...base, quiet });
    expect(idle.edges.filter((e) => e.data?.kind === 'endpointEni').every((e) => e.hidden)).toBe(true);
    expect(idle.edges.filter((e) => e.data?.kind === 'association').every((e) => !e.hidden)).toBe(true);
    const hovered = toFlow(graph, layout, { ...base, quiet, hovered: relatedTo(graph, 'vpce-ssm') });
    const lit = hovered.edges.filter((e) => e.source === 'vpce-ssm');
    expect(lit.length).toBeGreaterThan(0);
    expect(lit.every((e) => !e.hidden && e.zIndex === 2)).toBe(true);
    // Hovering dims nothing.
    expect(hovered.nodes.some((n) => n.className?.includes('atlas-dim'))).toBe(false);
  });

  it('shows the hovered node\'s edges by rebuilding only those', () => {
    const quiet = { endpointEni: true };
    const cache = createFlowCache();
    const options = { ...base, quiet };
    const flow = toFlow(graph, layout, options, cache);
    const hovered = relatedTo(graph, 'vpce-ssm');
    const lit = withHovered(flow, graph, layout, options, hovered, cache);
    expect(lit.nodes).toBe(flow.nodes);
    const direct = toFlow(graph, layout, { ...options, hovered }, createFlowCache());
    expect(lit.edges.map((e) => [e.id, e.hidden, e.zIndex])).toEqual(direct.edges.map((e) => [e.id, e.hidden, e.zIndex]));
    // Edges the hover does not touch are the very same objects.
    const untouched = flow.edges.filter((e) => !hovered.edges.has(e.id));
    expect(untouched.every((e) => lit.edges.includes(e))).toBe(true);
    // Hovering again hands back the same hovered objects.
    const again = withHovered(flow, graph, layout, options, hovered, cache);
    expect(again.edges).toEqual(lit.edges);
    expect(again.edges.every((e, i) => e === lit.edges[i])).toBe(true);
  });

  it('lights up a path: its hops, the edges between them, and a drawn step where no edge joins two hops', () => {
    const path = pathHighlight(graph, ['subnet-priv-a', 'rtb-private', 'nat-1', 'subnet-pub-a', 'rtb-public', 'igw-1']);
    expect(path.edges).toEqual(new Set(['subnet-priv-a->rtb-private', 'rtb-private->nat-1', 'subnet-pub-a->rtb-public', 'rtb-public->igw-1']));
    // nat-1 sits inside subnet-pub-a: that step needs no line.
    expect(path.extra).toEqual([]);
    const { nodes, edges } = toFlow(graph, layout, { ...base, path });
    expect(nodes.find((n) => n.id === 'rtb-private')?.className).toContain('atlas-on-path');
    expect(nodes.find((n) => n.id === 'vpce-ssm')?.className).toContain('atlas-dim');
    expect(edges.find((e) => e.id === 'rtb-public->igw-1')?.className).toContain('atlas-path-edge');
    const crossAz = pathHighlight(graph, ['subnet-priv-b', 'eni-a', 'vpce-ssm']);
    expect(crossAz.extra.map((e) => e.id)).toEqual(['path:subnet-priv-b->eni-a']);
    const drawn = toFlow(graph, layout, { ...base, path: crossAz });
    expect(drawn.edges.find((e) => e.id === 'path:subnet-priv-b->eni-a')?.data?.kind).toBe('path');
  });

  it('puts finding badges and comparison marks into node data', () => {
    const findings = new Map([['rtb-private', { count: 2, severity: 'high' as const }]]);
    const marks = new Map([['vpce-s3', 'added' as const]]);
    const { nodes } = toFlow(graph, layout, { ...base, findings, marks });
    expect(nodes.find((n) => n.id === 'rtb-private')?.data).toMatchObject({ findings: { count: 2, severity: 'high' } });
    expect(nodes.find((n) => n.id === 'vpce-s3')?.data).toMatchObject({ mark: 'added' });
    expect(nodes.find((n) => n.id === 'igw-1')?.data).not.toHaveProperty('findings');
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
