import type { Subnet } from '@/lib/topology/types';
import { pushTo } from '../group';
import { pathEndpointId, zoneCanHoldEndpoint } from '../paths';
import { DOCS, endpointService, isAwsService, joinWords, plural, resourceHref, uniq, defineRule, type RuleFinding } from './context';

/**
 * Subnets use an endpoint with private DNS from a zone where it has no network interface. Counted only
 * where the endpoint could have one: zones that hold interface endpoints, and (when the service's
 * zones are known from DescribeVpcEndpointServices) zones where the service is offered. An endpoint
 * with private DNS held back by the VPC's DNS attributes counts too (that is its own finding, and
 * fixing it exposes this one).
 */
export const interfaceEndpointAzCoverage = defineRule({
  id: 'interface-endpoint-az-coverage',
  severity: 'medium',
  label: 'Endpoint AZ coverage',
  check({ t, paths, names, vpcs, serviceZones }) {
    const out: RuleFinding[] = [];
    const subnetById = new Map(t.subnets.map((s) => [s.id, s]));
    // One pass over the ENIs and the paths, not one per endpoint: an XL account has 750 endpoint ENIs
    // and 52,000 paths for its 250 interface endpoints.
    const eniAzs = new Map<string, string[]>();
    const listedEnis = new Map<string, string[]>();
    for (const e of t.endpoints) for (const n of e.networkInterfaceIds) pushTo(listedEnis, n, e.id);
    for (const n of t.networkInterfaces) {
      for (const endpointId of new Set([...(n.endpointId ? [n.endpointId] : []), ...(listedEnis.get(n.id) ?? [])])) pushTo(eniAzs, endpointId, n.az);
    }
    const crossingByEndpoint = new Map<string, string[]>();
    for (const p of paths) {
      if (p.via !== 'interface-endpoint-cross-az') continue;
      const endpointId = pathEndpointId(p);
      if (endpointId) pushTo(crossingByEndpoint, endpointId, p.subnetId);
    }
    const subnetsByVpc = new Map<string, Subnet[]>();
    for (const s of t.subnets) pushTo(subnetsByVpc, s.vpcId, s);
    for (const e of t.endpoints) {
      if (e.type !== 'Interface' || e.state !== 'available') continue;
      const offered = serviceZones?.byService.get(e.serviceName);
      const couldHave = (subnetId: string) => {
        const s = subnetById.get(subnetId);
        return !!s && zoneCanHoldEndpoint(s) && (!offered || offered.includes(s.az));
      };
      const have = uniq((eniAzs.get(e.id) ?? []).concat(e.subnetIds.map((s) => subnetById.get(s)?.az ?? '')))
        .filter(Boolean)
        .sort();
      const crossing = (crossingByEndpoint.get(e.id) ?? []).filter(couldHave);
      const vpc = vpcs.get(e.vpcId);
      const dnsBlocked = e.privateDnsEnabled && isAwsService(e) && (vpc?.dnsSupport === false || vpc?.dnsHostnames === false);
      const waiting = dnsBlocked ? (subnetsByVpc.get(e.vpcId) ?? []).filter((s) => !have.includes(s.az) && couldHave(s.id)).map((s) => s.id) : [];
      const subnetIds = uniq([...crossing, ...waiting]);
      if (!subnetIds.length) continue;
      const missing = uniq(subnetIds.map((s) => subnetById.get(s)?.az ?? '').filter(Boolean)).sort();
      const n = subnetIds.length;
      const service = endpointService(e, names);
      const use = crossing.length
        ? `${n === 1 ? 'reaches' : 'reach'} it across Availability Zones`
        : 'will cross Availability Zones to reach it once the VPC’s DNS attributes let private DNS answer';
      out.push({
        id: `interface-endpoint-az-coverage:${e.id}`,
        vpcId: e.vpcId,
        resourceIds: [e.id, ...subnetIds],
        service: e.serviceShortName,
        title: `${service} endpoint has no network interface in ${joinWords(missing)}`,
        detail: `${names.label(e.id)} is in ${have.length ? joinWords(have) : 'no Availability Zone'}; ${plural(n, 'subnet')} in ${joinWords(missing)} (${names.list(subnetIds)}) ${use}.`,
        why: 'Cross-AZ traffic is billed per GB in each direction, and if the endpoint’s zones fail, the subnets in other zones lose the service too.',
        fix: {
          text: `Add a subnet in ${joinWords(missing)} to ${names.short(e.id)} (one subnet per Availability Zone).`,
          href: resourceHref(t.region, e.vpcId, e.id),
        },
        docUrl: DOCS.interfaceEndpoints,
      });
    }
    return out;
  },
});
