import { formatCount } from '@/lib/metrics/format';
import { METRIC_PERIODS, metricSum } from '@/lib/metrics/types';
import { endpointService, resourceHref, defineRule, type RuleFinding, type Severity } from './context';

const ENDPOINT_METRICS_DOC = 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-cloudwatch-metrics.html';
const NAT_METRICS_DOC = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway-cloudwatch.html';
const NAT_TROUBLESHOOTING_DOC = 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html';

/** One counter that should stay at zero: what its rising means and what to do, in AWS's words where it has them. */
interface DropCounter {
  kind: 'interface-endpoint' | 'nat-gateway';
  metric: string;
  severity: Severity;
  /** What happened, for the title: `dropped 12 packets`. */
  what: (count: string, one: boolean) => string;
  why: string;
  fix: string;
  docUrl: string;
}

/** The table the rule reads: one row per CloudWatch counter. */
export const DROP_COUNTERS: readonly DropCounter[] = [
  {
    kind: 'nat-gateway',
    metric: 'ErrorPortAllocation',
    severity: 'medium',
    what: (n, one) => `could not allocate a source port ${n} ${one ? 'time' : 'times'}`,
    why: 'A NAT gateway holds at most 55,000 simultaneous connections to each unique destination (IP, port, protocol) per IP address; past that, new connections fail. It usually means many clients open many connections to one popular destination.',
    fix: 'Associate secondary private IP addresses with the NAT gateway (each adds 55,000 connections per destination), spread the clients over more NAT gateways, or reuse connections (keep-alive, pooling).',
    docUrl: NAT_TROUBLESHOOTING_DOC,
  },
  {
    kind: 'nat-gateway',
    metric: 'PacketsDropCount',
    severity: 'low',
    what: (n, one) => `dropped ${n} ${one ? 'packet' : 'packets'}`,
    why: 'AWS: a value above zero may indicate an ongoing transient issue with the NAT gateway; a high one, a problem to check on the AWS Health Dashboard.',
    fix: 'Compare with the gateway’s connection errors and the AWS Health Dashboard for the Availability Zone; if it persists, open a support case with the gateway id and the times.',
    docUrl: NAT_METRICS_DOC,
  },
  {
    kind: 'interface-endpoint',
    metric: 'PacketsDropped',
    severity: 'low',
    what: (n, one) => `dropped ${n} ${one ? 'packet' : 'packets'}`,
    why: 'AWS: an increasing value could indicate that the endpoint or the endpoint service is unhealthy. Packets that reach the endpoint on a port the service does not serve are dropped too.',
    fix: 'Check the endpoint’s state and the service’s health (for a PrivateLink service: its load balancer’s targets), and that clients connect on the service’s port.',
    docUrl: ENDPOINT_METRICS_DOC,
  },
];

/** Packets dropped by an interface endpoint or a NAT gateway, and a NAT gateway's failed port allocations, over the period. */
export const trafficDrops = defineRule({
  id: 'traffic-drops',
  severity: 'medium',
  label: 'Dropped traffic',
  check({ t, names, metrics }) {
    if (!metrics) return [];
    const words = METRIC_PERIODS[metrics.period].words;
    const resources = [
      ...t.endpoints.filter((e) => e.type === 'Interface').map((e) => ({ kind: 'interface-endpoint' as const, id: e.id, vpcId: e.vpcId, label: `${names.short(e.id)} (${endpointService(e, names)})` })),
      ...t.natGateways.map((g) => ({ kind: 'nat-gateway' as const, id: g.id, vpcId: g.vpcId, label: names.short(g.id) })),
    ];
    const out: RuleFinding[] = [];
    for (const r of resources) {
      for (const c of DROP_COUNTERS) {
        if (c.kind !== r.kind) continue;
        const count = metricSum(metrics, r.id, c.metric) ?? 0;
        if (!(count > 0)) continue;
        out.push({
          id: `traffic-drops:${r.id}:${c.metric}`,
          severity: c.severity,
          vpcId: r.vpcId,
          resourceIds: [r.id],
          title: `${r.label} ${c.what(formatCount(count), count === 1)} in the last ${words}`,
          detail: `CloudWatch's ${c.metric} for ${names.label(r.id)} adds up to ${formatCount(count)} over the last ${words}; it stays at 0 while all is well.`,
          why: c.why,
          fix: { text: c.fix, href: resourceHref(t.region, r.vpcId, r.id) },
          docUrl: c.docUrl,
        });
      }
    }
    return out;
  },
});
