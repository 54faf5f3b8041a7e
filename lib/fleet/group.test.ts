import { describe, expect, it } from 'vitest';
import { groupFindings } from './group';
import type { FleetFindingItem } from './types';

function item(over: Partial<FleetFindingItem> & Pick<FleetFindingItem, 'rule' | 'accountId' | 'vpcId'>): FleetFindingItem {
  return {
    accountName: `acct-${over.accountId}`,
    region: 'us-east-1',
    vpcName: over.vpcId,
    findingId: `${over.rule}:${over.vpcId}:${over.resourceIds?.[0] ?? 'x'}`,
    title: 't',
    severity: 'medium',
    resourceIds: ['rtb-1'],
    monthlyUsd: null,
    href: '/vpcs/x',
    ...over,
  };
}

describe('groupFindings', () => {
  it('counts findings, distinct VPCs (per account and region) and accounts, and sums the money that is known', () => {
    const groups = groupFindings([
      item({ rule: 'nat-to-gateway-service', accountId: '1', vpcId: 'vpc-a', severity: 'high', resourceIds: ['rtb-1'], monthlyUsd: 4.5 }),
      item({ rule: 'nat-to-gateway-service', accountId: '1', vpcId: 'vpc-a', severity: 'high', resourceIds: ['rtb-2'], monthlyUsd: 4.5 }),
      item({ rule: 'nat-to-gateway-service', accountId: '1', vpcId: 'vpc-a', region: 'eu-west-1', severity: 'high', monthlyUsd: 4.25 }),
      item({ rule: 'nat-to-gateway-service', accountId: '2', vpcId: 'vpc-b', severity: 'high', monthlyUsd: null }),
      item({ rule: 'private-dns-off', accountId: '2', vpcId: 'vpc-b', severity: 'medium' }),
    ]);
    expect(groups.map((g) => [g.rule, g.count, g.vpcCount, g.accountCount, g.monthlyUsd])).toEqual([
      ['nat-to-gateway-service', 4, 3, 2, 13.25],
      ['private-dns-off', 1, 1, 1, null],
    ]);
    expect(groups[0]!.title).toBe('NAT instead of gateway endpoint');
  });

  it('puts the most severe group first, then the one in more VPCs, and sorts items by account name, region and VPC', () => {
    const groups = groupFindings([
      item({ rule: 'private-dns-off', accountId: '3', vpcId: 'vpc-c', severity: 'medium' }),
      item({ rule: 'implicit-main-route-table', accountId: '1', vpcId: 'vpc-a', severity: 'low' }),
      item({ rule: 'endpoint-sg-open-to-world', accountId: '2', vpcId: 'vpc-z', severity: 'medium', accountName: 'beta' }),
      item({ rule: 'endpoint-sg-open-to-world', accountId: '1', vpcId: 'vpc-y', severity: 'medium', accountName: 'alpha' }),
      // One finding of a rule more severe than its usual severity makes the group that severe.
      item({ rule: 'implicit-main-route-table', accountId: '2', vpcId: 'vpc-b', severity: 'high' }),
    ]);
    expect(groups.map((g) => [g.rule, g.severity])).toEqual([
      ['implicit-main-route-table', 'high'],
      ['endpoint-sg-open-to-world', 'medium'],
      ['private-dns-off', 'medium'],
    ]);
    expect(groups[1]!.items.map((i) => i.accountName)).toEqual(['alpha', 'beta']);
  });

  it('gives nothing for no findings', () => {
    expect(groupFindings([])).toEqual([]);
  });
});
