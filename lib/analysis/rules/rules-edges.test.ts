import { describe, expect, it } from 'vitest';
import { findIssues, type Finding } from '../findings';
import { resolvePaths } from '../paths';
import { eni } from '@/lib/graph/test-topology';
import { gatewayEndpoint, igw, interfaceEndpoint, nat, type Parts, route, subnet, table, topology, vpc } from '../test-topology';

/**
 * Findings in accounts shaped the way the other rule tests are not: two VPCs side by side, subnets listed in another
 * order than their tables, and a VPC with DNS resolution off while its DNS hostnames stay on.
 */

function found(ruleId: Finding['rule'], parts: Parts): Finding[] {
  const t = topology(parts);
  return findIssues(t, resolvePaths(t)).filter((f) => f.rule === ruleId);
}

describe('implicit main route table, two VPCs', () => {
  // vpc-0b: every subnet on its main table (a default VPC: nothing to say). vpc-0a: one of two subnets left on it.
  const other = (id: string, az: string, cidr: string) => subnet(id, az, cidr, { vpcId: 'vpc-0b' });
  const parts: Parts = {
    vpcs: [vpc({ name: 'prod' }), vpc({ id: 'vpc-0b', name: 'default' })],
    subnets: [subnet('subnet-a', 'us-east-1a', '10.0.0.0/24'), subnet('subnet-b', 'us-east-1b', '10.0.1.0/24'), other('subnet-x', 'us-east-1a', '172.31.0.0/20'), other('subnet-y', 'us-east-1b', '172.31.16.0/20')],
    routeTables: [
      table('rtb-app', ['subnet-a'], [route('0.0.0.0/0', 'nat-a')]),
      table('rtb-main', [], [route('0.0.0.0/0', 'igw-1')], { main: true }),
      table('rtb-main-b', [], [route('0.0.0.0/0', 'igw-2')], { main: true, vpcId: 'vpc-0b' }),
    ],
    internetGateways: [igw('igw-1'), igw('igw-2', { vpcIds: ['vpc-0b'] })],
    natGateways: [nat('nat-a', 'subnet-b')],
  };

  it('counts each VPC’s own subnets: one finding, for the VPC that mixes explicit and implicit, "the subnet is public"', () => {
    const fs = found('implicit-main-route-table', parts);
    expect(fs.map((f) => f.id)).toEqual(['implicit-main-route-table:vpc-0a']);
    expect(fs[0]).toMatchObject({
      resourceIds: ['subnet-b', 'rtb-main'],
      title: 'subnet-b uses the main route table implicitly',
      detail: '1 subnet in prod has no route table association and falls back to rtb-main; it sends 0.0.0.0/0 to an internet gateway, so the subnet is public.',
    });
  });
});

describe('S3 through a NAT gateway: tables and existing endpoints', () => {
  const pub = subnet('subnet-pub', 'us-east-1a', '10.0.9.0/24');
  const base = (over: Parts = {}): Parts => ({
    vpcs: [vpc(), vpc({ id: 'vpc-0b' })],
    // The first subnet listed uses the table whose id sorts last.
    subnets: [subnet('subnet-a', 'us-east-1a', '10.0.0.0/24'), subnet('subnet-b', 'us-east-1b', '10.0.1.0/24'), pub],
    routeTables: [table('rtb-y', ['subnet-a'], [route('0.0.0.0/0', 'nat-a')]), table('rtb-x', ['subnet-b'], [route('0.0.0.0/0', 'nat-a')]), table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')])],
    natGateways: [nat('nat-a', 'subnet-pub')],
    internetGateways: [igw('igw-1')],
    ...over,
  });
  const s3 = (parts: Parts) => found('nat-to-gateway-service', parts).find((f) => f.service === 's3');

  it('names the route tables sorted by id, whatever the order of the subnets', () => {
    expect(s3(base())).toMatchObject({
      resourceIds: ['rtb-x', 'rtb-y', 'subnet-a', 'subnet-b', 'nat-a'],
      detail: 'The VPC has no S3 gateway endpoint, so S3 traffic from 2 subnets on route tables rtb-x and rtb-y takes the default route to nat-a.',
      fix: { text: 'Create an S3 gateway endpoint on rtb-x and rtb-y.', href: '/endpoints/new?region=us-east-1&vpc=vpc-0a&type=gateway&service=com.amazonaws.us-east-1.s3&routeTables=rtb-x,rtb-y' },
    });
  });

  it('names the NAT gateways by name, sorted, whatever the order of the subnets', () => {
    // subnet-a (listed first) goes to zulu, subnet-b to alpha.
    const parts = base({
      routeTables: [table('rtb-y', ['subnet-a'], [route('0.0.0.0/0', 'nat-a')]), table('rtb-x', ['subnet-b'], [route('0.0.0.0/0', 'nat-b')]), table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')])],
      natGateways: [nat('nat-a', 'subnet-pub', { name: 'zulu' }), nat('nat-b', 'subnet-pub', { name: 'alpha' })],
    });
    expect(s3(parts)).toMatchObject({ resourceIds: ['rtb-x', 'rtb-y', 'subnet-a', 'subnet-b', 'nat-b', 'nat-a'] });
    expect(s3(parts)!.detail).toMatch(/takes the default route to alpha and zulu\.$/);
  });

  it('an S3 gateway endpoint in another VPC, or an S3 interface endpoint without private DNS, is not one to add the tables to', () => {
    const elsewhere = { ...gatewayEndpoint('vpce-s3-b', 's3', []), vpcId: 'vpc-0b' };
    const iface = interfaceEndpoint('vpce-s3i', 's3', ['subnet-a'], { privateDnsEnabled: false });
    const f = s3(base({ endpoints: [elsewhere, iface] }));
    expect(f).toMatchObject({ resourceIds: ['rtb-x', 'rtb-y', 'subnet-a', 'subnet-b', 'nat-a'], fix: expect.objectContaining({ text: 'Create an S3 gateway endpoint on rtb-x and rtb-y.' }) });
    expect(f!.detail).toMatch(/^The VPC has no S3 gateway endpoint/);
  });
});

describe('interface endpoint AZ coverage with DNS resolution off', () => {
  it('DNS support off alone (hostnames on) holds private DNS back: the subnets that will cross are named', () => {
    const parts: Parts = {
      vpcs: [vpc({ dnsSupport: false, dnsHostnames: true })],
      subnets: [subnet('subnet-a', 'us-east-1a', '10.0.0.0/24'), subnet('subnet-b', 'us-east-1b', '10.0.1.0/24')],
      routeTables: [table('rtb-app', ['subnet-a', 'subnet-b'], [])],
      endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-a'])],
    };
    const [f] = found('interface-endpoint-az-coverage', parts);
    expect(f).toMatchObject({
      resourceIds: ['vpce-kms', 'subnet-b'],
      detail: 'vpce-kms is in us-east-1a; 1 subnet in us-east-1b (subnet-b) will cross Availability Zones to reach it once the VPC’s DNS attributes let private DNS answer.',
    });
  });
});

describe('interface endpoint AZ coverage: where the endpoint is', () => {
  const az = (letter: string) => subnet(`subnet-${letter}`, `us-east-1${letter}`, `10.0.${letter.charCodeAt(0) - 96}.0/24`);
  const [a, b, c, d, e, f] = [az('a'), az('b'), az('c'), az('d'), az('e'), az('f')];
  const coverage = (parts: Parts) => found('interface-endpoint-az-coverage', { routeTables: [table('rtb-app', (parts.subnets ?? []).map((s) => s.id), [])], ...parts });

  it('counts the AZs of its subnets and of every network interface DescribeNetworkInterfaces ties to it, sorted; the crossing subnets’ AZs sorted too', () => {
    // SubnetIds lists b and a; an ENI in c names the endpoint, one in d is only in the endpoint's NetworkInterfaceIds.
    const kms = interfaceEndpoint('vpce-kms', 'kms', ['subnet-b', 'subnet-a'], { networkInterfaceIds: ['eni-d'] });
    const enis = [
      eni('eni-b', 'vpc-0a', 'subnet-b', 'us-east-1b', { endpointId: 'vpce-kms', privateIp: '10.0.2.10' }),
      eni('eni-a', 'vpc-0a', 'subnet-a', 'us-east-1a', { endpointId: 'vpce-kms', privateIp: '10.0.1.10' }),
      eni('eni-c', 'vpc-0a', 'subnet-c', 'us-east-1c', { endpointId: 'vpce-kms', privateIp: '10.0.3.10' }),
      eni('eni-d', 'vpc-0a', 'subnet-d', 'us-east-1d', { privateIp: '10.0.4.10' }),
    ];
    const [finding] = coverage({ subnets: [f, e, a, b, c, d], endpoints: [kms], networkInterfaces: enis });
    expect(finding).toMatchObject({
      resourceIds: ['vpce-kms', 'subnet-f', 'subnet-e'],
      title: 'kms endpoint has no network interface in us-east-1e and us-east-1f',
      detail: 'vpce-kms is in us-east-1a, us-east-1b, us-east-1c and us-east-1d; 2 subnets in us-east-1e and us-east-1f (subnet-f and subnet-e) reach it across Availability Zones.',
    });
  });

  it('without its network interfaces in the data, its subnets say where it is', () => {
    const [finding] = coverage({ subnets: [a, b], endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-a'])], networkInterfaces: [] });
    expect(finding!.detail).toBe('vpce-kms is in us-east-1a; 1 subnet in us-east-1b (subnet-b) reaches it across Availability Zones.');
  });

  it('an IPv6-only subnet that cannot use an IPv4-only endpoint is not one that crosses to it', () => {
    const v6 = subnet('subnet-v6', 'us-east-1b', '', { ipv6Native: true, ipv6Cidrs: ['2600:1f18:1:100::/64'] });
    expect(coverage({ subnets: [a, v6], endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-a'])] })).toEqual([]);
  });
});
