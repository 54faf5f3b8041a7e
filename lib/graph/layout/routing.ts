/**
 * Stage 5: edges get the sides they leave and enter by, and a `bend`: where their one orthogonal turn goes,
 * staggered in the gap between two layers so that each route table's edges run in a lane of their own.
 */

import { chooseSides, type Box, type EdgeRoute } from '../geometry';
import type { LayoutInput } from '../layout-key';
import type { Direction } from '../types';
import type { Lanes, Plan } from './types';
import { axes } from './wrap';

interface Slot {
  lane: [number, number];
  key: string;
}

/**
 * Sides and turning points of every edge, from absolute boxes. Edges that cross the same gap between two layers
 * turn in lanes spread across it, one lane per route table (or per target), so a table's edges can be told from
 * its neighbours'.
 */
export function routeEdges(graph: LayoutInput, plan: Plan, absolute: ReadonlyMap<string, Box>, lanes: ReadonlyMap<string, Lanes>, direction: Direction): Record<string, EdgeRoute> {
  const ax = axes(direction);
  const kindOf = (id: string) => plan.tree.kindOf.get(id);
  const vpcOf = (id: string): string => {
    let cur: string | undefined = id;
    while (cur !== undefined) {
      if (kindOf(cur) === 'vpc') return cur;
      cur = plan.tree.parentOf.get(cur);
    }
    return '';
  };
  const slots = new Map<string, Slot>();
  const laneKeys = new Map<string, Map<string, number>>();
  const edges: Record<string, EdgeRoute> = {};

  for (const e of graph.edges) {
    const s = absolute.get(e.source);
    const t = absolute.get(e.target);
    if (!s || !t) continue;
    const sk = kindOf(e.source);
    const tk = kindOf(e.target);
    if (e.kind === 'endpointEni' && sk === 'interfaceEndpoint') {
      // The band of endpoints sits beside the grid across the flow: these edges run across it, vertically first.
      const above = t.y + t.height <= s.y;
      const route: EdgeRoute = above ? { source: 'top', target: 'bottom' } : { source: 'bottom', target: 'top' };
      const l = lanes.get(vpcOf(e.source))?.gridToBand;
      if (l) route.bend = Math.round((l[0] + l[1]) / 2);
      edges[e.id] = route;
      continue;
    }
    edges[e.id] = chooseSides(s, t, direction);
    const l = lanes.get(vpcOf(e.source));
    if (!l) continue;
    let lane: [number, number] | null = null;
    let laneKey = '';
    if (e.kind === 'association' && tk === 'routeTable') {
      lane = l.planToTables;
      laneKey = e.target;
    } else if (e.kind === 'route' && sk === 'routeTable') {
      if (tk === 'natGateway' || tk === 'endpointEni') {
        lane = l.planToTables;
        laneKey = e.source;
      } else if (tk === 'external') {
        lane = l.outside;
        laneKey = e.target;
      } else {
        lane = l.tablesToGateways;
        laneKey = e.target;
      }
    }
    if (!lane || lane[1] - lane[0] < 8) continue;
    const id = `${lane[0]}:${lane[1]}`;
    let keys = laneKeys.get(id);
    if (!keys) laneKeys.set(id, (keys = new Map()));
    const anchor = absolute.get(laneKey);
    if (!keys.has(laneKey)) keys.set(laneKey, anchor ? ax.c(anchor) + ax.cSize(anchor) / 2 : 0);
    slots.set(e.id, { lane, key: laneKey });
  }

  // Spread each lane's keys across it in the order of their anchors, so neighbouring tables get neighbouring lanes.
  const positions = new Map<string, Map<string, number>>();
  for (const [id, keys] of laneKeys) {
    const ordered = [...keys.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const map = new Map<string, number>();
    ordered.forEach(([k], i) => map.set(k, (i + 1) / (ordered.length + 1)));
    positions.set(id, map);
  }
  for (const [edgeId, slot] of slots) {
    const fraction = positions.get(`${slot.lane[0]}:${slot.lane[1]}`)?.get(slot.key);
    const route = edges[edgeId];
    if (fraction === undefined || !route) continue;
    // Keep lanes at least a label's breadth away from the far side, where arrowheads and labels sit.
    const [a, b] = slot.lane;
    route.bend = Math.round(a + 10 + (b - a - 20) * fraction);
  }
  return edges;
}
