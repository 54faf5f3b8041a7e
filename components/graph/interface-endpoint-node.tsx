import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { azLetter, stateTone } from './format';
import { Badge, NodeCard } from './node-parts';
import type { InterfaceEndpointNode as InterfaceEndpointNodeType } from './types';

const TYPE_LABEL: Record<string, string> = { GatewayLoadBalancer: 'GWLB', Resource: 'Resource', ServiceNetwork: 'Service network' };

function InterfaceEndpointNodeView({ id, data, selected }: NodeProps<InterfaceEndpointNodeType>) {
  const azs = data.azs.length === 0 ? 'no AZ' : `AZ ${data.azs.map(azLetter).join(' ')}`;
  return (
    <NodeCard
      kind="interfaceEndpoint"
      title={data.service || data.serviceName}
      subtitle={data.name ? `${data.name} · ${id}` : id}
      selected={selected}
      badges={
        <>
          <Badge tone={stateTone(data.state)}>{data.state}</Badge>
          {data.privateDnsEnabled ? <Badge tone="blue" title="Private DNS names resolve to the endpoint">Private DNS</Badge> : null}
          <Badge title={data.azs.join(', ')}>{azs}</Badge>
          {data.endpointType === 'Interface' ? null : <Badge>{TYPE_LABEL[data.endpointType] ?? data.endpointType}</Badge>}
        </>
      }
    />
  );
}

export const InterfaceEndpointNode = memo(InterfaceEndpointNodeView);
