'use client';

import { useEffect, useRef } from 'react';
import { withViewState, type ViewState } from '@/lib/graph/view-url';

type Where = Pick<Location, 'pathname' | 'search' | 'hash'>;

/**
 * The address to replace the current one with so it carries `state`, or null to leave it. `page` is the path the
 * graph was drawn at: once the browser has moved to another page (a header link clicked while this page is still
 * mounted, before the next one replaces it), the view state is not that page's and is never written onto it.
 */
export function viewStateHref(where: Where, page: string, state: ViewState): string | null {
  if (where.pathname !== page) return null;
  const search = withViewState(where.search, state);
  if (search === where.search) return null;
  return `${where.pathname}${search}${where.hash}`;
}

/**
 * Mirrors the view state into the query string with `history.replaceState`, debounced, so the URL always
 * reproduces the view without adding a history entry per pan or keystroke. Next.js's App Router keeps its
 * own router state in sync with native `replaceState` calls (and `useSearchParams` sees the change).
 */
export function useUrlViewState(state: ViewState, delayMs = 300): void {
  const page = useRef<string | null>(null);
  useEffect(() => {
    page.current ??= window.location.pathname;
    const timer = window.setTimeout(() => {
      const next = viewStateHref(window.location, page.current!, state);
      if (next !== null) window.history.replaceState(null, '', next);
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [state, delayMs]);
}
