import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { stateTone } from './format';
import { NodeCard } from './node-parts';
import type { NatGatewayNode as NatGatewayNodeType } from './types';

function NatGatewayNodeView({ id, data, selected }: NodeProps<NatGatewayNodeType>) {
  const address = data.connectivityType === 'private' ? `private · ${data.privateIp ?? ''}` : (data.publicIp ?? data.privateIp);
  const parts = [address, data.state === 'available' ? null : data.state].filter(Boolean);
  return (
    <NodeCard
      kind="natGateway"
      title={data.name || id}
      subtitle={parts.length > 0 ? parts.join(' · ') : id}
      selected={selected}
      danger={stateTone(data.state) === 'red'}
    />
  );
}

export const NatGatewayNode = memo(NatGatewayNodeView);
