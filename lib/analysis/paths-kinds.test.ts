import { describe, expect, it } from 'vitest';
import { resolvePath, type SubnetPath } from './paths';
import { kinds, pub } from './paths.cases';
import { gatewayEndpoint, interfaceEndpoint, nat, type Parts, route, S3_PL, subnet, table, topology } from './test-topology';

/**
 * The ways out of a subnet beyond endpoints, NAT and the internet gateway: each case states one
 * routing fact of AWS and the path a person should be shown for it.
 */

const { app, inspect, v6only, rtbPub, appTable, v6Table, gwlbe, parts } = kinds;

interface Case {
  name: string;
  parts: Parts;
  subnetId?: string;
  service: string;
  expected: Partial<SubnetPath>;
  detail: RegExp;
}

const cases: Case[] = [
  {
    // AWS: a GWLB endpoint returns inspected traffic to the route table of the endpoint's subnet.
    name: 'a default route to a GWLB endpoint: inspection, then on through the endpoint subnet’s table to the NAT',
    parts: parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'vpce-gwlb')), table('rtb-inspect', ['subnet-inspect'], [route('0.0.0.0/0', 'nat-a')])], endpoints: [gwlbe()] }),
    service: 'sts',
    expected: { via: 'gwlb-inspection', onward: 'nat', hops: ['subnet-app', 'rtb-app', 'vpce-gwlb', 'subnet-inspect', 'rtb-inspect', 'nat-a', 'subnet-pub', 'rtb-pub', 'igw-1'] },
    detail: /vpce-gwlb for inspection; after it, route 0\.0\.0\.0\/0 in rtb-inspect goes to NAT gateway nat-a, then internet gateway igw-1/,
  },
  {
    name: 'an inspection subnet whose table sends the traffic back to the same GWLB endpoint is a loop, not a path',
    parts: parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'vpce-gwlb')), table('rtb-inspect', ['subnet-inspect'], [route('0.0.0.0/0', 'vpce-gwlb')])], endpoints: [gwlbe()] }),
    service: 'sts',
    expected: { via: 'gwlb-inspection', onward: 'gwlb-inspection' },
    detail: /routing loop/,
  },
  {
    // AWS: a regional NAT gateway (AvailabilityMode regional) has no subnet; its own RouteTableId routes what it translated.
    name: 'a regional NAT gateway resolves through its own route table',
    parts: parts({
      routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'nat-r')), table('rtb-nat-r', [], [route('0.0.0.0/0', 'igw-1')])],
      natGateways: [nat('nat-r', '', { availabilityMode: 'regional', routeTableId: 'rtb-nat-r' })],
    }),
    service: 'kms',
    expected: { via: 'nat', onward: 'igw', hops: ['subnet-app', 'rtb-app', 'nat-r', 'rtb-nat-r', 'igw-1'] },
    detail: /regional NAT gateway nat-r, then internet gateway igw-1/,
  },
  {
    // AWS: a private NAT gateway cannot reach the internet even when its subnet's table has an internet gateway route.
    name: 'a private NAT gateway is not a way to the internet',
    parts: parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'nat-a'))], natGateways: [nat('nat-a', 'subnet-pub', { connectivityType: 'private', publicIps: [] })] }),
    service: 'kms',
    expected: { via: 'none', hops: ['subnet-app', 'rtb-app', 'nat-a'] },
    detail: /private NAT gateway, which cannot reach the internet/,
  },
  {
    // AWS: private NAT gateways translate toward transit gateways and virtual private gateways.
    name: 'a private NAT gateway whose subnet routes to a transit gateway: NAT, then out of the VPC',
    parts: parts({
      routeTables: [table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'tgw-1')]), appTable(route('0.0.0.0/0', 'nat-a'))],
      natGateways: [nat('nat-a', 'subnet-pub', { connectivityType: 'private', publicIps: [] })],
    }),
    service: 'kms',
    expected: { via: 'nat', onward: 'transit-gateway', hops: ['subnet-app', 'rtb-app', 'nat-a', 'subnet-pub', 'rtb-pub', 'tgw-1'] },
    detail: /transit gateway tgw-1: it leaves the VPC there/,
  },
  {
    // 0.0.0.0/1 + 128.0.0.0/1 cover every address; each half is more specific than 0.0.0.0/0.
    name: 'a split default route (0.0.0.0/1 + 128.0.0.0/1) is a default route',
    parts: parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/1', 'nat-a'), route('128.0.0.0/1', 'nat-a'))] }),
    service: 'kms',
    expected: { via: 'nat', routeDestination: '0.0.0.0/1' },
    detail: /NAT gateway nat-a, then internet gateway igw-1/,
  },
  {
    name: 'a split default route beats 0.0.0.0/0 for S3’s addresses too',
    parts: parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'tgw-1'), route('0.0.0.0/1', 'nat-a'), route('128.0.0.0/1', 'nat-a'))] }),
    service: 's3',
    expected: { via: 'nat', routeDestination: '0.0.0.0/1' },
    detail: /nat-a/,
  },
  ...(
    [
      ['pcx-1', 'peering', /VPC peering connection pcx-1/],
      ['vgw-1', 'vpn-gateway', /virtual private gateway vgw-1/],
      ['arn:aws:networkmanager::111122223333:core-network/core-network-0aa1', 'core-network', /Cloud WAN core network core-network-0aa1/],
      ['lgw-1', 'local-gateway', /Outposts local gateway lgw-1/],
      ['cagw-1', 'carrier-gateway', /Wavelength carrier gateway cagw-1/],
    ] as const
  ).map(([target, via, detail]): Case => ({
    name: `a default route to ${target.split(':')[0]}…: ${via}, leaving the VPC`,
    parts: parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', target))] }),
    service: 'sts',
    expected: { via, hops: ['subnet-app', 'rtb-app', target] },
    detail: new RegExp(`${detail.source}: it leaves the VPC there, and where it goes next is outside this view`),
  })),
  {
    name: 'a default route to an instance: an appliance (NAT instance or firewall)',
    parts: parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'i-0abc'))] }),
    service: 'sts',
    expected: { via: 'appliance', hops: ['subnet-app', 'rtb-app', 'i-0abc'] },
    detail: /instance i-0abc, an appliance/,
  },
  {
    name: 'a default route to a network interface: an appliance',
    parts: parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'eni-0abc'))] }),
    service: 'sts',
    expected: { via: 'appliance' },
    detail: /network interface eni-0abc, an appliance/,
  },
  {
    // AWS: interface endpoints live in a Region's Availability Zones only; a Local Zone subnet reaches the endpoint's
    // interface in a Region AZ, and there is nothing to fix in the Local Zone.
    name: 'a Local Zone subnet reaches an interface endpoint in a Region AZ, and says the zone cannot hold one',
    parts: parts({
      subnets: [pub, app, inspect, v6only, subnet('subnet-bos', 'us-east-1-bos-1a', '10.0.48.0/24', { zoneType: 'local-zone' })],
      routeTables: [rtbPub, table('rtb-bos', ['subnet-bos'], [route('0.0.0.0/0', 'nat-a')])],
      endpoints: [interfaceEndpoint('vpce-sts', 'sts', ['subnet-app'])],
    }),
    subnetId: 'subnet-bos',
    service: 'sts',
    expected: { via: 'interface-endpoint-cross-az' },
    detail: /us-east-1-bos-1a is a Local Zone, which cannot hold an interface endpoint, so traffic goes to its network interface in us-east-1a/,
  },
  {
    // An Oracle Database@AWS network (OdbNetworkArn) or a target type AWS adds later: the route carries the
    // traffic, so the path says where it leaves, never "no path".
    name: 'a default route to a target type vpc-atlas does not know: it leaves there, named',
    parts: parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'arn:aws:odb:us-east-1:111122223333:odb-network/odbnet-1'))] }),
    service: 'sts',
    expected: { via: 'unrecognised-target', hops: ['subnet-app', 'rtb-app', 'arn:aws:odb:us-east-1:111122223333:odb-network/odbnet-1'] },
    detail: /leaves through arn:aws:odb:us-east-1:111122223333:odb-network\/odbnet-1 \(unrecognised target type\)/,
  },
  {
    // The same target behind a NAT gateway's subnet table: NAT, then the unrecognised target.
    name: 'a NAT gateway whose subnet routes to an unrecognised target: NAT, then that target',
    parts: parts({
      routeTables: [table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'foo-0123')]), appTable(route('0.0.0.0/0', 'nat-a'))],
    }),
    service: 'sts',
    expected: { via: 'nat', onward: 'unrecognised-target' },
    detail: /NAT gateway nat-a; after it, route 0\.0\.0\.0\/0 in rtb-pub leaves through foo-0123 \(unrecognised target type\)/,
  },
  {
    // AWS: an egress-only internet gateway carries IPv6 out (not in); an IPv6-only subnet has no IPv4 route to use.
    name: 'an IPv6-only subnet without DNS64 goes out through the egress-only internet gateway',
    parts: parts({ routeTables: [rtbPub, v6Table(route('0.0.0.0/0', 'nat-a'), route('::/0', 'eigw-1'))] }),
    subnetId: 'subnet-v6',
    service: 'sts',
    expected: { via: 'egress-only-igw', routeDestination: '::/0', hops: ['subnet-v6', 'rtb-v6', 'eigw-1'] },
    detail: /IPv6-only without DNS64.*egress-only internet gateway eigw-1 \(IPv6, outbound only\)/,
  },
  {
    // AWS: with DNS64, Route 53 Resolver answers IPv4-only names with 64:ff9b::/96 addresses; a NAT gateway translates them (NAT64).
    name: 'an IPv6-only subnet with DNS64 reaches an IPv4-only name through NAT64',
    parts: parts({ subnets: [pub, app, inspect, { ...v6only, enableDns64: true }], routeTables: [rtbPub, v6Table(route('64:ff9b::/96', 'nat-a'), route('::/0', 'eigw-1'))] }),
    subnetId: 'subnet-v6',
    service: 'sts',
    expected: { via: 'nat', routeDestination: '64:ff9b::/96', hops: ['subnet-v6', 'rtb-v6', 'nat-a', 'subnet-pub', 'rtb-pub', 'igw-1'] },
    detail: /DNS64.*NAT64/,
  },
  {
    name: 'DNS64 without a 64:ff9b::/96 route sends the synthesized address to the egress-only gateway, which drops it',
    parts: parts({ subnets: [pub, app, inspect, { ...v6only, enableDns64: true }], routeTables: [rtbPub, v6Table(route('::/0', 'eigw-1'))] }),
    subnetId: 'subnet-v6',
    service: 'sts',
    expected: { via: 'none' },
    detail: /does not translate it/,
  },
  {
    // AWS: an endpoint with IpAddressType ipv4 has no IPv6 addresses; an IPv6-only subnet cannot reach it.
    name: 'an IPv4-only interface endpoint does not serve an IPv6-only subnet',
    parts: parts({ routeTables: [rtbPub, v6Table(route('::/0', 'eigw-1'))], endpoints: [interfaceEndpoint('vpce-sts', 'sts', ['subnet-v6'], { ipAddressType: 'ipv4' })] }),
    subnetId: 'subnet-v6',
    service: 'sts',
    expected: { via: 'egress-only-igw' },
    detail: /Endpoint vpce-sts has IPv4 addresses only/,
  },
  {
    name: 'a dual-stack interface endpoint serves an IPv6-only subnet over IPv6',
    parts: parts({ routeTables: [rtbPub, v6Table(route('::/0', 'eigw-1'))], endpoints: [interfaceEndpoint('vpce-sts', 'sts', ['subnet-v6'], { ipAddressType: 'dualstack' })] }),
    subnetId: 'subnet-v6',
    service: 'sts',
    expected: { via: 'interface-endpoint' },
    detail: /over IPv6 \(the endpoint is dualstack\)/,
  },
  {
    // AWS: gateway endpoints with IpAddressType dualstack carry IPv6 to S3 through the prefix-list route.
    name: 'an IPv6-only subnet reaches S3 through a dual-stack gateway endpoint',
    parts: parts({ routeTables: [rtbPub, v6Table(route(S3_PL, 'vpce-s3'), route('::/0', 'eigw-1'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-v6'], { ipAddressType: 'dualstack' })] }),
    subnetId: 'subnet-v6',
    service: 's3',
    expected: { via: 'gateway-endpoint', hops: ['subnet-v6', 'rtb-v6', 'vpce-s3'] },
    detail: /gateway endpoint vpce-s3/,
  },
  {
    name: 'an IPv4-only gateway endpoint does not carry an IPv6-only subnet’s S3 traffic',
    parts: parts({ routeTables: [rtbPub, v6Table(route(S3_PL, 'vpce-s3'), route('::/0', 'eigw-1'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-v6'], { ipAddressType: 'ipv4' })] }),
    subnetId: 'subnet-v6',
    service: 's3',
    expected: { via: 'egress-only-igw' },
    detail: /eigw-1/,
  },
  {
    // DNS decides before routes: the public name resolves to the interface endpoint's private addresses.
    name: 'an S3 interface endpoint with private DNS wins over the gateway route',
    parts: parts({
      routeTables: [rtbPub, appTable(route(S3_PL, 'vpce-s3'), route('0.0.0.0/0', 'nat-a'))],
      endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app']), interfaceEndpoint('vpce-s3i', 's3', ['subnet-app'])],
    }),
    service: 's3',
    expected: { via: 'interface-endpoint', hops: ['subnet-app', 'eni-0001', 'vpce-s3i'] },
    detail: /Private DNS of vpce-s3i answers for s3\.us-east-1\.amazonaws\.com/,
  },
  {
    // AWS (DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint): VPC-originated traffic goes to the gateway endpoint.
    name: 'an S3 interface endpoint with private DNS only for inbound Resolver endpoints leaves the VPC’s traffic to the gateway endpoint',
    parts: parts({
      routeTables: [rtbPub, appTable(route(S3_PL, 'vpce-s3'), route('0.0.0.0/0', 'nat-a'))],
      endpoints: [
        gatewayEndpoint('vpce-s3', 's3', ['rtb-app']),
        interfaceEndpoint('vpce-s3i', 's3', ['subnet-app'], { dnsOptions: { dnsRecordIpType: 'ipv4', privateDnsOnlyForInboundResolverEndpoint: true, privateDnsPreference: null, privateDnsSpecifiedDomains: [] } }),
      ],
    }),
    service: 's3',
    expected: { via: 'gateway-endpoint', hops: ['subnet-app', 'rtb-app', 'vpce-s3'] },
    detail: /answers only inbound Resolver endpoints.*gateway endpoint vpce-s3/,
  },
];

describe('paths beyond endpoints, NAT and the internet gateway', () => {
  it.each(cases)('$name', ({ parts: p, subnetId = 'subnet-app', service, expected, detail }) => {
    const got = resolvePath(topology(p), subnetId, service);
    expect(got).toMatchObject({ subnetId, service, ...expected });
    expect(got.detail).toMatch(detail);
    // Never "none" while a route carries the traffic somewhere.
    if (got.via !== 'none') expect(got.detail).not.toMatch(/no path\.$/);
  });
});
