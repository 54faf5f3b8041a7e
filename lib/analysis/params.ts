import { z } from 'zod';
import { MetricPeriodName } from '@/lib/metrics/params';
import { TopologyQuery } from '@/lib/topology/params';
import { DEFAULT_GB_PER_MONTH } from './costs';
import { SEVERITIES, type Severity } from './findings';

/** GB per month for the NAT savings estimate: a whole or decimal number from 0 to 10 PB. */
export const GbPerMonth = z.coerce
  .number({ error: 'gb must be a number of GB per month' })
  .min(0, 'gb must be 0 or more')
  .max(10_000_000, 'gb must be at most 10000000');

export const SeverityName = z.enum(SEVERITIES as [Severity, ...Severity[]], { error: 'severity must be high, medium, low or info' });

/** `GET /api/analysis` query: the topology query plus the assumed traffic volume, and the period to measure traffic over. */
export const AnalysisQuery = TopologyQuery.extend({
  gb: GbPerMonth.optional(),
  period: MetricPeriodName.optional(),
});
export type AnalysisQuery = z.infer<typeof AnalysisQuery>;

export { DEFAULT_GB_PER_MONTH };
