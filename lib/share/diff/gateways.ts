import { byId, details, field, label, listField } from './format';
import type { DiffContext } from './types';

/** Internet and NAT gateways. */

export function diffInternetGateways({ before, after, push }: DiffContext): void {
  const ib = byId(before.internetGateways);
  const ia = byId(after.internetGateways);
  for (const [id, g] of ia) {
    const old = ib.get(id);
    const vpcId = g.vpcIds[0] ?? old?.vpcIds[0] ?? '';
    if (!old) push({ change: 'added', resource: 'internetGateway', id, nodeId: id, vpcId, description: `Internet gateway ${label(g)} added` });
    else {
      const changed = details(field('name', old.name, g.name), listField('attached to', old.vpcIds, g.vpcIds));
      if (changed.length) push({ change: 'changed', resource: 'internetGateway', id, nodeId: id, vpcId, description: `Internet gateway ${label(g)} changed`, details: changed });
    }
  }
  for (const [id, g] of ib) {
    if (!ia.has(id)) push({ change: 'removed', resource: 'internetGateway', id, nodeId: id, vpcId: g.vpcIds[0] ?? '', description: `Internet gateway ${label(g)} removed` });
  }
}

export function diffNatGateways({ before, after, push, subnetName }: DiffContext): void {
  const nb = byId(before.natGateways);
  const na = byId(after.natGateways);
  for (const [id, g] of na) {
    const old = nb.get(id);
    if (!old) {
      push({ change: 'added', resource: 'natGateway', id, nodeId: id, vpcId: g.vpcId, description: `NAT gateway ${label(g)} added in ${subnetName(g.subnetId)}` });
      continue;
    }
    const changed = details(field('name', old.name, g.name), field('state', old.state, g.state), listField('public IPs', old.publicIps, g.publicIps));
    if (changed.length) push({ change: 'changed', resource: 'natGateway', id, nodeId: id, vpcId: g.vpcId, description: `NAT gateway ${label(g)} changed`, details: changed });
  }
  for (const [id, g] of nb) {
    if (!na.has(id)) push({ change: 'removed', resource: 'natGateway', id, nodeId: id, vpcId: g.vpcId, description: `NAT gateway ${label(g)} removed` });
  }
}
