import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { stateTone } from './format';
import { Chip } from './node-parts';
import type { NatGatewayNode as NatGatewayNodeType } from './types';

function NatGatewayNodeView({ id, data, selected }: NodeProps<NatGatewayNodeType>) {
  const address = data.connectivityType === 'private' ? `private ${data.privateIp ?? ''}` : (data.publicIp ?? data.privateIp);
  const regional = data.availabilityMode === 'regional' ? `regional${data.azs?.length ? ` (${data.azs.length} AZs)` : ''}` : null;
  const parts = [regional, address, data.state === 'available' ? null : data.state].filter(Boolean);
  return (
    <Chip
      kind="natGateway"
      inline
      title={`${data.connectivityType === 'private' ? 'Private NAT' : 'NAT'} ${data.name || id}`}
      short={data.connectivityType === 'private' ? 'Private NAT' : 'NAT'}
      subtitle={parts.join(' · ')}
      selected={selected}
      danger={stateTone(data.state) === 'red'}
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const NatGatewayNode = memo(NatGatewayNodeView);
