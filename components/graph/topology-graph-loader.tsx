'use client';

/**
 * What server pages render: the canvas. Its code is part of the page's own JavaScript, fetched in parallel with
 * the rest of it (a `next/dynamic` import would only start once the page has hydrated, one round trip later). For a
 * small graph (`serverPane` set, see `lib/graph/server-render.ts`) the server renders the picture itself and the
 * browser hydrates it; for any other the server renders the placeholder and `TopologyGraph` mounts React Flow in the
 * browser, one task after hydration.
 */

import TopologyGraph, { type TopologyGraphProps } from './topology-graph';

export type TopologyGraphLoaderProps = TopologyGraphProps;

export function TopologyGraphLoader(props: TopologyGraphLoaderProps) {
  return <TopologyGraph {...props} />;
}

export default TopologyGraphLoader;
