import 'server-only';
import { loadServiceZones, type ServiceZonesFrom } from '@/lib/analysis/service-zones';
import { analyzeForGraph } from '@/lib/graph/analyze-for-graph';
import { withScopedFixLinks } from '@/lib/graph/overlay';
import type { ScopeLink } from '@/lib/topology/scope-query';
import { initialLayoutFor } from '@/lib/graph/layout-server';
import { openSelection } from '@/lib/graph/overview';
import { headers } from 'next/headers';
import { getConfig } from '@/lib/config';
import { serverFitScript } from '@/lib/graph/server-fit';
import { DEFAULT_VIEW_STATE, MIN_ZOOM } from '@/lib/graph/view-url';
import { SERVER_PANE_GUESS } from '@/lib/graph/server-render';
import { Suspense } from 'react';
import { serverRendersCanvas } from '@/lib/graph/server-render';
import { GraphPlaceholder } from './graph-placeholder';
import { TopologyGraphLoader, type TopologyGraphLoaderProps } from './topology-graph-loader';

/** Lets what is already rendered stream out before the work that follows. */
function yieldToStream(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * The canvas as a server page renders it, with what the server computes for it: the analysis overlay and the
 * layout of the first view. Render it inside `<Suspense fallback={<GraphPlaceholder />}>`: it waits a turn first,
 * so the rest of the page (and the script tags of the canvas's code) reaches the browser while the analysis and
 * the layout are computed, and the browser loads the code meanwhile. A small graph (`serverRendersCanvas`) is
 * rendered whole instead, with `serverRender` and outside any Suspense boundary: its picture is in the HTML.
 */
type ServerGraphProps = Parameters<typeof ServerGraph>[0];

/**
 * The canvas of a server page: with ATLAS_SERVER_RENDER_GRAPH=1, a small graph (`serverRendersCanvas`) rendered whole,
 * its picture in the page's HTML; any other inside a Suspense boundary, the placeholder first and the canvas mounted
 * in the browser (the default: measured faster to an answering canvas, bench/README.md session 8).
 */
export function ServerCanvas(props: Omit<ServerGraphProps, 'serverRender'>) {
  if (getConfig().serverRenderGraph && serverRendersCanvas(props.topology, props.vpcId, props.initialView ?? DEFAULT_VIEW_STATE)) return <ServerGraph {...props} serverRender />;
  return (
    <Suspense fallback={<GraphPlaceholder />}>
      <ServerGraph {...props} />
    </Suspense>
  );
}

export async function ServerGraph({
  analyze = true,
  serviceZonesFrom,
  linkScope,
  serverRender = false,
  ...props
}: Omit<TopologyGraphLoaderProps, 'analysis' | 'initialLayout' | 'serverPane'> & {
  /**
   * Where the region's endpoint services are read, so the badges' AZ coverage counts only the zones each service is
   * offered in, as the findings page does. Absent for a snapshot: every zone that can hold an endpoint counts.
   */
  serviceZonesFrom?: ServiceZonesFrom;
  /**
   * False: no analysis overlay. A comparison draws a merged topology (what is now plus what is gone), a state that
   * never existed: findings and paths computed on it would be wrong.
   */
  analyze?: boolean;
  /** The page's scope: the findings' "fix" links carry it (source, profile, fleet account) like the page's other links. */
  linkScope?: ScopeLink;
  /**
   * The page renders this canvas whole, not inside a Suspense boundary (`serverRendersCanvas`): no turn to wait, and
   * the first picture goes into the HTML.
   */
  serverRender?: boolean;
}) {
  if (!serverRender) await yieldToStream();
  const { topology, vpcId, initialView } = props;
  const serviceZones = analyze && serviceZonesFrom ? await loadServiceZones(serviceZonesFrom) : undefined;
  const shared = analyze ? analyzeForGraph(topology, { ...(vpcId === undefined ? {} : { vpcId }), ...(serviceZones ? { serviceZones } : {}) }) : undefined;
  const analysis = shared && linkScope ? withScopedFixLinks(shared, linkScope) : shared;
  // A link that selects something inside a closed overview group (a finding's route table) opens that group.
  const view = openSelection(topology, vpcId, initialView ?? DEFAULT_VIEW_STATE);
  const initialLayout = await initialLayoutFor(topology, vpcId, view);
  const canvas = (
    <TopologyGraphLoader
      {...props}
      initialView={view}
      {...(analysis ? { analysis } : {})}
      {...(initialLayout ? { initialLayout } : {})}
      {...(serverRender && initialLayout ? { serverPane: SERVER_PANE_GUESS } : {})}
    />
  );
  // Fitted to the real pane as soon as it is parsed (unless the link says where the view is), its titles sized for
  // that zoom (`server-fit.ts`).
  if (!serverRender || !initialLayout) return canvas;
  const size = 'packed' in initialLayout ? initialLayout.packed : initialLayout.layout;
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <>
      {canvas}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: serverFitScript(size, MIN_ZOOM, view.viewport?.zoom ?? null) }} />
    </>
  );
}
