import type { NetworkInterface, Topology } from '@/lib/topology/types';
import { byId } from './format';

/**
 * One topology to draw a comparison on: everything in `after`, plus what `before` had and `after` lost (removed
 * subnets, route tables, routes, endpoints and their interfaces, gateways, VPCs), so removed things can be shown
 * in place, in red. Where both have a resource, `after`'s version wins.
 */
export function mergeTopologies(before: Topology, after: Topology): Topology {
  const union = <T extends { id: string }>(a: readonly T[], b: readonly T[]): T[] => {
    const have = new Set(a.map((x) => x.id));
    return [...a, ...b.filter((x) => !have.has(x.id))];
  };
  const oldTables = byId(before.routeTables);
  const routeTables = union(
    after.routeTables.map((rt) => {
      const old = oldTables.get(rt.id);
      if (!old) return rt;
      const dests = new Set(rt.routes.map((r) => r.destination));
      const lost = old.routes.filter((r) => !dests.has(r.destination));
      return lost.length ? { ...rt, routes: [...rt.routes, ...lost] } : rt;
    }),
    before.routeTables,
  );
  const subnets = union(after.subnets, before.subnets);
  const subnetIds = new Set(subnets.map((s) => s.id));
  const networkInterfaces: NetworkInterface[] = union(after.networkInterfaces, before.networkInterfaces).filter((n) => subnetIds.has(n.subnetId));
  return {
    ...after,
    vpcs: union(after.vpcs, before.vpcs),
    subnets,
    routeTables,
    endpoints: union(after.endpoints, before.endpoints),
    internetGateways: union(after.internetGateways, before.internetGateways),
    natGateways: union(after.natGateways, before.natGateways),
    securityGroups: union(after.securityGroups, before.securityGroups),
    prefixLists: union(after.prefixLists, before.prefixLists),
    networkInterfaces,
  };
}
