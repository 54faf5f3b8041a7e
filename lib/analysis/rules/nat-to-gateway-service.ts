import { pushTo } from '../group';
import type { SubnetPath } from '../paths';
import { GATEWAY_SERVICES } from '../service-dns';
import { article, DOCS, gatewayEndpointFormHref, plural, serviceTitle, uniq, defineRule, type RuleFinding } from './context';

/** S3 or DynamoDB traffic that leaves through a NAT gateway, where a free gateway endpoint would carry it. */
export const natToGatewayService = defineRule({
  id: 'nat-to-gateway-service',
  severity: 'medium',
  label: 'NAT instead of gateway endpoint',
  check({ t, paths, names }) {
    const out: RuleFinding[] = [];
    const subnetVpc = new Map(t.subnets.map((s) => [s.id, s.vpcId]));
    for (const service of GATEWAY_SERVICES) {
      const byVpc = new Map<string, SubnetPath[]>();
      for (const p of paths) {
        if (p.service !== service || p.via !== 'nat') continue;
        const vpcId = subnetVpc.get(p.subnetId);
        if (vpcId) pushTo(byVpc, vpcId, p);
      }
      for (const [vpcId, ps] of byVpc) {
        const tables = uniq(ps.map((p) => p.routeTableId).filter((x): x is string => !!x)).sort();
        const subnets = ps.map((p) => p.subnetId);
        const nats = uniq(ps.map((p) => p.hops[2]).filter((x): x is string => !!x?.startsWith('nat-'))).sort((a, b) => names.short(a).localeCompare(names.short(b)));
        const existing = t.endpoints.filter((e) => e.vpcId === vpcId && e.type === 'Gateway' && e.serviceShortName === service);
        const svc = serviceTitle(service);
        const href = gatewayEndpointFormHref(t.region, vpcId, service, tables);
        const where = `${tables.length === 1 ? 'Route table' : 'Route tables'} ${names.list(tables)}`;
        out.push({
          id: `nat-to-gateway-service:${vpcId}:${service}`,
          vpcId,
          resourceIds: uniq([...tables, ...subnets, ...nats, ...existing.map((e) => e.id)]),
          service,
          title: `${svc} traffic from ${names.list(subnets)} goes through a NAT gateway`,
          detail: existing.length
            ? `${where} ${tables.length === 1 ? 'is' : 'are'} not on gateway endpoint ${names.list(existing.map((e) => e.id))}, so ${svc} traffic from ${plural(subnets.length, 'subnet')} takes the default route to ${names.list(nats)}.`
            : `The VPC has no ${svc} gateway endpoint, so ${svc} traffic from ${plural(subnets.length, 'subnet')} on ${where.toLowerCase()} takes the default route to ${names.list(nats)}.`,
          why: `A NAT gateway bills every GB it processes; a gateway endpoint for ${svc} costs nothing, keeps the traffic off the NAT and lets an endpoint policy limit what can be reached.`,
          fix: {
            text: existing.length
              ? `Add ${names.list(tables)} to ${names.short(existing[0]!.id)}'s route tables, or create ${article(svc)} ${svc} gateway endpoint for ${tables.length === 1 ? 'it' : 'them'}.`
              : `Create ${article(svc)} ${svc} gateway endpoint on ${names.list(tables)}.`,
            href,
          },
          docUrl: service === 's3' ? DOCS.s3GatewayEndpoint : DOCS.dynamodbGatewayEndpoint,
        });
      }
    }
    return out;
  },
});
