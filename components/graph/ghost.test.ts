import { describe, expect, it } from 'vitest';
import { applyEndpointPreview, ghostEniId } from '@/lib/endpoints/ghost';
import { NEW_ENDPOINT_ID, previewCreate } from '@/lib/endpoints/preview';
import { demoRegion, IDS } from '@/lib/endpoints/test-data';
import { buildGraph } from '@/lib/graph/build';
import { collapseAzs } from '@/lib/graph/collapse';
import { layoutGraph } from '@/lib/graph/layout';
import { toLayoutInput } from '@/lib/graph/layout-key';
import { ghostMarks, markGhostEdges } from './ghost';
import { toFlow, type FlowOptions } from './to-flow';

const { topology, services } = await demoRegion();
const preview = previewCreate(
  { type: 'interface', vpcId: IDS.prod, serviceName: 'com.amazonaws.us-east-1.sqs', subnetIds: [IDS.prodAppA], securityGroupIds: [] },
  topology,
  services,
);
const ghost = applyEndpointPreview(topology, preview);
const graph = buildGraph(ghost.topology, { vpcId: IDS.prod });
const layout = await layoutGraph(toLayoutInput(graph), 'RIGHT');
const marks = ghostMarks({ added: ghost.added, removed: [] })!;
// Prod has more endpoint ENIs than the canvas shows links for unprompted: their edges are quiet (hidden).
const options: FlowOptions = { selected: null, related: null, matches: new Set(), collapsed: null, showEdgeLabels: true, quiet: { endpointEni: true }, marks };
const eniEdge = `${NEW_ENDPOINT_ID}->${ghostEniId(IDS.prodAppA)}`;

describe('the ghost on the canvas', () => {
  it('marks the new nodes for their pins and frames', () => {
    expect(ghostMarks(undefined)).toBeUndefined();
    expect(ghostMarks({ added: [], removed: [] })).toBeUndefined();
    const { nodes } = toFlow(graph, layout, options);
    expect(nodes.find((n) => n.id === NEW_ENDPOINT_ID)?.data.mark).toBe('ghost');
    expect(nodes.find((n) => n.id === ghostEniId(IDS.prodAppA))?.data.mark).toBe('ghost');
    expect(nodes.filter((n) => n.data.mark !== undefined)).toHaveLength(2);
    expect(ghostMarks({ added: ['a'], removed: ['a'] })?.get('a')).toBe('ghost-removed');
  });

  it('shows its edges dashed in the ghost colour even where their kind is quiet, and leaves the others alone', () => {
    const flow = toFlow(graph, layout, options);
    expect(flow.edges.find((e) => e.id === eniEdge)?.hidden).toBe(true);
    const edges = markGhostEdges(flow.edges, marks, flow.nodes);
    const shown = edges.find((e) => e.id === eniEdge);
    expect(shown).toMatchObject({ hidden: false, zIndex: 4, style: { stroke: 'var(--atlas-ghost)', strokeDasharray: '7 5' } });
    expect(shown?.className).toContain('atlas-ghost-edge');
    expect(edges.filter((e, i) => e !== flow.edges[i]).map((e) => e.id)).toEqual([eniEdge]);
    // The same input gives the same objects back, so React Flow skips them.
    expect(markGhostEdges(flow.edges, marks, flow.nodes).every((e, i) => e === edges[i])).toBe(true);
  });

  it('draws the edges of a comparison in the colour of their mark, shown, with their own dash unless removed', () => {
    const flow = toFlow(graph, layout, options);
    const association = flow.edges.find((e) => e.data?.kind === 'association')!;
    const diff = new Map([
      [eniEdge, 'added' as const],
      [association.id, 'removed' as const],
    ]);
    const edges = markGhostEdges(flow.edges, diff, flow.nodes);
    expect(edges.find((e) => e.id === eniEdge)).toMatchObject({ hidden: false, className: expect.stringContaining('atlas-diff-added'), style: { stroke: '#059669', strokeWidth: 3 } });
    expect(edges.find((e) => e.id === eniEdge)?.style?.strokeDasharray).toBe(flow.edges.find((e) => e.id === eniEdge)?.style?.strokeDasharray);
    expect(edges.find((e) => e.id === association.id)).toMatchObject({ className: expect.stringContaining('atlas-diff-removed'), style: { stroke: '#dc2626', strokeDasharray: '6 4' } });
    expect(edges.filter((e, i) => e !== flow.edges[i])).toHaveLength(2);
  });

  it('leaves an edge alone when one of its ends is not drawn (inside a collapsed AZ)', () => {
    const flow = toFlow(graph, layout, { ...options, collapsed: collapseAzs(graph) });
    const before = flow.edges.find((e) => e.id === eniEdge);
    const after = markGhostEdges(flow.edges, marks, flow.nodes).find((e) => e.id === eniEdge);
    expect(after).toBe(before);
  });
});
