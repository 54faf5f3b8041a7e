import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { serviceLabel } from '@/lib/aws/services';
import { stateTone, usedBy } from './format';
import { atOverviewSize, Facts, NodeCard } from './node-parts';
import type { GatewayEndpointNode as GatewayEndpointNodeType } from './types';

function GatewayEndpointNodeView({ data, selected, height }: NodeProps<GatewayEndpointNodeType>) {
  return (
    <NodeCard
      kind="gatewayEndpoint"
      title={serviceLabel(data.service)}
      subtitle={
        <Facts
          items={[
            <span key="g" title="Gateway endpoints for S3 and DynamoDB have no hourly or data processing charge">
              Gateway · <span className="font-semibold text-emerald-700 dark:text-emerald-400">free</span>
            </span>,
            data.state === 'available' ? null : (
              <span key="s" className={stateTone(data.state) === 'red' ? 'text-red-700 dark:text-red-400' : 'text-amber-700 dark:text-amber-300'}>
                {data.state}
              </span>
            ),
            data.name || null,
          ]}
        />
      }
      {...(atOverviewSize('gatewayEndpoint', height) ? { facts: [usedBy(data.routeTableCount)] } : {})}
      selected={selected}
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const GatewayEndpointNode = memo(GatewayEndpointNodeView);
