import { cidrsOverlap } from '@/lib/net/ip';
import type { SecurityGroup, SecurityGroupRule, Vpc } from '@/lib/topology/types';
import { DOCS, endpointService, joinWords, resourceHref, defineRule, type RuleFinding } from './context';

function ruleCoversHttps(r: SecurityGroupRule): boolean {
  const p = r.protocol.toLowerCase();
  if (p === '-1' || p === 'all') return true;
  if (p !== 'tcp' && p !== '6') return false;
  if (r.fromPort === null || r.toPort === null) return true;
  return r.fromPort <= 443 && 443 <= r.toPort;
}

/** Whether some inbound rule of the groups lets TCP 443 in from addresses inside the VPC. */
function admitsHttpsFromVpc(groups: SecurityGroup[], vpc: Vpc): boolean {
  return groups.some((g) =>
    g.inbound.some(
      (r) =>
        ruleCoversHttps(r) &&
        (r.cidrs.some((c) => vpc.cidrBlocks.some((v) => cidrsOverlap(c, v))) ||
          // A group reference or a prefix list admits its members; they may well be in the VPC.
          r.securityGroupIds.length > 0 ||
          r.prefixListIds.length > 0 ||
          (vpc.ipv6CidrBlocks.length > 0 && r.ipv6Cidrs.length > 0)),
    ),
  );
}

/** An interface endpoint whose security groups let no HTTPS in from the VPC: its clients time out. */
export const endpointSgNoHttpsFromVpc = defineRule({
  id: 'endpoint-sg-no-https-from-vpc',
  severity: 'high',
  label: 'No HTTPS from the VPC',
  check({ t, names, vpcs, sgs }) {
    const out: RuleFinding[] = [];
    for (const e of t.endpoints) {
      if (e.type !== 'Interface') continue;
      const vpc = vpcs.get(e.vpcId);
      if (!vpc) continue;
      const groups = e.securityGroupIds.map((id) => sgs.get(id)).filter((g): g is SecurityGroup => !!g);
      // Without the groups in the data there is nothing to judge.
      if (groups.length === 0 || groups.length < e.securityGroupIds.length) continue;
      if (admitsHttpsFromVpc(groups, vpc)) continue;
      const service = endpointService(e, names);
      out.push({
        id: `endpoint-sg-no-https-from-vpc:${e.id}`,
        vpcId: e.vpcId,
        resourceIds: [e.id, ...e.securityGroupIds],
        service: e.serviceShortName,
        title: `${service} endpoint admits no HTTPS from the VPC`,
        detail: `No inbound rule of ${names.list(e.securityGroupIds)} allows TCP 443 from ${joinWords(vpc.cidrBlocks)}, so clients in the VPC cannot connect to ${names.label(e.id)}.`,
        why: 'AWS service endpoints listen on HTTPS (TCP 443); requests blocked by the endpoint’s security group time out, and SDKs retry until they give up.',
        fix: {
          text: `Add an inbound rule for TCP 443 from ${joinWords(vpc.cidrBlocks)} to ${names.short(e.securityGroupIds[0]!)}.`,
          href: resourceHref(t.region, e.vpcId, e.securityGroupIds[0]!),
        },
        docUrl: DOCS.interfaceEndpoints,
      });
    }
    return out;
  },
});
