import { describe, expect, it } from 'vitest';
import { findIssues, gatewayEndpointFormHref, policyAllowsAll, type Finding } from './findings';
import { allowAll, clean, cleanEndpoints, FINDING_CASES, restricted, withEndpoint } from './findings.cases';
import { resolvePaths } from './paths';
import { gatewayEndpoint, httpsFromVpc, interfaceEndpoint, type Parts, route, rule, sg, table, topology, vpc, VPC } from './test-topology';

function findingsOf(parts: Parts): Finding[] {
  const t = topology(parts);
  return findIssues(t, resolvePaths(t));
}

describe('findIssues', () => {
  it('finds nothing in a clean VPC', () => {
    expect(findingsOf(clean())).toEqual([]);
  });

  it.each(FINDING_CASES)('$name', ({ parts, rule: r, expected, detail }) => {
    const found = findingsOf(parts);
    const mine = found.filter((f) => f.rule === r);
    expect(mine, JSON.stringify(found.map((f) => f.id))).toHaveLength(1);
    const f = mine[0]!;
    expect(f).toMatchObject({ vpcId: VPC, ...expected });
    if (detail) expect(f.detail).toMatch(detail);
    // Every finding explains itself and points at AWS's documentation.
    expect(f.title.length).toBeGreaterThan(10);
    expect(f.why.length).toBeGreaterThan(20);
    expect(f.fix.text.length).toBeGreaterThan(10);
    expect(f.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('does not flag a VPC whose subnets all use the main table (the default VPC)', () => {
    const parts = clean({ routeTables: [table('rtb-main', [], [route('0.0.0.0/0', 'igw-1')], { main: true })], endpoints: [], natGateways: [] });
    expect(findingsOf(parts).filter((f) => f.rule === 'implicit-main-route-table')).toEqual([]);
  });

  it('does not count a security group reference or a prefix list as “no HTTPS from the VPC”', () => {
    const parts = clean({
      securityGroups: [httpsFromVpc, sg('sg-ref', [rule({ securityGroupIds: ['sg-clients'] })]), sg('sg-pl', [rule({ protocol: '-1', fromPort: null, toPort: null, prefixListIds: ['pl-corp'] })])],
      endpoints: [...cleanEndpoints, interfaceEndpoint('vpce-logs', 'logs', ['subnet-app-a', 'subnet-app-b'], { securityGroupIds: ['sg-ref'], policy: restricted }), interfaceEndpoint('vpce-sts', 'sts', ['subnet-app-a', 'subnet-app-b'], { securityGroupIds: ['sg-pl'], policy: restricted })],
    });
    expect(findingsOf(parts).filter((f) => f.rule === 'endpoint-sg-no-https-from-vpc')).toEqual([]);
  });

  it('lists the most severe first', () => {
    const parts = clean({
      vpcs: [vpc({ dnsHostnames: false })],
      endpoints: [...cleanEndpoints, gatewayEndpoint('vpce-s3-2', 's3', [], { policy: allowAll })],
    });
    const sev = findingsOf(parts).map((f) => f.severity);
    expect(sev).toEqual([...sev].sort((a, b) => ['high', 'medium', 'low', 'info'].indexOf(a) - ['high', 'medium', 'low', 'info'].indexOf(b)));
    expect(sev[0]).toBe('high');
  });

  it('orders findings of one severity by the rule list, then by VPC, then by id', () => {
    const parts = clean({
      vpcs: [vpc({ id: 'vpc-0b', name: 'b' }), vpc()],
      endpoints: [
        ...cleanEndpoints,
        gatewayEndpoint('vpce-b', 'dynamodb', [], { vpcId: 'vpc-0b', policy: restricted }),
        // Neither sorted nor reversed: a comparator that always answers "first" reverses its input.
        gatewayEndpoint('vpce-m', 'dynamodb', [], { policy: restricted }),
        gatewayEndpoint('vpce-z', 's3', [], { policy: restricted }),
        gatewayEndpoint('vpce-a', 's3', [], { policy: restricted }),
        interfaceEndpoint('vpce-sts', 'sts', ['subnet-app-a', 'subnet-app-b'], { state: 'pending', policy: restricted }),
        interfaceEndpoint('vpce-ssm', 'ssm', ['subnet-app-a', 'subnet-app-b'], { privateDnsEnabled: false, policy: restricted }),
      ],
    });
    expect(findingsOf(parts).map((f) => `${f.severity} ${f.id}`)).toEqual([
      'medium private-dns-off:vpce-ssm',
      'medium endpoint-not-available:vpce-sts',
      'medium gateway-endpoint-no-route-tables:vpce-a',
      'medium gateway-endpoint-no-route-tables:vpce-m',
      'medium gateway-endpoint-no-route-tables:vpce-z',
      'medium gateway-endpoint-no-route-tables:vpce-b',
    ]);
  });
});

describe('policyAllowsAll', () => {
  it.each([
    ['the default interface policy', '{ "Statement": [ { "Action": "*", "Effect": "Allow", "Principal": "*", "Resource": "*" } ] }', true],
    ['a single statement object, AWS principal', '{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"}}', true],
    ['arrays holding "*"', '{"Statement":[{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":["*"],"Resource":["*"]}]}', true],
    ['a named bucket', '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"arn:aws:s3:::b/*"}]}', false],
    ['one principal', '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*","Resource":"*"}]}', false],
    ['a condition', '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}]}', false],
    ['Deny', '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}', false],
    ['not JSON', 'allow all', false],
    ['JSON null', 'null', false],
    ['a string', '"*"', false],
    ['statements that are not objects', '{"Statement":[null,"*"]}', false],
    ['a null principal', '{"Statement":[{"Effect":"Allow","Principal":null,"Action":"*","Resource":"*"}]}', false],
    ['a named principal, then the allow-all statement', '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*","Resource":"*"},{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}', true],
  ])('%s', (_name, policy, expected) => {
    expect(policyAllowsAll(policy)).toBe(expected);
  });
});

describe('gatewayEndpointFormHref', () => {
  it('joins the route tables with literal commas', () => {
    expect(gatewayEndpointFormHref('eu-west-1', 'vpc-1', 's3', ['rtb-1', 'rtb-2'])).toBe(
      '/endpoints/new?region=eu-west-1&vpc=vpc-1&type=gateway&service=com.amazonaws.eu-west-1.s3&routeTables=rtb-1,rtb-2',
    );
  });
});

describe('a gateway endpoint that is not available', () => {
  it.each(['pending', 'failed'])('on no route table, %s: says only that it is not available', (state) => {
    const found = findingsOf(withEndpoint(gatewayEndpoint('vpce-s3-new', 's3', [], { state, policy: restricted })));
    const aboutIt = found.filter((f) => f.resourceIds.includes('vpce-s3-new'));
    expect(aboutIt.map((f) => f.id)).toEqual([`endpoint-not-available:vpce-s3-new`]);
    expect(aboutIt[0]!.title).toBe(`s3 endpoint is ${state}`);
  });
});
