import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { plural } from './format';
import { Badge, GroupBox } from './node-parts';
import type { VpcNode as VpcNodeType } from './types';

function VpcNodeView({ id, data, selected }: NodeProps<VpcNodeType>) {
  return (
    <GroupBox
      kind="vpc"
      large
      title={data.name || id}
      subtitle={data.name ? `${id} · ${plural(data.subnetCount, 'subnet')} · ${plural(data.endpointCount, 'endpoint')}` : `${plural(data.subnetCount, 'subnet')} · ${plural(data.endpointCount, 'endpoint')}`}
      selected={selected}
      body="bg-indigo-50/50 dark:bg-indigo-950/25"
      badges={
        <>
          {data.cidrBlocks.map((cidr) => (
            <Badge key={cidr} tone="blue">
              {cidr}
            </Badge>
          ))}
          {data.ipv6CidrBlocks.map((cidr) => (
            <Badge key={cidr}>{cidr}</Badge>
          ))}
          {data.isDefault ? <Badge tone="amber">default VPC</Badge> : null}
        </>
      }
    />
  );
}

export const VpcNode = memo(VpcNodeView);
