import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '@/lib/graph/build';
import { eni, route, routeTable, sampleTopology } from '@/lib/graph/test-topology';
import { indexTopology } from '@/lib/graph/topology-index';
import { DEFAULT_VIEW_STATE } from '@/lib/graph/view-url';
import type { Topology } from '@/lib/topology/types';
import { createGraphStore, GraphStoreProvider } from '../graph-store';
import { Inspector } from './inspector';
import { INSPECTOR_PANELS, panelKind } from './panels';

/** The sample topology plus a route that targets a plain ENI, which the graph draws as an external target. */
function topologyWithEniTarget(): Topology {
  const t = sampleTopology();
  return {
    ...t,
    networkInterfaces: [...t.networkInterfaces, eni('eni-appliance', 'vpc-0a1', 'subnet-priv-a', 'us-east-1a', { privateIp: '10.0.2.99' })],
    routeTables: [...t.routeTables, routeTable('rtb-inspect', 'vpc-0a1', { routes: [route('10.9.0.0/16', 'eni-appliance', 'eni')] })],
  };
}

const topology = topologyWithEniTarget();
const graph = buildGraph(topology, {});
const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
const index = indexTopology(topology);

/** The inspector's markup with `selectedId` selected, as the canvas's store hands it over. */
function inspect(selectedId: string, visible: ReadonlySet<string> = new Set(nodes.keys())): string {
  const store = createGraphStore({ ...DEFAULT_VIEW_STATE, selected: selectedId });
  store.publish({
    inspector: { nodes, index, visible, readOnly: false, findings: [], paths: [], pathsAvailable: false, pathNames: {}, selectedPath: null },
  });
  return renderToStaticMarkup(createElement(GraphStoreProvider, { initialView: DEFAULT_VIEW_STATE, store, children: createElement(Inspector) }));
}

/** Section headings, in order. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h3[^>]*>(?:<svg.*?<\/svg>)?\s*([^<]*)<\/h3>/g)].map((m) => m[1]!.trim());
}

describe('inspector panels', () => {
  test('each node of the graph is described by the panel of its own kind', () => {
    const kinds = new Set<string>();
    for (const node of graph.nodes) {
      if (node.id === 'eni-appliance') continue;
      expect(panelKind(node.id, index, node), node.id).toBe(node.kind);
      kinds.add(node.kind);
    }
    // The sample draws every kind, so every panel of the registry is reached.
    expect([...kinds].sort()).toEqual(Object.keys(INSPECTOR_PANELS).sort());
  });

  test.each([
    ['vpc-0a1', ['VPC', 'Endpoints', 'Route tables', 'Internet gateways']],
    ['vpc-0a1/us-east-1a', ['Availability zone', 'Subnets (2)']],
    ['subnet-priv-a', ['Subnet', 'Route table', 'Endpoint network interfaces']],
    ['rtb-main', ['Route table', 'Routes (2)', 'Explicit subnet associations', 'Implicit associations (main table)', 'Gateway endpoints']],
    ['vpce-s3', ['Endpoint', 'Route tables', 'Policy']],
    ['vpce-ssm', ['Endpoint', 'Traffic', 'Subnets', 'Network interfaces', 'Security groups', 'DNS names', 'Policy']],
    ['igw-1', ['Internet gateway', 'Routes to it']],
    ['nat-1', ['NAT gateway', 'Traffic', 'Routes to it']],
    ['eni-a', ['Network interface', 'Security groups']],
    ['pcx-1', ['Route target', 'Routes to it']],
  ])('%s shows its sections', (id, sections) => {
    expect(headings(inspect(id))).toEqual(sections);
  });

  test('a route target that is an ENI is drawn as external but described as a network interface', () => {
    expect(nodes.get('eni-appliance')?.kind).toBe('external');
    expect(panelKind('eni-appliance', index, nodes.get('eni-appliance'))).toBe('endpointEni');
    const html = inspect('eni-appliance');
    expect(html).toContain('Route target outside the VPC');
    expect(headings(html)).toEqual(['Network interface', 'Security groups']);
    expect(html).toContain('10.0.2.99');
  });

  test('a blackhole target lists the route that drops traffic; an unknown id says it is not found', () => {
    const html = inspect('nat-gone');
    expect(html).toContain('Gone: routes to it drop traffic (blackhole)');
    expect(html).toContain('data-ref="rtb-private"');
    expect(panelKind('vpc-nope', index, undefined)).toBeNull();
    expect(headings(inspect('vpc-nope'))).toEqual(['Not found']);
  });

  test('nothing is drawn while nothing is selected', () => {
    const store = createGraphStore(DEFAULT_VIEW_STATE);
    store.publish({ inspector: { nodes, index, visible: new Set(), readOnly: false, findings: [], paths: [], pathsAvailable: false, pathNames: {}, selectedPath: null } });
    expect(renderToStaticMarkup(createElement(GraphStoreProvider, { initialView: DEFAULT_VIEW_STATE, store, children: createElement(Inspector) }))).toBe('');
  });

  test('a resource the graph does not draw still gets its panel and is marked hidden', () => {
    const html = inspect('subnet-priv-b', new Set());
    expect(headings(html)).toEqual(['Subnet', 'Route table', 'Endpoint network interfaces']);
    expect(html).toContain('Hidden by the current filters.');
  });
});
