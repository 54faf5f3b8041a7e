import type { Endpoint, Topology } from '@/lib/topology/types';
import { byId, details, field, listField, setDelta } from './format';
import type { DiffContext } from './types';

/** VPC endpoints. Their network interfaces come and go with them and are marked with them. */

function endpointLabel(e: Endpoint): string {
  const service = e.serviceShortName || e.serviceName;
  return e.name && e.name !== e.id ? `${e.name} (${e.id}, ${service})` : `${service} (${e.id})`;
}

/** An endpoint's network interfaces: those it lists, and those that name it. */
function enisOf(t: Topology, e: Endpoint): string[] {
  const own = new Set(e.networkInterfaceIds);
  for (const n of t.networkInterfaces) if (n.endpointId === e.id) own.add(n.id);
  return [...own];
}

export function diffEndpoints({ before, after, push, nodes, edges, rtName, subnetName }: DiffContext): void {
  const eb = byId(before.endpoints);
  const ea = byId(after.endpoints);
  for (const [id, e] of ea) {
    const old = eb.get(id);
    if (!old) {
      const where =
        e.type === 'Gateway'
          ? `on ${e.routeTableIds.map(rtName).join(', ') || 'no route tables'}`
          : `in ${e.subnetIds.map(subnetName).join(', ') || 'no subnets'}`;
      push({ change: 'added', resource: 'endpoint', id, nodeId: id, vpcId: e.vpcId, description: `${e.type} endpoint ${endpointLabel(e)} added ${where}` });
      for (const n of enisOf(after, e)) {
        nodes.added.add(n);
        edges.added.add(`${id}->${n}`);
      }
      for (const rt of e.routeTableIds) edges.added.add(`${rt}->${id}`);
      continue;
    }
    const changed = details(
      field('name', old.name, e.name),
      field('state', old.state, e.state),
      listField('route tables', old.routeTableIds, e.routeTableIds, rtName),
      listField('subnets', old.subnetIds, e.subnetIds, subnetName),
      listField('security groups', old.securityGroupIds, e.securityGroupIds),
      field('private DNS', old.privateDnsEnabled ? 'on' : 'off', e.privateDnsEnabled ? 'on' : 'off'),
      old.policy === e.policy ? null : 'policy: changed',
    );
    if (changed.length) push({ change: 'changed', resource: 'endpoint', id, nodeId: id, vpcId: e.vpcId, description: `${e.type} endpoint ${endpointLabel(e)} changed`, details: changed });
    const eniDelta = setDelta(enisOf(before, old), enisOf(after, e));
    for (const n of eniDelta.added) {
      nodes.added.add(n);
      edges.added.add(`${id}->${n}`);
    }
    for (const n of eniDelta.removed) {
      nodes.removed.add(n);
      edges.removed.add(`${id}->${n}`);
    }
    const rtDelta = setDelta(old.routeTableIds, e.routeTableIds);
    for (const rt of rtDelta.added) edges.added.add(`${rt}->${id}`);
    for (const rt of rtDelta.removed) edges.removed.add(`${rt}->${id}`);
  }
  for (const [id, e] of eb) {
    if (ea.has(id)) continue;
    push({ change: 'removed', resource: 'endpoint', id, nodeId: id, vpcId: e.vpcId, description: `${e.type} endpoint ${endpointLabel(e)} removed` });
    for (const n of enisOf(before, e)) {
      nodes.removed.add(n);
      edges.removed.add(`${id}->${n}`);
    }
    for (const rt of e.routeTableIds) edges.removed.add(`${rt}->${id}`);
  }
}
