import { HOURS_PER_MONTH, RATES_CHECKED_ON, RATES_SOURCES, recordedRatesFor } from '@/lib/analysis/rates';

export { HOURS_PER_MONTH };

export type CostEstimate =
  | { kind: 'free'; note: string }
  | {
      kind: 'hourly';
      azs: number;
      hourlyPerAz: number;
      /** AZs x 730 h x the hourly rate. */
      monthly: number;
      perGb: number;
      /** What the same GB would cost through a NAT gateway, for comparison. */
      natPerGb: number;
      source: string;
      checkedOn: string;
    }
  | { kind: 'unknown'; note: string };

/**
 * The monthly cost of an endpoint before data: gateway endpoints are free; an interface endpoint is
 * billed per AZ per hour (AZs x 730 h x the region's rate), plus a per-GB charge shown beside it.
 */
export function estimateMonthlyCost(type: 'gateway' | 'interface', region: string, azs: number): CostEstimate {
  if (type === 'gateway') {
    return { kind: 'free', note: 'Gateway endpoints have no hourly or per-GB charge; S3 and DynamoDB traffic also stops paying NAT processing.' };
  }
  // Only recorded prices are quoted: a form does not guess a region's price from another's.
  const rates = recordedRatesFor(region);
  if (!rates) return { kind: 'unknown', note: `No interface endpoint rate on file for ${region} (lib/analysis/rates.ts); see ${RATES_SOURCES.interfaceEndpoint}.` };
  return {
    kind: 'hourly',
    azs,
    hourlyPerAz: rates.interfaceEndpointPerAzHour,
    monthly: Math.round(azs * HOURS_PER_MONTH * rates.interfaceEndpointPerAzHour * 100) / 100,
    perGb: rates.interfaceEndpointPerGb,
    natPerGb: rates.natGatewayPerGb,
    source: RATES_SOURCES.interfaceEndpoint,
    checkedOn: RATES_CHECKED_ON,
  };
}

/** `$14.60`, `$0.011`: cents for totals, three decimals for rates below a cent. */
export function formatUsd(n: number): string {
  const digits = n !== 0 && Math.abs(n) < 0.1 ? 3 : 2;
  return `$${n.toFixed(digits).replace(/(\.\d\d\d?)0$/, '$1')}`;
}
