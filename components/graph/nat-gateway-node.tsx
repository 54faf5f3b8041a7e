import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { azLetter, stateTone } from './format';
import { atOverviewSize, Chip } from './node-parts';
import type { NatGatewayNode as NatGatewayNodeType } from './types';

function NatGatewayNodeView({ id, data, selected, height }: NodeProps<NatGatewayNodeType>) {
  const address = data.connectivityType === 'private' ? `private ${data.privateIp ?? ''}` : (data.publicIp ?? data.privateIp);
  const regional = data.availabilityMode === 'regional' ? `regional${data.azs?.length ? ` (${data.azs.length} AZs)` : ''}` : null;
  const parts = [regional, address, data.state === 'available' ? null : data.state].filter(Boolean);
  const title = `${data.connectivityType === 'private' ? 'Private NAT' : 'NAT'} ${data.name || id}`;
  // In an overview its subnet is inside a tier: the chip says which AZ and subnet it is in, under its name.
  const where = atOverviewSize('natGateway', height) && data.az ? `AZ ${azLetter(data.az)} · ${data.subnet ?? ''}` : null;
  return (
    <Chip
      kind="natGateway"
      inline={where === null}
      title={title}
      short={data.connectivityType === 'private' ? 'Private NAT' : 'NAT'}
      {...(where ? { tooltip: `${title} in ${data.subnet ?? ''} (${data.az ?? ''})${parts.length > 0 ? `: ${parts.join(' · ')}` : ''}`, subtitleAtMid: true } : {})}
      subtitle={where ?? parts.join(' · ')}
      selected={selected}
      danger={stateTone(data.state) === 'red'}
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const NatGatewayNode = memo(NatGatewayNodeView);
