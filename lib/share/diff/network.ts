import type { Subnet } from '@/lib/topology/types';
import { byId, details, field, label, listField } from './format';
import type { DiffContext } from './types';

/** VPCs, and subnets with their route table associations. */

export function diffVpcs({ before, after, push }: DiffContext): void {
  const vb = byId(before.vpcs);
  const va = byId(after.vpcs);
  for (const [id, v] of va) {
    const old = vb.get(id);
    if (!old) {
      push({ change: 'added', resource: 'vpc', id, nodeId: id, vpcId: id, description: `VPC ${label(v)} added (${v.cidrBlocks.join(', ')})` });
      continue;
    }
    const changed = details(field('name', old.name, v.name), listField('CIDR blocks', [...old.cidrBlocks, ...old.ipv6CidrBlocks], [...v.cidrBlocks, ...v.ipv6CidrBlocks]));
    if (changed.length) push({ change: 'changed', resource: 'vpc', id, nodeId: id, vpcId: id, description: `VPC ${label(v)} changed`, details: changed });
  }
  for (const [id, v] of vb) {
    if (!va.has(id)) push({ change: 'removed', resource: 'vpc', id, nodeId: id, vpcId: id, description: `VPC ${label(v)} removed` });
  }
}

export function diffSubnets({ before, after, push, edges, rtName }: DiffContext): void {
  const sb = byId(before.subnets);
  const sa = byId(after.subnets);
  for (const [id, s] of sa) {
    const old = sb.get(id);
    if (!old) {
      push({ change: 'added', resource: 'subnet', id, nodeId: id, vpcId: s.vpcId, description: `Subnet ${label(s)} added in ${s.az} (${s.cidr})` });
      if (s.routeTableId) edges.added.add(`${id}->${s.routeTableId}`);
      continue;
    }
    const changed = details(
      field('name', old.name, s.name),
      listField('IPv6 CIDRs', old.ipv6Cidrs, s.ipv6Cidrs),
      field('reach', old.public ? 'public' : 'private', s.public ? 'public' : 'private'),
      field('auto-assign public IP', old.mapPublicIpOnLaunch ? 'on' : 'off', s.mapPublicIpOnLaunch ? 'on' : 'off'),
    );
    if (changed.length) push({ change: 'changed', resource: 'subnet', id, nodeId: id, vpcId: s.vpcId, description: `Subnet ${label(s)} changed`, details: changed });
    if (old.routeTableId !== s.routeTableId || old.explicitRouteTable !== s.explicitRouteTable) {
      push({
        change: 'changed',
        resource: 'association',
        id,
        nodeId: id,
        vpcId: s.vpcId,
        description: describeAssociation(old, s, rtName),
        details: details(field('route table', describeTable(old, rtName), describeTable(s, rtName))),
      });
      if (old.routeTableId !== s.routeTableId) {
        if (old.routeTableId) edges.removed.add(`${id}->${old.routeTableId}`);
        if (s.routeTableId) edges.added.add(`${id}->${s.routeTableId}`);
      } else if (s.routeTableId) edges.changed.add(`${id}->${s.routeTableId}`);
    }
  }
  for (const [id, s] of sb) {
    if (sa.has(id)) continue;
    push({ change: 'removed', resource: 'subnet', id, nodeId: id, vpcId: s.vpcId, description: `Subnet ${label(s)} removed from ${s.az} (${s.cidr})` });
    if (s.routeTableId) edges.removed.add(`${id}->${s.routeTableId}`);
  }
}

function describeTable(s: Subnet, rtName: (id: string | null) => string): string {
  return s.routeTableId === null ? 'none' : `${rtName(s.routeTableId)}${s.explicitRouteTable ? '' : ' (main, implicit)'}`;
}

function describeAssociation(old: Subnet, s: Subnet, rtName: (id: string | null) => string): string {
  if (old.routeTableId === s.routeTableId) {
    return s.explicitRouteTable
      ? `Subnet ${label(s)} is now explicitly associated with ${rtName(s.routeTableId)}`
      : `Subnet ${label(s)} now uses ${rtName(s.routeTableId)} only as the main table (implicit)`;
  }
  return `Subnet ${label(s)} now routes through ${describeTable(s, rtName)} instead of ${describeTable(old, rtName)}`;
}
