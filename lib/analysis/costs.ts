import type { Topology } from '@/lib/topology/types';
import type { Finding } from './findings';
import { HOURS_PER_MONTH, ratesFor, type RegionRates } from './rates';

/** What a VPC's endpoints and NAT gateways cost per month, and what gateway endpoints would save. */

export interface InterfaceEndpointCost {
  endpointId: string;
  service: string;
  /** Availability Zones the endpoint has a network interface in; each is billed. */
  azCount: number;
  monthly: number;
}

export interface NatGatewayCost {
  natGatewayId: string;
  name: string;
  monthly: number;
}

export interface NatSaving {
  /** The `nat-to-gateway-service` finding this saving belongs to. */
  findingId: string;
  service: string;
  routeTableIds: string[];
  gbPerMonth: number;
  /** NAT processing per GB, saved on every GB that moves to the (free) gateway endpoint. */
  perGb: number;
  monthly: number;
}

export interface VpcCost {
  vpcId: string;
  vpcName: string;
  interfaceEndpoints: InterfaceEndpointCost[];
  interfaceEndpointsMonthly: number;
  natGateways: NatGatewayCost[];
  natGatewaysMonthly: number;
  /** Hourly charges only: interface endpoints plus NAT gateways, before any per-GB charge. */
  totalMonthly: number;
  natSavings: NatSaving[];
  natSavingsMonthly: number;
}

export interface CostReport {
  region: string;
  /** The region whose prices were used (differs from `region` when the table lacks it). */
  rateRegion: string;
  ratesEstimated: boolean;
  rates: RegionRates;
  hoursPerMonth: number;
  gbPerMonth: number;
  vpcs: VpcCost[];
}

/** Money rounded to cents, so sums print the way people add them. */
const cents = (x: number) => Math.round(x * 100) / 100;

export const DEFAULT_GB_PER_MONTH = 100;

/**
 * Monthly costs per VPC: interface endpoints (endpoints x AZs x 730 h x rate; only `available` ones are
 * billed), NAT gateways (730 h x rate; `available` and `pending`), and for each NAT-to-S3/DynamoDB
 * finding the NAT processing saved on `gbPerMonth` GB by a gateway endpoint, which is free.
 */
export function estimateCosts(topology: Topology, findings: Finding[], gbPerMonth: number = DEFAULT_GB_PER_MONTH): CostReport {
  const { rates, rateRegion, estimated } = ratesFor(topology.region);
  const subnetAz = new Map(topology.subnets.map((s) => [s.id, s.az]));
  const eniAzs = new Map<string, Set<string>>();
  for (const n of topology.networkInterfaces) {
    if (!n.endpointId || !n.az) continue;
    const azs = eniAzs.get(n.endpointId);
    if (azs) azs.add(n.az);
    else eniAzs.set(n.endpointId, new Set([n.az]));
  }
  const vpcs: VpcCost[] = topology.vpcs.map((vpc) => {
    const interfaceEndpoints = topology.endpoints
      .filter((e) => e.vpcId === vpc.id && e.type === 'Interface' && e.state === 'available')
      .map((e) => {
        const azs = new Set(eniAzs.get(e.id));
        if (!azs.size) for (const s of e.subnetIds) azs.add(subnetAz.get(s) ?? s);
        return { endpointId: e.id, service: e.serviceShortName, azCount: azs.size, monthly: cents(azs.size * HOURS_PER_MONTH * rates.interfaceEndpointPerAzHour) };
      });
    const natGateways = topology.natGateways
      .filter((g) => g.vpcId === vpc.id && (g.state === 'available' || g.state === 'pending'))
      .map((g) => ({ natGatewayId: g.id, name: g.name, monthly: cents(HOURS_PER_MONTH * rates.natGatewayPerHour) }));
    const natSavings = findings
      .filter((f) => f.rule === 'nat-to-gateway-service' && f.vpcId === vpc.id)
      .map((f) => ({
        findingId: f.id,
        service: f.service ?? '',
        routeTableIds: f.resourceIds.filter((id) => id.startsWith('rtb-')),
        gbPerMonth,
        perGb: rates.natGatewayPerGb,
        monthly: cents(gbPerMonth * rates.natGatewayPerGb),
      }));
    const interfaceEndpointsMonthly = cents(interfaceEndpoints.reduce((a, x) => a + x.monthly, 0));
    const natGatewaysMonthly = cents(natGateways.reduce((a, x) => a + x.monthly, 0));
    return {
      vpcId: vpc.id,
      vpcName: vpc.name,
      interfaceEndpoints,
      interfaceEndpointsMonthly,
      natGateways,
      natGatewaysMonthly,
      totalMonthly: cents(interfaceEndpointsMonthly + natGatewaysMonthly),
      natSavings,
      natSavingsMonthly: cents(natSavings.reduce((a, x) => a + x.monthly, 0)),
    };
  });
  return { region: topology.region, rateRegion, ratesEstimated: estimated, rates, hoursPerMonth: HOURS_PER_MONTH, gbPerMonth, vpcs };
}
