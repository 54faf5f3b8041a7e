import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { plural } from './format';
import { atOverviewSize, Facts, NodeCard } from './node-parts';
import type { RouteTableNode as RouteTableNodeType } from './types';

function RouteTableNodeView({ id, data, selected, height }: NodeProps<RouteTableNodeType>) {
  return (
    <NodeCard
      kind="routeTable"
      title={data.name || id}
      {...(data.main ? { short: 'Main table', shortAtFit: !data.name || data.name === id } : {})}
      subtitle={
        <Facts
          items={[
            data.main ? (
              <span key="m" className="font-semibold text-amber-700 dark:text-amber-300">
                Main
              </span>
            ) : null,
            plural(data.routeCount, 'route'),
            plural(data.subnetCount, 'subnet'),
            data.blackholeCount > 0 ? (
              <span key="b" className="font-semibold text-red-700 dark:text-red-400">
                {data.blackholeCount} blackhole
              </span>
            ) : null,
          ]}
        />
      }
      subtitleAtMid={atOverviewSize('routeTable', height)}
      selected={selected}
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const RouteTableNode = memo(RouteTableNodeView);
