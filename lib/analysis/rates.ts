/**
 * Prices the cost analysis uses, in USD, per region.
 *
 * Recorded 2026-11-29 (on-demand list prices, first pricing tier, no free tier or savings plans); prices
 * change, so check the sources before quoting a figure:
 * - Interface endpoints: https://aws.amazon.com/privatelink/pricing/ ("per VPC endpoint per AZ ($/hour)"
 *   and "Data Processed per month in an AWS Region ($/GB)", first 1 PB).
 * - NAT gateways: https://aws.amazon.com/vpc/pricing/ (NAT Gateway: "Price per NAT gateway ($/hour)"
 *   and "Price per GB data processed ($)").
 * - Gateway endpoints (S3, DynamoDB) have no hourly or per-GB charge:
 *   https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html ("There is no additional
 *   charge for using gateway endpoints").
 *
 * TODO(issue 6): `lib/endpoints/rates.ts` (the endpoint forms) holds the same prices; the two tables
 * are to be merged into one.
 */

export interface RegionRates {
  /** Interface endpoint, per endpoint per Availability Zone per hour. */
  interfaceEndpointPerAzHour: number;
  /** Interface endpoint, per GB processed. */
  interfaceEndpointPerGb: number;
  /** NAT gateway, per gateway per hour. */
  natGatewayPerHour: number;
  /** NAT gateway, per GB processed (in either direction). */
  natGatewayPerGb: number;
}

/** AWS bills a month as 730 hours in its pricing examples. */
export const HOURS_PER_MONTH = 730;

export const RATES_SOURCE = {
  urls: ['https://aws.amazon.com/privatelink/pricing/', 'https://aws.amazon.com/vpc/pricing/'],
  date: '2026-11-29',
} as const;

export const RATES: Readonly<Record<string, RegionRates>> = {
  'us-east-1': { interfaceEndpointPerAzHour: 0.01, interfaceEndpointPerGb: 0.01, natGatewayPerHour: 0.045, natGatewayPerGb: 0.045 },
  'eu-west-1': { interfaceEndpointPerAzHour: 0.011, interfaceEndpointPerGb: 0.01, natGatewayPerHour: 0.048, natGatewayPerGb: 0.048 },
};

/** The region whose prices stand in for a region the table does not list. */
export const FALLBACK_RATE_REGION = 'us-east-1';

export interface ResolvedRates {
  rates: RegionRates;
  /** The region whose prices are used: the requested one, or the fallback. */
  rateRegion: string;
  /** True when the requested region is not in the table and the fallback's prices are used. */
  estimated: boolean;
}

/** The rates for a region; regions not in the table get us-east-1's prices, flagged as estimated. */
export function ratesFor(region: string): ResolvedRates {
  const own = RATES[region];
  if (own) return { rates: own, rateRegion: region, estimated: false };
  return { rates: RATES[FALLBACK_RATE_REGION]!, rateRegion: FALLBACK_RATE_REGION, estimated: true };
}
