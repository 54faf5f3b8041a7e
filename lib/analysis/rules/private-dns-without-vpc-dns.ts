import { DOCS, joinWords, plural, resourceHref, uniq, endpointService, defineRule, type RuleFinding } from './context';

/** Private DNS on for interface endpoints in a VPC whose DNS attributes keep private hosted zones from answering. */
export const privateDnsWithoutVpcDns = defineRule({
  id: 'private-dns-without-vpc-dns',
  severity: 'high',
  label: 'VPC DNS attributes',
  check({ t, names, vpcs }) {
    const out: RuleFinding[] = [];
    for (const vpc of vpcs.values()) {
      if (vpc.dnsSupport !== false && vpc.dnsHostnames !== false) continue;
      const eps = t.endpoints.filter((e) => e.vpcId === vpc.id && e.type === 'Interface' && e.privateDnsEnabled);
      if (!eps.length) continue;
      const off = [vpc.dnsSupport === false ? 'DNS resolution' : null, vpc.dnsHostnames === false ? 'DNS hostnames' : null].filter((x): x is string => !!x);
      const attrs = [vpc.dnsSupport === false ? 'enableDnsSupport' : null, vpc.dnsHostnames === false ? 'enableDnsHostnames' : null].filter((x): x is string => !!x);
      out.push({
        id: `private-dns-without-vpc-dns:${vpc.id}`,
        vpcId: vpc.id,
        resourceIds: [vpc.id, ...eps.map((e) => e.id)],
        title: `Private DNS is on for ${plural(eps.length, 'endpoint')} but ${names.short(vpc.id)} has ${joinWords(off)} off`,
        detail: `${names.list(eps.map((e) => e.id))} (${joinWords(uniq(eps.map((e) => endpointService(e, names))))}) ${eps.length === 1 ? 'has' : 'have'} private DNS on, but ${names.label(vpc.id)} has ${joinWords(attrs)} set to false, so the private names do not resolve to the endpoints.`,
        why: 'Private DNS for interface endpoints needs both VPC attributes; without them clients resolve the public addresses and the endpoints are paid for but unused.',
        fix: { text: `Set ${joinWords(attrs)} to true on ${names.short(vpc.id)} (ModifyVpcAttribute).`, href: resourceHref(t.region, vpc.id, vpc.id) },
        docUrl: DOCS.vpcDns,
      });
    }
    return out;
  },
});
