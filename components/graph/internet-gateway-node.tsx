import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { usedBy } from './format';
import { atOverviewSize, NodeCard } from './node-parts';
import type { InternetGatewayNode as InternetGatewayNodeType } from './types';

function InternetGatewayNodeView({ id, data, selected, height }: NodeProps<InternetGatewayNodeType>) {
  return (
    <NodeCard
      kind="internetGateway"
      title={data.name || 'Internet gateway'}
      short="Internet gateway"
      subtitle={<span className="truncate font-mono">{id}</span>}
      {...(atOverviewSize('internetGateway', height) ? { facts: [usedBy(data.routeTableCount)] } : {})}
      selected={selected}
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const InternetGatewayNode = memo(InternetGatewayNodeView);
