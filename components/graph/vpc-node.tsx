import { memo, type CSSProperties } from 'react';
import type { NodeProps } from '@xyflow/react';
import { plural } from './format';
import { Badge, GroupBox, KindChip, useDetail } from './node-parts';
import type { VpcNode as VpcNodeType } from './types';

/** The name is at least `--atlas-min-title` (set on a graph drawn in detail and fitted below 100 %, see overview-controls.tsx). */
const NAME: CSSProperties = { fontSize: 'max(18px, var(--atlas-min-title, 0px))' };

function VpcNodeView({ id, data, selected }: NodeProps<VpcNodeType>) {
  const detail = useDetail();
  const name = data.name || id;
  const facts = [data.name ? id : null, plural(data.subnetCount, 'subnet'), plural(data.endpointCount, 'endpoint')].filter(Boolean).join(' · ');
  // Zoomed far out the canvas writes the VPCs' names over the picture at a readable size (`vpc-labels.tsx`).
  const header =
    detail === 'low' ? null : (
      <div className="flex min-w-0 items-center gap-3 px-4 pt-3">
        <KindChip kind="vpc" size="lg" />
        <div className="min-w-0 flex-1 leading-tight">
          <div className="flex min-w-0 items-center gap-2">
            <span className="truncate font-bold" style={NAME} title={name}>
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
