import type { Endpoint } from '@/lib/topology/types';
import { pushTo } from '../group';
import { DOCS, endpointService, resourceHref, defineRule, type RuleFinding } from './context';

/** Two or more interface endpoints of one VPC to the same service: each billed, only one holds private DNS. */
export const duplicateInterfaceEndpoint = defineRule({
  id: 'duplicate-interface-endpoint',
  severity: 'medium',
  label: 'Duplicate endpoint',
  check({ t, names }) {
    const groups = new Map<string, Endpoint[]>();
    // Endpoints without a service name (VPC Lattice) are not duplicates of each other.
    for (const e of t.endpoints) if (e.type === 'Interface' && e.serviceName) pushTo(groups, `${e.vpcId}|${e.serviceName}`, e);
    return [...groups.values()]
      .filter((eps) => eps.length > 1)
      .map((eps): RuleFinding => {
        const first = eps[0]!;
        const service = endpointService(first, names);
        return {
          id: `duplicate-interface-endpoint:${first.vpcId}:${first.serviceShortName}`,
          vpcId: first.vpcId,
          resourceIds: eps.map((e) => e.id),
          service: first.serviceShortName,
          title: `${eps.length} interface endpoints for ${service} in ${names.short(first.vpcId)}`,
          detail: `${names.list(eps.map((e) => e.id))} all connect ${names.short(first.vpcId)} to ${first.serviceName}.`,
          why: 'Each one is billed per AZ-hour, and only one of them can hold the private DNS name, so the others are used only by clients that name them.',
          fix: { text: 'Keep one endpoint (with private DNS and a subnet in each AZ) and delete the others.', href: resourceHref(t.region, first.vpcId, eps[1]!.id) },
          docUrl: DOCS.interfaceEndpoints,
        };
      });
  },
});
