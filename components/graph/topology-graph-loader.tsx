'use client';

/**
 * What server pages render: the canvas, loaded in the browser only (`ssr: false`). The page sends the compact
 * topology JSON as props; nothing about React Flow is rendered or serialised on the server.
 */

import dynamic from 'next/dynamic';
import { GraphPlaceholder } from './graph-placeholder';
import type { TopologyGraphProps } from './topology-graph';

const TopologyGraph = dynamic(() => import('./topology-graph'), {
  ssr: false,
  loading: () => <GraphPlaceholder />,
});

export type TopologyGraphLoaderProps = TopologyGraphProps;

export function TopologyGraphLoader(props: TopologyGraphLoaderProps) {
  return <TopologyGraph {...props} />;
}

export default TopologyGraphLoader;
