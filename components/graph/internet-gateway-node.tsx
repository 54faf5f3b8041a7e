import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { NodeCard } from './node-parts';
import type { InternetGatewayNode as InternetGatewayNodeType } from './types';

function InternetGatewayNodeView({ id, data, selected }: NodeProps<InternetGatewayNodeType>) {
  return (
    <NodeCard
      kind="internetGateway"
      title={data.name || 'Internet gateway'}
      short="Internet gateway"
      subtitle={<span className="truncate font-mono">{id}</span>}
      selected={selected}
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const InternetGatewayNode = memo(InternetGatewayNodeView);
