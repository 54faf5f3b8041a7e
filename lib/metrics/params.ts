import { z } from 'zod';
import { TopologyQuery } from '@/lib/topology/params';
import { METRIC_PERIOD_NAMES, type MetricPeriod } from './types';

export const MetricPeriodName = z.enum(METRIC_PERIOD_NAMES as [MetricPeriod, ...MetricPeriod[]], { error: `period must be ${METRIC_PERIOD_NAMES.join(', ')}` });

/** The metrics API's query: the topology's (region, vpc, source) and the period, 24 h unless given. */
export const MetricsQuery = TopologyQuery.extend({ period: MetricPeriodName.default('24h') });
export type MetricsQuery = z.infer<typeof MetricsQuery>;
