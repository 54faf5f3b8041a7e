/**
 * The overview's groups for the VPCs too big to read whole: route-table classes (`classes.ts`), subnet tiers
 * (the subnets of one AZ whose tables are of one class, public or private), and interface-endpoint classes (the
 * endpoints of one type that cover the same AZs). Pure: a topology in, groups out, in a stable order.
 */

import { compareSubnets, compareText } from '@/lib/graph/build-labels';
import { hashString } from '@/lib/graph/layout-key';
import type { Topology } from '@/lib/topology/types';
import { routeClasses, targetFacts, type RouteClass } from './classes';
import { needsOverview } from './threshold';

/** The subnets of one AZ whose effective tables are of one class and that are all public or all private. */
export interface Tier {
  /** `${classId}/${az}/public|private` (or `${vpcId}/no-table/...` for subnets without a table). */
  id: string;
  vpcId: string;
  az: string;
  classId: string | null;
  public: boolean;
  subnetIds: string[];
}

/** Interface-like endpoints (Interface, GatewayLoadBalancer, ...) of one type with ENIs in the same AZs. */
export interface EndpointClass {
  /** `${vpcId}/epc-<hash of type and AZs>`. */
  id: string;
  vpcId: string;
  type: string;
  azs: string[];
  endpointIds: string[];
  /** Short service names, sorted, without repeats. */
  services: string[];
}

export interface VpcOverview {
  vpcId: string;
  classes: RouteClass[];
  tiers: Tier[];
  endpointClasses: EndpointClass[];
}

/** The overview of every VPC of `topology` (or only `vpcId`) that needs one; empty when none does. */
export function overviewModel(topology: Topology, vpcId?: string): VpcOverview[] {
  const facts = targetFacts(topology);
  const result: VpcOverview[] = [];
  for (const vpc of [...topology.vpcs].sort((a, b) => compareText(a.id, b.id))) {
    if (vpcId !== undefined && vpc.id !== vpcId) continue;
    const subnets = topology.subnets.filter((s) => s.vpcId === vpc.id);
    const tables = topology.routeTables.filter((t) => t.vpcId === vpc.id);
    const interfaces = topology.endpoints.filter((e) => e.vpcId === vpc.id && e.type !== 'Gateway');
    if (!needsOverview({ subnets: subnets.length, routeTables: tables.length, interfaceEndpoints: interfaces.length })) continue;

    const classes = routeClasses(vpc.id, tables, facts);
    const classOf = new Map<string, string>();
    for (const c of classes) for (const t of c.tableIds) classOf.set(t, c.id);

    const tiers = new Map<string, Tier>();
    for (const s of [...subnets].sort(compareSubnets)) {
      const classId = s.routeTableId ? (classOf.get(s.routeTableId) ?? null) : null;
      const id = `${classId ?? `${vpc.id}/no-table`}/${s.az}/${s.public ? 'public' : 'private'}`;
      const tier = tiers.get(id);
      if (tier) tier.subnetIds.push(s.id);
      else tiers.set(id, { id, vpcId: vpc.id, az: s.az, classId, public: s.public, subnetIds: [s.id] });
    }

    const byCoverage = new Map<string, EndpointClass>();
    for (const e of [...interfaces].sort((a, b) => compareText(a.id, b.id))) {
      const azs = [...new Set(e.subnetIds.map((id) => facts.subnetAz.get(id)).filter((az): az is string => az !== undefined))].sort(compareText);
      const key = `${e.type}|${azs.join(',')}`;
      let group = byCoverage.get(key);
      if (!group) {
        group = { id: `${vpc.id}/epc-${hashString(`${vpc.id}#${key}`)}`, vpcId: vpc.id, type: e.type, azs, endpointIds: [], services: [] };
        byCoverage.set(key, group);
      }
      group.endpointIds.push(e.id);
      const service = e.serviceShortName || e.name || e.id;
      if (!group.services.includes(service)) group.services.push(service);
    }
    for (const g of byCoverage.values()) g.services.sort(compareText);

    result.push({ vpcId: vpc.id, classes, tiers: [...tiers.values()], endpointClasses: [...byCoverage.values()] });
  }
  return result;
}
