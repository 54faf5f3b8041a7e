import { describe, expect, it } from 'vitest';
import type { RawRegion } from '@/lib/ec2/api';
import { normalizeTopology, scopeToVpc } from './normalize';
import { NORMALIZE_OPTS, rawRegion, type RawOverrides } from './test-raw';
import type { Topology } from './types';

/**
 * Every field normalizeTopology reads from a VPC, a subnet, a network interface and a security group, with what
 * it takes when the field is absent; which subnets are public through a Gateway Load Balancer endpoint; the
 * warnings it writes, with their kind and VPC; and what scopeToVpc keeps. Each topology is built inside its test.
 */

const opts = NORMALIZE_OPTS;
const raw = (over: RawOverrides = {}) => rawRegion([{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }], over);
const normalize = (over: RawOverrides = {}) => normalizeTopology(raw(over), opts);
const mainTable = (vpc: string, routes: object[] = [], id = `rtb-main-${vpc}`) => ({ RouteTableId: id, VpcId: vpc, Associations: [{ Main: true }], Routes: routes });
const table = (id: string, vpc: string, subnets: string[], routes: object[] = []) => ({ RouteTableId: id, VpcId: vpc, Associations: subnets.map((SubnetId) => ({ SubnetId })), Routes: routes });
const subnet = (id: string, over: object = {}) => ({ SubnetId: id, VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', ...over });
const toIgw = { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' };
const toVpce = (id: string) => ({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: id });
const gwlb = (id: string, subnets: string[]) => ({ VpcEndpointId: id, VpcId: 'vpc-1', VpcEndpointType: 'GatewayLoadBalancer', ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1', SubnetIds: subnets });

describe('VPCs', () => {
  it('reads every field: associated and associating CIDR blocks in address order with the primary first, IPv6 blocks, default, owner, state, DNS', () => {
    const t = normalize({
      vpcs: [
        {
          VpcId: 'vpc-2',
          CidrBlock: '10.10.0.0/16',
          OwnerId: '111122223333',
          IsDefault: true,
          State: 'Pending',
          Tags: [{ Key: 'Name', Value: 'prod' }],
          CidrBlockAssociationSet: [
            { CidrBlock: '10.10.0.0/16', CidrBlockState: { State: 'associated' } },
            { CidrBlock: '10.100.0.0/16', CidrBlockState: { State: 'associating' } },
            { CidrBlock: '10.11.0.0/16', CidrBlockState: { State: 'disassociated' } },
            { CidrBlock: '10.9.0.0/16' },
            null,
          ],
          Ipv6CidrBlockAssociationSet: [
            { Ipv6CidrBlock: '2600:1f18:cc00::/56' },
            { Ipv6CidrBlock: '2600:1f18:bb00::/56', Ipv6CidrBlockState: { State: 'disassociated' } },
            { Ipv6CidrBlock: '2600:1f18:aa00::/56', Ipv6CidrBlockState: { State: 'associated' } },
            null,
          ],
        },
        // No CidrBlock of its own, no IsDefault, no state, an owner that is not text (a hand-edited file).
        { VpcId: 'vpc-1', OwnerId: 111122223333, CidrBlockAssociationSet: [{ CidrBlock: '10.1.0.0/16' }, { CidrBlock: '10.0.0.0/16' }] },
        // A CidrBlock its associations do not list (being replaced): only the listed blocks, in address order.
        { VpcId: 'vpc-3', CidrBlock: '10.0.0.0/16', CidrBlockAssociationSet: [{ CidrBlock: '10.3.0.0/16' }, { CidrBlock: '10.2.0.0/16' }] },
      ],
      vpcDns: { 'vpc-2': { dnsSupport: true, dnsHostnames: false } },
    });
    expect(t.vpcs).toEqual([
      { id: 'vpc-1', name: 'vpc-1', cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'], ipv6CidrBlocks: [], isDefault: false, dnsSupport: null, dnsHostnames: null, state: 'available', ownerId: null, tags: {} },
      {
        id: 'vpc-2',
        name: 'prod',
        cidrBlocks: ['10.10.0.0/16', '10.9.0.0/16', '10.100.0.0/16'],
        ipv6CidrBlocks: ['2600:1f18:aa00::/56', '2600:1f18:cc00::/56'],
        isDefault: true,
        dnsSupport: true,
        dnsHostnames: false,
        state: 'pending',
        ownerId: '111122223333',
        tags: { Name: 'prod' },
      },
      expect.objectContaining({ id: 'vpc-3', cidrBlocks: ['10.2.0.0/16', '10.3.0.0/16'] }),
    ]);
  });

  it('reads a region without DNS attributes as DNS unknown', () => {
    const r = raw();
    delete (r as Partial<RawRegion>).vpcDns;
    expect(normalizeTopology(r, opts).vpcs[0]).toMatchObject({ dnsSupport: null, dnsHostnames: null });
  });

  it('skips a repeated VPC on that VPC, naming the record', () => {
    const t = normalize({ vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }, { VpcId: 'vpc-1', CidrBlock: '10.9.0.0/16' }] });
    expect(t.vpcs.map((v) => v.cidrBlocks)).toEqual([['10.0.0.0/16']]);
    expect(t.dataWarnings).toEqual([
      { kind: 'skipped', vpcId: 'vpc-1', file: 'us-east-1 DescribeVpcs', index: 1, message: 'us-east-1 DescribeVpcs record 1: skipped, vpc-1 appears more than once (the first one is used)' },
    ]);
  });

  it('names an entry that is not an object by the list it sits in', () => {
    const r = raw({ subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }, 'subnet-2'], natGateways: ['subnet-2'] });
    expect(normalizeTopology(r, opts).dataWarnings.filter((d) => d.kind === 'skipped').map((d) => d.message)).toEqual([
      'us-east-1 DescribeSubnets record 1: skipped, it is not an object',
      'us-east-1 DescribeNatGateways record 0: skipped, it is not an object',
    ]);
  });

  it('names a skipped record by the file it came from when the loader says', () => {
    const bad = { CidrBlock: '10.0.1.0/24' };
    const r = raw({ subnets: [bad] });
    r.origins = new Map([[bad, { file: 'describe-subnets.json', index: 7 }]]);
    expect(normalizeTopology(r, opts).dataWarnings).toEqual([
      { kind: 'skipped', vpcId: null, file: 'describe-subnets.json', index: 7, message: 'describe-subnets.json record 7: skipped, it has no id' },
    ]);
  });
});

describe('subnets', () => {
  it('reads every field, and what an absent one means', () => {
    const t = normalize({
      routeTables: [mainTable('vpc-1')],
      subnets: [
        subnet('subnet-full', {
          CidrBlock: '10.0.2.0/24',
          AvailabilityZone: 'us-east-1b',
          AvailabilityZoneId: 'use1-az2',
          AvailableIpAddressCount: 0,
          MapPublicIpOnLaunch: true,
          EnableDns64: true,
          State: 'Pending',
          Tags: [{ Key: 'Name', Value: 'app-b' }],
          Ipv6CidrBlockAssociationSet: [
            { Ipv6CidrBlock: '2600:1f18:aa00:2::/64', Ipv6CidrBlockState: { State: 'associating' } },
            { Ipv6CidrBlock: '2600:1f18:aa00:9::/64', Ipv6CidrBlockState: { State: 'disassociated' } },
            { Ipv6CidrBlock: '2600:1f18:aa00:1::/64' },
            null,
          ],
        }),
        { SubnetId: 'subnet-bare', VpcId: 'vpc-1' },
        subnet('subnet-native', { CidrBlock: '10.0.3.0/24', Ipv6Native: true }),
      ],
    });
    expect(t.subnets).toEqual([
      {
        id: 'subnet-bare', vpcId: 'vpc-1', name: 'subnet-bare', cidr: '', ipv6Cidrs: [], az: 'unknown', azId: null, routeTableId: 'rtb-main-vpc-1', explicitRouteTable: false,
        public: false, availableIps: null, mapPublicIpOnLaunch: false, ipv6Native: false, enableDns64: false, zoneType: 'availability-zone', outpostArn: null, state: 'available', tags: {},
      },
      {
        id: 'subnet-native', vpcId: 'vpc-1', name: 'subnet-native', cidr: '10.0.3.0/24', ipv6Cidrs: [], az: 'us-east-1a', azId: null, routeTableId: 'rtb-main-vpc-1', explicitRouteTable: false,
        public: false, availableIps: null, mapPublicIpOnLaunch: false, ipv6Native: true, enableDns64: false, zoneType: 'availability-zone', outpostArn: null, state: 'available', tags: {},
      },
      {
        id: 'subnet-full', vpcId: 'vpc-1', name: 'app-b', cidr: '10.0.2.0/24', ipv6Cidrs: ['2600:1f18:aa00:1::/64', '2600:1f18:aa00:2::/64'], az: 'us-east-1b', azId: 'use1-az2',
        routeTableId: 'rtb-main-vpc-1', explicitRouteTable: false, public: false, availableIps: 0, mapPublicIpOnLaunch: true, ipv6Native: false, enableDns64: true,
        zoneType: 'availability-zone', outpostArn: null, state: 'pending', tags: { Name: 'app-b' },
      },
    ]);
  });

  it('skips a subnet that names no VPC', () => {
    const t = normalize({ subnets: [{ SubnetId: 'subnet-1', CidrBlock: '10.0.1.0/24' }] });
    expect(t.subnets).toEqual([]);
    expect(t.dataWarnings).toEqual([
      { kind: 'skipped', vpcId: null, file: 'us-east-1 DescribeSubnets', index: 0, message: 'us-east-1 DescribeSubnets record 0: skipped, subnet-1 could not be read (it names no VPC)' },
    ]);
  });

  it('uses the first of two main tables and the first table a subnet is associated with, saying so', () => {
    const t = normalize({
      subnets: [subnet('subnet-1'), subnet('subnet-2', { CidrBlock: '10.0.2.0/24' })],
      routeTables: [mainTable('vpc-1', [], 'rtb-main-b'), mainTable('vpc-1', [], 'rtb-main-a'), table('rtb-x', 'vpc-1', ['subnet-1']), table('rtb-y', 'vpc-1', ['subnet-1'])],
    });
    expect(t.subnets.map((s) => [s.id, s.routeTableId, s.explicitRouteTable])).toEqual([
      ['subnet-1', 'rtb-x', true],
      ['subnet-2', 'rtb-main-a', false],
    ]);
    expect(t.dataWarnings).toContainEqual({ kind: 'inconsistent', vpcId: 'vpc-1', message: 'VPC vpc-1 has more than one main route table (rtb-main-a, rtb-main-b); using rtb-main-a.' });
  });

  it('warns on both VPCs, as inconsistent, about a table associated with a subnet of another VPC', () => {
    const t = normalize({
      vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }, { VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16' }],
      subnets: [subnet('subnet-b', { VpcId: 'vpc-2', CidrBlock: '10.1.1.0/24' })],
      routeTables: [mainTable('vpc-2'), table('rtb-1', 'vpc-1', ['subnet-b'], [toIgw])],
    });
    const message = "Route table rtb-1 (VPC vpc-1) is associated with subnet subnet-b of VPC vpc-2; a table can only serve its own VPC's subnets, so the association is ignored.";
    expect(t.dataWarnings.filter((d) => d.message.includes('rtb-1'))).toEqual([
      { kind: 'inconsistent', vpcId: 'vpc-2', message },
      { kind: 'inconsistent', vpcId: 'vpc-1', message },
    ]);
  });

  it('warns, as inconsistent, about an IPv6 block in CidrBlock and a subnet with no route table; not for a subnet of a VPC not in the data', () => {
    const t = normalize({ subnets: [subnet('subnet-1', { CidrBlock: '2600:1f18:aa00:1::/64' }), subnet('subnet-lost', { VpcId: 'vpc-9' })] });
    expect(t.dataWarnings.filter((d) => d.vpcId === 'vpc-1')).toEqual([
      { kind: 'inconsistent', vpcId: 'vpc-1', message: 'Subnet subnet-1 has an IPv6 block (2600:1f18:aa00:1::/64) in CidrBlock, where only IPv4 belongs; it is shown as its IPv6 block.' },
      { kind: 'inconsistent', vpcId: 'vpc-1', message: 'Subnet subnet-1 has no route table (its VPC has no main route table in the data).' },
    ]);
    expect(t.dataWarnings.filter((d) => d.message.includes('subnet-lost has no route table'))).toEqual([]);
  });
});

describe('public subnets', () => {
  const publicOf = (t: Topology) => Object.fromEntries(t.subnets.map((s) => [s.id, s.public]));

  it('is not public through a default route to a NAT gateway, or to an endpoint that is not a Gateway Load Balancer endpoint', () => {
    const t = normalize({
      subnets: [subnet('subnet-nat'), subnet('subnet-iface', { CidrBlock: '10.0.2.0/24' }), subnet('subnet-pub', { CidrBlock: '10.0.3.0/24' })],
      routeTables: [
        mainTable('vpc-1', [toIgw]),
        table('rtb-nat', 'vpc-1', ['subnet-nat'], [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }]),
        table('rtb-iface', 'vpc-1', ['subnet-iface'], [toVpce('vpce-iface')]),
      ],
      vpcEndpoints: [null, { VpcEndpointId: 'vpce-iface', VpcId: 'vpc-1', VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.sqs', SubnetIds: ['subnet-pub'] }],
    });
    expect(publicOf(t)).toEqual({ 'subnet-nat': false, 'subnet-iface': false, 'subnet-pub': true });
  });

  it('is public through a GWLB endpoint when any of its subnets reaches an internet gateway, and not when none does', () => {
    const t = normalize({
      subnets: [
        subnet('subnet-app'),
        subnet('subnet-app2', { CidrBlock: '10.0.2.0/24' }),
        subnet('subnet-fw-a', { CidrBlock: '10.0.3.0/24' }),
        subnet('subnet-fw-b', { CidrBlock: '10.0.4.0/24' }),
        subnet('subnet-fw-c', { CidrBlock: '10.0.5.0/24' }),
      ],
      routeTables: [
        mainTable('vpc-1'),
        table('rtb-app', 'vpc-1', ['subnet-app'], [toVpce('vpce-gw1')]),
        table('rtb-app2', 'vpc-1', ['subnet-app2'], [toVpce('vpce-gw2')]),
        table('rtb-fw-pub', 'vpc-1', ['subnet-fw-b'], [toIgw]),
      ],
      // gw1: one of its subnets (fw-b) reaches the IGW; gw2: its subnet uses the main table, which does not.
      vpcEndpoints: [gwlb('vpce-gw1', ['subnet-fw-a', 'subnet-fw-b']), gwlb('vpce-gw2', ['subnet-fw-c'])],
    });
    expect(publicOf(t)).toMatchObject({ 'subnet-app': true, 'subnet-app2': false });
  });

  it('is not public through a GWLB endpoint whose subnet is not in the data or has no route table', () => {
    const t = normalize({
      vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }, { VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16' }],
      subnets: [subnet('subnet-app'), subnet('subnet-app2', { CidrBlock: '10.0.2.0/24' }), subnet('subnet-orphan', { VpcId: 'vpc-2', CidrBlock: '10.1.1.0/24' })],
      routeTables: [mainTable('vpc-1'), table('rtb-app', 'vpc-1', ['subnet-app'], [toVpce('vpce-gw1')]), table('rtb-app2', 'vpc-1', ['subnet-app2'], [toVpce('vpce-gw2')])],
      vpcEndpoints: [gwlb('vpce-gw1', ['subnet-gone']), gwlb('vpce-gw2', ['subnet-orphan'])],
    });
    expect(publicOf(t)).toEqual({ 'subnet-app': false, 'subnet-app2': false, 'subnet-orphan': false });
  });
});

describe('network interfaces', () => {
  it('reads every field, sorted by id, and ties an interface to its endpoint by the endpoint’s list or else its description', () => {
    const t = normalize({
      subnets: [subnet('subnet-1')],
      vpcEndpoints: [
        { VpcEndpointId: 'vpce-0listed', VpcId: 'vpc-1', VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.sqs', NetworkInterfaceIds: ['eni-2'] },
        { VpcEndpointId: 'vpce-0described', VpcId: 'vpc-1', VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.sns' },
      ],
      networkInterfaces: [
        {
          NetworkInterfaceId: 'eni-2',
          VpcId: 'vpc-1',
          SubnetId: 'subnet-1',
          AvailabilityZone: 'us-east-1a',
          Description: 'VPC Endpoint Interface vpce-0described',
          InterfaceType: 'vpc_endpoint',
          PrivateIpAddress: '10.0.1.5',
          PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.6' }, { PrivateIpAddress: '10.0.1.5' }, null],
          Groups: [{ GroupId: 'sg-b' }, { GroupId: 'sg-a' }, null],
          Status: 'in-use',
          RequesterManaged: true,
          TagSet: [{ Key: 'team', Value: 'net' }],
        },
        { NetworkInterfaceId: 'eni-3', VpcId: 'vpc-1', Description: 'VPC Endpoint Interface vpce-0described' },
        { NetworkInterfaceId: 'eni-4', VpcId: 'vpc-1', Description: 'VPC Endpoint Interface vpce-0gone' },
        { NetworkInterfaceId: 'eni-1' },
      ],
    });
    expect(t.networkInterfaces).toEqual([
      { id: 'eni-1', vpcId: '', subnetId: '', az: '', description: '', interfaceType: 'interface', privateIp: null, privateIps: [], securityGroupIds: [], status: 'unknown', requesterManaged: false, endpointId: null, tags: {} },
      {
        id: 'eni-2', vpcId: 'vpc-1', subnetId: 'subnet-1', az: 'us-east-1a', description: 'VPC Endpoint Interface vpce-0described', interfaceType: 'vpc_endpoint', privateIp: '10.0.1.5',
        privateIps: ['10.0.1.5', '10.0.1.6'], securityGroupIds: ['sg-a', 'sg-b'], status: 'in-use', requesterManaged: true, endpointId: 'vpce-0listed', tags: { team: 'net' },
      },
      expect.objectContaining({ id: 'eni-3', endpointId: 'vpce-0described' }),
      expect.objectContaining({ id: 'eni-4', endpointId: null }),
    ]);
  });

  it('skips a repeated interface on its VPC', () => {
    const t = normalize({ networkInterfaces: [{ NetworkInterfaceId: 'eni-1', VpcId: 'vpc-1' }, { NetworkInterfaceId: 'eni-1', VpcId: 'vpc-1' }] });
    expect(t.dataWarnings).toEqual([expect.objectContaining({ kind: 'skipped', vpcId: 'vpc-1', message: 'us-east-1 DescribeNetworkInterfaces record 1: skipped, eni-1 appears more than once (the first one is used)' })]);
  });
});

describe('security groups', () => {
  it('reads every field of a group and its rules, sorted by id; names a group by Name tag, else group name, else id', () => {
    const t = normalize({
      securityGroups: [
        {
          GroupId: 'sg-2',
          VpcId: 'vpc-1',
          GroupName: 'web',
          Description: 'web servers',
          Tags: [{ Key: 'Name', Value: '  frontend  ' }],
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: 443,
              ToPort: 443,
              IpRanges: [{ CidrIp: '10.1.0.0/16' }, { CidrIp: '10.0.0.0/16', Description: 'from the VPC' }, null],
              Ipv6Ranges: [{ CidrIpv6: '::/0' }, null],
              PrefixListIds: [{ PrefixListId: 'pl-1' }, null],
              UserIdGroupPairs: [{ GroupId: 'sg-b', Description: 'peer' }, { GroupId: 'sg-a' }, null],
            },
            { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, IpRanges: [null], Ipv6Ranges: [null, { CidrIpv6: '2600::/16', Description: 'v6 clients' }] },
            { IpProtocol: '6', FromPort: 22, ToPort: 22, IpRanges: [null], Ipv6Ranges: [null], UserIdGroupPairs: [null, { GroupId: 'sg-a', Description: 'bastion' }] },
            null,
          ],
          IpPermissionsEgress: [null, { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }, {}],
        },
        { GroupId: 'sg-1', VpcId: 'vpc-1', GroupName: 'default', Tags: [{ Key: 'Name', Value: '  ' }] },
        { GroupId: 'sg-3' },
      ],
    });
    const none = { ipv6Cidrs: [], prefixListIds: [], securityGroupIds: [], description: null };
    expect(t.securityGroups).toEqual([
      { id: 'sg-1', vpcId: 'vpc-1', name: 'default', groupName: 'default', description: '', inbound: [], outbound: [], tags: { Name: '  ' } },
      {
        id: 'sg-2',
        vpcId: 'vpc-1',
        name: 'frontend',
        groupName: 'web',
        description: 'web servers',
        inbound: [
          { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.0.0.0/16', '10.1.0.0/16'], ipv6Cidrs: ['::/0'], prefixListIds: ['pl-1'], securityGroupIds: ['sg-a', 'sg-b'], description: 'from the VPC' },
          { protocol: 'tcp', fromPort: 0, toPort: 65535, cidrs: [], ipv6Cidrs: ['2600::/16'], prefixListIds: [], securityGroupIds: [], description: 'v6 clients' },
          { protocol: '6', fromPort: 22, toPort: 22, cidrs: [], ipv6Cidrs: [], prefixListIds: [], securityGroupIds: ['sg-a'], description: 'bastion' },
        ],
        outbound: [
          { protocol: '-1', fromPort: null, toPort: null, cidrs: ['0.0.0.0/0'], ...none },
          { protocol: '-1', fromPort: null, toPort: null, cidrs: [], ...none },
        ],
        tags: { Name: '  frontend  ' },
      },
      { id: 'sg-3', vpcId: '', name: 'sg-3', groupName: '', description: '', inbound: [], outbound: [], tags: {} },
    ]);
  });

  it('skips a repeated group on its VPC', () => {
    const t = normalize({ securityGroups: [{ GroupId: 'sg-1', VpcId: 'vpc-1' }, { GroupId: 'sg-1', VpcId: 'vpc-1' }] });
    expect(t.dataWarnings).toEqual([expect.objectContaining({ kind: 'skipped', vpcId: 'vpc-1', message: 'us-east-1 DescribeSecurityGroups record 1: skipped, sg-1 appears more than once (the first one is used)' })]);
  });
});

describe('the region as a whole', () => {
  it('carries the loader’s warnings and the lists it could not read', () => {
    const t = normalize({ warnings: ['DescribeVpcEndpoints was denied'], unread: ['vpcEndpoints'] });
    expect(t.warnings).toEqual(['DescribeVpcEndpoints was denied']);
    expect(t.unread).toEqual(['vpcEndpoints']);
    expect('unread' in normalize()).toBe(false);
  });

  it('scopes every list to one VPC', () => {
    const both = <T>(make: (vpc: string) => T) => [make('vpc-1'), make('vpc-2')];
    const t = {
      ...normalize(),
      vpcs: both((id) => ({ id })),
      subnets: both((vpcId) => ({ id: `subnet-${vpcId}`, vpcId })),
      routeTables: both((vpcId) => ({ id: `rtb-${vpcId}`, vpcId })),
      endpoints: both((vpcId) => ({ id: `vpce-${vpcId}`, vpcId })),
      internetGateways: both((vpc) => ({ id: `igw-${vpc}`, vpcIds: [vpc] })),
      natGateways: both((vpcId) => ({ id: `nat-${vpcId}`, vpcId })),
      securityGroups: both((vpcId) => ({ id: `sg-${vpcId}`, vpcId })),
      networkInterfaces: both((vpcId) => ({ id: `eni-${vpcId}`, vpcId })),
      egressOnlyInternetGateways: both((vpc) => ({ id: `eigw-${vpc}`, vpcIds: [vpc] })),
      carrierGateways: both((vpcId) => ({ id: `cagw-${vpcId}`, vpcId })),
      transitGatewayAttachments: both((vpcId) => ({ id: `tgw-attach-${vpcId}`, vpcId })),
      prefixLists: [{ id: 'pl-1' }],
      dataWarnings: both((vpcId) => ({ kind: 'inconsistent', vpcId, message: vpcId })),
    } as unknown as Topology;
    const scoped = scopeToVpc(t, 'vpc-2');
    const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);
    expect({
      vpcs: ids(scoped.vpcs),
      subnets: ids(scoped.subnets),
      routeTables: ids(scoped.routeTables),
      endpoints: ids(scoped.endpoints),
      internetGateways: ids(scoped.internetGateways),
      natGateways: ids(scoped.natGateways),
      securityGroups: ids(scoped.securityGroups),
      networkInterfaces: ids(scoped.networkInterfaces),
      egressOnlyInternetGateways: ids(scoped.egressOnlyInternetGateways),
      carrierGateways: ids(scoped.carrierGateways),
      transitGatewayAttachments: ids(scoped.transitGatewayAttachments),
      prefixLists: ids(scoped.prefixLists),
      dataWarnings: scoped.dataWarnings.map((d) => d.message),
    }).toEqual({
      vpcs: ['vpc-2'],
      subnets: ['subnet-vpc-2'],
      routeTables: ['rtb-vpc-2'],
      endpoints: ['vpce-vpc-2'],
      internetGateways: ['igw-vpc-2'],
      natGateways: ['nat-vpc-2'],
      securityGroups: ['sg-vpc-2'],
      networkInterfaces: ['eni-vpc-2'],
      egressOnlyInternetGateways: ['eigw-vpc-2'],
      carrierGateways: ['cagw-vpc-2'],
      transitGatewayAttachments: ['tgw-attach-vpc-2'],
      prefixLists: ['pl-1'],
      dataWarnings: ['vpc-2'],
    });
  });
});
