import { DOCS, endpointService, resourceHref, serviceTitle, defineRule, type RuleFinding } from './context';

/** An available gateway endpoint on no route table changes nothing. */
export const gatewayEndpointNoRouteTables = defineRule({
  id: 'gateway-endpoint-no-route-tables',
  severity: 'medium',
  label: 'Unrouted gateway endpoint',
  check({ t, names }) {
    return t.endpoints
      .filter((e) => e.type === 'Gateway' && e.routeTableIds.length === 0 && e.state === 'available')
      .map(
        (e): RuleFinding => ({
          id: `gateway-endpoint-no-route-tables:${e.id}`,
          vpcId: e.vpcId,
          resourceIds: [e.id],
          service: e.serviceShortName,
          title: `${serviceTitle(endpointService(e, names))} gateway endpoint is on no route table`,
          detail: `${names.label(e.id)} has no route tables, so no subnet sends traffic to it.`,
          why: 'A gateway endpoint only works through the routes it adds to route tables; without any it changes nothing.',
          fix: { text: `Add the private subnets’ route tables to ${names.short(e.id)}, or delete it.`, href: resourceHref(t.region, e.vpcId, e.id) },
          docUrl: DOCS.gatewayEndpoints,
        }),
      );
  },
});
