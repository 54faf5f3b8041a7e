import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildGraph, viewGraphOptions } from '@/lib/graph/build';
import { layoutGraph } from '@/lib/graph/layout';
import { layoutKey, toLayoutInput } from '@/lib/graph/layout-key';
import type { InitialLayout } from '@/lib/graph/layout-pack';
import { initialLayoutFor } from '@/lib/graph/layout-server';
import { sampleTopology } from '@/lib/graph/test-topology';
import type { Direction, Graph } from '@/lib/graph/types';
import { DEFAULT_VIEW_STATE, type ViewState } from '@/lib/graph/view-state';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

/** A stand-in for the layout worker: records what it is asked and answers with the real layout, as the worker does. */
class FakeWorker {
  static created = 0;
  static requests: LayoutRequest[] = [];
  private listeners: ((event: MessageEvent<LayoutResponse>) => void)[] = [];
  constructor() {
    FakeWorker.created += 1;
  }
  addEventListener(type: string, listener: (event: MessageEvent<LayoutResponse>) => void) {
    if (type === 'message') this.listeners.push(listener);
  }
  postMessage(request: LayoutRequest) {
    FakeWorker.requests.push(request);
    void layoutGraph(request.input, request.direction).then((layout) => {
      for (const l of this.listeners) l({ data: { type: 'atlas-layout-done', id: request.id, layout } } as MessageEvent<LayoutResponse>);
    });
  }
  terminate() {}
}

const topology = sampleTopology();
const vpcId = 'vpc-0a1';

/** What a page sends (`initialLayoutFor`) and what the canvas then builds, for a view. */
async function page(view: ViewState = DEFAULT_VIEW_STATE) {
  const initial = await initialLayoutFor(topology, vpcId, view);
  if (!initial) throw new Error('no server layout');
  return initial;
}

function graphFor(view: Pick<ViewState, 'hiddenKinds' | 'hiddenAzs' | 'endpointsOnly'>): Graph {
  return buildGraph(topology, viewGraphOptions(vpcId, view));
}

/** The hook in a component, rendered once (the first render: what the canvas draws before any effect). */
async function firstRender(graph: Graph, direction: Direction, initial?: InitialLayout) {
  const { useGraphLayout } = await import('./use-graph-layout');
  function Probe() {
    const { shown, pending } = useGraphLayout(graph, direction, initial);
    return createElement('div', { 'data-shown': shown?.layout.key ?? 'none', 'data-nodes': shown?.layout.nodes.length ?? 0, 'data-pending': String(pending) });
  }
  const html = renderToString(createElement(Probe));
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];
  return { shown: attr('data-shown'), nodes: Number(attr('data-nodes')), pending: attr('data-pending') === 'true' };
}

describe('useGraphLayout with the server layout of the first view', () => {
  beforeEach(() => {
    // A fresh module per test: the worker and the tab's layout cache live at module scope.
    vi.resetModules();
    FakeWorker.created = 0;
    FakeWorker.requests = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('draws the first view from the server layout, without starting the layout worker', async () => {
    const initial = await page();
    const graph = graphFor(DEFAULT_VIEW_STATE);
    const input = toLayoutInput(graph);
    const key = layoutKey(input, 'RIGHT');
    const first = await firstRender(graph, 'RIGHT', initial);
    expect(first).toEqual({ shown: key, nodes: graph.nodes.length, pending: false });

    // What the hook's effect asks for the same graph is answered from the seeded cache.
    const { requestLayout } = await import('./use-graph-layout');
    const layout = await requestLayout(input, 'RIGHT', key);
    expect(layout).toEqual(await layoutGraph(input, 'RIGHT'));
    expect(FakeWorker.created).toBe(0);
    expect(FakeWorker.requests).toHaveLength(0);
  });

  it('the server layout of a filtered view seeds that view', async () => {
    const view: ViewState = { ...DEFAULT_VIEW_STATE, hiddenKinds: ['routeTable'], direction: 'DOWN' };
    const initial = await page(view);
    const graph = graphFor(view);
    expect(await firstRender(graph, 'DOWN', initial)).toMatchObject({ shown: layoutKey(toLayoutInput(graph), 'DOWN'), pending: false });
    expect(FakeWorker.created).toBe(0);
  });

  it('lays out in the worker once a filter or the direction changes the graph', async () => {
    const initial = await page();
    // The first view comes from the server...
    expect((await firstRender(graphFor(DEFAULT_VIEW_STATE), 'RIGHT', initial)).pending).toBe(false);
    // ...a filter makes another graph, which the server's layout does not fit: nothing to draw yet, a layout is due.
    const filtered = graphFor({ ...DEFAULT_VIEW_STATE, hiddenKinds: ['routeTable'] });
    expect(await firstRender(filtered, 'RIGHT', initial)).toMatchObject({ shown: 'none', pending: true });
    const { requestLayout, cachedLayout } = await import('./use-graph-layout');
    const input = toLayoutInput(filtered);
    const key = layoutKey(input, 'RIGHT');
    const layout = await requestLayout(input, 'RIGHT', key);
    expect(FakeWorker.created).toBe(1);
    expect(FakeWorker.requests).toHaveLength(1);
    expect(FakeWorker.requests[0]?.input).toEqual(input);
    expect(layout.nodes).toHaveLength(filtered.nodes.length);
    expect(cachedLayout(key)).toBe(layout);
    // Turning the graph is a relayout too.
    const down = toLayoutInput(graphFor(DEFAULT_VIEW_STATE));
    await requestLayout(down, 'DOWN', layoutKey(down, 'DOWN'));
    expect(FakeWorker.requests.map((r) => r.direction)).toEqual(['RIGHT', 'DOWN']);
  });

  it('ignores a server layout that does not fit the graph', async () => {
    const initial = await page();
    const other = buildGraph(topology, {});
    expect(await firstRender(other, 'RIGHT', initial)).toMatchObject({ shown: 'none', pending: true });
    expect(await firstRender(graphFor(DEFAULT_VIEW_STATE), 'DOWN', initial)).toMatchObject({ shown: 'none', pending: true });
  });
});
