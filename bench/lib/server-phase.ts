/**
 * Server-side figures, measured in this Node process with the app's own lib code: what one page load costs
 * on the server before any HTML is sent (fixture read, normalize, analysis), and the layout the graph needs.
 */
import { gzipSync } from 'node:zlib';
import { analyzeTopology } from '@/lib/analysis/analyze';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { readRegion } from '@/lib/ec2/read-region';
import { buildGraph } from '@/lib/graph/build';
import { clearLayoutCache, layoutGraph } from '@/lib/graph/layout';
import { toLayoutInput } from '@/lib/graph/layout-key';
import { DEFAULT_VIEW_STATE } from '@/lib/graph/view-state';
import { normalizeTopology, scopeToVpc } from '@/lib/topology/normalize';
import { figure, since, type Figure } from './stats';

/** Which graph a size is measured with: one VPC (`/vpcs/<id>`) or the whole region (`/?view=graph`). */
export interface View {
  kind: 'vpc' | 'region';
  vpcId?: string;
}

export interface ServerResult {
  view: View;
  nodes: number;
  edges: number;
  /** readFixtureRegion + FixtureEc2Api + readRegion. */
  loadMs: Figure;
  normalizeMs: Figure;
  analysisMs: Figure;
  /** buildGraph + layoutGraph with the layout cache emptied first. */
  layoutColdMs: Figure;
  /** buildGraph + layoutGraph again for the same topology: a layout cache hit. */
  layoutWarmMs: Figure;
  /** normalize + analysis + layout (warm): the "server, warm" figure. */
  pipelineWarmMs: Figure;
  /** JSON.stringify of the topology the page sends (scoped to the VPC for a VPC view). */
  topologyBytes: number;
  topologyGzipBytes: number;
  /** Size of the laid-out graph in layout pixels: what "zoom out to the whole graph" must fit on screen. */
  layoutWidth: number;
  layoutHeight: number;
}

/** Runs the server pipeline `warmup + runs` times over a fixture directory and keeps the medians of the last `runs`. */
export async function benchServer(fixtureDir: string, region: string, view: View, runs: number, warmup = 1): Promise<ServerResult> {
  const rows: Record<'load' | 'normalize' | 'analysis' | 'layoutCold' | 'layoutWarm' | 'pipelineWarm', number[]> = {
    load: [],
    normalize: [],
    analysis: [],
    layoutCold: [],
    layoutWarm: [],
    pipelineWarm: [],
  };
  const graphOptions = view.vpcId ? { vpcId: view.vpcId } : {};
  let nodes = 0;
  let edges = 0;
  let json = '';
  let extent = { width: 0, height: 0 };
  for (let i = 0; i < warmup + runs; i++) {
    let t = performance.now();
    const raw = await readRegion(new FixtureEc2Api(await readFixtureRegion(fixtureDir, region)));
    const load = since(t);

    t = performance.now();
    const topology = normalizeTopology(raw, { source: 'fixture', fetchedAt: new Date().toISOString() });
    const normalize = since(t);
    // What loadTopology hands a VPC page.
    const scoped = view.vpcId ? scopeToVpc(topology, view.vpcId) : topology;

    t = performance.now();
    analyzeTopology(topology, graphOptions);
    const analysis = since(t);

    clearLayoutCache();
    t = performance.now();
    const graph = buildGraph(scoped, graphOptions);
    const layout = await layoutGraph(toLayoutInput(graph), DEFAULT_VIEW_STATE.direction);
    const layoutCold = since(t);
    extent = { width: Math.round(layout.width), height: Math.round(layout.height) };

    t = performance.now();
    await layoutGraph(toLayoutInput(buildGraph(scoped, graphOptions)), DEFAULT_VIEW_STATE.direction);
    const layoutWarm = since(t);

    if (i >= warmup) {
      rows.load.push(load);
      rows.normalize.push(normalize);
      rows.analysis.push(analysis);
      rows.layoutCold.push(layoutCold);
      rows.layoutWarm.push(layoutWarm);
      rows.pipelineWarm.push(Math.round((normalize + analysis + layoutWarm) * 10) / 10);
    }
    nodes = graph.nodes.length;
    edges = graph.edges.length;
    json = JSON.stringify(scoped);
  }
  clearLayoutCache();
  const bytes = Buffer.from(json, 'utf8');
  return {
    view,
    nodes,
    edges,
    loadMs: figure(rows.load),
    normalizeMs: figure(rows.normalize),
    analysisMs: figure(rows.analysis),
    layoutColdMs: figure(rows.layoutCold),
    layoutWarmMs: figure(rows.layoutWarm),
    pipelineWarmMs: figure(rows.pipelineWarm),
    topologyBytes: bytes.length,
    topologyGzipBytes: gzipSync(bytes).length,
    layoutWidth: extent.width,
    layoutHeight: extent.height,
  };
}
