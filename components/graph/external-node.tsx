import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { externalShortLabel } from '@/lib/graph/build-labels';
import type { RouteTargetType } from '@/lib/topology/types';
import type { MaskIcon } from './kind-icons';
import { usedBy } from './format';
import { atOverviewSize, NodeCard } from './node-parts';
import type { ExternalNode as ExternalNodeType } from './types';

/** Each kind of gateway a route leaves the VPC by gets its own icon; anything else the generic "outside" one. */
const TARGET_ICON: Partial<Record<RouteTargetType, MaskIcon>> = {
  tgw: 'transitGateway',
  cagw: 'carrierGateway',
  eigw: 'egressOnlyGateway',
  lgw: 'localGateway',
  pcx: 'peering',
  vgw: 'vpnGateway',
  'core-network': 'coreNetwork',
  instance: 'instance',
  eni: 'endpointEni',
  igw: 'internetGateway',
  nat: 'natGateway',
  vpce: 'gatewayEndpoint',
};

function ExternalNodeView({ id, data, selected, height }: NodeProps<ExternalNodeType>) {
  // Blackhole placeholders have a synthetic id (`rtb-.../blackhole/10.0.0.0/8`); show what AWS would call it.
  const shownId = id.includes('/blackhole/') ? 'target deleted' : id;
  return (
    <NodeCard
      kind="external"
      icon={TARGET_ICON[data.targetType] ?? 'external'}
      title={data.missing ? `${data.label} (gone)` : data.label}
      short={data.missing ? `${externalShortLabel(data.label)} (gone)` : externalShortLabel(data.label)}
      subtitle={<span className="truncate font-mono" data-target-type={data.targetType}>{shownId}</span>}
      {...(atOverviewSize('external', height) && data.routeTableCount !== undefined ? { facts: [usedBy(data.routeTableCount)] } : {})}
      selected={selected}
      danger={data.missing}
      dashed
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const ExternalNode = memo(ExternalNodeView);
