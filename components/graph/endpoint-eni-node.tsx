import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { endpointEniTitle } from '@/lib/graph/build-labels';
import { endpointEniSize } from '@/lib/graph/sizes';
import { Chip } from './node-parts';
import type { EndpointEniNode as EndpointEniNodeType } from './types';

function EndpointEniNodeView({ id, data, selected }: NodeProps<EndpointEniNodeType>) {
  // The chip was laid out for this title (lib/graph/build.ts): on two lines where one does not hold it.
  const title = endpointEniTitle(data.service, id);
  const address = data.privateIp ?? (data.mark === 'ghost' ? 'IP on create' : 'no address');
  return (
    <Chip
      kind="endpointEni"
      title={title}
      tooltip={`${title}: endpoint network interface ${id}, ${address}${data.az ? ` in ${data.az}` : ''}`}
      wrap={endpointEniSize(title).lines === 2}
      subtitle={address}
      selected={selected}
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const EndpointEniNode = memo(EndpointEniNodeView);
