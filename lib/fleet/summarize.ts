import { analyzeTopology } from '@/lib/analysis/analyze';
import { SEVERITIES, type ServiceZones, type Severity } from '@/lib/analysis/findings';
import { perTopology } from '@/lib/topology/per-topology';
import type { Topology } from '@/lib/topology/types';
import { accountRegionQuery, type LinkScope } from './links';
import type { FleetAccount, FleetCost, FleetCounts, FleetFindingItem } from './types';

/**
 * What the fleet keeps of one loaded account-region: its counts, its findings by severity, its monthly cost, and
 * each finding as an item of the fleet's grouped findings. The topology itself is not kept.
 */
export interface RegionSummary {
  counts: FleetCounts;
  findings: Record<Severity, number>;
  monthlyCost: FleetCost;
  items: FleetFindingItem[];
}

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * The resource a finding's link selects on its VPC page: the first one the graph draws. Security groups and
 * prefix lists are not nodes of the graph (an open security group is shown on its endpoint, which follows it).
 */
export function selectableResource(resourceIds: readonly string[]): string | undefined {
  return resourceIds.find((id) => !/^(sg|pl)-/.test(id)) ?? resourceIds[0];
}

function vpcHref(vpcId: string, account: FleetAccount, region: string, link: LinkScope, selected: string | undefined): string {
  return `/vpcs/${encodeURIComponent(vpcId)}?${accountRegionQuery(account, region, link, selected ? { selected } : {})}`;
}

/** Kept per topology object (small next to it), so an unchanged fixture region costs nothing on a refresh. */
const summaries = perTopology<RegionSummary>();
/** Each service-zones object a summary was made with, numbered: a re-read of the zones is a new summary. */
const zonesIds = new WeakMap<ServiceZones, number>();
let lastZonesId = 0;

/**
 * Counts, findings, costs and finding items of an account-region's topology. `serviceZones` are the region's
 * (lib/analysis/service-zones.ts), so the AZ coverage findings count the zones the findings page counts.
 */
export function summarizeRegion(topology: Topology, account: FleetAccount, link: LinkScope, serviceZones?: ServiceZones): RegionSummary {
  if (serviceZones && !zonesIds.has(serviceZones)) zonesIds.set(serviceZones, ++lastZonesId);
  const zonesId = serviceZones ? zonesIds.get(serviceZones) : 0;
  const key = [account.id, account.name, account.profile ?? '', account.isDefault ? 1 : 0, link.source, link.sourceInUrl, zonesId].join('\u0000');
  return summaries.get(topology, key, () => summarize(topology, account, link, serviceZones));
}

function summarize(topology: Topology, account: FleetAccount, link: LinkScope, serviceZones: ServiceZones | undefined): RegionSummary {
  const { findings, costs } = analyzeTopology(topology, serviceZones ? { serviceZones } : {});
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity] += 1;
  const savings = new Map(costs.vpcs.flatMap((v) => v.natSavings.map((s) => [s.findingId, s.monthly] as const)));
  const vpcNames = new Map(topology.vpcs.map((v) => [v.id, v.name]));
  const region = topology.region;
  const items = findings.map(
    (f): FleetFindingItem => ({
      accountId: account.id,
      accountName: account.name,
      region,
      vpcId: f.vpcId,
      vpcName: vpcNames.get(f.vpcId) ?? f.vpcId,
      rule: f.rule,
      findingId: f.id,
      title: f.title,
      severity: f.severity,
      resourceIds: f.resourceIds,
      monthlyUsd: savings.get(f.id) ?? null,
      href: vpcHref(f.vpcId, account, region, link, selectableResource(f.resourceIds)),
    }),
  );
  return {
    counts: { vpcs: topology.vpcs.length, subnets: topology.subnets.length, endpoints: topology.endpoints.length },
    findings: bySeverity,
    monthlyCost: {
      natUsd: cents(costs.vpcs.reduce((a, v) => a + v.natGatewaysMonthly, 0)),
      interfaceEndpointUsd: cents(costs.vpcs.reduce((a, v) => a + v.interfaceEndpointsMonthly, 0)),
    },
    items,
  };
}
