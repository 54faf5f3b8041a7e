import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/graph/build';
import { initialLayoutFor } from '@/lib/graph/layout-server';
import { SERVER_PANE_GUESS, SERVER_RENDER_MAX_NODES, serverRendersCanvas } from '@/lib/graph/server-render';
import { largeTopology, sampleTopology } from '@/lib/graph/test-topology';
import { DEFAULT_VIEW_STATE } from '@/lib/graph/view-url';
import { scopeToVpc } from '@/lib/topology/normalize';
import TopologyGraph from './topology-graph';

const VPC = 'vpc-0a1';

describe('which canvases the server renders whole', () => {
  it('a small VPC, not a big one, not an empty one', () => {
    const small = scopeToVpc(sampleTopology(), VPC);
    expect(buildGraph(small, { vpcId: VPC }).nodes.length).toBeLessThanOrEqual(SERVER_RENDER_MAX_NODES);
    expect(serverRendersCanvas(small, VPC, DEFAULT_VIEW_STATE)).toBe(true);
    // A VPC drawn as its semantic overview mounts in the browser (its code loads on demand).
    const big = largeTopology();
    expect(serverRendersCanvas(big, big.vpcs[0]!.id, DEFAULT_VIEW_STATE)).toBe(false);
    expect(serverRendersCanvas({ ...small, vpcs: [], subnets: [], routeTables: [], endpoints: [] }, undefined, DEFAULT_VIEW_STATE)).toBe(false);
  });
});

describe("a small VPC's canvas rendered on the server", () => {
  async function html(serverPane?: { width: number; height: number }) {
    const topology = scopeToVpc(sampleTopology(), VPC);
    const initialLayout = await initialLayoutFor(topology, VPC, DEFAULT_VIEW_STATE);
    if (!initialLayout) throw new Error('no layout');
    const drawn = buildGraph(topology, { vpcId: VPC }).nodes.length;
    return { drawn, text: renderToString(createElement(TopologyGraph, { topology, vpcId: VPC, initialView: DEFAULT_VIEW_STATE, initialLayout, ...(serverPane ? { serverPane } : {}) })) };
  }

  it('holds every node and edge of the picture, fitted to the guessed pane, and says it is not ready (not hydrated)', async () => {
    const { drawn, text } = await html(SERVER_PANE_GUESS);
    expect(text.match(/class="react-flow__node /g)?.length).toBe(drawn);
    expect(text.match(/class="react-flow__edge /g)?.length ?? 0).toBeGreaterThan(0);
    expect(text).toContain('data-graph-ready="false"');
    expect(text).not.toContain('data-testid="graph-loading"');
    // Fitted, not React Flow's zoom 1 at the origin.
    const transform = /class="react-flow__viewport[^"]*" style="transform:translate\(([-\d.]+)px, ?([-\d.]+)px\) scale\(([\d.]+)\)/.exec(text);
    expect(transform).not.toBeNull();
    expect(Number(transform![3])).toBeLessThan(1.1);
    expect(Number(transform![1])).toBeGreaterThan(0);
    // What only the browser knows waits for hydration: the minimap, the system colour scheme.
    expect(text).not.toContain('data-testid="graph-overview"');
    expect(text).toMatch(/class="react-flow light/);
  });

  it('names the icon sprite once, on the canvas, not in every icon', async () => {
    const { text } = await html(SERVER_PANE_GUESS);
    expect(text.match(/--atlas-icon-sprite:url/g)?.length).toBe(1);
    expect(text.match(/class="atlas-icon/g)?.length ?? 0).toBeGreaterThan(10);
    // Well under 3 kB of HTML a node.
    expect(text.length).toBeLessThan(3_000 * 60);
  });

  it('without a server pane, is the placeholder the browser replaces', async () => {
    const { text } = await html();
    expect(text).toContain('data-testid="graph-loading"');
    expect(text).not.toContain('react-flow__node');
  });
});
