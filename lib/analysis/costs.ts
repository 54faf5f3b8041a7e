import type { Topology } from '@/lib/topology/types';
import { endpointBytes, METRIC_PERIODS, natProcessedBytes, type MetricPeriod, type MetricsResult } from '@/lib/metrics/types';
import type { Finding } from './findings';
import { BYTES_PER_GB, HOURS_PER_MONTH, ratesFor, type RegionRates } from './rates';

/**
 * What a VPC's endpoints and NAT gateways cost per month, and what gateway endpoints would save. Hourly charges come
 * from the topology; per-GB charges from the bytes CloudWatch measured over the period (scaled to a 730-hour month),
 * and only where a measurement exists: an assumed volume is used for the savings estimate alone, and says so.
 */

export interface InterfaceEndpointCost {
  endpointId: string;
  service: string;
  /** Availability Zones the endpoint has a network interface in; each is billed. */
  azCount: number;
  /** The hourly charge: AZs x 730 h x rate. */
  monthly: number;
  /** `BytesProcessed` over the measured period, or null when it was not measured. */
  bytes: number | null;
  /** Data processing at the measured rate, per month; null when not measured. */
  dataMonthly: number | null;
}

export interface NatGatewayCost {
  natGatewayId: string;
  name: string;
  /** The hourly charge: 730 h x rate. */
  monthly: number;
  /** Bytes processed (in from source + in from destination) over the measured period, or null. */
  bytes: number | null;
  dataMonthly: number | null;
}

export interface NatSaving {
  /** The `nat-to-gateway-service` finding this saving belongs to. */
  findingId: string;
  service: string;
  routeTableIds: string[];
  natGatewayIds: string[];
  /**
   * `measured`: an upper bound, every byte the finding's NAT gateways processed (the share that is S3 or DynamoDB
   * cannot be told from NAT metrics); `assumed`: the volume the user entered, no metric being there.
   */
  basis: 'measured' | 'assumed';
  /** Measured only: the NAT gateways' processed bytes over the period. */
  measuredBytes: number | null;
  gbPerMonth: number;
  /** NAT processing per GB, saved on every GB that moves to the (free) gateway endpoint. */
  perGb: number;
  monthly: number;
}

export interface VpcCost {
  vpcId: string;
  vpcName: string;
  interfaceEndpoints: InterfaceEndpointCost[];
  /** Hourly plus measured data charges of the interface endpoints. */
  interfaceEndpointsMonthly: number;
  /** The measured data part of it, or null when none was measured. */
  interfaceEndpointsDataMonthly: number | null;
  natGateways: NatGatewayCost[];
  natGatewaysMonthly: number;
  natGatewaysDataMonthly: number | null;
  /** Bytes the VPC's interface endpoints and NAT gateways carried over the period; null when nothing was measured. */
  trafficBytes: number | null;
  /** Interface endpoints plus NAT gateways: hourly charges, and per-GB charges where measured. */
  totalMonthly: number;
  natSavings: NatSaving[];
  natSavingsMonthly: number;
}

/** The measurement the per-GB charges rest on. */
export type CostTraffic =
  | { measured: true; period: MetricPeriod; words: string; hours: number; end: string }
  /** No metrics: why (fixture without metrics, a missing permission, a failed read), in words for a notice. */
  | { measured: false; reason: string };

export interface CostReport {
  region: string;
  /** The region whose prices were used (differs from `region` when the table lacks it). */
  rateRegion: string;
  ratesEstimated: boolean;
  rates: RegionRates;
  hoursPerMonth: number;
  /** The assumed S3 / DynamoDB volume through NAT, per finding, where no metric exists. */
  gbPerMonth: number;
  traffic: CostTraffic;
  vpcs: VpcCost[];
}

/**
 * Money rounded to cents, half up, so sums print the way people add them. The product is first cut to 12
 * significant digits: 1,000 GB x 730/720 x $0.045 is $45.625 exactly, which binary floating point holds as 45.62499...
 */
export const cents = (x: number) => Math.round(Number((x * 100).toPrecision(12))) / 100;

export const DEFAULT_GB_PER_MONTH = 100;

/** Bytes measured over `hours`, as GB in a 730-hour month. */
export function monthlyGb(bytes: number, hours: number): number {
  return (bytes / BYTES_PER_GB) * (HOURS_PER_MONTH / hours);
}

/** The Availability Zones each interface endpoint is billed in: its network interfaces' AZs, else its subnets'. */
export function endpointAzCounts(topology: Topology): Map<string, number> {
  const subnetAz = new Map(topology.subnets.map((s) => [s.id, s.az]));
  const eniAzs = new Map<string, Set<string>>();
  for (const n of topology.networkInterfaces) {
    if (!n.endpointId || !n.az) continue;
    const azs = eniAzs.get(n.endpointId);
    if (azs) azs.add(n.az);
    else eniAzs.set(n.endpointId, new Set([n.az]));
  }
  const out = new Map<string, number>();
  for (const e of topology.endpoints) {
    if (e.type !== 'Interface') continue;
    const azs = new Set(eniAzs.get(e.id));
    if (!azs.size) for (const s of e.subnetIds) azs.add(subnetAz.get(s) ?? s);
    out.set(e.id, azs.size);
  }
  return out;
}

const sumOrNull = (xs: (number | null)[]) => (xs.some((x) => x !== null) ? xs.reduce<number>((a, x) => a + (x ?? 0), 0) : null);

export interface EstimateOptions {
  /** The assumed S3 / DynamoDB volume through NAT per finding, where no metric exists. */
  gbPerMonth?: number;
  /** What CloudWatch measured for the topology's endpoints and NAT gateways; absent or unavailable: nothing measured. */
  metrics?: MetricsResult;
}

/**
 * Monthly costs per VPC: interface endpoints (endpoints x AZs x 730 h x rate; only `available` ones are
 * billed) and NAT gateways (730 h x rate; `available` and `pending`), plus their data processing from the
 * measured bytes (scaled from the period to 730 hours). For each NAT-to-S3/DynamoDB finding, the NAT processing
 * a (free) gateway endpoint would save: at most every byte its NAT gateways processed when measured, else
 * `gbPerMonth` GB.
 */
export function estimateCosts(topology: Topology, findings: Finding[], options: EstimateOptions = {}): CostReport {
  const gbPerMonth = options.gbPerMonth ?? DEFAULT_GB_PER_MONTH;
  const { rates, rateRegion, estimated } = ratesFor(topology.region);
  const metrics = options.metrics?.status === 'ok' ? options.metrics : null;
  const hours = metrics ? METRIC_PERIODS[metrics.period].seconds / 3600 : 0;
  const dataCharge = (bytes: number | null, perGb: number) => (bytes === null ? null : cents(monthlyGb(bytes, hours) * perGb));
  const azCounts = endpointAzCounts(topology);
  const natBytes = (id: string) => (metrics ? natProcessedBytes(metrics, id) : null);

  const vpcs: VpcCost[] = topology.vpcs.map((vpc) => {
    const interfaceEndpoints = topology.endpoints
      .filter((e) => e.vpcId === vpc.id && e.type === 'Interface' && e.state === 'available')
      .map((e): InterfaceEndpointCost => {
        const azCount = azCounts.get(e.id) ?? 0;
        const bytes = metrics ? endpointBytes(metrics, e.id) : null;
        return {
          endpointId: e.id,
          service: e.serviceShortName,
          azCount,
          monthly: cents(azCount * HOURS_PER_MONTH * rates.interfaceEndpointPerAzHour),
          bytes,
          dataMonthly: dataCharge(bytes, rates.interfaceEndpointPerGb),
        };
      });
    const natGateways = topology.natGateways
      .filter((g) => g.vpcId === vpc.id && (g.state === 'available' || g.state === 'pending'))
      .map((g): NatGatewayCost => {
        const bytes = natBytes(g.id);
        return { natGatewayId: g.id, name: g.name, monthly: cents(HOURS_PER_MONTH * rates.natGatewayPerHour), bytes, dataMonthly: dataCharge(bytes, rates.natGatewayPerGb) };
      });
    const natSavings = findings
      .filter((f) => f.rule === 'nat-to-gateway-service' && f.vpcId === vpc.id)
      .map((f): NatSaving => {
        const natGatewayIds = f.resourceIds.filter((id) => id.startsWith('nat-'));
        const measuredBytes = natGatewayIds.length ? sumOrNull(natGatewayIds.map(natBytes)) : null;
        const measured = measuredBytes !== null && natGatewayIds.every((id) => natBytes(id) !== null);
        const gb = measured ? monthlyGb(measuredBytes, hours) : gbPerMonth;
        return {
          findingId: f.id,
          service: f.service ?? '',
          routeTableIds: f.resourceIds.filter((id) => id.startsWith('rtb-')),
          natGatewayIds,
          basis: measured ? 'measured' : 'assumed',
          measuredBytes: measured ? measuredBytes : null,
          gbPerMonth: gb,
          perGb: rates.natGatewayPerGb,
          monthly: cents(gb * rates.natGatewayPerGb),
        };
      });
    // Two findings on one NAT gateway (S3 and DynamoDB) share its bytes: together they save at most what it processed.
    const measuredNats = [...new Set(natSavings.filter((s) => s.basis === 'measured').flatMap((s) => s.natGatewayIds))];
    const measuredBound = measuredNats.length ? cents(monthlyGb(measuredNats.reduce((a, id) => a + (natBytes(id) ?? 0), 0), hours) * rates.natGatewayPerGb) : 0;
    const measuredSum = natSavings.filter((s) => s.basis === 'measured').reduce((a, s) => a + s.monthly, 0);
    const assumedSum = natSavings.filter((s) => s.basis === 'assumed').reduce((a, s) => a + s.monthly, 0);

    const interfaceEndpointsDataMonthly = sumOrNull(interfaceEndpoints.map((e) => e.dataMonthly));
    const natGatewaysDataMonthly = sumOrNull(natGateways.map((g) => g.dataMonthly));
    const interfaceEndpointsMonthly = cents(interfaceEndpoints.reduce((a, x) => a + x.monthly, 0) + (interfaceEndpointsDataMonthly ?? 0));
    const natGatewaysMonthly = cents(natGateways.reduce((a, x) => a + x.monthly, 0) + (natGatewaysDataMonthly ?? 0));
    return {
      vpcId: vpc.id,
      vpcName: vpc.name,
      interfaceEndpoints,
      interfaceEndpointsMonthly,
      interfaceEndpointsDataMonthly: interfaceEndpointsDataMonthly === null ? null : cents(interfaceEndpointsDataMonthly),
      natGateways,
      natGatewaysMonthly,
      natGatewaysDataMonthly: natGatewaysDataMonthly === null ? null : cents(natGatewaysDataMonthly),
      trafficBytes: sumOrNull([...interfaceEndpoints.map((e) => e.bytes), ...natGateways.map((g) => g.bytes)]),
      totalMonthly: cents(interfaceEndpointsMonthly + natGatewaysMonthly),
      natSavings,
      natSavingsMonthly: cents(Math.min(measuredSum, measuredBound) + assumedSum),
    };
  });
  const traffic: CostTraffic = metrics
    ? { measured: true, period: metrics.period, words: METRIC_PERIODS[metrics.period].words, hours, end: metrics.end }
    : { measured: false, reason: options.metrics?.status === 'unavailable' ? options.metrics.message : 'No traffic metrics were read.' };
  return { region: topology.region, rateRegion, ratesEstimated: estimated, rates, hoursPerMonth: HOURS_PER_MONTH, gbPerMonth, traffic, vpcs };
}
