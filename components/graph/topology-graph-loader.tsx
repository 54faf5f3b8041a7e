'use client';

/**
 * What server pages render: the canvas, loaded in the browser only (`ssr: false`). The page sends the compact
 * topology JSON as props; nothing about React Flow is rendered or serialised on the server.
 */

import dynamic from 'next/dynamic';
import type { TopologyGraphProps } from './topology-graph';

const TopologyGraph = dynamic(() => import('./topology-graph'), {
  ssr: false,
  loading: () => (
    <div
      data-testid="graph-loading"
      role="status"
      className="flex h-full min-h-[560px] w-full items-center justify-center rounded-lg border border-slate-200 bg-white text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400"
    >
      Loading the graph…
    </div>
  ),
});

export type TopologyGraphLoaderProps = TopologyGraphProps;

export function TopologyGraphLoader(props: TopologyGraphLoaderProps) {
  return <TopologyGraph {...props} />;
}

export default TopologyGraphLoader;
