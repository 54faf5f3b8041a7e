/**
 * The prices the app quotes, in USD, per region: the one table both the cost analysis (`costs.ts`,
 * the findings page) and the endpoint forms (`lib/endpoints/cost.ts`) read.
 *
 * On-demand list prices, first pricing tier, no free tier or savings plans, checked on
 * `RATES_CHECKED_ON` at `RATES_SOURCES`; prices change, so check the sources before quoting a figure,
 * and update the table and the date together:
 * - Interface endpoints: "per VPC endpoint per AZ ($/hour)" and "Data Processed per month in an AWS
 *   Region ($/GB)", first 1 PB.
 * - NAT gateways: "Price per NAT gateway ($/hour)" and "Price per GB data processed ($)".
 * - Gateway endpoints (S3, DynamoDB) have no hourly or per-GB charge ("There is no additional charge
 *   for using gateway endpoints").
 * - Data crossing Availability Zones in a region: "Data Transfer within the same AWS Region ... across
 *   Availability Zones ... $0.01/GB in each direction" (EC2 on-demand pricing, Data Transfer).
 *
 * Only regions whose prices were checked are listed.
 */

export interface RegionRates {
  /** Interface endpoint, per endpoint per Availability Zone per hour. */
  interfaceEndpointPerAzHour: number;
  /** Interface endpoint, per GB processed (first-PB tier). */
  interfaceEndpointPerGb: number;
  /** NAT gateway, per gateway per hour. */
  natGatewayPerHour: number;
  /** NAT gateway, per GB processed (in either direction). */
  natGatewayPerGb: number;
  /** Data between two Availability Zones of the region, per GB, charged in each direction. */
  crossAzPerGb: number;
}

/** AWS bills by the hour; a month is 730 hours (8,760 / 12) in its pricing examples. */
export const HOURS_PER_MONTH = 730;

/**
 * A GB here is 10^9 bytes, the unit the app shows measured bytes in, so "7.00 GB x $0.045" reads as the
 * product on screen. (AWS's usage reports may meter 2^30-byte GB: the difference is at most 7.4 %.)
 */
export const BYTES_PER_GB = 1e9;

/** When the prices below were read from the sources. */
export const RATES_CHECKED_ON = '2026-11-29';

/** Where the prices come from. */
export const RATES_SOURCES = {
  interfaceEndpoint: 'https://aws.amazon.com/privatelink/pricing/',
  natGateway: 'https://aws.amazon.com/vpc/pricing/',
  gatewayEndpoint: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  crossAz: 'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region',
} as const;

export const RATES: Readonly<Record<string, RegionRates>> = {
  'us-east-1': { interfaceEndpointPerAzHour: 0.01, interfaceEndpointPerGb: 0.01, natGatewayPerHour: 0.045, natGatewayPerGb: 0.045, crossAzPerGb: 0.01 },
  'us-east-2': { interfaceEndpointPerAzHour: 0.01, interfaceEndpointPerGb: 0.01, natGatewayPerHour: 0.045, natGatewayPerGb: 0.045, crossAzPerGb: 0.01 },
  'us-west-2': { interfaceEndpointPerAzHour: 0.01, interfaceEndpointPerGb: 0.01, natGatewayPerHour: 0.045, natGatewayPerGb: 0.045, crossAzPerGb: 0.01 },
  'eu-west-1': { interfaceEndpointPerAzHour: 0.011, interfaceEndpointPerGb: 0.01, natGatewayPerHour: 0.048, natGatewayPerGb: 0.048, crossAzPerGb: 0.01 },
  'eu-central-1': { interfaceEndpointPerAzHour: 0.012, interfaceEndpointPerGb: 0.01, natGatewayPerHour: 0.052, natGatewayPerGb: 0.052, crossAzPerGb: 0.01 },
};

/** The region whose prices stand in for a region the table does not list. */
export const FALLBACK_RATE_REGION = 'us-east-1';

/** The prices recorded for a region, or null when the table has none: for quoting, never a guess. */
export function recordedRatesFor(region: string): RegionRates | null {
  return RATES[region] ?? null;
}

export interface ResolvedRates {
  rates: RegionRates;
  /** The region whose prices are used: the requested one, or the fallback. */
  rateRegion: string;
  /** True when the requested region is not in the table and the fallback's prices are used. */
  estimated: boolean;
}

/** The rates for a region; regions not in the table get us-east-1's prices, flagged as estimated. */
export function ratesFor(region: string): ResolvedRates {
  const own = recordedRatesFor(region);
  if (own) return { rates: own, rateRegion: region, estimated: false };
  return { rates: RATES[FALLBACK_RATE_REGION]!, rateRegion: FALLBACK_RATE_REGION, estimated: true };
}
