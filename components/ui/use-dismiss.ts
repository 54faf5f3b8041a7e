'use client';

import { useEffect, type RefObject } from 'react';

/**
 * Closes an open disclosure (a button and the panel it unfolds, both inside `root`) the ways people expect: Escape,
 * after which focus is back on the `trigger` that opened it; a press outside; focus moving outside (Tab past the
 * panel's last control). The Escape is the panel's alone: it is taken before the page's own Escape handlers (the
 * graph's drop the selection and leave full screen on it), which listen on the document.
 */
export function useDismiss(open: boolean, close: () => void, root: RefObject<HTMLElement | null>, trigger: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return;
    const outside = (target: EventTarget | null) => target instanceof Node && !root.current?.contains(target);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close();
      trigger.current?.focus();
    };
    const onPointerDown = (e: PointerEvent) => {
      if (outside(e.target)) close();
    };
    const onFocusIn = (e: FocusEvent) => {
      if (outside(e.target)) close();
    };
    // The window's capture phase comes before the document's, where the page's own Escape handlers listen.
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [open, close, root, trigger]);
}
