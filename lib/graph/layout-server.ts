import 'server-only';
import { logger } from '@/lib/log/logger';
import { perTopology } from '@/lib/topology/per-topology';
import type { Topology } from '@/lib/topology/types';
import { viewGraphOptions } from './build';
import { layoutGraph } from './layout';
import { toLayoutInput } from './layout-key';
import { packLayout, type InitialLayout } from './layout-pack';
import { viewGraph } from './overview';
import type { ViewState } from './view-url';

/**
 * The layout of the first view a page shows (its VPC or region, the view's filters and direction), computed on
 * the server and packed for the page: the canvas draws it at once, and loads ELK only when the user changes
 * something that moves boxes (a big VPC's overview, with the groups the link opens, included). The same
 * `viewGraph` + `toLayoutInput` + `layoutGraph` as the browser's, so the
 * keys agree; `layoutGraph` caches per graph, so a reload costs a `buildGraph` and a hash.
 *
 * Undefined when there is nothing to draw or ELK failed here: the canvas then lays out in the browser.
 */
export function initialLayoutFor(topology: Topology, vpcId: string | undefined, view: ViewState): Promise<InitialLayout | undefined> {
  // Loaded topologies are reused while their data is unchanged (`loadTopology`), so a reload of the same view
  // skips even the `buildGraph` and the hash (16 ms for a 200-subnet VPC, 60 ms for five).
  // The open groups decide an overview's nodes.
  const key = JSON.stringify([vpcId ?? null, viewGraphOptions(vpcId, view), view.direction, [...view.open].sort()]);
  const result = computed.get(topology, key, () => compute(topology, vpcId, view));
  // A failure is not kept: the next load tries again.
  void result.then((r) => {
    if (!r) computed.delete(topology, key);
  });
  return result;
}

const computed = perTopology<Promise<InitialLayout | undefined>>();

async function compute(topology: Topology, vpcId: string | undefined, view: ViewState): Promise<InitialLayout | undefined> {
  try {
    const graph = viewGraph(topology, vpcId, view);
    if (graph.nodes.length === 0) return undefined;
    const input = toLayoutInput(graph);
    const layout = await layoutGraph(input, view.direction);
    const packed = packLayout(layout, input);
    return packed ? { packed } : { layout };
  } catch (err) {
    logger.warn({ err }, 'server layout failed; the browser lays out instead');
    return undefined;
  }
}
