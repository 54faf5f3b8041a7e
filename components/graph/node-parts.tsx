/**
 * Building blocks of the node components: cards, chips, group headers, badges, and the pins that show findings
 * and snapshot differences. Text only, never HTML. The DOM is kept small on purpose (a large VPC draws a
 * thousand of these): no React Flow handles (edges attach to the handles `to-flow.ts` declares), one icon per
 * card at most, and a bare box when the canvas is zoomed too far out to read anything.
 */

import { createContext, Fragment, useContext, type CSSProperties, type ReactNode } from 'react';
import type { FindingSummary } from '@/lib/graph/overlay';
import { OVERVIEW_SIZE } from '@/lib/graph/sizes';
import type { NodeKind } from '@/lib/graph/types';
import { cx } from './format';
import { maskIconStyle, type MaskIcon } from './kind-icons';
import { KIND_STYLE } from './kind-style';
import type { DiffMark } from './types';

/** How much a node draws: `low` when zoomed so far out that text would be specks. */
export type Detail = 'full' | 'low';
export const DetailContext = createContext<Detail>('full');

export function useDetail(): Detail {
  return useContext(DetailContext);
}

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
      className={cx('inline-flex h-[18px] shrink-0 items-center gap-1 rounded px-1.5 text-[11px] font-medium leading-none', TONE[tone])}
    >
      {children}
    </span>
  );
}

/** A kind's icon on a tinted square; the icon is a CSS mask (see kind-icons.ts), one element. */
export function KindChip({ kind, size = 'md', danger = false, icon: shown = kind }: { kind: NodeKind; size?: 'sm' | 'md' | 'lg'; danger?: boolean; icon?: MaskIcon }) {
  const box = size === 'lg' ? 'h-9 w-9' : size === 'sm' ? 'h-6 w-6' : 'h-7 w-7';
  const icon = size === 'lg' ? 'h-5 w-5' : size === 'sm' ? 'h-3.5 w-3.5' : 'h-4 w-4';
  return (
    <span className={cx('atlas-kind-chip flex shrink-0 items-center justify-center rounded-md', box, danger ? 'bg-red-100 text-red-700 dark:bg-red-900 dark:text-red-100' : KIND_STYLE[kind].chip)}>
      <MaskedIcon icon={shown} className={icon} />
    </span>
  );
}

/** An icon painted in the text colour through a CSS mask. */
export function MaskedIcon({ icon, className }: { icon: MaskIcon; className?: string }) {
  return <span aria-hidden className={cx('atlas-icon', className)} style={maskIconStyle(icon)} />;
}

const SEVERITY_PIN: Record<FindingSummary['severity'], string> = {
  high: 'bg-red-600 text-white',
  medium: 'bg-orange-700 text-white',
  low: 'bg-amber-300 text-amber-950',
  info: 'bg-sky-700 text-white',
};

/** A pin on the node's top-right corner: how many findings name it, coloured by the worst. */
export function FindingsPin({ summary }: { summary: FindingSummary }) {
  const text = `${summary.count} finding${summary.count === 1 ? '' : 's'}, worst: ${summary.severity}`;
  return (
    <span
      data-finding-count={summary.count}
      data-finding-severity={summary.severity}
      title={text}
      aria-label={text}
      className={cx(
        'atlas-pin absolute -right-2 -top-2.5 z-10 inline-flex h-5 items-center gap-0.5 rounded-full px-1.5 text-[11px] font-bold leading-none shadow ring-2 ring-white dark:ring-slate-950',
        SEVERITY_PIN[summary.severity],
      )}
    >
      <MaskedIcon icon="finding" className="h-[11px] w-[11px]" />
      {summary.count}
    </span>
  );
}

const MARK_PIN: Record<DiffMark, string> = {
  added: 'bg-emerald-600 text-white',
  removed: 'bg-red-600 text-white',
  changed: 'bg-amber-400 text-amber-950',
  ghost: 'bg-teal-600 text-white dark:bg-teal-400 dark:text-teal-950',
  'ghost-removed': 'bg-red-600 text-white dark:bg-red-400 dark:text-red-950',
};

/** The word on the pin: a preview's marks say what will happen. */
const MARK_LABEL: Record<DiffMark, string> = { added: 'added', removed: 'removed', changed: 'changed', ghost: 'new', 'ghost-removed': 'removed' };

/** Snapshot comparison or preview: a ring or a dashed frame in the mark's colour (see the CSS) and a small word on the top edge. */
export function MarkPin({ mark }: { mark: DiffMark }) {
  return (
    <span
      data-diff={mark}
      className={cx('atlas-pin absolute -top-2.5 left-3 z-10 rounded-full px-1.5 py-0.5 text-[10.5px] font-bold uppercase leading-none tracking-wide shadow', MARK_PIN[mark])}
    >
      {MARK_LABEL[mark]}
    </span>
  );
}

/**
 * Where edges attach, for React Flow's one measurement of each node when it mounts: four invisible bars along
 * the sides of React Flow's node wrapper (siblings of the node's box, so borders do not shift them), with the ids `to-flow.ts` declares (`top`, `right`, `bottom`, `left`). Plain elements rather than
 * React Flow's `<Handle>`, which subscribes each handle to the store: a thousand nodes would mean four thousand
 * subscriptions re-run on every pan frame. One constant element, so React never diffs it twice.
 */
const SIDE_HANDLES = (
  <>
    <span aria-hidden className="source atlas-side atlas-side-top" data-handleid="top" data-handlepos="top" />
    <span aria-hidden className="source atlas-side atlas-side-right" data-handleid="right" data-handlepos="right" />
    <span aria-hidden className="source atlas-side atlas-side-bottom" data-handleid="bottom" data-handlepos="bottom" />
    <span aria-hidden className="source atlas-side atlas-side-left" data-handleid="left" data-handlepos="left" />
  </>
);

/** Overlays every node kind can carry. */
export interface Overlays {
  findings?: FindingSummary | undefined;
  mark?: DiffMark | undefined;
}

function Pins({ findings, mark }: Overlays) {
  return (
    <>
      {mark ? <MarkPin mark={mark} /> : null}
      {findings ? <FindingsPin summary={findings} /> : null}
    </>
  );
}

function frameClasses(selected: boolean, mark: DiffMark | undefined): string {
  return cx(selected && 'atlas-selected', mark && `atlas-mark-${mark}`);
}

/**
 * Titles of cards and chips follow `--atlas-label-scale`, which the canvas sets only while it draws a semantic
 * overview (components/graph/overview-controls.tsx): there a gateway's name stays legible at the zoom that fits the
 * region (12 px times the scale reads as 11 px on screen; a card's 14 px is kept where it is more). Unset, the scale
 * is 1. A graph drawn in detail and fitted below 100 % sets `--atlas-min-title` instead: the least size that still
 * reads as 11 px on screen.
 */
const CARD_TITLE: CSSProperties = { fontSize: 'max(14px, calc(12px * var(--atlas-label-scale, 1)), var(--atlas-min-title, 0px))' };
const CHIP_TITLE: CSSProperties = { fontSize: 'max(calc(12px * var(--atlas-label-scale, 1)), var(--atlas-min-title, 0px))' };

/**
 * Detail lines grow with the overview's label scale too, up to 1.6 times (11.5 px reads as 10.5-11 px on screen down to
 * the middle zoom, where they are the first to give way: `atlas-labels-far`, overview-controls.tsx). Unset, 11.5 px.
 */
export const DETAIL_LINE: CSSProperties = { fontSize: 'calc(11.5px * min(var(--atlas-label-scale, 1), 1.6))' };
const CHIP_LINE: CSSProperties = { fontSize: 'calc(10.5px * min(var(--atlas-label-scale, 1), 1.6))' };

/**
 * Whether a node is drawn at its overview size (`OVERVIEW_SIZE`, a VPC drawn as its semantic overview): such a card has
 * room for detail lines beside its title, which a card of the detailed graph has not.
 */
export function atOverviewSize(kind: NodeKind, height: number | undefined): boolean {
  const size = OVERVIEW_SIZE[kind];
  return size !== undefined && height !== undefined && height >= size.height;
}

/**
 * A card's or a chip's title. With `short` (its name in an overview: "Internet gateway", "Main table"), zoomed out
 * to a region the short name takes the title's place (`atlas-labels-big`, see topology-graph.css), where a title
 * may wrap onto a second line; the full title stays the tooltip.
 */
function NodeTitle({ title, short, shortAtFit, style, tooltip = title, wrap = false }: { title: string; short: string | undefined; shortAtFit: boolean; style: CSSProperties; tooltip?: string; wrap?: boolean }) {
  if (short === undefined || short === title) {
    return (
      <div className={cx('atlas-node-title truncate font-semibold leading-tight', wrap && 'atlas-title-two-lines')} style={style} title={tooltip}>
        {title}
      </div>
    );
  }
  return (
    <>
      <div className={cx('atlas-node-title atlas-has-short truncate font-semibold leading-tight', shortAtFit && 'atlas-short-fit')} style={style} title={tooltip}>
        {title}
      </div>
      <div className={cx('atlas-node-title atlas-node-short font-semibold leading-tight', shortAtFit && 'atlas-short-fit')} style={style} title={tooltip}>
        {short}
      </div>
    </>
  );
}

/** A leaf resource: icon chip, title, one line of detail. */
export function NodeCard(props: {
  kind: NodeKind;
  title: string;
  /** Its name in an overview zoomed out to a region, when the title is longer or less telling (`NodeTitle`). */
  short?: string;
  /** The short name also in a detailed graph fitted far out (`atlas-titles-big`): where the title is a bare id. */
  shortAtFit?: boolean;
  subtitle?: ReactNode;
  selected: boolean;
  danger?: boolean;
  dashed?: boolean;
  /** An icon other than the kind's own (a route target: transit, carrier, local gateway...). */
  icon?: MaskIcon;
  /**
   * Lines under the subtitle for a card drawn at its overview size (`atOverviewSize`): what an engineer wants at a
   * glance (how many tables use a gateway). They stay, at most two, at the middle zoom where the subtitle gives way.
   */
  facts?: readonly string[];
  /** The subtitle is itself what the card says at the middle zoom (a lone main table's routes and subnets). */
  subtitleAtMid?: boolean;
} & Overlays) {
  const { kind, title, short, shortAtFit = false, subtitle, selected, danger = false, dashed = false, icon, facts, subtitleAtMid = false, findings, mark } = props;
  const detail = useDetail();
  const border = danger ? 'border-red-500 dark:border-red-500' : KIND_STYLE[kind].border;
  if (detail === 'low') {
    return (
      <>
        <div data-kind={kind} title={title} className={cx('relative h-full w-full rounded-lg border-2', border, KIND_STYLE[kind].fill, dashed && 'border-dashed', frameClasses(selected, mark))}>
          <Pins findings={findings} mark={mark} />
        </div>
        {SIDE_HANDLES}
      </>
    );
  }
  return (
    <>
      <div
        data-kind={kind}
        className={cx(
          'relative flex h-full w-full items-center gap-2.5 rounded-lg border bg-white px-2.5 text-slate-900 dark:bg-slate-900 dark:text-slate-100',
          border,
          dashed && 'border-dashed',
          frameClasses(selected, mark),
        )}
      >
        <KindChip kind={kind} danger={danger} {...(icon ? { icon } : {})} />
        <div className="atlas-card-text min-w-0 flex-1 leading-tight">
          <NodeTitle title={title} short={short} shortAtFit={shortAtFit} style={CARD_TITLE} />
          {subtitle ? (
            <div className={cx('atlas-card-subtitle mt-0.5 flex min-w-0 items-center gap-1 truncate text-slate-600 dark:text-slate-400', subtitleAtMid && 'atlas-mid-line')} style={DETAIL_LINE}>
              {subtitle}
            </div>
          ) : null}
          {facts?.map((line) => (
            <div key={line} className="atlas-mid-line mt-0.5 truncate text-slate-700 dark:text-slate-300" style={DETAIL_LINE}>
              {line}
            </div>
          ))}
        </div>
        <Pins findings={findings} mark={mark} />
      </div>
      {SIDE_HANDLES}
    </>
  );
}

/** A small resource drawn inside its subnet (an endpoint ENI, a NAT gateway): a stripe of colour, two short lines. */
export function Chip(props: {
  kind: NodeKind;
  title: string;
  /** Its name in an overview zoomed out to a region (`NodeTitle`). */
  short?: string;
  /** The title's tooltip when it says more than the title (default: the title). */
  tooltip?: string;
  /** The chip is sized for its title on two lines (`endpointEniSize`): the title wraps rather than being cut. */
  wrap?: boolean;
  subtitle?: string;
  /** Subtitle beside the title instead of under it (wide chips). */
  inline?: boolean;
  /** The subtitle stays at the overview's middle zoom, where other detail gives way (a NAT gateway's AZ and subnet). */
  subtitleAtMid?: boolean;
  selected: boolean;
  danger?: boolean;
} & Overlays) {
  const { kind, title, short, tooltip, wrap = false, subtitle, inline = false, subtitleAtMid = false, selected, danger = false, findings, mark } = props;
  const detail = useDetail();
  const stripe = danger ? 'border-l-red-500' : KIND_STYLE[kind].stripe;
  if (detail === 'low') {
    return (
      <>
        <div data-kind={kind} title={title} className={cx('relative h-full w-full rounded-md', KIND_STYLE[kind].fill, frameClasses(selected, mark))}>
          <Pins findings={findings} mark={mark} />
        </div>
        {SIDE_HANDLES}
      </>
    );
  }
  return (
    <>
      <div
        data-kind={kind}
        className={cx(
          'atlas-chip relative flex h-full w-full min-w-0 rounded-md border border-l-4 border-slate-200 bg-white px-2 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
          stripe,
          inline ? 'items-center justify-between gap-2' : 'flex-col justify-center',
          frameClasses(selected, mark),
        )}
      >
        <NodeTitle title={title} short={short} shortAtFit={false} style={CHIP_TITLE} wrap={wrap} {...(tooltip ? { tooltip } : {})} />
        {subtitle ? (
          <span className={cx('atlas-card-subtitle truncate font-mono leading-tight text-slate-600 dark:text-slate-400', subtitleAtMid && 'atlas-mid-line')} style={CHIP_LINE}>
            {subtitle}
          </span>
        ) : null}
        <Pins findings={findings} mark={mark} />
      </div>
      {SIDE_HANDLES}
    </>
  );
}

/** A group box (VPC, AZ, subnet): a header over a tinted body that its children are drawn on. */
export function GroupBox(props: {
  kind: NodeKind;
  header: ReactNode;
  selected: boolean;
  /** Border and background classes. */
  frame: string;
  dashed?: boolean;
  children?: ReactNode;
} & Overlays) {
  const { kind, header, selected, frame, dashed = false, children, findings, mark } = props;
  return (
    <>
      <div
        data-kind={kind}
        className={cx('relative flex h-full w-full flex-col text-slate-900 dark:text-slate-100', frame, dashed && 'border-dashed', frameClasses(selected, mark))}
      >
        {header}
        {children}
        <Pins findings={findings} mark={mark} />
      </div>
      {SIDE_HANDLES}
    </>
  );
}

/**
 * A middot-separated line of short facts. Plain strings stay text (no element each): a card draws a thousand
 * times in a large VPC, and every element costs.
 */
export function Facts({ items }: { items: (ReactNode | null | false | undefined)[] }) {
  const shown = items.filter((x): x is ReactNode => x !== null && x !== false && x !== undefined && x !== '');
  const parts: ReactNode[] = [];
  let text = '';
  shown.forEach((item, i) => {
    if (i > 0) text += ' · ';
    if (typeof item === 'string' || typeof item === 'number') text += String(item);
    else {
      if (text) parts.push(text);
      text = '';
      parts.push(<Fragment key={i}>{item}</Fragment>);
    }
  });
  if (text) parts.push(text);
  return <span className="min-w-0 truncate">{parts}</span>;
}
