import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Globe, Lock } from 'lucide-react';
import { Badge, GroupBox } from './node-parts';
import type { SubnetNode as SubnetNodeType } from './types';

// AWS reserves five addresses in every subnet; below a /28's worth of free ones, launches start failing soon.
const LOW_FREE_IPS = 16;

function SubnetNodeView({ id, data, selected }: NodeProps<SubnetNodeType>) {
  return (
    <GroupBox
      kind="subnet"
      title={data.name || id}
      subtitle={data.name ? `${data.cidr} · ${id}` : data.cidr}
      selected={selected}
      body="bg-blue-50/70 dark:bg-blue-950/30"
      badges={
        <>
          {data.public ? (
            <Badge tone="green" title="Its route table sends 0.0.0.0/0 to an internet gateway">
              <Globe aria-hidden size={10} /> Public
            </Badge>
          ) : (
            <Badge title="No route to an internet gateway">
              <Lock aria-hidden size={10} /> Private
            </Badge>
          )}
          {data.availableIps === null ? null : (
            <Badge tone={data.availableIps < LOW_FREE_IPS ? 'amber' : 'neutral'}>{data.availableIps} free IPs</Badge>
          )}
          {data.explicitRouteTable ? null : <Badge title="No explicit association: uses the VPC's main route table">main RT</Badge>}
        </>
      }
    />
  );
}

export const SubnetNode = memo(SubnetNodeView);
