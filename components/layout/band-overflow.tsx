'use client';

import { Ellipsis } from 'lucide-react';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { toolbarButton } from '@/components/ui/button-styles';
import { useDismiss } from '@/components/ui/use-dismiss';

/**
 * The band's scope and actions: in the band's row on a wide screen; on a phone folded behind one button at the row's
 * end, so the band stays one row and the title gets the width (they unfold as a panel under the band). One copy of
 * each control in either case: `display: contents` puts them in the band's flex row when there is room.
 */
export function BandOverflow({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, ref, button);
  return (
    <div ref={ref} className="contents max-sm:relative max-sm:block max-sm:shrink-0">
      <button
        ref={button}
        type="button"
        data-testid="band-menu"
        aria-label="Scope and actions"
        aria-expanded={open}
        title="Scope and actions"
        onClick={() => setOpen((o) => !o)}
        className={`${toolbarButton} px-2 sm:hidden`}
      >
        <Ellipsis aria-hidden size={16} />
      </button>
      <div
        data-testid="band-overflow"
        className={`contents ${
          open ? 'max-sm:flex' : 'max-sm:hidden'
        } max-sm:absolute max-sm:right-0 max-sm:top-full max-sm:z-40 max-sm:mt-1 max-sm:w-[min(22rem,calc(100vw-1.5rem))] max-sm:flex-col max-sm:items-start max-sm:gap-3 max-sm:rounded-lg max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:p-3 max-sm:shadow-lg max-sm:dark:border-slate-700 max-sm:dark:bg-slate-900`}
      >
        {children}
      </div>
    </div>
  );
}
