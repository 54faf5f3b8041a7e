/** The region view: clusters (one VPC and its outside targets each) packed in rows, about as wide as a screen. */

import type { Size } from '../sizes';
import { maxOf } from '@/lib/arrays';
import { CLUSTER_GAP, TARGET_ASPECT } from './options';

/**
 * Places clusters in rows, in their order, choosing the row breaks that show them biggest on a screen shaped
 * `TARGET_ASPECT`. Rows are top-aligned; returns each cluster's top-left.
 */
export function packClusters(sizes: readonly Size[]): { x: number; y: number }[] {
  if (sizes.length === 0) return [];
  // Candidate row breaks: a fixed count per row, or rows filled up to a width limit (which lets a wide VPC sit
  // alone in its row while narrow ones share theirs).
  const candidates: number[][] = [];
  const total = sizes.reduce((sum, s) => sum + s.width, 0) + CLUSTER_GAP * (sizes.length - 1);
  const widest = maxOf(sizes.map((s) => s.width));
  for (let k = 1; k <= sizes.length; k++) {
    candidates.push(sizes.map((_, i) => Math.floor(i / k)));
    const limit = Math.max(widest, total / k);
    const rows: number[] = [];
    let row = 0;
    let x = 0;
    for (const s of sizes) {
      if (x > 0 && x + s.width > limit + 1) {
        row += 1;
        x = 0;
      }
      rows.push(row);
      x += s.width + CLUSTER_GAP;
    }
    candidates.push(rows);
  }
  let best: { x: number; y: number }[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const rows of candidates) {
    const positions: { x: number; y: number }[] = [];
    let y = 0;
    let width = 0;
    const count = (rows[rows.length - 1] ?? 0) + 1;
    for (let r = 0; r < count; r++) {
      const members = sizes.map((s, i) => ({ s, i })).filter(({ i }) => rows[i] === r);
      let x = 0;
      for (const { s, i } of members) {
        positions[i] = { x, y };
        x += s.width + CLUSTER_GAP;
      }
      width = Math.max(width, x - CLUSTER_GAP);
      y += maxOf(members.map(({ s }) => s.height), 0) + CLUSTER_GAP;
    }
    // The extent that decides the zoom when fitted into a TARGET_ASPECT screen: smaller is a bigger picture.
    const score = Math.max(width / TARGET_ASPECT, y - CLUSTER_GAP);
    if (score < bestScore - 1e-9) {
      best = positions;
      bestScore = score;
    }
  }
  return best;
}
