import { formatBytes, formatMoney } from '@/lib/metrics/format';
import { METRIC_PERIODS, natProcessedBytes } from '@/lib/metrics/types';
import { cents, monthlyGb } from '../costs';
import { pushTo } from '../group';
import { ratesFor } from '../rates';
import { joinWords, plural, resourceHref, uniq, defineRule, type RuleFinding } from './context';

const NAT_BASICS_DOC = 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html';

/**
 * A zonal NAT gateway that subnets of other Availability Zones route to, with traffic measured through it. That
 * traffic crosses AZs twice (there and back), billed per GB in each direction, and those subnets lose the
 * internet when the gateway's AZ does. NAT metrics do not tell which subnet sent what, so the cost is an upper
 * bound: every byte the gateway processed, unless all its subnets are in other AZs.
 */
export const crossAzNat = defineRule({
  id: 'cross-az-nat',
  severity: 'low',
  label: 'NAT gateway across AZs',
  check({ t, names, metrics }) {
    if (!metrics) return [];
    const { rates } = ratesFor(t.region);
    const hours = METRIC_PERIODS[metrics.period].seconds / 3600;
    const words = METRIC_PERIODS[metrics.period].words;
    const tableById = new Map(t.routeTables.map((rt) => [rt.id, rt]));
    // The subnets each NAT gateway serves: those whose effective route table sends a route to it.
    const served = new Map<string, typeof t.subnets>();
    for (const s of t.subnets) {
      const rt = s.routeTableId ? tableById.get(s.routeTableId) : undefined;
      for (const natId of uniq((rt?.routes ?? []).filter((r) => r.targetType === 'nat' && r.state !== 'blackhole').map((r) => r.target))) pushTo(served, natId, s);
    }
    const subnetAz = new Map(t.subnets.map((s) => [s.id, s.az]));
    const out: RuleFinding[] = [];
    for (const g of t.natGateways) {
      // A regional NAT gateway spans AZs by design; a zonal one sits in its subnet's AZ.
      const az = g.availabilityMode === 'regional' || g.azs.length > 1 ? undefined : (g.azs[0] ?? subnetAz.get(g.subnetId));
      if (!az || g.state !== 'available') continue;
      const subnets = served.get(g.id) ?? [];
      const away = subnets.filter((s) => s.az && s.az !== az);
      if (!away.length) continue;
      const bytes = natProcessedBytes(metrics, g.id);
      if (!bytes) continue;
      const allAway = away.length === subnets.length;
      // Each GB crossing AZs is charged when it leaves one AZ and when it enters the other.
      const bound = cents(monthlyGb(bytes, hours) * rates.crossAzPerGb * 2);
      const otherAzs = uniq(away.map((s) => s.az)).sort();
      const tables = uniq(away.map((s) => s.routeTableId).filter((x): x is string => !!x)).sort();
      out.push({
        id: `cross-az-nat:${g.id}`,
        vpcId: g.vpcId,
        resourceIds: uniq([g.id, ...tables, ...away.map((s) => s.id)]),
        title: `${names.short(g.id)} in ${az} serves ${plural(away.length, 'subnet')} in ${joinWords(otherAzs)}`,
        detail:
          `${names.list(away.map((s) => s.id))} ${away.length === 1 ? 'routes' : 'route'} to ${names.label(g.id)} in ${az}, which processed ${formatBytes(bytes)} in the last ${words}. ` +
          (allAway
            ? `All of it crosses Availability Zones: about ${formatMoney(bound)} a month at ${formatMoney(rates.crossAzPerGb)}/GB in each direction.`
            : `The share from other AZs crosses them, at ${formatMoney(rates.crossAzPerGb)}/GB in each direction: at most ${formatMoney(bound)} a month; which subnet sent what cannot be told from NAT metrics alone.`),
        why: `Traffic between AZs is billed in each direction, and if ${az} fails, subnets in other AZs that depend on this NAT gateway lose their way out. AWS recommends a NAT gateway per AZ, each AZ routing to its own.`,
        fix: {
          text: `Create a NAT gateway in ${joinWords(otherAzs)}, and give each AZ's subnets a route table whose default route goes to the NAT gateway of their own AZ (today: ${names.list(tables)}).`,
          href: resourceHref(t.region, g.vpcId, tables[0] ?? g.id),
        },
        docUrl: NAT_BASICS_DOC,
      });
    }
    return out;
  },
});
