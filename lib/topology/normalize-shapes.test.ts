import { describe, expect, it } from 'vitest';
import { endpointLabel, normalizeTopology, scopeToVpc } from './normalize';
import { NORMALIZE_OPTS, rawRegion, type RawOverrides } from './test-raw';

// Shapes as the EC2 API reference (botocore's ec2 service-2.json) documents them for 2026 accounts.
const raw = (over: RawOverrides = {}) =>
  rawRegion(
    [
      { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' },
      { VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16' },
    ],
    over,
  );
const opts = NORMALIZE_OPTS;
const main = (vpc: string, routes: object[] = []) => ({
  RouteTableId: `rtb-main-${vpc}`,
  VpcId: vpc,
  Associations: [{ Main: true }],
  Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }, ...routes],
});

describe('endpoints of every type', () => {
  const t = normalizeTopology(
    raw({
      vpcEndpoints: [
        {
          VpcEndpointId: 'vpce-res',
          VpcId: 'vpc-1',
          VpcEndpointType: 'Resource',
          State: 'Available',
          ResourceConfigurationArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0',
          SubnetIds: ['subnet-a'],
          NetworkInterfaceIds: ['eni-r'],
          Ipv4Prefixes: [{ SubnetId: 'subnet-a', IpPrefixes: ['10.0.1.16/28'] }],
          IpAddressType: 'dualstack',
        },
        {
          VpcEndpointId: 'vpce-sn',
          VpcId: 'vpc-1',
          VpcEndpointType: 'ServiceNetwork',
          State: 'pendingAcceptance',
          ServiceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0fedcba9876543210',
          DnsOptions: { DnsRecordIpType: 'ipv4', PrivateDnsPreference: 'VERIFIED_DOMAINS_ONLY', PrivateDnsSpecifiedDomains: ['b.example.com', 'a.example.com'] },
        },
        {
          VpcEndpointId: 'vpce-s3i',
          VpcId: 'vpc-1',
          VpcEndpointType: 'Interface',
          ServiceName: 'com.amazonaws.us-east-1.s3',
          State: 'available',
          DnsOptions: { DnsRecordIpType: 'ipv4', PrivateDnsOnlyForInboundResolverEndpoint: true },
        },
        { VpcEndpointId: 'vpce-3p', VpcId: 'vpc-1', VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc', State: 'rejected' },
        {
          VpcEndpointId: 'vpce-3pn',
          VpcId: 'vpc-1',
          VpcEndpointType: 'Interface',
          ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0def',
          State: 'partial',
          Tags: [{ Key: 'Name', Value: 'Datadog intake' }],
        },
        { VpcEndpointId: 'vpce-new', VpcId: 'vpc-1', VpcEndpointType: 'SomethingAwsAddsIn2027', ServiceName: 'com.amazonaws.us-east-1.future', State: 'warming' },
        { VpcEndpointId: 'vpce-gone', VpcId: 'vpc-1', VpcEndpointType: 'Gateway', ServiceName: 'com.amazonaws.us-east-1.s3', State: 'Deleted' },
      ],
    }),
    opts,
  );
  const byId = Object.fromEntries(t.endpoints.map((e) => [e.id, e]));

  it('keeps VPC Lattice endpoints, which have no ServiceName, with their ARNs, prefixes and address type', () => {
    expect(byId['vpce-res']).toMatchObject({
      type: 'Resource',
      serviceName: '',
      serviceShortName: '',
      resourceConfigurationArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0',
      ipv4Prefixes: ['10.0.1.16/28'],
      ipAddressType: 'dualstack',
      state: 'available',
    });
    expect(byId['vpce-sn']).toMatchObject({
      type: 'ServiceNetwork',
      serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0fedcba9876543210',
      dnsOptions: { dnsRecordIpType: 'ipv4', privateDnsPreference: 'VERIFIED_DOMAINS_ONLY', privateDnsSpecifiedDomains: ['a.example.com', 'b.example.com'], privateDnsOnlyForInboundResolverEndpoint: null },
    });
  });

  it('spells states as AWS does and carries a type and a state it does not know', () => {
    expect(Object.fromEntries(t.endpoints.map((e) => [e.id, e.state]))).toEqual({
      'vpce-res': 'available',
      'vpce-sn': 'pendingAcceptance',
      'vpce-s3i': 'available',
      'vpce-3p': 'rejected',
      'vpce-3pn': 'partial',
      'vpce-new': 'warming',
    });
    expect(byId['vpce-new']?.type).toBe('SomethingAwsAddsIn2027');
  });

  it('keeps PrivateDnsOnlyForInboundResolverEndpoint', () => {
    expect(byId['vpce-s3i']?.dnsOptions?.privateDnsOnlyForInboundResolverEndpoint).toBe(true);
  });

  it('labels Lattice endpoints from their ARNs and third-party ones by Name tag, else service name', () => {
    expect(t.endpoints.map((e) => [e.id, endpointLabel(e)])).toEqual([
      ['vpce-3p', 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc'],
      ['vpce-3pn', 'Datadog intake'],
      ['vpce-new', 'future'],
      ['vpce-res', 'rcfg-0123456789abcdef0'],
      ['vpce-s3i', 's3'],
      ['vpce-sn', 'sn-0fedcba9876543210'],
    ]);
  });

  it('leaves a deleted endpoint out and says so on its VPC', () => {
    expect(byId['vpce-gone']).toBeUndefined();
    expect(t.dataWarnings).toContainEqual({ kind: 'left-out', vpcId: 'vpc-1', message: 'Endpoint vpce-gone is deleted; it is left out.' });
  });
});

describe('NAT gateways', () => {
  const t = normalizeTopology(
    raw({
      subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }],
      routeTables: [main('vpc-1', [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-old', State: 'blackhole' }])],
      natGateways: [
        {
          NatGatewayId: 'nat-reg',
          VpcId: 'vpc-1',
          State: 'available',
          ConnectivityType: 'public',
          AvailabilityMode: 'regional',
          RouteTableId: 'rtb-natgw',
          NatGatewayAddresses: [
            { PublicIp: '3.3.3.3', PrivateIp: '10.0.9.1', AvailabilityZone: 'us-east-1b', Status: 'succeeded' },
            { PublicIp: '3.3.3.4', PrivateIp: '10.0.9.2', AvailabilityZone: 'us-east-1a', Status: 'succeeded' },
          ],
        },
        { NatGatewayId: 'nat-priv', VpcId: 'vpc-1', SubnetId: 'subnet-a', State: 'available', ConnectivityType: 'private', NatGatewayAddresses: [{ PrivateIp: '10.0.1.9' }] },
        { NatGatewayId: 'nat-old', VpcId: 'vpc-1', SubnetId: 'subnet-a', State: 'deleted' },
        { NatGatewayId: 'nat-forgotten', VpcId: 'vpc-1', SubnetId: 'subnet-a', State: 'deleted' },
      ],
    }),
    opts,
  );
  const nat = Object.fromEntries(t.natGateways.map((n) => [n.id, n]));

  it('carries a regional NAT gateway: no subnet, addresses in several AZs, its route table', () => {
    expect(nat['nat-reg']).toMatchObject({ availabilityMode: 'regional', subnetId: '', routeTableId: 'rtb-natgw', azs: ['us-east-1a', 'us-east-1b'], publicIps: ['3.3.3.3', '3.3.3.4'] });
    expect(nat['nat-priv']).toMatchObject({ availabilityMode: 'zonal', connectivityType: 'private', azs: ['us-east-1a'], publicIps: [] });
  });

  it('keeps a deleted NAT gateway a route still points to, and leaves out one nothing points to, saying so', () => {
    expect(nat['nat-old']?.state).toBe('deleted');
    expect(nat['nat-forgotten']).toBeUndefined();
    expect(t.dataWarnings.map((d) => d.message)).toContain('NAT gateway nat-forgotten is deleted and no route points to it; it is left out.');
  });
});

describe('subnets', () => {
  it('shows IPv6-only, Outposts, Local Zone and Wavelength subnets for what they are', () => {
    const t = normalizeTopology(
      raw({
        subnets: [
          { SubnetId: 'subnet-v6', VpcId: 'vpc-1', Ipv6Native: true, AvailabilityZone: 'us-east-1a', Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f18::/64', Ipv6CidrBlockState: { State: 'associated' } }], EnableDns64: true },
          { SubnetId: 'subnet-op', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1a', OutpostArn: 'arn:aws:outposts:us-east-1:111122223333:outpost/op-0abc' },
          { SubnetId: 'subnet-lz', VpcId: 'vpc-1', CidrBlock: '10.0.3.0/24', AvailabilityZone: 'us-east-1-bos-1a' },
          { SubnetId: 'subnet-wl', VpcId: 'vpc-1', CidrBlock: '10.0.4.0/24', AvailabilityZone: 'us-east-1-wl1-bos-wlz-1' },
        ],
        routeTables: [main('vpc-1')],
      }),
      opts,
    );
    expect(t.subnets.map((s) => [s.id, s.cidr, s.ipv6Cidrs, s.ipv6Native, s.zoneType])).toEqual([
      ['subnet-lz', '10.0.3.0/24', [], false, 'local-zone'],
      ['subnet-wl', '10.0.4.0/24', [], false, 'wavelength-zone'],
      ['subnet-op', '10.0.2.0/24', [], false, 'outpost'],
      ['subnet-v6', '', ['2600:1f18::/64'], true, 'availability-zone'],
    ]);
    expect(t.subnets.find((s) => s.id === 'subnet-v6')?.enableDns64).toBe(true);
  });

  it('takes the zone type from DescribeAvailabilityZones when it was read', () => {
    const t = normalizeTopology(
      raw({
        subnets: [{ SubnetId: 'subnet-x', VpcId: 'vpc-1', CidrBlock: '10.0.3.0/24', AvailabilityZone: 'us-east-1-nyc-1a' }],
        routeTables: [main('vpc-1')],
        availabilityZones: [{ ZoneName: 'us-east-1-nyc-1a', ZoneId: 'use1-nyc1-az1', ZoneType: 'local-zone', ParentZoneName: 'us-east-1f' }],
      }),
      opts,
    );
    expect(t.zones).toEqual([{ name: 'us-east-1-nyc-1a', id: 'use1-nyc1-az1', zoneType: 'local-zone', parentZoneName: 'us-east-1f' }]);
    expect(t.subnets[0]?.zoneType).toBe('local-zone');
  });

  it('is public through a GWLB endpoint whose own subnet reaches an internet gateway, and through a split default route', () => {
    const t = normalizeTopology(
      raw({
        subnets: [
          { SubnetId: 'subnet-app', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' },
          { SubnetId: 'subnet-fw', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1a' },
          { SubnetId: 'subnet-vpn', VpcId: 'vpc-1', CidrBlock: '10.0.3.0/24', AvailabilityZone: 'us-east-1a' },
        ],
        routeTables: [
          main('vpc-1'),
          { RouteTableId: 'rtb-app', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-app' }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'vpce-gwlb' }] },
          { RouteTableId: 'rtb-fw', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-fw' }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }] },
          {
            RouteTableId: 'rtb-vpn',
            VpcId: 'vpc-1',
            Associations: [{ SubnetId: 'subnet-vpn' }],
            Routes: [
              { DestinationCidrBlock: '0.0.0.0/1', GatewayId: 'igw-1' },
              { DestinationCidrBlock: '128.0.0.0/1', GatewayId: 'igw-1' },
            ],
          },
          { RouteTableId: 'rtb-edge', VpcId: 'vpc-1', Associations: [{ GatewayId: 'igw-1' }], Routes: [] },
        ],
        vpcEndpoints: [{ VpcEndpointId: 'vpce-gwlb', VpcId: 'vpc-1', VpcEndpointType: 'GatewayLoadBalancer', ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-fw', SubnetIds: ['subnet-fw'] }],
      }),
      opts,
    );
    expect(Object.fromEntries(t.subnets.map((s) => [s.id, s.public]))).toEqual({ 'subnet-app': true, 'subnet-fw': true, 'subnet-vpn': true });
    expect(t.routeTables.find((r) => r.id === 'rtb-edge')?.gatewayIds).toEqual(['igw-1']);
  });
});

describe('data that does not add up', () => {
  const t = normalizeTopology(
    raw({
      subnets: [
        { SubnetId: 'subnet-b', VpcId: 'vpc-2', CidrBlock: '10.1.1.0/24', AvailabilityZone: 'us-east-1a' },
        { SubnetId: 'subnet-out', VpcId: 'vpc-1', CidrBlock: '192.168.0.0/24', AvailabilityZone: 'us-east-1a' },
        { SubnetId: 'subnet-v6in4', VpcId: 'vpc-1', CidrBlock: '2600:1f18::/64', AvailabilityZone: 'us-east-1a', Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f18::/64' }] },
        { SubnetId: 'subnet-b', VpcId: 'vpc-2', CidrBlock: '10.1.9.0/24', AvailabilityZone: 'us-east-1b' },
        { SubnetId: 'subnet-lost', VpcId: 'vpc-9', CidrBlock: '10.9.0.0/24' },
        { VpcId: 'vpc-1', CidrBlock: '10.0.7.0/24' },
      ],
      routeTables: [
        main('vpc-1'),
        main('vpc-2'),
        // A table of vpc-1 with an internet route, associated with a subnet of vpc-2 (which has no IGW).
        { RouteTableId: 'rtb-pub1', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-b' }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }] },
      ],
      securityGroups: [{ GroupId: 'sg-lost', VpcId: 'vpc-9' }],
    }),
    opts,
  );

  it('does not draw a subnet public through another VPC’s route table, and says so on both VPCs', () => {
    const b = t.subnets.find((s) => s.id === 'subnet-b');
    expect(b).toMatchObject({ routeTableId: 'rtb-main-vpc-2', public: false, explicitRouteTable: false });
    const about = t.dataWarnings.filter((d) => d.message.includes('rtb-pub1'));
    expect(about.map((d) => d.vpcId).sort()).toEqual(['vpc-1', 'vpc-2']);
  });

  it('names a subnet outside its VPC’s CIDR blocks, an IPv6 block in CidrBlock (listed once), a repeated id and a record without an id', () => {
    const messages = t.dataWarnings.map((d) => d.message);
    expect(messages).toContain("Subnet subnet-out (192.168.0.0/24) lies outside its VPC's CIDR blocks (10.0.0.0/16).");
    expect(messages.some((m) => /subnet-v6in4 has an IPv6 block \(2600:1f18::\/64\) in CidrBlock/.test(m))).toBe(true);
    expect(t.subnets.find((s) => s.id === 'subnet-v6in4')).toMatchObject({ cidr: '', ipv6Cidrs: ['2600:1f18::/64'], ipv6Native: true });
    expect(t.subnets.filter((s) => s.id === 'subnet-b')).toHaveLength(1);
    expect(t.dataWarnings).toContainEqual(
      expect.objectContaining({ kind: 'skipped', vpcId: 'vpc-2', message: 'us-east-1 DescribeSubnets record 3: skipped, subnet-b appears more than once (the first one is used)' }),
    );
    expect(t.dataWarnings).toContainEqual(expect.objectContaining({ kind: 'skipped', vpcId: 'vpc-1', index: 5, message: 'us-east-1 DescribeSubnets record 5: skipped, it has no id' }));
  });

  it('names a subnet whose IPv6 block lies outside its VPC’s IPv6 blocks, and not one inside them', () => {
    const v6 = normalizeTopology(
      raw({
        vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f18:aa00::/56', Ipv6CidrBlockState: { State: 'associated' } }] }],
        subnets: [
          { SubnetId: 'subnet-in', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f18:aa00:1::/64' }] },
          { SubnetId: 'subnet-v6out', VpcId: 'vpc-1', Ipv6Native: true, AvailabilityZone: 'us-east-1a', Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f18:bb00:1::/64' }] },
        ],
      }),
      opts,
    );
    expect(v6.dataWarnings.filter((d) => d.message.includes('lies outside'))).toEqual([
      { kind: 'inconsistent', vpcId: 'vpc-1', message: "Subnet subnet-v6out (2600:1f18:bb00:1::/64) lies outside its VPC's CIDR blocks (2600:1f18:aa00::/56)." },
    ]);
  });

  it('says which records name a VPC missing from the data, once per missing VPC', () => {
    expect(t.dataWarnings.filter((d) => d.message.includes('vpc-9'))).toEqual([
      { kind: 'inconsistent', vpcId: null, message: 'VPC vpc-9 is not in the data, but 2 records name it (subnet subnet-lost, security group sg-lost); they are on no VPC page.' },
    ]);
  });

  it('gives a VPC page only its own warnings', () => {
    const scoped = scopeToVpc(t, 'vpc-2');
    expect(scoped.dataWarnings.length).toBeGreaterThan(0);
    expect(scoped.dataWarnings.every((d) => d.vpcId === 'vpc-2')).toBe(true);
  });
});

describe('null means absent', () => {
  it('reads a record with null in every optional field as one without those fields', () => {
    const withNulls = raw({
      vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', Tags: null, CidrBlockAssociationSet: null, Ipv6CidrBlockAssociationSet: null, IsDefault: null, State: null, OwnerId: null }],
      subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', Tags: null, Ipv6CidrBlockAssociationSet: null, MapPublicIpOnLaunch: null, AvailableIpAddressCount: null, OutpostArn: null }],
      routeTables: [{ RouteTableId: 'rtb-1', VpcId: 'vpc-1', Associations: [{ Main: true, SubnetId: null, GatewayId: null }], Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', NatGatewayId: null, Origin: null, State: null }], Tags: null }],
      vpcEndpoints: [{ VpcEndpointId: 'vpce-1', VpcId: 'vpc-1', VpcEndpointType: 'Gateway', ServiceName: 'com.amazonaws.us-east-1.s3', PolicyDocument: null, RouteTableIds: null, Groups: null, DnsEntries: null, DnsOptions: null, LastError: null, Tags: null }],
      natGateways: [{ NatGatewayId: 'nat-1', VpcId: 'vpc-1', SubnetId: 'subnet-a', NatGatewayAddresses: null, Tags: null, AvailabilityMode: null, RouteTableId: null }],
    });
    const without = raw({
      vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }],
      subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }],
      routeTables: [{ RouteTableId: 'rtb-1', VpcId: 'vpc-1', Associations: [{ Main: true }], Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }] }],
      vpcEndpoints: [{ VpcEndpointId: 'vpce-1', VpcId: 'vpc-1', VpcEndpointType: 'Gateway', ServiceName: 'com.amazonaws.us-east-1.s3' }],
      natGateways: [{ NatGatewayId: 'nat-1', VpcId: 'vpc-1', SubnetId: 'subnet-a' }],
    });
    const a = normalizeTopology(withNulls, opts);
    expect(a).toEqual(normalizeTopology(without, opts));
    expect(a.dataWarnings).toEqual([]);
    expect(a.endpoints[0]?.policy).toBeNull();
  });
});

describe('gateways and lists added to the contract', () => {
  it('reads egress-only internet gateways, carrier gateways, transit gateway attachments and managed prefix lists', () => {
    const t = normalizeTopology(
      raw({
        egressOnlyInternetGateways: [{ EgressOnlyInternetGatewayId: 'eigw-1', Attachments: [{ VpcId: 'vpc-1', State: 'attached' }] }],
        carrierGateways: [
          { CarrierGatewayId: 'cagw-1', VpcId: 'vpc-1', State: 'available' },
          { CarrierGatewayId: 'cagw-old', VpcId: 'vpc-1', State: 'deleted' },
        ],
        transitGatewayVpcAttachments: [{ TransitGatewayAttachmentId: 'tgw-attach-1', TransitGatewayId: 'tgw-1', VpcId: 'vpc-2', SubnetIds: ['subnet-b'], State: 'available' }],
        managedPrefixLists: [
          { PrefixListId: 'pl-cust', PrefixListName: 'office', OwnerId: '111122223333', AddressFamily: 'IPv4', Entries: [{ Cidr: '203.0.113.0/24' }, { Cidr: '198.51.100.0/24' }] },
          { PrefixListId: 'pl-unread', PrefixListName: 'partners', OwnerId: '111122223333', AddressFamily: 'IPv4' },
        ],
      }),
      opts,
    );
    expect(t.egressOnlyInternetGateways).toEqual([{ id: 'eigw-1', name: 'eigw-1', vpcIds: ['vpc-1'], tags: {} }]);
    expect(t.carrierGateways.map((g) => g.id)).toEqual(['cagw-1']);
    expect(t.transitGatewayAttachments).toEqual([{ id: 'tgw-attach-1', name: 'tgw-attach-1', transitGatewayId: 'tgw-1', vpcId: 'vpc-2', subnetIds: ['subnet-b'], state: 'available', tags: {} }]);
    expect(t.prefixLists).toEqual([
      { id: 'pl-cust', name: 'office', serviceShortName: '', cidrs: ['198.51.100.0/24', '203.0.113.0/24'], owner: 'customer', entriesKnown: true, addressFamily: 'IPv4' },
      { id: 'pl-unread', name: 'partners', serviceShortName: '', cidrs: [], owner: 'customer', entriesKnown: false, addressFamily: 'IPv4' },
    ]);
    expect(scopeToVpc(t, 'vpc-2').transitGatewayAttachments).toHaveLength(1);
    expect(scopeToVpc(t, 'vpc-1').egressOnlyInternetGateways).toHaveLength(1);
  });
});
