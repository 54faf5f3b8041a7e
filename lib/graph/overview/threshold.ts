/**
 * When a VPC is drawn as an overview, with nothing else of `lib/graph/overview`: the canvas asks this first and loads
 * the overview's code only for a topology that needs it (a small VPC loads none of it).
 */

import type { Topology } from '@/lib/topology/types';

/**
 * When a VPC is drawn as an overview. The detailed layout stacks each AZ's subnets in rows beside a layer of route
 * tables and a band of endpoint cards; on a 1440 x 900 window the demo's VPCs (up to 9 subnets, 6 tables, 11
 * endpoints) and the S account (12 subnets, 5 tables) fit at about 70 % zoom, where titles read as 10 px. Past about
 * 10 rows of subnets per AZ, 16 route tables (a layer ELK has to wrap) or 24 endpoint cards, fit-to-screen drops
 * under 40 % and nothing is readable: then the groups say more than the boxes.
 */
export const OVERVIEW_ABOVE = { subnets: 30, routeTables: 16, interfaceEndpoints: 24 } as const;

/** Whether a VPC with these counts is drawn as an overview (see `OVERVIEW_ABOVE`). */
export function needsOverview(counts: { subnets: number; routeTables: number; interfaceEndpoints: number }): boolean {
  return (
    counts.subnets > OVERVIEW_ABOVE.subnets ||
    counts.routeTables > OVERVIEW_ABOVE.routeTables ||
    counts.interfaceEndpoints > OVERVIEW_ABOVE.interfaceEndpoints
  );
}

/** Whether any VPC of `topology` (or only `vpcId`) needs an overview: `overviewModel` is then not empty. */
export function topologyNeedsOverview(topology: Topology, vpcId?: string): boolean {
  const counts = new Map<string, { subnets: number; routeTables: number; interfaceEndpoints: number }>();
  const of = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { subnets: 0, routeTables: 0, interfaceEndpoints: 0 }));
    return c;
  };
  for (const s of topology.subnets) of(s.vpcId).subnets++;
  for (const t of topology.routeTables) of(t.vpcId).routeTables++;
  for (const e of topology.endpoints) if (e.type !== 'Gateway') of(e.vpcId).interfaceEndpoints++;
  return topology.vpcs.some((v) => (vpcId === undefined || v.id === vpcId) && needsOverview(counts.get(v.id) ?? { subnets: 0, routeTables: 0, interfaceEndpoints: 0 }));
}
