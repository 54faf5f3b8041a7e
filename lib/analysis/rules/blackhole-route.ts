import { DOCS, resourceHref, WORLD_V4, WORLD_V6, defineRule, type RuleFinding } from './context';

/** A route whose target is gone: high when a used table drops a default or prefix-list route, low when no subnet uses the table. */
export const blackholeRoute = defineRule({
  id: 'blackhole-route',
  severity: 'medium',
  label: 'Blackhole route',
  check({ t, names }) {
    const out: RuleFinding[] = [];
    const plName = new Map(t.prefixLists.map((p) => [p.id, p.name]));
    for (const rt of t.routeTables) {
      for (const r of rt.routes) {
        if (r.state !== 'blackhole' && r.targetType !== 'blackhole') continue;
        const broad = r.destination === WORLD_V4 || r.destination === WORLD_V6 || r.destinationType === 'prefix-list';
        const used = rt.effectiveSubnetIds.length > 0;
        const dest = r.destinationType === 'prefix-list' ? `${r.destination} (${plName.get(r.destination) || 'prefix list'})` : r.destination;
        out.push({
          id: `blackhole-route:${rt.id}:${r.destination}`,
          severity: used ? (broad ? 'high' : 'medium') : 'low',
          vpcId: rt.vpcId,
          resourceIds: [rt.id, ...rt.effectiveSubnetIds],
          title: `Blackhole route ${dest} in ${names.short(rt.id)}`,
          detail: `${names.label(rt.id)} sends ${dest} to ${r.target || 'a target'}, which no longer exists; ${used ? `traffic from ${names.list(rt.effectiveSubnetIds)} to it is dropped` : 'no subnet uses this table'}.`,
          why: 'A route whose target was deleted (a NAT gateway, an instance, a detached gateway) silently drops the traffic it matches; nothing else takes over.',
          fix: { text: `Point ${dest} in ${names.short(rt.id)} at a live target (ReplaceRoute), or delete the route.`, href: resourceHref(t.region, rt.vpcId, rt.id) },
          docUrl: DOCS.routeTables,
        });
      }
    }
    return out;
  },
});
