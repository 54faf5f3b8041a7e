import type { Topology, UnreadList } from './types';

export interface VpcSummary {
  id: string;
  name: string;
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
  isDefault: boolean;
  /** Each count is null when its list could not be read (a denied Describe call): unknown, not zero. */
  subnets: number | null;
  azs: number | null;
  routeTables: number | null;
  gatewayEndpoints: number | null;
  interfaceEndpoints: number | null;
  otherEndpoints: number | null;
  natGateways: number | null;
  internetGateway: boolean | null;
}

/** Counts per VPC for the region overview, in the topology's VPC order. */
export function summarizeVpcs(t: Topology): VpcSummary[] {
  const unread = new Set(t.unread ?? []);
  const known = <T>(list: UnreadList, value: T): T | null => (unread.has(list) ? null : value);
  return t.vpcs.map((v) => {
    const subnets = t.subnets.filter((s) => s.vpcId === v.id);
    const endpoints = t.endpoints.filter((e) => e.vpcId === v.id);
    return {
      id: v.id,
      name: v.name,
      cidrBlocks: v.cidrBlocks,
      ipv6CidrBlocks: v.ipv6CidrBlocks,
      isDefault: v.isDefault,
      subnets: known('subnets', subnets.length),
      azs: known('subnets', new Set(subnets.map((s) => s.az)).size),
      routeTables: known('routeTables', t.routeTables.filter((r) => r.vpcId === v.id).length),
      gatewayEndpoints: known('endpoints', endpoints.filter((e) => e.type === 'Gateway').length),
      interfaceEndpoints: known('endpoints', endpoints.filter((e) => e.type === 'Interface').length),
      otherEndpoints: known('endpoints', endpoints.filter((e) => e.type !== 'Gateway' && e.type !== 'Interface').length),
      natGateways: known('natGateways', t.natGateways.filter((g) => g.vpcId === v.id).length),
      internetGateway: known('internetGateways', t.internetGateways.some((g) => g.vpcIds.includes(v.id))),
    };
  });
}
