'use client';

import { ChevronDown } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { toolbarButton } from './button-styles';

/** A menu item's look: a full-width row inside `Menu`. */
export const menuItem =
  'flex w-full items-center gap-2 whitespace-nowrap rounded px-2.5 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 ' +
  'focus-visible:outline-2 focus-visible:outline-teal-600 disabled:cursor-wait disabled:opacity-60 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * A button that unfolds a short list of actions under it: a `<details>`, so it opens without script; it closes on
 * Escape and on a click outside. It stays open after an item was chosen, so the item can show its progress or error.
 */
export function Menu({ label, icon, testId, align = 'right', children }: { label: string; icon?: ReactNode; testId?: string; align?: 'left' | 'right'; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        el.open = false;
        el.querySelector('summary')?.focus();
      } else if (!el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details ref={ref} data-testid={testId} className="group relative">
      <summary className={`${toolbarButton} cursor-pointer list-none`}>
        {icon}
        {label}
        <ChevronDown aria-hidden size={14} className="transition-transform group-open:rotate-180" />
      </summary>
      <div
        className={`absolute z-30 mt-1 min-w-44 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${align === 'right' ? 'right-0' : 'left-0'}`}
      >
        {children}
      </div>
    </details>
  );
}
