import { memo, type CSSProperties } from 'react';
import type { NodeProps } from '@xyflow/react';
import { cx } from './format';
import { Facts, GroupBox, MaskedIcon, useDetail } from './node-parts';
import type { SubnetNode as SubnetNodeType } from './types';
import { zoneChip, zoneLabel } from './zone-label';

/** The name is at least `--atlas-min-title` (set on a graph drawn in detail and fitted below 100 %, see overview-controls.tsx). */
const NAME: CSSProperties = { fontSize: 'max(14px, var(--atlas-min-title, 0px))' };

// AWS reserves five addresses in every subnet; below a /28's worth of free ones, launches start failing soon.
const LOW_FREE_IPS = 16;

// Public subnets are green and private ones blue, as in most VPC diagrams.
const FRAME = {
  public: 'rounded-lg border bg-emerald-50 border-emerald-300 dark:bg-emerald-950/60 dark:border-emerald-700',
  private: 'rounded-lg border bg-sky-50 border-sky-300 dark:bg-sky-950/60 dark:border-sky-700',
} as const;

function SubnetNodeView({ id, data, selected }: NodeProps<SubnetNodeType>) {
  const detail = useDetail();
  const name = data.name || id;
  const header =
    detail === 'low' ? null : (
      <div className="flex min-w-0 flex-col gap-0.5 px-2.5 pt-2 leading-tight">
        <div className="flex min-w-0 items-center gap-1.5">
          {data.public ? (
            <MaskedIcon icon="public" className="h-3.5 w-3.5 shrink-0 text-emerald-700 dark:text-emerald-400" />
          ) : (
            <MaskedIcon icon="private" className="h-3.5 w-3.5 shrink-0 text-sky-700 dark:text-sky-400" />
          )}
          <span className="atlas-subnet-name min-w-0 flex-1 truncate font-semibold" style={NAME} title={name}>
            {name}
          </span>
          <span
            title={data.public ? 'Its route table sends 0.0.0.0/0 to an internet gateway' : 'No route to an internet gateway'}
            className={cx(
              'atlas-subnet-badge shrink-0 rounded px-1.5 py-px text-[10.5px] font-semibold uppercase tracking-wide',
              data.public ? 'bg-emerald-700 text-white dark:bg-emerald-500 dark:text-emerald-950' : 'bg-sky-700 text-white dark:bg-sky-500 dark:text-sky-950',
            )}
          >
            {data.public ? 'Public' : 'Private'}
          </span>
        </div>
        <div className="atlas-subnet-facts flex min-w-0 items-center truncate pl-5 text-[11.5px] text-slate-600 dark:text-slate-300">
          <Facts
            items={[
              <span key="c" className="font-mono" title={data.ipv6Cidrs?.join(', ')}>
                {data.cidr || data.ipv6Cidrs?.[0] || 'no CIDR'}
              </span>,
              data.zoneType ? (
                <span
                  key="z"
                  data-zone-type={data.zoneType}
                  title={`${zoneLabel(data.zoneType)} subnet: interface endpoints cannot be placed in it`}
                  className="shrink-0 rounded bg-amber-100 px-1 font-semibold text-amber-900 dark:bg-amber-900/70 dark:text-amber-100"
                >
                  {zoneChip(data.zoneType)}
                </span>
              ) : null,
              data.ipv6Native ? (
                <span key="v6" title="IPv6-only subnet: no IPv4 addresses" className="font-semibold text-violet-700 dark:text-violet-300">
                  IPv6-only
                </span>
              ) : null,
              // An IPv6-only subnet has no IPv4 addresses to count; its /64 is never short of addresses.
              data.availableIps === null || data.ipv6Native ? null : (
                <span key="f" className={data.availableIps < LOW_FREE_IPS ? 'font-semibold text-amber-700 dark:text-amber-300' : undefined}>
                  {data.availableIps} free
                </span>
              ),
              data.explicitRouteTable ? null : (
                <span key="m" title="No explicit association: uses the VPC's main route table" className="text-slate-600 italic dark:text-slate-400">
                  main RT
                </span>
              ),
            ]}
          />
        </div>
      </div>
    );
  return (
    <GroupBox kind="subnet" header={header} selected={selected} frame={FRAME[data.public ? 'public' : 'private']} findings={data.findings} mark={data.mark} />
  );
}

export const SubnetNode = memo(SubnetNodeView);
