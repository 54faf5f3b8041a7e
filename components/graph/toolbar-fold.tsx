'use client';

import { ChevronDown, SlidersHorizontal } from 'lucide-react';
import { useCallback, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useDismiss } from '@/components/ui/use-dismiss';
import { cx } from './format';
import { ACTIVE, BUTTON, IDLE } from './toolbar-styles';

/**
 * The least-used toolbar controls: in the toolbar's row where the canvas has room, and below `@fold` behind one button
 * beside the search, unfolding as a panel over the canvas (a disclosure: Escape, a press outside or Tab past its end
 * close it, focus back on the button). One copy of each control either way: `display: contents` puts them in the
 * row when there is room.
 */
export function ToolbarFold({ active, children }: { active: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, button);
  const maxHeight = useRoomBelow(open, panel);
  const id = useId();
  return (
    <div ref={root} className="contents">
      <button
        ref={button}
        type="button"
        data-testid="graph-view-menu"
        aria-expanded={open}
        aria-controls={id}
        aria-label="View options"
        title={`View options: endpoints view, filters, traffic, direction${active ? ' (some on)' : ''}`}
        onClick={() => setOpen((o) => !o)}
        className={cx(BUTTON, active ? ACTIVE : IDLE, 'px-2 @fold/canvas:hidden')}
      >
        <SlidersHorizontal aria-hidden size={15} />
        <ChevronDown aria-hidden size={14} className={cx('transition-transform', open && 'rotate-180')} />
      </button>
      <div
        ref={panel}
        id={id}
        role="group"
        aria-label="View options"
        data-testid="graph-view-options"
        style={maxHeight === null ? undefined : { maxHeight }}
        className={cx(
          'contents',
          open ? '@max-fold/canvas:flex' : '@max-fold/canvas:hidden',
          '@max-fold/canvas:absolute @max-fold/canvas:left-0 @max-fold/canvas:top-full @max-fold/canvas:z-30 @max-fold/canvas:mt-1',
          '@max-fold/canvas:w-[min(20rem,calc(100cqw-2rem))] @max-fold/canvas:flex-col @max-fold/canvas:items-stretch @max-fold/canvas:gap-2',
          '@max-fold/canvas:overflow-y-auto @max-fold/canvas:rounded-lg @max-fold/canvas:border @max-fold/canvas:border-slate-200 @max-fold/canvas:bg-white',
          '@max-fold/canvas:p-2 @max-fold/canvas:shadow-lg @max-fold/canvas:dark:border-slate-700 @max-fold/canvas:dark:bg-slate-900',
        )}
      >
        {children}
      </div>
    </div>
  );
}

/** The panel's height at most, open: down to the canvas's bottom edge (the canvas clips what runs past it), less a margin. */
function useRoomBelow(open: boolean, panel: RefObject<HTMLElement | null>): number | null {
  const [room, setRoom] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = panel.current;
    const canvas = el?.closest<HTMLElement>('.react-flow');
    if (!open || !el || !canvas) return;
    const measure = () => setRoom(Math.max(120, Math.floor(canvas.getBoundingClientRect().bottom - el.getBoundingClientRect().top - 12)));
    measure();
    // The inspector opening or closing beside (or under) the canvas changes its height.
    const observer = new ResizeObserver(measure);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [open, panel]);
  return open ? room : null;
}
