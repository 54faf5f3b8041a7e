import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '@/lib/topology/types';
import { findIssues, type Finding } from '../findings';
import { resolvePaths } from '../paths';
import { interfaceEndpoint, type Parts, rule, sg, subnet, topology, vpc } from '../test-topology';

/** The two rules that read an interface endpoint's security groups: who may reach it, and whether the VPC can. */

const appA = subnet('subnet-app-a', 'us-east-1a', '10.0.16.0/20');

function found(ruleId: Finding['rule'], parts: Parts): Finding[] {
  const t = topology({ subnets: [appA], ...parts });
  return findIssues(t, resolvePaths(t)).filter((f) => f.rule === ruleId);
}

/** One endpoint (logs) whose only group has these inbound rules. */
const withRules = (inbound: SecurityGroupRule[], over: Parts = {}): Parts => ({
  securityGroups: [sg('sg-1', inbound)],
  endpoints: [interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a'], { securityGroupIds: ['sg-1'] })],
  ...over,
});

describe('endpoint security group admits no HTTPS from the VPC', () => {
  it.each<[string, SecurityGroupRule, boolean]>([
    ['TCP 443 from the VPC', rule({ cidrs: ['10.0.0.0/16'] }), false],
    ['TCP 443 from a subnet of the VPC', rule({ cidrs: ['10.0.16.0/24'] }), false],
    ['TCP 443 from a block holding the VPC', rule({ cidrs: ['10.0.0.0/8'] }), false],
    ['TCP 443 from another network only', rule({ cidrs: ['192.168.0.0/16'] }), true],
    ['all traffic (-1) from the VPC', rule({ protocol: '-1', fromPort: null, toPort: null, cidrs: ['10.0.0.0/16'] }), false],
    ['all traffic ("all") from the VPC', rule({ protocol: 'ALL', fromPort: null, toPort: null, cidrs: ['10.0.0.0/16'] }), false],
    ['protocol number 6 (TCP), 443', rule({ protocol: '6', cidrs: ['10.0.0.0/16'] }), false],
    ['TCP without ports (every port)', rule({ fromPort: null, toPort: null, cidrs: ['10.0.0.0/16'] }), false],
    ['TCP 400-500, which holds 443', rule({ fromPort: 400, toPort: 500, cidrs: ['10.0.0.0/16'] }), false],
    ['TCP 443 as the range 443-1024', rule({ fromPort: 443, toPort: 1024, cidrs: ['10.0.0.0/16'] }), false],
    ['TCP 1-443', rule({ fromPort: 1, toPort: 443, cidrs: ['10.0.0.0/16'] }), false],
    ['TCP 444-1024: just above', rule({ fromPort: 444, toPort: 1024, cidrs: ['10.0.0.0/16'] }), true],
    ['TCP 80-442: just below', rule({ fromPort: 80, toPort: 442, cidrs: ['10.0.0.0/16'] }), true],
    ['UDP 443 from the VPC', rule({ protocol: 'udp', cidrs: ['10.0.0.0/16'] }), true],
    ['protocol 17 (UDP) 443', rule({ protocol: '17', cidrs: ['10.0.0.0/16'] }), true],
    ['a security group reference', rule({ securityGroupIds: ['sg-clients'] }), false],
    ['a prefix list', rule({ prefixListIds: ['pl-corp'] }), false],
    ['an IPv6 block in a VPC without IPv6', rule({ ipv6Cidrs: ['2600:1f18::/56'] }), true],
    ['UDP from a group reference', rule({ protocol: 'udp', securityGroupIds: ['sg-clients'] }), true],
  ])('%s: finding %s', (_, r, expected) => {
    expect(found('endpoint-sg-no-https-from-vpc', withRules([r])).map((f) => f.id)).toEqual(expected ? ['endpoint-sg-no-https-from-vpc:vpce-logs'] : []);
  });

  it('counts an IPv6 source in a dual-stack VPC, and only an IPv6 one', () => {
    const dual = { vpcs: [vpc({ ipv6CidrBlocks: ['2600:1f18:1:100::/56'] })] };
    expect(found('endpoint-sg-no-https-from-vpc', withRules([rule({ ipv6Cidrs: ['2600:1f18:1:100::/56'] })], dual))).toEqual([]);
    expect(found('endpoint-sg-no-https-from-vpc', withRules([rule({ cidrs: ['192.168.0.0/16'] })], dual)).map((f) => f.id)).toEqual(['endpoint-sg-no-https-from-vpc:vpce-logs']);
  });

  it('one admitting rule among others is enough; a source in any of the VPC’s blocks counts', () => {
    expect(found('endpoint-sg-no-https-from-vpc', withRules([rule({ cidrs: ['192.168.0.0/16'] }), rule({ cidrs: ['10.0.0.0/16'] })]))).toEqual([]);
    const twoBlocks = { vpcs: [vpc({ cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'] })] };
    expect(found('endpoint-sg-no-https-from-vpc', withRules([rule({ cidrs: ['10.1.0.0/24'] })], twoBlocks))).toEqual([]);
  });

  it('judges only what it can see: a group missing from the data, or an endpoint without groups, is not flagged', () => {
    const missing = withRules([rule({ cidrs: ['192.168.0.0/16'] })], {
      endpoints: [interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a'], { securityGroupIds: ['sg-1', 'sg-gone'] })],
    });
    expect(found('endpoint-sg-no-https-from-vpc', missing)).toEqual([]);
    expect(found('endpoint-sg-no-https-from-vpc', withRules([], { endpoints: [interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a'], { securityGroupIds: [] })] }))).toEqual([]);
  });

  it('another group of the same endpoint may admit HTTPS', () => {
    const two = withRules([rule({ cidrs: ['192.168.0.0/16'] })], {
      securityGroups: [sg('sg-1', [rule({ cidrs: ['192.168.0.0/16'] })]), sg('sg-2', [rule({ cidrs: ['10.0.0.0/16'] })])],
      endpoints: [interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a'], { securityGroupIds: ['sg-1', 'sg-2'] })],
    });
    expect(found('endpoint-sg-no-https-from-vpc', two)).toEqual([]);
  });

  it('names every group and every VPC block, and links to the first group', () => {
    const parts = withRules([rule({ cidrs: ['192.168.0.0/16'] })], {
      vpcs: [vpc({ cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'] })],
      securityGroups: [sg('sg-1', [rule({ cidrs: ['192.168.0.0/16'] })]), sg('sg-2', [rule({ fromPort: 22, toPort: 22, cidrs: ['10.0.0.0/16'] })])],
      endpoints: [interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a'], { securityGroupIds: ['sg-1', 'sg-2'] })],
    });
    const [f] = found('endpoint-sg-no-https-from-vpc', parts);
    expect(f).toMatchObject({
      resourceIds: ['vpce-logs', 'sg-1', 'sg-2'],
      service: 'logs',
      detail: 'No inbound rule of sg-1 and sg-2 allows TCP 443 from 10.0.0.0/16 and 10.1.0.0/16, so clients in the VPC cannot connect to vpce-logs.',
      fix: { text: 'Add an inbound rule for TCP 443 from 10.0.0.0/16 and 10.1.0.0/16 to sg-1.', href: '/vpcs/vpc-0a?region=us-east-1&selected=sg-1' },
    });
  });

  it('does not look at gateway endpoints', () => {
    const t = withRules([rule({ cidrs: ['192.168.0.0/16'] })]);
    expect(found('endpoint-sg-no-https-from-vpc', { ...t, endpoints: [{ ...t.endpoints![0]!, type: 'Gateway' }] })).toEqual([]);
  });
});

describe('endpoint security group open to the world', () => {
  it.each<[string, SecurityGroupRule[], string | null]>([
    ['TCP 443 from 0.0.0.0/0', [rule({ cidrs: ['0.0.0.0/0'] })], 'sg-1 allows TCP 443 from 0.0.0.0/0 on vpce-logs.'],
    ['all traffic from ::/0', [rule({ protocol: '-1', fromPort: null, toPort: null, ipv6Cidrs: ['::/0'] })], 'sg-1 allows all traffic from ::/0 on vpce-logs.'],
    ['a port range from both', [rule({ fromPort: 443, toPort: 8443, cidrs: ['0.0.0.0/0'], ipv6Cidrs: ['::/0'] })], 'sg-1 allows TCP 443-8443 from 0.0.0.0/0 and ::/0 on vpce-logs.'],
    ['TCP without ports', [rule({ fromPort: null, toPort: null, cidrs: ['0.0.0.0/0'] }), rule({ cidrs: ['10.0.0.0/16'] })], 'sg-1 allows TCP all from 0.0.0.0/0 on vpce-logs.'],
    [
      'two open rules, the same sources once',
      [rule({ cidrs: ['0.0.0.0/0', '10.0.0.0/16'] }), rule({ protocol: 'udp', fromPort: 53, toPort: 53, cidrs: ['0.0.0.0/0'] })],
      'sg-1 allows TCP 443 and UDP 53 from 0.0.0.0/0 on vpce-logs.',
    ],
    ['a wide but not open block', [rule({ cidrs: ['0.0.0.0/1', '128.0.0.0/1'] })], null],
    ['an open rule on no endpoint group', [], null],
  ])('%s', (_, inbound, detail) => {
    const fs = found('endpoint-sg-open-to-world', { ...withRules(inbound), securityGroups: [sg('sg-1', inbound), sg('sg-other', [rule({ cidrs: ['0.0.0.0/0'] })])] });
    expect(fs.map((f) => f.detail)).toEqual(detail ? [detail] : []);
  });

  it('one finding per group, naming each endpoint and service behind it', () => {
    const parts: Parts = {
      securityGroups: [sg('sg-1', [rule({ cidrs: ['0.0.0.0/0'] })], { vpcId: '' })],
      endpoints: [
        interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a'], { securityGroupIds: ['sg-1'] }),
        interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { securityGroupIds: ['sg-1'] }),
        interfaceEndpoint('vpce-kms-2', 'kms', ['subnet-app-a'], { securityGroupIds: ['sg-1'] }),
        { ...interfaceEndpoint('vpce-gw', 's3', []), type: 'Gateway', securityGroupIds: ['sg-1'] },
      ],
    };
    const fs = found('endpoint-sg-open-to-world', parts);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      id: 'endpoint-sg-open-to-world:sg-1',
      // The group's VPC was not recorded: the endpoints' VPC stands in.
      vpcId: 'vpc-0a',
      resourceIds: ['sg-1', 'vpce-logs', 'vpce-kms', 'vpce-kms-2'],
      title: 'Security group sg-1 admits 0.0.0.0/0 to the logs and kms endpoints',
      fix: { href: '/vpcs/vpc-0a?region=us-east-1&selected=sg-1' },
    });
  });
});
