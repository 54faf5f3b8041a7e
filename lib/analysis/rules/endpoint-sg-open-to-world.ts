import type { Endpoint } from '@/lib/topology/types';
import { pushTo } from '../group';
import { DOCS, endpointService, joinWords, resourceHref, uniq, WORLD_V4, WORLD_V6, defineRule, type RuleFinding } from './context';

/** An interface endpoint's security group that admits 0.0.0.0/0 or ::/0. */
export const endpointSgOpenToWorld = defineRule({
  id: 'endpoint-sg-open-to-world',
  severity: 'high',
  label: 'Open security group',
  check({ t, names, sgs }) {
    const out: RuleFinding[] = [];
    const openBy = new Map<string, Endpoint[]>();
    for (const e of t.endpoints) {
      if (e.type !== 'Interface') continue;
      for (const id of e.securityGroupIds) {
        const g = sgs.get(id);
        if (g?.inbound.some((r) => r.cidrs.includes(WORLD_V4) || r.ipv6Cidrs.includes(WORLD_V6))) pushTo(openBy, id, e);
      }
    }
    for (const [sgId, eps] of openBy) {
      const g = sgs.get(sgId)!;
      const open = g.inbound.filter((r) => r.cidrs.includes(WORLD_V4) || r.ipv6Cidrs.includes(WORLD_V6));
      const sources = uniq(open.flatMap((r) => [...r.cidrs, ...r.ipv6Cidrs].filter((c) => c === WORLD_V4 || c === WORLD_V6)));
      const ports = uniq(open.map((r) => (r.protocol === '-1' ? 'all traffic' : r.fromPort === r.toPort ? `${r.protocol.toUpperCase()} ${r.fromPort ?? 'all'}` : `${r.protocol.toUpperCase()} ${r.fromPort}-${r.toPort}`)));
      const services = uniq(eps.map((e) => endpointService(e, names)));
      out.push({
        id: `endpoint-sg-open-to-world:${sgId}`,
        vpcId: g.vpcId || eps[0]!.vpcId,
        resourceIds: [sgId, ...eps.map((e) => e.id)],
        title: `Security group ${names.short(sgId)} admits ${joinWords(sources)} to the ${joinWords(services)} ${eps.length === 1 ? 'endpoint' : 'endpoints'}`,
        detail: `${names.label(sgId)} allows ${joinWords(ports)} from ${joinWords(sources)} on ${names.list(eps.map((e) => e.id))}.`,
        why: 'An endpoint’s security group decides who may use it; 0.0.0.0/0 admits every network that can route to it (peered VPCs, transit gateways, VPNs), not just this VPC.',
        fix: {
          text: `Replace ${joinWords(sources)} in ${names.short(sgId)} with the VPC’s CIDR blocks (TCP 443), or with the security groups of the clients.`,
          href: resourceHref(t.region, g.vpcId || eps[0]!.vpcId, sgId),
        },
        docUrl: DOCS.interfaceEndpoints,
      });
    }
    return out;
  },
});
