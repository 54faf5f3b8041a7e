import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { azLetter, cx, stateTone } from './format';
import { Facts, NodeCard } from './node-parts';
import type { InterfaceEndpointNode as InterfaceEndpointNodeType } from './types';

const TYPE_LABEL: Record<string, string> = { GatewayLoadBalancer: 'GWLB', Resource: 'Resource', ServiceNetwork: 'Service network' };
const DOT: Record<ReturnType<typeof stateTone>, string> = {
  green: 'bg-emerald-500',
  amber: 'bg-amber-500',
  red: 'bg-red-500',
  neutral: 'bg-slate-400',
};

function InterfaceEndpointNodeView({ data, selected }: NodeProps<InterfaceEndpointNodeType>) {
  const azs = data.azs.length === 0 ? 'no AZ' : `AZ ${data.azs.map(azLetter).join(' ')}`;
  return (
    <NodeCard
      kind="interfaceEndpoint"
      title={data.label || data.service || data.serviceName}
      subtitle={
        <Facts
          items={[
            <span key="s" className="inline-flex items-center gap-1" title={`State: ${data.state}`}>
              <span aria-hidden className={cx('inline-block h-2 w-2 rounded-full', DOT[stateTone(data.state)])} />
              {data.state === 'available' ? null : data.state}
            </span>,
            data.privateDnsEnabled ? (
              <span key="d" title="Private DNS names resolve to the endpoint">
                DNS
              </span>
            ) : (
              <span key="d" title="Private DNS is off: the service's public name does not resolve to the endpoint" className="text-amber-700 line-through dark:text-amber-300">
                DNS
              </span>
            ),
            <span key="a" title={data.azs.join(', ')}>
              {azs}
            </span>,
            data.endpointType === 'Interface' ? null : (TYPE_LABEL[data.endpointType] ?? data.endpointType),
          ]}
        />
      }
      selected={selected}
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const InterfaceEndpointNode = memo(InterfaceEndpointNodeView);
