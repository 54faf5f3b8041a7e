import { memo } from 'react';
import { useStore, type NodeProps } from '@xyflow/react';
import { plural } from './format';
import { GroupBox } from './node-parts';
import type { AzNode as AzNodeType } from './types';

function AzNodeView({ data, selected, width }: NodeProps<AzNodeType>) {
  // Only a collapsed AZ follows the zoom (to keep its summary legible); quantised so it re-renders rarely.
  const zoom = useStore((s) => (data.collapsed ? Math.max(0.02, Math.round(s.transform[2] * 40) / 40) : 1));
  const fontSize = Math.min(14 / zoom, (width ?? 280) / 12);
  const privateCount = data.subnetCount - data.publicSubnetCount;
  return (
    <GroupBox
      kind="az"
      dashed
      title={data.az}
      subtitle={[data.azId, plural(data.subnetCount, 'subnet'), data.endpointEniCount > 0 ? plural(data.endpointEniCount, 'endpoint ENI') : null]
        .filter(Boolean)
        .join(' · ')}
      selected={selected}
      body="bg-slate-100/60 dark:bg-slate-800/30"
    >
      {data.collapsed ? (
        <div
          className="atlas-collapsed flex flex-1 flex-col items-center justify-center gap-[0.4em] px-2 text-center leading-tight text-slate-700 dark:text-slate-200"
          style={{ fontSize }}
        >
          <div className="whitespace-nowrap text-[1.5em] font-semibold">{plural(data.subnetCount, 'subnet')}</div>
          <div className="whitespace-nowrap">
            {data.publicSubnetCount} public · {privateCount} private
          </div>
          <div className="whitespace-nowrap">{plural(data.endpointEniCount, 'endpoint ENI')}</div>
          <div className="whitespace-nowrap">{plural(data.natGatewayCount, 'NAT gateway')}</div>
          <div className="text-[0.75em] text-slate-500 dark:text-slate-400">Click or zoom in to expand</div>
        </div>
      ) : null}
    </GroupBox>
  );
}

export const AzNode = memo(AzNodeView);
