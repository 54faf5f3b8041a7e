'use client';

import { useCallback, useEffect } from 'react';
import { useGraph, useGraphStore } from './graph-store';
import { isTyping } from './use-keyboard-navigation';

/**
 * The canvas over the whole window (the page's header and band out of the way), the inspector still beside it.
 * `f` outside text fields toggles it, Escape leaves it once nothing else is there to close (the canvas's own
 * Escape drops the path, the selection and the search first). It is part of the view (`full=1` in the link), so a
 * shared link opens full screen. The window, not the browser's Fullscreen API: that one needs a click, not a key,
 * and hides the browser's address bar the user may want to copy.
 */
export function useFullScreen(enabled: boolean, hasSomethingToEscape: () => boolean): { fullScreen: boolean; toggle: () => void } {
  const store = useGraphStore();
  const fullScreen = useGraph((s) => s.view.fullScreen) && enabled;
  const toggle = useCallback(() => store.dispatch({ type: 'fullScreen', on: !store.getState().view.fullScreen }), [store]);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.metaKey || e.ctrlKey || e.defaultPrevented) return;
      if (e.key === 'f' || e.key === 'F') {
        e.preventDefault();
        toggle();
      } else if (e.key === 'Escape' && !hasSomethingToEscape()) store.dispatch({ type: 'fullScreen', on: false });
    };
    // Capture: decide before the canvas's own Escape handler changes the state asked about.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [enabled, hasSomethingToEscape, store, toggle]);
  // The page behind does not scroll while the canvas covers it.
  useEffect(() => {
    if (!fullScreen) return;
    const before = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
    return () => {
      document.documentElement.style.overflow = before;
    };
  }, [fullScreen]);
  return { fullScreen, toggle };
}
