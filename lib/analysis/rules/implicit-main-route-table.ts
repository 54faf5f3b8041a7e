import { DOCS, plural, resourceHref, WORLD_V4, defineRule, type RuleFinding } from './context';

/** Subnets left on the main table in a VPC whose other subnets have explicit tables: usually forgotten. */
export const implicitMainRouteTable = defineRule({
  id: 'implicit-main-route-table',
  severity: 'low',
  label: 'Implicit main route table',
  check({ t, names }) {
    const out: RuleFinding[] = [];
    for (const vpc of t.vpcs) {
      const subnets = t.subnets.filter((s) => s.vpcId === vpc.id);
      const implicit = subnets.filter((s) => !s.explicitRouteTable && s.routeTableId);
      if (!implicit.length || implicit.length === subnets.length) continue;
      const main = t.routeTables.find((r) => r.id === implicit[0]!.routeTableId);
      const def = main?.routes.find((r) => r.destination === WORLD_V4);
      const consequence = !def
        ? `it has no default route, so ${implicit.length === 1 ? 'the subnet reaches' : 'they reach'} nothing outside the VPC`
        : def.targetType === 'igw'
          ? `it sends 0.0.0.0/0 to an internet gateway, so ${implicit.length === 1 ? 'the subnet is' : 'they are'} public`
          : `it sends 0.0.0.0/0 to ${def.target}`;
      out.push({
        id: `implicit-main-route-table:${vpc.id}`,
        vpcId: vpc.id,
        resourceIds: [...implicit.map((s) => s.id), ...(main ? [main.id] : [])],
        title: `${names.list(implicit.map((s) => s.id))} ${implicit.length === 1 ? 'uses' : 'use'} the main route table implicitly`,
        detail: `${plural(implicit.length, 'subnet')} in ${names.short(vpc.id)} ${implicit.length === 1 ? 'has no route table association and falls' : 'have no route table association and fall'} back to ${main ? names.label(main.id) : 'the main table'}; ${consequence}.`,
        why: 'The other subnets of the VPC have explicit tables; one left on the main table usually lost its association by accident, and changes to the main table reach it silently.',
        fix: { text: `Associate ${names.list(implicit.map((s) => s.id))} with the route table meant for ${implicit.length === 1 ? 'it' : 'them'}.`, href: resourceHref(t.region, vpc.id, implicit[0]!.id) },
        docUrl: DOCS.routeTables,
      });
    }
    return out;
  },
});
