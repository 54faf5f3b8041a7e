import { isGatewayService } from '../service-dns';
import { DOCS, endpointService, isAwsService, resourceHref, defineRule, type RuleFinding } from './context';

/** An AWS service's interface endpoint with private DNS off: clients calling the usual name bypass it. */
export const privateDnsOff = defineRule({
  id: 'private-dns-off',
  severity: 'medium',
  label: 'Private DNS off',
  check({ t, names }) {
    const out: RuleFinding[] = [];
    const gatewayFor = (vpcId: string, service: string) => t.endpoints.some((g) => g.vpcId === vpcId && g.type === 'Gateway' && g.serviceShortName === service);
    for (const e of t.endpoints) {
      if (e.type !== 'Interface' || !isAwsService(e) || e.privateDnsEnabled) continue;
      // An S3 or DynamoDB interface endpoint beside a gateway endpoint is usually meant to be called by its own names.
      if (isGatewayService(e.serviceShortName) && gatewayFor(e.vpcId, e.serviceShortName)) continue;
      const service = endpointService(e, names);
      const host = `${e.serviceShortName}.${t.region}.amazonaws.com`;
      out.push({
        id: `private-dns-off:${e.id}`,
        vpcId: e.vpcId,
        resourceIds: [e.id],
        service: e.serviceShortName,
        title: `Private DNS is off on the ${service} endpoint`,
        detail: `${names.label(e.id)} does not answer for ${host}; clients that call the service by its usual name still resolve public addresses and leave through the NAT or internet gateway.`,
        why: 'SDKs and the CLI call the regional name; without private DNS the endpoint is only used by clients configured with its endpoint-specific DNS name, so it costs money and is mostly bypassed.',
        fix: { text: `Turn on private DNS for ${names.short(e.id)} (ModifyVpcEndpoint --private-dns-enabled).`, href: resourceHref(t.region, e.vpcId, e.id) },
        docUrl: DOCS.privateDns,
      });
    }
    return out;
  },
});
