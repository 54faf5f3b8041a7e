import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { plural } from './format';
import { Badge, NodeCard } from './node-parts';
import type { RouteTableNode as RouteTableNodeType } from './types';

function RouteTableNodeView({ id, data, selected }: NodeProps<RouteTableNodeType>) {
  return (
    <NodeCard
      kind="routeTable"
      title={data.name || id}
      {...(data.name ? { subtitle: id } : {})}
      selected={selected}
      badges={
        <>
          {data.main ? <Badge tone="amber">Main</Badge> : null}
          <Badge>{plural(data.routeCount, 'route')}</Badge>
          <Badge>{plural(data.subnetCount, 'subnet')}</Badge>
          {data.blackholeCount > 0 ? <Badge tone="red">{data.blackholeCount} blackhole</Badge> : null}
        </>
      }
    />
  );
}

export const RouteTableNode = memo(RouteTableNodeView);
