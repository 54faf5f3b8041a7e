'use client';

import { useCallback, useEffect, useState } from 'react';
import { isTyping } from './use-keyboard-navigation';

/**
 * The canvas over the whole window (the page's header and band out of the way), the inspector still beside it.
 * `f` outside text fields toggles it, Escape leaves it once nothing else is there to close (the canvas's own
 * Escape drops the path, the selection and the search first). The window, not the browser's Fullscreen API: that
 * one needs a click, not a key, and hides the browser's address bar the user may want to copy.
 */
export function useFullScreen(enabled: boolean, hasSomethingToEscape: () => boolean): { fullScreen: boolean; toggle: () => void } {
  const [fullScreen, setFullScreen] = useState(false);
  const toggle = useCallback(() => setFullScreen((on) => !on), []);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.metaKey || e.ctrlKey || e.defaultPrevented) return;
      if (e.key === 'f' || e.key === 'F') {
        e.preventDefault();
        setFullScreen((on) => !on);
      } else if (e.key === 'Escape' && !hasSomethingToEscape()) setFullScreen(false);
    };
    // Capture: decide before the canvas's own Escape handler changes the state asked about.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [enabled, hasSomethingToEscape]);
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
