/** Building blocks of the node components: the card, the group header, badges. Text only, never HTML. */

import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { NodeKind } from '@/lib/graph/types';
import { cx } from './format';
import { KIND_STYLE } from './kind-style';

export type Tone = 'neutral' | 'green' | 'amber' | 'red' | 'blue' | 'cyan';

const TONE: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
  green: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/70 dark:text-emerald-100',
  amber: 'bg-amber-100 text-amber-900 dark:bg-amber-900/70 dark:text-amber-100',
  red: 'bg-red-100 text-red-800 dark:bg-red-900/70 dark:text-red-100',
  blue: 'bg-blue-100 text-blue-800 dark:bg-blue-900/70 dark:text-blue-100',
  cyan: 'bg-cyan-100 text-cyan-900 dark:bg-cyan-900/70 dark:text-cyan-100',
};

export function Badge({ tone = 'neutral', title, children }: { tone?: Tone; title?: string; children: ReactNode }) {
  return (
    <span
      title={title}
      className={cx('inline-flex h-[18px] shrink-0 items-center gap-1 rounded px-1.5 text-[10.5px] font-medium leading-none', TONE[tone])}
    >
      {children}
    </span>
  );
}

export function KindChip({ kind, size = 'md', danger = false }: { kind: NodeKind; size?: 'sm' | 'md' | 'lg'; danger?: boolean }) {
  const style = KIND_STYLE[kind];
  const Icon = style.icon;
  const box = size === 'lg' ? 'h-9 w-9' : size === 'sm' ? 'h-6 w-6' : 'h-7 w-7';
  const icon = size === 'lg' ? 20 : size === 'sm' ? 14 : 16;
  return (
    <span
      className={cx(
        'flex shrink-0 items-center justify-center rounded-md',
        box,
        danger ? 'bg-red-100 text-red-700 dark:bg-red-900 dark:text-red-100' : style.chip,
      )}
    >
      <Icon aria-hidden size={icon} strokeWidth={2} />
    </span>
  );
}

function TitleBlock({ title, subtitle, large = false }: { title: string; subtitle?: string; large?: boolean }) {
  return (
    <div className="min-w-0 flex-1 leading-tight">
      <div className={cx('truncate font-semibold', large ? 'text-[15px]' : 'text-[13px]')} title={title}>
        {title}
      </div>
      {subtitle ? (
        <div className="truncate font-mono text-[11px] text-slate-600 dark:text-slate-400" title={subtitle}>
          {subtitle}
        </div>
      ) : null}
    </div>
  );
}

/**
 * One invisible handle in the middle of each side. Edges name the side they use (chosen after layout), and
 * React Flow measures these elements for the exact anchor; `to-flow.ts` declares the same four up front for
 * nodes that have not been rendered yet.
 */
function SideHandles() {
  return (
    <>
      <Handle id="top" type="source" position={Position.Top} isConnectable={false} className="atlas-handle" />
      <Handle id="right" type="source" position={Position.Right} isConnectable={false} className="atlas-handle" />
      <Handle id="bottom" type="source" position={Position.Bottom} isConnectable={false} className="atlas-handle" />
      <Handle id="left" type="source" position={Position.Left} isConnectable={false} className="atlas-handle" />
    </>
  );
}

const SELECTED = 'ring-2 ring-sky-500 ring-offset-2 ring-offset-white dark:ring-sky-400 dark:ring-offset-slate-950';

/** A leaf resource: icon chip, title, mono subtitle, then an optional row of badges. */
export function NodeCard(props: {
  kind: NodeKind;
  title: string;
  subtitle?: string;
  badges?: ReactNode;
  selected: boolean;
  danger?: boolean;
  dashed?: boolean;
}) {
  const { kind, title, subtitle, badges, selected, danger = false, dashed = false } = props;
  return (
    <div
      data-kind={kind}
      className={cx(
        'flex h-full w-full flex-col justify-center gap-1 overflow-hidden rounded-lg border-2 bg-white px-2.5 py-1.5 text-slate-900 shadow-sm dark:bg-slate-900 dark:text-slate-100',
        danger ? 'border-red-500 dark:border-red-500' : KIND_STYLE[kind].border,
        dashed && 'border-dashed',
        selected && SELECTED,
      )}
    >
      <div className="flex min-w-0 items-center gap-2">
        <KindChip kind={kind} danger={danger} />
        <TitleBlock title={title} {...(subtitle === undefined ? {} : { subtitle })} />
      </div>
      {badges ? <div className="flex h-[18px] min-w-0 gap-1 overflow-hidden pl-9">{badges}</div> : null}
      <SideHandles />
    </div>
  );
}

/** A group box (VPC, AZ, subnet with NAT gateways or ENIs inside): a header on a tinted, see-through body. */
export function GroupBox(props: {
  kind: NodeKind;
  title: string;
  subtitle?: string;
  badges?: ReactNode;
  selected: boolean;
  body: string;
  large?: boolean;
  dashed?: boolean;
  children?: ReactNode;
}) {
  const { kind, title, subtitle, badges, selected, body, large = false, dashed = false, children } = props;
  return (
    <div
      data-kind={kind}
      className={cx(
        'flex h-full w-full flex-col rounded-xl border-2 text-slate-900 dark:text-slate-100',
        KIND_STYLE[kind].border,
        body,
        dashed && 'border-dashed',
        selected && SELECTED,
      )}
    >
      <div className={cx('flex min-w-0 items-center gap-2', large ? 'px-4 pt-3' : 'px-2.5 pt-2')}>
        <KindChip kind={kind} size={large ? 'lg' : 'md'} />
        <TitleBlock title={title} large={large} {...(subtitle === undefined ? {} : { subtitle })} />
      </div>
      {badges ? (
        <div className={cx('flex min-w-0 gap-1 overflow-hidden', large ? 'mt-1.5 pl-[60px] pr-4' : 'mt-1 pl-[46px] pr-2.5')}>{badges}</div>
      ) : null}
      {children}
      <SideHandles />
    </div>
  );
}
