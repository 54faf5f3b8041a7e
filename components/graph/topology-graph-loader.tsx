'use client';

/**
 * What server pages render: the canvas. Its code is part of the page's own JavaScript, fetched in parallel with
 * the rest of it (a `next/dynamic` import would only start once the page has hydrated, one round trip later). The
 * server renders just the placeholder: `TopologyGraph` mounts React Flow in the browser, one task after
 * hydration, so nothing about React Flow is rendered or serialised on the server.
 */

import TopologyGraph, { type TopologyGraphProps } from './topology-graph';

export type TopologyGraphLoaderProps = TopologyGraphProps;

export function TopologyGraphLoader(props: TopologyGraphLoaderProps) {
  return <TopologyGraph {...props} />;
}

export default TopologyGraphLoader;
