import { memo } from 'react';
import { useStore, type NodeProps } from '@xyflow/react';
import { cx } from './format';
import { KIND_STYLE } from './kind-style';
import { groupLabel } from './to-flow';
import type { SummaryNode as SummaryNodeType } from './types';

/**
 * The overview's one box for a VPC's many route tables or interface endpoints (`collapseForOverview`): a tinted
 * box over the area they occupy, saying how many, legible at any zoom (the text follows the zoom, quantised so
 * it re-renders rarely). A click zooms into it, which brings them back.
 */
function SummaryNodeView({ data, width }: NodeProps<SummaryNodeType>) {
  const zoom = useStore((s) => Math.max(0.02, Math.round(s.transform[2] * 50) / 50));
  const fontSize = Math.min(14 / zoom, (width ?? 200) / 9);
  return (
    <div
      data-kind={data.kind}
      data-count={data.count}
      className={cx('atlas-summary flex h-full w-full cursor-pointer items-center justify-center rounded-xl border-2 border-dashed text-center font-semibold leading-tight text-slate-700 dark:text-slate-200', KIND_STYLE[data.kind].border, KIND_STYLE[data.kind].fill)}
      style={{ fontSize }}
    >
      <span className="px-[0.5em]">
        {groupLabel(data.kind, data.count)}
        <span className="block text-[0.7em] font-normal text-slate-500 dark:text-slate-400">Click or zoom in to see them</span>
      </span>
    </div>
  );
}

export const SummaryNode = memo(SummaryNodeView);
