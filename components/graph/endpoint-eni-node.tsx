import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Chip } from './node-parts';
import type { EndpointEniNode as EndpointEniNodeType } from './types';

function EndpointEniNodeView({ id, data, selected }: NodeProps<EndpointEniNodeType>) {
  return (
    <Chip
      kind="endpointEni"
      title={data.service ?? id}
      subtitle={data.privateIp ?? (data.mark === 'ghost' ? 'IP on create' : 'no address')}
      selected={selected}
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const EndpointEniNode = memo(EndpointEniNodeView);
