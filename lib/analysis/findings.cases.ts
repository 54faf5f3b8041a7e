import { expect } from 'vitest';
import type { Finding, FindingRule } from './findings';
import {
  blackhole,
  DDB_PL,
  gatewayEndpoint,
  httpsFromVpc,
  igw,
  interfaceEndpoint,
  nat,
  type Parts,
  route,
  rule,
  S3_PL,
  sg,
  subnet,
  table,
  vpc,
  VPC,
} from './test-topology';

/**
 * One case per finding a rule raises, each a single change to a VPC with nothing to find; shared by findings.test.ts
 * (the finding's rule, severity, resources) and rules/finding-text.test.ts (every word the findings page shows).
 */

export const pub = subnet('subnet-pub', 'us-east-1a', '10.0.0.0/24');
export const appA = subnet('subnet-app-a', 'us-east-1a', '10.0.16.0/20');
export const appB = subnet('subnet-app-b', 'us-east-1b', '10.0.32.0/20');
export const rtbPub = table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')]);
export const rtbA = table('rtb-a', ['subnet-app-a'], [route('0.0.0.0/0', 'nat-a'), route(S3_PL, 'vpce-s3'), route(DDB_PL, 'vpce-ddb')]);
export const rtbB = table('rtb-b', ['subnet-app-b'], [route('0.0.0.0/0', 'nat-a'), route(S3_PL, 'vpce-s3'), route(DDB_PL, 'vpce-ddb')]);
export const mainTable = table('rtb-main', [], [], { main: true });
export const restricted = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::mine/*' }] });
export const allowAll = JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] });

/** A VPC with nothing to find: gateway endpoints on every private table, kms in both AZs, tight policies. */
export const clean = (over: Parts = {}): Parts => ({
  subnets: [pub, appA, appB],
  routeTables: [mainTable, rtbPub, rtbA, rtbB],
  internetGateways: [igw('igw-1')],
  natGateways: [nat('nat-a', 'subnet-pub')],
  endpoints: [
    gatewayEndpoint('vpce-s3', 's3', ['rtb-a', 'rtb-b'], { policy: restricted }),
    gatewayEndpoint('vpce-ddb', 'dynamodb', ['rtb-a', 'rtb-b'], { policy: restricted }),
    interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a', 'subnet-app-b'], { policy: restricted }),
  ],
  ...over,
});

export const cleanEndpoints = clean().endpoints!;
export const withEndpoint = (...extra: Parts['endpoints'] & object) => clean({ endpoints: [...cleanEndpoints, ...extra] });


export interface FindingCase {
  name: string;
  parts: Parts;
  rule: FindingRule;
  expected: Partial<Finding> & { resourceIds?: string[] };
  /** Text the finding's detail must contain. */
  detail?: RegExp;
}

export const FINDING_CASES: FindingCase[] = [
  {
    name: 'S3 through a NAT where the gateway endpoint exists but is not on the table',
    parts: clean({
      routeTables: [mainTable, rtbPub, rtbA, table('rtb-b', ['subnet-app-b'], [route('0.0.0.0/0', 'nat-a'), route(DDB_PL, 'vpce-ddb')])],
      endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-a'], { policy: restricted }), ...cleanEndpoints.slice(1)],
    }),
    rule: 'nat-to-gateway-service',
    expected: {
      id: `nat-to-gateway-service:${VPC}:s3`,
      severity: 'medium',
      service: 's3',
      resourceIds: ['rtb-b', 'subnet-app-b', 'nat-a', 'vpce-s3'],
      fix: expect.objectContaining({ href: `/endpoints/new?region=us-east-1&vpc=${VPC}&type=gateway&service=com.amazonaws.us-east-1.s3&routeTables=rtb-b` }),
    },
    detail: /not on gateway endpoint vpce-s3/,
  },
  {
    name: 'DynamoDB through a NAT where the VPC has no gateway endpoint: the fix lists every such table',
    parts: clean({
      routeTables: [mainTable, rtbPub, table('rtb-a', ['subnet-app-a'], [route('0.0.0.0/0', 'nat-a'), route(S3_PL, 'vpce-s3')]), table('rtb-b', ['subnet-app-b'], [route('0.0.0.0/0', 'nat-a'), route(S3_PL, 'vpce-s3')])],
      endpoints: [cleanEndpoints[0]!, cleanEndpoints[2]!],
    }),
    rule: 'nat-to-gateway-service',
    expected: {
      service: 'dynamodb',
      fix: expect.objectContaining({ href: `/endpoints/new?region=us-east-1&vpc=${VPC}&type=gateway&service=com.amazonaws.us-east-1.dynamodb&routeTables=rtb-a,rtb-b` }),
    },
    detail: /no DynamoDB gateway endpoint/,
  },
  {
    name: 'an interface endpoint in fewer AZs than the subnets that use it',
    parts: clean({ endpoints: [...cleanEndpoints.slice(0, 2), interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { policy: restricted })] }),
    rule: 'interface-endpoint-az-coverage',
    expected: { severity: 'medium', resourceIds: ['vpce-kms', 'subnet-app-b'], service: 'kms', title: 'kms endpoint has no network interface in us-east-1b' },
  },
  {
    name: 'an endpoint whose private DNS the VPC holds back still counts the subnets it will serve',
    parts: clean({ vpcs: [vpc({ dnsHostnames: false })], endpoints: [...cleanEndpoints.slice(0, 2), interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-b'], { policy: restricted })] }),
    rule: 'interface-endpoint-az-coverage',
    expected: { resourceIds: ['vpce-kms', 'subnet-pub', 'subnet-app-a'] },
    detail: /once the VPC’s DNS attributes/,
  },
  {
    name: 'an endpoint security group that admits 0.0.0.0/0',
    parts: clean({
      securityGroups: [httpsFromVpc, sg('sg-open', [rule({ cidrs: ['0.0.0.0/0'] })])],
      endpoints: [...cleanEndpoints, interfaceEndpoint('vpce-ecr', 'ecr.dkr', ['subnet-app-a', 'subnet-app-b'], { securityGroupIds: ['sg-open'], policy: restricted })],
    }),
    rule: 'endpoint-sg-open-to-world',
    expected: { severity: 'high', resourceIds: ['sg-open', 'vpce-ecr'] },
    detail: /TCP 443 from 0\.0\.0\.0\/0/,
  },
  {
    name: 'an endpoint security group that admits ::/0',
    parts: clean({
      securityGroups: [httpsFromVpc, sg('sg-v6', [rule({ protocol: '-1', fromPort: null, toPort: null, ipv6Cidrs: ['::/0'] })])],
      endpoints: [...cleanEndpoints, interfaceEndpoint('vpce-ecr', 'ecr.dkr', ['subnet-app-a', 'subnet-app-b'], { securityGroupIds: ['sg-https', 'sg-v6'], policy: restricted })],
    }),
    rule: 'endpoint-sg-open-to-world',
    expected: { resourceIds: ['sg-v6', 'vpce-ecr'] },
    detail: /all traffic from ::\/0/,
  },
  {
    name: 'endpoint security groups that admit no TCP 443 from the VPC',
    parts: clean({
      securityGroups: [httpsFromVpc, sg('sg-ssh', [rule({ fromPort: 22, toPort: 22, cidrs: ['10.0.0.0/16'] }), rule({ cidrs: ['192.168.0.0/16'] })])],
      endpoints: [...cleanEndpoints, interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a', 'subnet-app-b'], { securityGroupIds: ['sg-ssh'], policy: restricted })],
    }),
    rule: 'endpoint-sg-no-https-from-vpc',
    expected: { severity: 'high', resourceIds: ['vpce-logs', 'sg-ssh'] },
  },
  {
    name: 'private DNS off on an AWS service endpoint',
    parts: withEndpoint(interfaceEndpoint('vpce-sts', 'sts', ['subnet-app-a', 'subnet-app-b'], { privateDnsEnabled: false, policy: restricted })),
    rule: 'private-dns-off',
    expected: { severity: 'medium', resourceIds: ['vpce-sts'], service: 'sts' },
    detail: /sts\.us-east-1\.amazonaws\.com/,
  },
  {
    name: 'private DNS on while the VPC has DNS hostnames off',
    parts: clean({ vpcs: [vpc({ dnsHostnames: false })] }),
    rule: 'private-dns-without-vpc-dns',
    expected: { severity: 'high', resourceIds: [VPC, 'vpce-kms'] },
    detail: /enableDnsHostnames/,
  },
  {
    name: 'private DNS on while the VPC has DNS support off',
    parts: clean({ vpcs: [vpc({ dnsSupport: false })] }),
    rule: 'private-dns-without-vpc-dns',
    expected: { resourceIds: [VPC, 'vpce-kms'] },
    detail: /enableDnsSupport/,
  },
  {
    name: 'a gateway endpoint policy that allows everything',
    parts: clean({ endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-a', 'rtb-b'], { policy: allowAll }), ...cleanEndpoints.slice(1)] }),
    rule: 'endpoint-policy-allows-all',
    expected: { id: 'endpoint-policy-allows-all:vpce-s3', severity: 'low', resourceIds: ['vpce-s3'] },
  },
  {
    name: 'interface endpoints with the default full-access policy, one finding per VPC',
    parts: clean({
      endpoints: [
        ...cleanEndpoints.slice(0, 2),
        interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a', 'subnet-app-b'], { policy: allowAll }),
        interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a', 'subnet-app-b'], { policy: JSON.stringify({ Statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: ['*'], Resource: ['*'] } }) }),
      ],
    }),
    rule: 'endpoint-policy-allows-all',
    expected: { severity: 'info', resourceIds: ['vpce-kms', 'vpce-logs'] },
  },
  {
    name: 'a failed endpoint, with its last error',
    parts: withEndpoint(
      interfaceEndpoint('vpce-ssm', 'ssm', ['subnet-app-a', 'subnet-app-b'], { state: 'failed', policy: restricted, lastError: { code: 'InsufficientCapacity', message: 'try again later' } }),
    ),
    rule: 'endpoint-not-available',
    expected: { severity: 'high', resourceIds: ['vpce-ssm'] },
    detail: /InsufficientCapacity — try again later/,
  },
  {
    name: 'an endpoint pending acceptance',
    parts: withEndpoint(interfaceEndpoint('vpce-svc', 'vpce-svc-0abc', ['subnet-app-a'], { state: 'pendingAcceptance', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc', policy: restricted })),
    rule: 'endpoint-not-available',
    expected: { severity: 'medium', fix: expect.objectContaining({ text: expect.stringMatching(/accept/) }) },
  },
  {
    name: 'a gateway endpoint on no route table',
    parts: withEndpoint(gatewayEndpoint('vpce-s3-2', 's3', [], { policy: restricted })),
    rule: 'gateway-endpoint-no-route-tables',
    expected: { severity: 'medium', resourceIds: ['vpce-s3-2'] },
  },
  {
    name: 'two interface endpoints for the same service in one VPC',
    parts: withEndpoint(interfaceEndpoint('vpce-kms-2', 'kms', ['subnet-app-a', 'subnet-app-b'], { privateDnsEnabled: false, policy: restricted })),
    rule: 'duplicate-interface-endpoint',
    expected: { severity: 'medium', resourceIds: ['vpce-kms', 'vpce-kms-2'] },
  },
  {
    name: 'a blackhole default route on a table in use',
    parts: clean({ routeTables: [mainTable, rtbPub, rtbA, table('rtb-b', ['subnet-app-b'], [blackhole('0.0.0.0/0', 'nat-gone'), route(S3_PL, 'vpce-s3'), route(DDB_PL, 'vpce-ddb')])] }),
    rule: 'blackhole-route',
    expected: { id: 'blackhole-route:rtb-b:0.0.0.0/0', severity: 'high', resourceIds: ['rtb-b', 'subnet-app-b'] },
    detail: /nat-gone/,
  },
  {
    name: 'a narrow blackhole route on a table in use',
    parts: clean({ routeTables: [mainTable, rtbPub, rtbA, { ...rtbB, routes: [...rtbB.routes, blackhole('172.16.0.0/12', 'tgw-gone')] }] }),
    rule: 'blackhole-route',
    expected: { severity: 'medium' },
  },
  {
    name: 'a subnet left on the main table while the others are associated',
    parts: clean({ subnets: [pub, appA, appB, subnet('subnet-loose', 'us-east-1b', '10.0.48.0/20')] }),
    rule: 'implicit-main-route-table',
    expected: { severity: 'low', resourceIds: ['subnet-loose', 'rtb-main'] },
    detail: /no default route/,
  },
];
