'use client';

import { useEffect } from 'react';
import { withViewState, type ViewState } from '@/lib/graph/view-url';

/**
 * Mirrors the view state into the query string with `history.replaceState`, debounced, so the URL always
 * reproduces the view without adding a history entry per pan or keystroke. Next.js's App Router keeps its
 * own router state in sync with native `replaceState` calls (and `useSearchParams` sees the change).
 */
export function useUrlViewState(state: ViewState, delayMs = 300): void {
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const search = withViewState(window.location.search, state);
      if (search === window.location.search) return;
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [state, delayMs]);
}
