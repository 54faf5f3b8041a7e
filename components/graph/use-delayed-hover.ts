'use client';

import type { NodeMouseHandler } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AtlasNode } from './types';

/** How long the pointer rests on a node before its edges are shown (ms). */
const HOVER_DELAY = 60;

/**
 * The node under the pointer, after a short pause, and not at all while the view moves: a pan drags the pointer
 * across hundreds of nodes, and each hover change re-renders edges. Groups (VPC, AZ, a summary box) are not hovered.
 */
export function useDelayedHover() {
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const moving = useRef(false);
  const timer = useRef<number | null>(null);
  const setHoverSoon = useCallback((next: (current: string | null) => string | null) => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      if (!moving.current) setHoveredId(next);
    }, HOVER_DELAY);
  }, []);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  const onNodeMouseEnter: NodeMouseHandler<AtlasNode> = useCallback(
    (_event, node) => {
      if (node.type !== 'vpc' && node.type !== 'az' && node.type !== 'summary') setHoverSoon(() => node.id);
    },
    [setHoverSoon],
  );
  const onNodeMouseLeave: NodeMouseHandler<AtlasNode> = useCallback((_event, node) => setHoverSoon((h) => (h === node.id ? null : h)), [setHoverSoon]);
  /** The view started or stopped moving. */
  const setMoving = useCallback((on: boolean) => {
    moving.current = on;
  }, []);
  return { hoveredId, onNodeMouseEnter, onNodeMouseLeave, setMoving };
}
