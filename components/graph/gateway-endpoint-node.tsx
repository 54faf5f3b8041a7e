import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { serviceLabel, stateTone } from './format';
import { Badge, NodeCard } from './node-parts';
import type { GatewayEndpointNode as GatewayEndpointNodeType } from './types';

function GatewayEndpointNodeView({ id, data, selected }: NodeProps<GatewayEndpointNodeType>) {
  return (
    <NodeCard
      kind="gatewayEndpoint"
      title={serviceLabel(data.service)}
      subtitle={data.name ? `${data.name} · ${id}` : id}
      selected={selected}
      badges={
        <>
          <Badge tone="green" title="Gateway endpoints for S3 and DynamoDB have no hourly or data processing charge">
            Gateway · free
          </Badge>
          {data.state === 'available' ? null : <Badge tone={stateTone(data.state)}>{data.state}</Badge>}
        </>
      }
    />
  );
}

export const GatewayEndpointNode = memo(GatewayEndpointNodeView);
