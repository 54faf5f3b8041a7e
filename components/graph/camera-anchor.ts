/**
 * Where the view goes when an overview group opens or closes in place, as expanding a group does in any diagram
 * tool: the zoom stays, the members' box takes the top-left corner the group's box had on screen (or the group's box
 * the members'), and the view pans only as far as it must to show the new box. Pure: boxes and a viewport in, a
 * viewport out.
 */

import type { Box } from '@/lib/graph/geometry';
import type { Viewport } from '@/lib/graph/view-url';

/** The room the view keeps clear: the toolbar floats over the top of the canvas, the open-groups bar over the bottom. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const ANCHOR_MARGINS: Margins = { top: 60, right: 24, bottom: 56, left: 24 };

/**
 * The least shift along one axis that brings [start, start + size) into [low, high]. A box longer than the room only
 * has its start brought into the room, with a third of the room left for what follows: the place the user was
 * looking at stays, and a scroll shows the rest.
 */
function shiftInto(start: number, size: number, low: number, high: number): number {
  if (size > high - low) {
    const latest = high - (high - low) / 3;
    return start < low ? low - start : start > latest ? latest - start : 0;
  }
  if (start < low) return low - start;
  if (start + size > high) return high - (start + size);
  return 0;
}

/**
 * The viewport that keeps `before` (a box of the old layout) where it was on screen as `after` (its stand-in in
 * the new layout), at the same zoom, then pans the least that shows `after` inside the pane's margins.
 */
export function keepInPlace(viewport: Viewport, pane: { width: number; height: number }, before: Box, after: Box, margins: Margins = ANCHOR_MARGINS): Viewport {
  const z = viewport.zoom;
  let x = viewport.x + (before.x - after.x) * z;
  let y = viewport.y + (before.y - after.y) * z;
  x += shiftInto(after.x * z + x, after.width * z, margins.left, pane.width - margins.right);
  y += shiftInto(after.y * z + y, after.height * z, margins.top, pane.height - margins.bottom);
  return { x, y, zoom: z };
}
