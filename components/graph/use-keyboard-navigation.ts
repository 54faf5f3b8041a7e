'use client';

import { useEffect } from 'react';
import { nearestInHeading, type Box, type Heading } from '@/lib/graph/geometry';
import { escapeAction } from '@/lib/graph/view-reducer';
import { useGraphStore } from './graph-store';
import { GROUP_NODE_TYPE, type AtlasNode } from './types';

const GROUP_TYPES: ReadonlySet<string | undefined> = new Set(Object.values(GROUP_NODE_TYPE));

const HEADINGS: Record<string, Heading> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** True when a key goes to a text field, which keeps its own keys. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keys on the page, outside text fields: Escape drops the path highlight, then the selection, then the search; the
 * arrows move the selection to the nearest drawn node in that direction (VPC boxes aside) and keep it in view.
 */
export function useKeyboardNavigation(nodes: readonly AtlasNode[], absolute: ReadonlyMap<string, Box>): void {
  const store = useGraphStore();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.metaKey || e.ctrlKey) return;
      const { view } = store.getState();
      if (e.key === 'Escape') {
        const action = escapeAction(view);
        if (action?.type === 'search') store.search('');
        else if (action) store.dispatch(action);
        return;
      }
      const heading = HEADINGS[e.key];
      if (!heading || !view.selected) return;
      // Overview groups open on Enter or a click rather than being selected, so the arrows pass them by.
      const candidates = nodes.filter((n) => !n.hidden && n.type !== 'vpc' && !GROUP_TYPES.has(n.type)).map((n) => n.id);
      const next = nearestInHeading(absolute, view.selected, heading, candidates);
      if (next) {
        e.preventDefault();
        store.focusNode(next, true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, nodes, absolute]);
}
