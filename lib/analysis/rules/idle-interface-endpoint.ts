import { formatMoney } from '@/lib/metrics/format';
import { METRIC_PERIODS, endpointBytes, metricSum } from '@/lib/metrics/types';
import { cents, endpointAzCounts } from '../costs';
import { HOURS_PER_MONTH, ratesFor } from '../rates';
import { endpointService, plural, defineRule, type RuleFinding } from './context';

/** What AWS says about deleting an interface endpoint (and that billing stops then). */
const DELETE_DOC = 'https://docs.aws.amazon.com/vpc/latest/privatelink/delete-interface-endpoint.html';

/** The endpoint's own page, scrolled to its delete form: `/endpoints/<id>?region=R#endpoint-delete`. */
export function endpointDeleteHref(region: string, endpointId: string): string {
  return `/endpoints/${encodeURIComponent(endpointId)}?region=${encodeURIComponent(region)}#endpoint-delete`;
}

/**
 * An available interface endpoint that CloudWatch saw carry nothing over the whole period (no bytes, no new
 * connections): its hourly charge per AZ buys nothing. One created during the period is left alone (it may not
 * have been used yet).
 */
export const idleInterfaceEndpoint = defineRule({
  id: 'idle-interface-endpoint',
  severity: 'low',
  label: 'Idle interface endpoint',
  check({ t, names, metrics }) {
    if (!metrics) return [];
    const { rates } = ratesFor(t.region);
    const azCounts = endpointAzCounts(t);
    const period = METRIC_PERIODS[metrics.period];
    const periodStart = Date.parse(metrics.start);
    const out: RuleFinding[] = [];
    for (const e of t.endpoints) {
      if (e.type !== 'Interface' || e.state !== 'available') continue;
      const bytes = endpointBytes(metrics, e.id);
      if (bytes === null || bytes > 0 || (metricSum(metrics, e.id, 'NewConnections') ?? 0) > 0) continue;
      if (e.createdAt && Date.parse(e.createdAt) > periodStart) continue;
      const azs = azCounts.get(e.id) ?? 0;
      const monthly = cents(azs * HOURS_PER_MONTH * rates.interfaceEndpointPerAzHour);
      const service = endpointService(e, names);
      out.push({
        id: `idle-interface-endpoint:${e.id}`,
        vpcId: e.vpcId,
        resourceIds: [e.id],
        ...(e.serviceShortName ? { service: e.serviceShortName } : {}),
        title: `${names.short(e.id)} (${service}) carried no traffic in the last ${period.words}`,
        detail: `CloudWatch counted 0 bytes and 0 new connections through ${names.label(e.id)} in the last ${period.words}, yet it is billed in ${plural(azs, 'Availability Zone')}: ${formatMoney(monthly)} a month for nothing.`,
        why: 'An interface endpoint is billed every hour in each AZ it has a network interface in, whether or not anything uses it; an unused one is cost without benefit, and one more resource to secure.',
        fix: {
          text: `If nothing will use ${service} through it, delete ${names.short(e.id)}; check first that no workload is switched off for the period.`,
          href: endpointDeleteHref(t.region, e.id),
        },
        docUrl: DELETE_DOC,
      });
    }
    return out;
  },
});
