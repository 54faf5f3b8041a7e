/**
 * Prices the forms quote, in USD, in one table.
 *
 * Sources, read 2026-11-29:
 *   interface endpoints  https://aws.amazon.com/privatelink/pricing/   (per endpoint per AZ per hour; per GB
 *                        processed: $0.01 for the first PB a month in a region, less beyond)
 *   NAT gateways         https://aws.amazon.com/vpc/pricing/           (per gateway per hour; per GB processed)
 *   gateway endpoints    https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html ("no additional charge")
 *
 * Only regions whose rates were checked are listed; the forms say "no rate on file" for the others
 * rather than guess. Update the table and the date above together.
 */

export interface RegionRates {
  /** Interface endpoint, per AZ, per hour. */
  interfaceHourly: number;
  /** Interface endpoint data processed, per GB (first-PB tier). */
  interfacePerGb: number;
  /** NAT gateway, per hour. */
  natHourly: number;
  /** NAT gateway data processed, per GB. */
  natPerGb: number;
}

export const RATES_CHECKED_ON = '2026-11-29';
export const RATES_SOURCES = {
  interface: 'https://aws.amazon.com/privatelink/pricing/',
  nat: 'https://aws.amazon.com/vpc/pricing/',
} as const;

export const REGION_RATES: Readonly<Record<string, RegionRates>> = {
  'us-east-1': { interfaceHourly: 0.01, interfacePerGb: 0.01, natHourly: 0.045, natPerGb: 0.045 },
  'us-east-2': { interfaceHourly: 0.01, interfacePerGb: 0.01, natHourly: 0.045, natPerGb: 0.045 },
  'us-west-2': { interfaceHourly: 0.01, interfacePerGb: 0.01, natHourly: 0.045, natPerGb: 0.045 },
  'eu-west-1': { interfaceHourly: 0.011, interfacePerGb: 0.01, natHourly: 0.048, natPerGb: 0.048 },
  'eu-central-1': { interfaceHourly: 0.012, interfacePerGb: 0.01, natHourly: 0.052, natPerGb: 0.052 },
};

/** The rates of a region, or null when the table has none. */
export function ratesFor(region: string): RegionRates | null {
  return REGION_RATES[region] ?? null;
}
