import { memo, type CSSProperties } from 'react';
import { useStore, type NodeProps } from '@xyflow/react';
import { GROUP_PADDING } from '@/lib/graph/sizes';
import { cx, plural } from './format';

const HEADER_ROOM = ((GROUP_PADDING.az?.top ?? 36) - 6) / 1.25;
import { GroupBox, useDetail } from './node-parts';
import type { AzNode as AzNodeType } from './types';
import { zoneChip, zoneLabel } from './zone-label';

/** The name is at least `--atlas-min-title` (set on a graph drawn in detail and fitted below 100 %, see overview-controls.tsx). */
const NAME: CSSProperties = { fontSize: 'max(13px, var(--atlas-min-title, 0px))' };

function AzNodeView({ data, selected, width }: NodeProps<AzNodeType>) {
  const detail = useDetail();
  const scaled = data.collapsed || detail === 'low';
  // Only a collapsed or far-out AZ follows the zoom (to keep its summary legible); quantised so it re-renders rarely.
  const zoom = useStore((s) => (scaled ? Math.max(0.02, Math.round(s.transform[2] * 50) / 50) : 1));
  const fontSize = Math.min(13 / zoom, (width ?? 304) / 13);
  // The header band is only so tall; a collapsed AZ repeats its name in its (roomy) summary instead.
  const headerSize = Math.min(fontSize, HEADER_ROOM);
  const privateCount = data.subnetCount - data.publicSubnetCount;
  const zone = data.zoneType ? zoneLabel(data.zoneType) : null;
  const facts = [data.azId, plural(data.subnetCount, 'subnet')].filter(Boolean).join(' · ');
  const header = scaled ? (
    <div className="truncate px-[0.6em] pt-[0.3em] font-semibold leading-tight text-slate-700 dark:text-slate-200" style={{ fontSize: headerSize }}>
      {data.az}
    </div>
  ) : (
    <div className="flex min-w-0 items-baseline gap-2 px-2.5 pt-2 leading-tight">
      {/* Local and Wavelength Zone names are long (us-east-1-wl1-bos-wlz-1): as AWS spells them, beside their marker. */}
      <span
        title={data.az}
        className={cx('min-w-0 shrink-[0.1] truncate font-bold text-slate-700 dark:text-slate-200', !zone && 'uppercase tracking-wide')}
        style={NAME}
      >
        {data.az}
      </span>
      {zone ? (
        <span data-zone-type={data.zoneType} title={zone} className="min-w-0 truncate rounded bg-amber-100 px-1 text-[11px] font-semibold text-amber-900 dark:bg-amber-900/70 dark:text-amber-100">
          {zoneChip(data.zoneType ?? '')}
        </span>
      ) : null}
      {/* The facts give way first: the zone's name is what a person looks for. */}
      <span className="min-w-0 shrink-[100] truncate text-[11.5px] text-slate-500 dark:text-slate-400">{facts}</span>
    </div>
  );
  return (
    <GroupBox
      kind="az"
      dashed
      header={header}
      selected={selected}
      frame="rounded-xl border-2 border-slate-300 bg-white/55 dark:border-slate-600 dark:bg-slate-900/40"
      findings={data.findings}
      mark={data.mark}
    >
      {data.collapsed ? (
        <div
          className="atlas-collapsed flex flex-1 flex-col items-center justify-center gap-[0.4em] px-2 text-center leading-tight text-slate-700 dark:text-slate-200"
          style={{ fontSize }}
        >
          <div className="whitespace-nowrap text-[1.6em] font-bold uppercase tracking-wide">{data.az}</div>
          <div className="whitespace-nowrap text-[1.3em] font-semibold">{plural(data.subnetCount, 'subnet')}</div>
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
