import type { Topology } from './types';

export interface VpcSummary {
  id: string;
  name: string;
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
  isDefault: boolean;
  subnets: number;
  azs: number;
  routeTables: number;
  gatewayEndpoints: number;
  interfaceEndpoints: number;
  otherEndpoints: number;
  natGateways: number;
  internetGateway: boolean;
}

/** Counts per VPC for the region overview, in the topology's VPC order. */
export function summarizeVpcs(t: Topology): VpcSummary[] {
  return t.vpcs.map((v) => {
    const subnets = t.subnets.filter((s) => s.vpcId === v.id);
    const endpoints = t.endpoints.filter((e) => e.vpcId === v.id);
    return {
      id: v.id,
      name: v.name,
      cidrBlocks: v.cidrBlocks,
      ipv6CidrBlocks: v.ipv6CidrBlocks,
      isDefault: v.isDefault,
      subnets: subnets.length,
      azs: new Set(subnets.map((s) => s.az)).size,
      routeTables: t.routeTables.filter((r) => r.vpcId === v.id).length,
      gatewayEndpoints: endpoints.filter((e) => e.type === 'Gateway').length,
      interfaceEndpoints: endpoints.filter((e) => e.type === 'Interface').length,
      otherEndpoints: endpoints.filter((e) => e.type !== 'Gateway' && e.type !== 'Interface').length,
      natGateways: t.natGateways.filter((g) => g.vpcId === v.id).length,
      internetGateway: t.internetGateways.some((g) => g.vpcIds.includes(v.id)),
    };
  });
}
