/**
 * Box arithmetic shared by the layout (which runs ELK) and the canvas (which must not bundle it):
 * absolute positions of nested nodes, edge sides, and the nearest node in a direction for keyboard moves.
 */

import type { Direction } from './types';

export type Side = 'top' | 'right' | 'bottom' | 'left';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EdgeSides {
  source: Side;
  target: Side;
}

/** How an edge is drawn: its sides, and where its orthogonal turn goes (absolute, along the turn's axis). */
export interface EdgeRoute extends EdgeSides {
  /** x of the vertical segment when the edge leaves sideways, y of the horizontal one when it leaves up or down. */
  bend?: number;
}

/** The box around the boxes of `ids` that `boxes` has, or null when it has none of them. */
export function boxAround(boxes: ReadonlyMap<string, Box>, ids: Iterable<string>): Box | null {
  let x = Number.POSITIVE_INFINITY;
  let y = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const id of ids) {
    const b = boxes.get(id);
    if (!b) continue;
    x = Math.min(x, b.x);
    y = Math.min(y, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return x === Number.POSITIVE_INFINITY ? null : { x, y, width: right - x, height: bottom - y };
}

/**
 * Absolute boxes from boxes relative to their parents. `nodes` must list parents before children, as the
 * graph and the layout do.
 */
export function absoluteBoxes(nodes: readonly (Box & { id: string; parentId?: string })[]): Map<string, Box> {
  const result = new Map<string, Box>();
  for (const n of nodes) {
    const parent = n.parentId === undefined ? undefined : result.get(n.parentId);
    result.set(n.id, { x: n.x + (parent?.x ?? 0), y: n.y + (parent?.y ?? 0), width: n.width, height: n.height });
  }
  return result;
}

/**
 * Picks the sides an edge leaves and enters by. Edges along the layout direction use the facing sides;
 * an edge that runs back against the flow (a route table to a NAT gateway inside a subnet to its left)
 * leaves by the side that faces its target instead of looping around the source.
 */
export function chooseSides(s: Box, t: Box, direction: Direction): EdgeSides {
  const horizontal = (): EdgeSides | null => {
    if (t.x >= s.x + s.width) return { source: 'right', target: 'left' };
    if (t.x + t.width <= s.x) return { source: 'left', target: 'right' };
    return null;
  };
  const vertical = (): EdgeSides | null => {
    if (t.y >= s.y + s.height) return { source: 'bottom', target: 'top' };
    if (t.y + t.height <= s.y) return { source: 'top', target: 'bottom' };
    return null;
  };
  const preferred = direction === 'RIGHT' ? (horizontal() ?? vertical()) : (vertical() ?? horizontal());
  return preferred ?? (direction === 'RIGHT' ? { source: 'right', target: 'right' } : { source: 'bottom', target: 'bottom' });
}

export type Heading = 'up' | 'down' | 'left' | 'right';

/**
 * The box nearest to `from` whose centre lies in the given heading, preferring boxes straight ahead:
 * sideways distance counts twice as much as distance ahead. Null when nothing lies that way.
 */
export function nearestInHeading(
  boxes: ReadonlyMap<string, Box>,
  fromId: string,
  heading: Heading,
  candidates: Iterable<string>,
): string | null {
  const from = boxes.get(fromId);
  if (!from) return null;
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const id of candidates) {
    if (id === fromId) continue;
    const b = boxes.get(id);
    if (!b) continue;
    const dx = b.x + b.width / 2 - cx;
    const dy = b.y + b.height / 2 - cy;
    const ahead = heading === 'right' ? dx : heading === 'left' ? -dx : heading === 'down' ? dy : -dy;
    const sideways = heading === 'left' || heading === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0) continue;
    const score = ahead + 2 * sideways;
    // Ties break by id so the same keypress always lands on the same node.
    if (score < bestScore || (score === bestScore && best !== null && id < best)) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
