import { memo } from 'react';
import { useStore, type NodeProps } from '@xyflow/react';
import { GROUP_PADDING } from '@/lib/graph/sizes';
import { plural } from './format';

// The scaled name must stay in the header band the layout leaves above the AZs.
const HEADER_ROOM = ((GROUP_PADDING.vpc?.top ?? 60) - 8) / 1.25;
import { Badge, GroupBox, KindChip, useDetail } from './node-parts';
import type { VpcNode as VpcNodeType } from './types';

function VpcNodeView({ id, data, selected, width }: NodeProps<VpcNodeType>) {
  const detail = useDetail();
  // Zoomed far out only the VPC's name can still be read: it follows the zoom (quantised, so it re-renders rarely).
  const zoom = useStore((s) => (detail === 'low' ? Math.max(0.02, Math.round(s.transform[2] * 50) / 50) : 1));
  const name = data.name || id;
  const facts = [data.name ? id : null, plural(data.subnetCount, 'subnet'), plural(data.endpointCount, 'endpoint')].filter(Boolean).join(' · ');
  const header =
    detail === 'low' ? (
      <div className="truncate px-[0.5em] pt-[0.2em] font-semibold leading-tight text-indigo-900 dark:text-indigo-100" style={{ fontSize: Math.min(15 / zoom, HEADER_ROOM, (width ?? 360) / 14) }} title={name}>
        {name}
      </div>
    ) : (
      <div className="flex min-w-0 items-center gap-3 px-4 pt-3">
        <KindChip kind="vpc" size="lg" />
        <div className="min-w-0 flex-1 leading-tight">
          <div className="flex min-w-0 items-center gap-2">
            <span className="truncate text-[18px] font-bold" title={name}>
              {name}
            </span>
            {data.cidrBlocks.map((cidr) => (
              <Badge key={cidr} tone="blue">
                <span className="font-mono">{cidr}</span>
              </Badge>
            ))}
            {data.ipv6CidrBlocks.map((cidr) => (
              <Badge key={cidr}>
                <span className="font-mono">{cidr}</span>
              </Badge>
            ))}
            {data.isDefault ? <Badge tone="amber">default VPC</Badge> : null}
          </div>
          <div className="mt-0.5 truncate font-mono text-[12px] text-slate-600 dark:text-slate-400">{facts}</div>
        </div>
      </div>
    );
  return (
    <GroupBox
      kind="vpc"
      header={header}
      selected={selected}
      frame="rounded-2xl border-2 border-indigo-300 bg-indigo-50/40 dark:border-indigo-700 dark:bg-indigo-950/25"
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const VpcNode = memo(VpcNodeView);
