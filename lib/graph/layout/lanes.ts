/** Where edges turn: for each VPC, the gaps between its layers, measured once everything is placed. */

import type { Box } from '../geometry';
import type { Direction, NodeKind } from '../types';
import { maxOf, minOf } from '@/lib/arrays';
import type { Block, Lanes, Plan } from './types';
import { axes } from './wrap';

/** The lanes of the VPC (or the top level) a block belongs to, from boxes relative to their parents. */
export function blockLanes(block: Block, plan: Plan, relative: ReadonlyMap<string, Box>, direction: Direction): Lanes | null {
  const ax = axes(direction);
  const vpcId = block.container;
  const blockRel = relative.get(block.id);
  if (!blockRel) return null;
  const vpcBox = vpcId === undefined ? { x: 0, y: 0, width: 0, height: 0 } : relative.get(vpcId);
  if (!vpcBox) return null;
  const blockAbs = { ...blockRel, x: blockRel.x + (vpcId === undefined ? 0 : vpcBox.x), y: blockRel.y + (vpcId === undefined ? 0 : vpcBox.y) };
  const inVpc = (kind: NodeKind) =>
    (plan.tree.childrenOf.get(vpcId) ?? [])
      .filter((id) => plan.tree.kindOf.get(id) === kind || (kind === 'internetGateway' && plan.tree.kindOf.get(id) === 'gatewayEndpoint'))
      .map((id) => relative.get(id))
      .filter((b): b is Box => b !== undefined)
      .map((b) => (vpcId === undefined ? b : { ...b, x: b.x + vpcBox.x, y: b.y + vpcBox.y }));
  const tables = inVpc('routeTable');
  const gateways = inVpc('internetGateway');
  const span = (list: Box[]): [number, number] | null => (list.length === 0 ? null : [minOf(list.map(ax.f)), maxOf(list.map((b) => ax.f(b) + ax.fSize(b)))]);
  const planEnd = ax.f(blockAbs) + ax.fSize(blockAbs);
  const t = span(tables);
  const g = span(gateways);
  const vpcEnd = vpcId === undefined ? null : ax.f(vpcBox) + ax.fSize(vpcBox);
  const outsideTargets = (plan.clusters.find((c) => vpcId !== undefined && c.tops.includes(vpcId))?.tops ?? [])
    .filter((id) => plan.tree.kindOf.get(id) === 'external')
    .map((id) => relative.get(id))
    .filter((b): b is Box => b !== undefined && vpcEnd !== null && ax.f(b) >= vpcEnd);
  const outsideStart = outsideTargets.length > 0 ? minOf(outsideTargets.map(ax.f)) : null;
  const grid = block.grid;
  const bandBox = block.band;
  let gridToBand: [number, number] | null = null;
  if (grid && bandBox) {
    // Across the flow in block coordinates: y for left to right, where the band sits below; above for top to bottom.
    const top = Math.min(grid.y + grid.height, bandBox.y + bandBox.height);
    const bottom = Math.max(grid.y, bandBox.y);
    gridToBand = [blockAbs.y + top, blockAbs.y + bottom];
  }
  return {
    planToTables: t ? [planEnd, t[0]] : null,
    tablesToGateways: t && g ? [t[1], g[0]] : t && vpcEnd !== null ? [t[1], vpcEnd] : null,
    outside: vpcEnd !== null && outsideStart !== null ? [vpcEnd, outsideStart] : null,
    gridToBand,
  };
}
