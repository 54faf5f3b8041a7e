import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { NodeCard } from './node-parts';
import type { EndpointEniNode as EndpointEniNodeType } from './types';

function EndpointEniNodeView({ id, data, selected }: NodeProps<EndpointEniNodeType>) {
  return (
    <NodeCard
      kind="endpointEni"
      title={data.privateIp ?? 'no address'}
      subtitle={data.service ? `${data.service} · ${id}` : id}
      selected={selected}
    />
  );
}

export const EndpointEniNode = memo(EndpointEniNodeView);
