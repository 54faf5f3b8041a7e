/**
 * Which canvases the server renders whole (React Flow's nodes and edges in the page's HTML, as a plain React Flow page
 * would), instead of a placeholder the browser replaces after hydration, when ATLAS_SERVER_RENDER_GRAPH=1: a graph
 * small enough that its HTML stays small and its first picture is one render (no semantic overview, no level of
 * detail, no slices). Most VPCs are this size; on them the picture is on screen with the HTML, before any script,
 * about twice as soon, but the canvas answers later and the main thread is blocked longer (the HTML's ~900 more
 * elements are laid out before the scripts run, and hydrating them costs about what mounting them does): measured in
 * bench/README.md, session 8, which is why it is off by default.
 */

import type { Topology } from '@/lib/topology/types';
import { buildGraph, viewGraphOptions } from './build';
import { topologyNeedsOverview } from './overview/threshold';
import type { ViewState } from './view-url';

/**
 * At most this many nodes (groups included) are rendered on the server; a bigger graph mounts in the browser. Below the
 * 150 nodes from which a graph zoomed out draws its level of detail (`use-flow-elements.ts`), which the server does not.
 */
export const SERVER_RENDER_MAX_NODES = 120;

/**
 * The pane the server fits the first picture to before the browser has measured one: the canvas of a VPC page in a
 * 1280 x 800 window. The browser refits to its real pane when it hydrates (and an inline script does it before
 * the first paint: `server-fit.ts`).
 */
export const SERVER_PANE_GUESS = { width: 1246, height: 665 } as const;

/** Whether the canvas of this view of `topology` (or of its VPC `vpcId`) is rendered on the server. */
export function serverRendersCanvas(topology: Topology, vpcId: string | undefined, view: Pick<ViewState, 'hiddenKinds' | 'hiddenAzs' | 'endpointsOnly'>): boolean {
  if (topologyNeedsOverview(topology, vpcId)) return false;
  const graph = buildGraph(topology, viewGraphOptions(vpcId, view));
  return graph.nodes.length > 0 && graph.nodes.length <= SERVER_RENDER_MAX_NODES;
}
