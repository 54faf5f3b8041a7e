/**
 * The overview's group nodes (`lib/graph/overview`): a class of route tables, a tier of subnets, a class of
 * interface endpoints. Each says how many it stands for and what they have in common, and opens in place when
 * clicked (the canvas turns the click into `toggleOpen`).
 *
 * Their titles stay legible at the zoom that fits a whole region: the canvas sets `--atlas-label-scale` (about
 * 11 / 12 / zoom, at least 1) on its root while an overview is drawn, and titles grow with it inside boxes sized for
 * two lines of them at the largest scale (`OVERVIEW_SIZE`); detail lines grow less and give way first.
 */

import { memo, type CSSProperties, type ReactNode } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { GroupData } from '@/lib/graph/types';
import { azLetter, cx } from './format';
import { DETAIL_LINE, GroupBox, KindChip, MaskedIcon } from './node-parts';
import type { EndpointClassNode as EndpointClassNodeType, RouteClassNode as RouteClassNodeType, SubnetTierNode as SubnetTierNodeType } from './types';

/** Titles follow the label scale (12 px times it reads as 11 px on screen; 14 px where that is more); detail lines up to 1.6 times (`DETAIL_LINE`). */
const TITLE: CSSProperties = { fontSize: 'max(14px, calc(12px * var(--atlas-label-scale, 1)))' };

/** `->` as an arrow, for reading. */
function arrows(text: string): string {
  return text.replaceAll(' -> ', ' → ');
}

function OpenHint({ group }: { group: GroupData }) {
  return (
    <span
      aria-hidden
      title={`Click to open: the ${group.count} drawn one by one`}
      className="atlas-open-hint ml-auto inline-flex h-4 w-4 shrink-0 items-center justify-center rounded border border-current text-[12px] font-semibold leading-none opacity-60"
    >
      +
    </span>
  );
}

/**
 * Title row (an icon, the title, the open hint) over the detail lines; the summary as the tooltip. Zoomed out a little
 * (`atlas-labels-glance`, see topology-graph.css) the `glance` lines, where given, take the detail lines' place; further
 * (`atlas-labels-big`) the lines step aside but for the first `linesAtMid` (or two glance lines), until the view is
 * zoomed out further still (`atlas-labels-far`); the title
 * either wraps onto a second line (`wrap`, where the box is tall enough) or gives way to its short form.
 */
function GroupHeader({ group, icon, lines, glance, className, lineClassName, wrap = false, title = group.title, linesAtMid = 0 }: { group: GroupData; icon: ReactNode; lines: readonly string[]; glance?: readonly string[] | undefined; className: string; lineClassName: string; wrap?: boolean; title?: string; linesAtMid?: number }) {
  // Clipped here rather than by the box, whose findings pin sits over its corner.
  return (
    <div className={cx('flex min-h-0 min-w-0 flex-col gap-0.5 overflow-hidden leading-tight', className)} title={group.summary}>
      <div className="flex min-w-0 items-center gap-1.5">
        {icon}
        <span data-testid="group-title" className={cx('atlas-title-long min-w-0 font-semibold', wrap ? 'atlas-title-wrap' : 'truncate')} style={TITLE}>
          {title}
        </span>
        {wrap ? null : (
          <span data-testid="group-title-short" className="atlas-title-short hidden min-w-0 truncate font-semibold" style={TITLE}>
            {group.short}
          </span>
        )}
        <OpenHint group={group} />
      </div>
      {lines.map((line, i) => (
        <span key={line} className={cx('atlas-group-line truncate', glance ? 'atlas-has-glance' : i < linesAtMid && 'atlas-mid-line', lineClassName)} style={DETAIL_LINE}>
          {line}
        </span>
      ))}
      {glance?.map((line, i) => (
        <span key={`glance ${line}`} className={cx('atlas-group-line atlas-glance-line truncate', i < 2 && 'atlas-mid-line', lineClassName)} style={DETAIL_LINE}>
          {line}
        </span>
      ))}
    </div>
  );
}

function RouteClassNodeView({ data, selected }: NodeProps<RouteClassNodeType>) {
  return (
    <GroupBox
      kind="routeTable"
      selected={selected}
      findings={data.findings}
      mark={data.mark}
      frame={cx('atlas-group cursor-pointer rounded-xl border-2 border-double bg-white px-2.5 py-1.5 dark:bg-slate-900', data.main ? 'border-amber-500' : 'border-amber-400 dark:border-amber-600')}
      header={<GroupHeader group={data.group} icon={<KindChip kind="routeTable" size="sm" />} lines={data.group.lines.map(arrows)} glance={data.group.glance?.map(arrows)} className="" lineClassName="text-slate-700 dark:text-slate-300" wrap linesAtMid={2} />}
    />
  );
}

function SubnetTierNodeView({ data, selected }: NodeProps<SubnetTierNodeType>) {
  const icon = <MaskedIcon icon={data.public ? 'public' : 'private'} className={cx('atlas-group-icon h-3.5 w-3.5 shrink-0', data.public ? 'text-emerald-700 dark:text-emerald-400' : 'text-sky-700 dark:text-sky-400')} />;
  return (
    <GroupBox
      kind="subnet"
      selected={selected}
      findings={data.findings}
      mark={data.mark}
      frame={cx(
        'atlas-group cursor-pointer rounded-lg border-2 border-double',
        data.public ? 'border-emerald-400 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950/60' : 'border-sky-400 bg-sky-50 dark:border-sky-700 dark:bg-sky-950/60',
      )}
      header={<GroupHeader group={data.group} icon={icon} lines={data.group.lines.slice(0, 1)} className="atlas-tier-header px-2.5 pt-1.5" lineClassName="pl-5 font-mono text-slate-600 dark:text-slate-300" />}
    />
  );
}

function EndpointClassNodeView({ data, selected }: NodeProps<EndpointClassNodeType>) {
  return (
    <GroupBox
      kind="interfaceEndpoint"
      selected={selected}
      findings={data.findings}
      mark={data.mark}
      frame="atlas-group cursor-pointer rounded-lg border-2 border-double border-cyan-500 bg-white px-2 py-1 dark:bg-slate-900"
      header={
        // A card is narrow: `50 endpoints` over `Interface · AZ a b c` and the services; the whole sentence is the tooltip.
        <GroupHeader
          group={data.group}
          icon={null}
          title={data.group.short}
          lines={[`${data.endpointType} · ${data.azs.length > 0 ? `AZ ${data.azs.map(azLetter).join(' ')}` : 'no AZ'}`, ...data.group.lines.slice(1)]}
          className=""
          lineClassName="text-slate-600 dark:text-slate-300"
          wrap
          linesAtMid={2}
        />
      }
    />
  );
}

export const RouteClassNode = memo(RouteClassNodeView);
export const SubnetTierNode = memo(SubnetTierNodeView);
export const EndpointClassNode = memo(EndpointClassNodeView);
