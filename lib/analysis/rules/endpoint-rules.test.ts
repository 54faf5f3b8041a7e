import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/topology/types';
import { findIssues, type Finding } from '../findings';
import { resolvePaths } from '../paths';
import { gatewayEndpoint, interfaceEndpoint, subnet, table, topology, vpc } from '../test-topology';

/** The rules about an endpoint itself: its state, its policy, and a second endpoint to the same service. */

const appA = subnet('subnet-app-a', 'us-east-1a', '10.0.16.0/20');
const restricted = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::mine/*' }] });
const allowAll = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] });

function found(ruleId: Finding['rule'], endpoints: Endpoint[], vpcs = [vpc({ name: 'prod' })]): Finding[] {
  const t = topology({ vpcs, subnets: [appA], routeTables: [table('rtb-a', ['subnet-app-a'], [])], endpoints });
  return findIssues(t, resolvePaths(t)).filter((f) => f.rule === ruleId);
}

describe('endpoint not available', () => {
  const ssm = (state: string, over: Partial<Endpoint> = {}) => interfaceEndpoint('vpce-ssm', 'ssm', ['subnet-app-a'], { state, policy: restricted, ...over });
  it.each<[string, Endpoint, Partial<Finding>]>([
    ['rejected by the service owner: high, recreate', ssm('rejected'), { severity: 'high', fix: expect.objectContaining({ text: 'Fix the cause in the last error, delete the endpoint and create it again.' }) }],
    ['expired: high', ssm('expired'), { severity: 'high' }],
    ['Failed, as some tools write it: high', ssm('Failed'), { severity: 'high' }],
    [
      'pending: medium, wait',
      ssm('pending'),
      { severity: 'medium', detail: 'vpce-ssm is in state pending, so it carries no traffic.', fix: expect.objectContaining({ text: 'Wait for the endpoint to become available; if it stays pending, check its last error.' }) },
    ],
    ['deleting: medium', ssm('deleting'), { severity: 'medium', title: 'ssm endpoint is deleting' }],
    ['a last error without a message', ssm('failed', { lastError: { code: 'InsufficientCapacity', message: '' } }), { detail: 'vpce-ssm is in state failed, so it carries no traffic. Last error: InsufficientCapacity.' }],
  ])('%s', (_, e, expected) => {
    const fs = found('endpoint-not-available', [e]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ id: 'endpoint-not-available:vpce-ssm', resourceIds: ['vpce-ssm'], service: 'ssm', ...expected });
  });

  it('says nothing about an available endpoint', () => {
    expect(found('endpoint-not-available', [ssm('available')])).toEqual([]);
  });
});

describe('endpoint policy allows all', () => {
  it('a DynamoDB gateway endpoint: limit it to the tables', () => {
    const [f] = found('endpoint-policy-allows-all', [gatewayEndpoint('vpce-ddb', 'dynamodb', ['rtb-a'], { policy: allowAll })]);
    expect(f).toMatchObject({
      id: 'endpoint-policy-allows-all:vpce-ddb',
      severity: 'low',
      service: 'dynamodb',
      title: 'DynamoDB gateway endpoint policy allows everything',
      why: 'A gateway endpoint policy is where a VPC can limit DynamoDB to the account’s own tables; a full-access policy lets a compromised workload copy data anywhere in DynamoDB.',
      fix: { text: 'Restrict the policy to the tables this VPC uses (Resource) or to your organization (aws:ResourceOrgID).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-ddb' },
    });
  });

  it('one interface endpoint: "has", named by its VPC', () => {
    const fs = found('endpoint-policy-allows-all', [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { policy: allowAll })]);
    expect(fs.map((f) => [f.id, f.severity, f.title, f.detail])).toEqual([
      ['endpoint-policy-allows-all:vpc-0a:interface', 'info', '1 interface endpoint in prod has the full-access policy', 'kms: the default policy allows any principal every action on every resource.'],
    ]);
  });

  it('an endpoint without a policy (VPC Lattice, some partner services), or with a tight one, is not flagged', () => {
    const none = [interfaceEndpoint('vpce-x', 'kms', ['subnet-app-a'], { policy: null }), gatewayEndpoint('vpce-s3', 's3', ['rtb-a'], { policy: restricted })];
    expect(found('endpoint-policy-allows-all', none)).toEqual([]);
  });

  it('gives the interface endpoints of each VPC their own finding', () => {
    const other = vpc({ id: 'vpc-0b', name: 'dev' });
    const eps = [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { policy: allowAll }), interfaceEndpoint('vpce-sts', 'sts', [], { vpcId: 'vpc-0b', policy: allowAll })];
    const fs = found('endpoint-policy-allows-all', eps, [vpc({ name: 'prod' }), other]);
    expect(fs.map((f) => [f.id, f.resourceIds])).toEqual([
      ['endpoint-policy-allows-all:vpc-0a:interface', ['vpce-kms']],
      ['endpoint-policy-allows-all:vpc-0b:interface', ['vpce-sts']],
    ]);
  });
});

describe('duplicate interface endpoint', () => {
  it('three to one service: the fix links to the second', () => {
    const eps = ['vpce-1', 'vpce-2', 'vpce-3'].map((id) => interfaceEndpoint(id, 'kms', ['subnet-app-a'], { policy: restricted }));
    const fs = found('duplicate-interface-endpoint', eps);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      id: 'duplicate-interface-endpoint:vpc-0a:kms',
      resourceIds: ['vpce-1', 'vpce-2', 'vpce-3'],
      title: '3 interface endpoints for kms in prod',
      detail: 'vpce-1, vpce-2 and vpce-3 all connect prod to com.amazonaws.us-east-1.kms.',
      fix: expect.objectContaining({ href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-2' }),
    });
  });

  it.each<[string, Endpoint[]]>([
    ['one endpoint per service', [interfaceEndpoint('vpce-1', 'kms', ['subnet-app-a']), interfaceEndpoint('vpce-2', 'sts', ['subnet-app-a'])]],
    ['two VPC Lattice endpoints (no service name)', [interfaceEndpoint('vpce-1', '', ['subnet-app-a'], { serviceName: '' }), interfaceEndpoint('vpce-2', '', ['subnet-app-a'], { serviceName: '' })]],
    ['two gateway endpoints of one service (on different route tables)', [gatewayEndpoint('vpce-1', 's3', ['rtb-a']), gatewayEndpoint('vpce-2', 's3', [])]],
    ['the same service in two VPCs', [interfaceEndpoint('vpce-1', 'kms', ['subnet-app-a']), interfaceEndpoint('vpce-2', 'kms', [], { vpcId: 'vpc-0b' })]],
  ])('not for %s', (_, eps) => {
    expect(found('duplicate-interface-endpoint', eps, [vpc(), vpc({ id: 'vpc-0b' })])).toEqual([]);
  });
});

describe('private DNS off', () => {
  it.each<[string, Endpoint[], string[]]>([
    ['an AWS service endpoint with private DNS off', [interfaceEndpoint('vpce-sts', 'sts', ['subnet-app-a'], { privateDnsEnabled: false })], ['private-dns-off:vpce-sts']],
    ['on', [interfaceEndpoint('vpce-sts', 'sts', ['subnet-app-a'])], []],
    [
      'a partner service (its names are its own)',
      [interfaceEndpoint('vpce-partner', 'vpce-svc-0abc', ['subnet-app-a'], { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc', privateDnsEnabled: false })],
      [],
    ],
    ['an S3 interface endpoint beside an S3 gateway endpoint (meant to be called by its own names)', [interfaceEndpoint('vpce-s3i', 's3', ['subnet-app-a'], { privateDnsEnabled: false }), gatewayEndpoint('vpce-s3', 's3', ['rtb-a'])], []],
    ['an S3 interface endpoint alone', [interfaceEndpoint('vpce-s3i', 's3', ['subnet-app-a'], { privateDnsEnabled: false })], ['private-dns-off:vpce-s3i']],
    [
      'an S3 interface endpoint beside a DynamoDB gateway endpoint',
      [interfaceEndpoint('vpce-s3i', 's3', ['subnet-app-a'], { privateDnsEnabled: false }), gatewayEndpoint('vpce-ddb', 'dynamodb', ['rtb-a'])],
      ['private-dns-off:vpce-s3i'],
    ],
    [
      'an S3 interface endpoint beside another VPC’s S3 gateway endpoint',
      [interfaceEndpoint('vpce-s3i', 's3', ['subnet-app-a'], { privateDnsEnabled: false }), gatewayEndpoint('vpce-s3', 's3', [], { vpcId: 'vpc-0b' })],
      ['private-dns-off:vpce-s3i'],
    ],
    ['a gateway endpoint (has no private DNS)', [gatewayEndpoint('vpce-s3', 's3', ['rtb-a'])], []],
  ])('%s', (_, eps, ids) => {
    expect(found('private-dns-off', eps, [vpc(), vpc({ id: 'vpc-0b' })]).map((f) => f.id)).toEqual(ids);
  });

  it('names the host the endpoint does not answer for, in the topology’s region', () => {
    const t = topology({ region: 'eu-west-1', subnets: [appA], endpoints: [interfaceEndpoint('vpce-sts', 'sts', ['subnet-app-a'], { privateDnsEnabled: false })] });
    const [f] = findIssues(t, resolvePaths(t)).filter((x) => x.rule === 'private-dns-off');
    expect(f!.detail).toContain('does not answer for sts.eu-west-1.amazonaws.com;');
    expect(f!.fix).toEqual({ text: 'Turn on private DNS for vpce-sts (ModifyVpcEndpoint --private-dns-enabled).', href: '/vpcs/vpc-0a?region=eu-west-1&selected=vpce-sts' });
  });
});

describe('private DNS without the VPC’s DNS attributes', () => {
  const kms = interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a']);
  const sts = interfaceEndpoint('vpce-sts', 'sts', ['subnet-app-a']);
  it('both attributes off, two endpoints: names both attributes and both services', () => {
    const [f] = found('private-dns-without-vpc-dns', [kms, sts, interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a'], { privateDnsEnabled: false })], [vpc({ name: 'prod', dnsSupport: false, dnsHostnames: false })]);
    expect(f).toMatchObject({
      resourceIds: ['vpc-0a', 'vpce-kms', 'vpce-sts'],
      title: 'Private DNS is on for 2 endpoints but prod has DNS resolution and DNS hostnames off',
      detail: 'vpce-kms and vpce-sts (kms and sts) have private DNS on, but prod (vpc-0a) has enableDnsSupport and enableDnsHostnames set to false, so the private names do not resolve to the endpoints.',
      fix: { text: 'Set enableDnsSupport and enableDnsHostnames to true on prod (ModifyVpcAttribute).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpc-0a' },
    });
  });

  it.each<[string, Parameters<typeof vpc>[0], Endpoint[]]>([
    ['attributes not reported (null: AWS’s default, on)', { dnsSupport: null, dnsHostnames: null }, [kms]],
    ['both on', { dnsSupport: true, dnsHostnames: true }, [kms]],
    ['hostnames off, but no endpoint with private DNS', { dnsHostnames: false }, [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { privateDnsEnabled: false })]],
    ['hostnames off, only a gateway endpoint', { dnsHostnames: false }, [{ ...gatewayEndpoint('vpce-s3', 's3', ['rtb-a']), privateDnsEnabled: true }]],
    ['hostnames off in another VPC than the endpoint’s', { id: 'vpc-0b', dnsHostnames: false }, [kms]],
  ])('nothing when %s', (_, over, eps) => {
    expect(found('private-dns-without-vpc-dns', eps, over?.id ? [vpc(), vpc(over)] : [vpc(over)])).toEqual([]);
  });
});
