import { describe, expect, it } from 'vitest';
import { classifyRoute, normalizeTopology, scopeToVpc, serviceShortName } from './normalize';
import { NORMALIZE_OPTS, rawRegion, type RawOverrides } from './test-raw';

// Wire data as EC2 sends it: its enum spellings (`available`) differ from some SDK enums.
const raw = (over: RawOverrides = {}) => rawRegion([{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', Tags: [{ Key: 'Name', Value: 'prod' }] }], over);
const opts = NORMALIZE_OPTS;
const mainRt = {
  RouteTableId: 'rtb-main',
  VpcId: 'vpc-1',
  Associations: [{ Main: true, RouteTableAssociationId: 'rtbassoc-m' }],
  Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' as const }],
};

describe('normalizeTopology', () => {
  it('uses the explicit association as a subnet’s effective route table', () => {
    const t = normalizeTopology(
      raw({
        subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }],
        routeTables: [mainRt, { RouteTableId: 'rtb-x', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-a', Main: false }] }],
      }),
      opts,
    );
    expect(t.subnets[0]).toMatchObject({ routeTableId: 'rtb-x', explicitRouteTable: true });
    expect(t.routeTables.find((r) => r.id === 'rtb-x')?.effectiveSubnetIds).toEqual(['subnet-a']);
  });

  it('falls back to the VPC’s main route table when a subnet has no association', () => {
    const t = normalizeTopology(
      raw({
        subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }],
        routeTables: [mainRt],
      }),
      opts,
    );
    expect(t.subnets[0]).toMatchObject({ routeTableId: 'rtb-main', explicitRouteTable: false });
    expect(t.routeTables[0]).toMatchObject({ main: true, subnetIds: [], effectiveSubnetIds: ['subnet-a'] });
  });

  it('marks a subnet public only when its effective table sends 0.0.0.0/0 or ::/0 to an internet gateway', () => {
    const t = normalizeTopology(
      raw({
        subnets: [
          { SubnetId: 'subnet-pub', VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a' },
          { SubnetId: 'subnet-v6', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' },
          { SubnetId: 'subnet-nat', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1a' },
          { SubnetId: 'subnet-partial', VpcId: 'vpc-1', CidrBlock: '10.0.3.0/24', AvailabilityZone: 'us-east-1a' },
        ],
        routeTables: [
          mainRt,
          { RouteTableId: 'rtb-pub', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-pub' }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }] },
          { RouteTableId: 'rtb-v6', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-v6' }], Routes: [{ DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1', State: 'active' }] },
          { RouteTableId: 'rtb-nat', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-nat' }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }] },
          // A narrower route to the IGW does not make a subnet public.
          { RouteTableId: 'rtb-partial', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-partial' }], Routes: [{ DestinationCidrBlock: '8.8.8.0/24', GatewayId: 'igw-1', State: 'active' }] },
        ],
      }),
      opts,
    );
    const pub = Object.fromEntries(t.subnets.map((s) => [s.id, s.public]));
    expect(pub).toEqual({ 'subnet-pub': true, 'subnet-v6': true, 'subnet-nat': false, 'subnet-partial': false });
  });

  it('classifies every route target and keeps prefix-list and IPv6 destinations', () => {
    const routes = [
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' },
      { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' },
      { DestinationPrefixListId: 'pl-63a5400a', GatewayId: 'vpce-1' },
      { DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: 'pcx-1' },
      { DestinationCidrBlock: '172.16.0.0/12', TransitGatewayId: 'tgw-1' },
      { DestinationCidrBlock: '192.168.0.0/16', NetworkInterfaceId: 'eni-1' },
      { DestinationCidrBlock: '192.169.0.0/16', InstanceId: 'i-1', NetworkInterfaceId: 'eni-2' },
      { DestinationCidrBlock: '10.9.0.0/16', GatewayId: 'vgw-1' },
      { DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1' },
      { DestinationCidrBlock: '10.50.0.0/16', CarrierGatewayId: 'cagw-1' },
      { DestinationCidrBlock: '10.60.0.0/16', LocalGatewayId: 'lgw-1' },
      { DestinationCidrBlock: '10.70.0.0/16', CoreNetworkArn: 'arn:aws:networkmanager::111122223333:core-network/core-network-0a1b' },
      { DestinationCidrBlock: '10.80.0.0/16', GatewayId: 'vgw-1', Origin: 'EnableVgwRoutePropagation' as const },
      { DestinationCidrBlock: '10.90.0.0/16', GatewayId: 'vpce-gwlb' },
    ].map((r) => classifyRoute(r));
    expect(routes.map((r) => [r.destination, r.target, r.targetType])).toEqual([
      ['10.0.0.0/16', 'local', 'local'],
      ['0.0.0.0/0', 'igw-1', 'igw'],
      ['0.0.0.0/0', 'nat-1', 'nat'],
      ['pl-63a5400a', 'vpce-1', 'vpce'],
      ['10.2.0.0/16', 'pcx-1', 'pcx'],
      ['172.16.0.0/12', 'tgw-1', 'tgw'],
      ['192.168.0.0/16', 'eni-1', 'eni'],
      ['192.169.0.0/16', 'i-1', 'instance'],
      ['10.9.0.0/16', 'vgw-1', 'vgw'],
      ['::/0', 'eigw-1', 'eigw'],
      ['10.50.0.0/16', 'cagw-1', 'cagw'],
      ['10.60.0.0/16', 'lgw-1', 'lgw'],
      ['10.70.0.0/16', 'arn:aws:networkmanager::111122223333:core-network/core-network-0a1b', 'core-network'],
      ['10.80.0.0/16', 'vgw-1', 'vgw'],
      ['10.90.0.0/16', 'vpce-gwlb', 'vpce'],
    ]);
    expect(routes[3]?.destinationType).toBe('prefix-list');
    expect(routes[9]?.destinationType).toBe('ipv6');
    expect(routes.map((r) => r.propagated)).toEqual([false, false, false, false, false, false, false, false, false, false, false, false, false, true, false]);
  });

  it('keeps a route to a target type it does not know, named by its field, and says so on the VPC', () => {
    // OdbNetworkArn (Oracle Database@AWS) is in botocore's Route shape; `FutureGatewayId` stands for one AWS adds later.
    const t = normalizeTopology(
      raw({
        routeTables: [
          {
            RouteTableId: 'rtb-1',
            VpcId: 'vpc-1',
            Associations: [{ Main: true }],
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' },
              { DestinationCidrBlock: '0.0.0.0/0', FutureGatewayId: 'fgw-0123', InstanceOwnerId: '111122223333' },
              { DestinationCidrBlock: '10.8.0.0/16', OdbNetworkArn: 'arn:aws:odb:us-east-1:111122223333:odb-network/odbnet-1' },
            ],
          },
        ],
      }),
      opts,
    );
    const routes = t.routeTables[0]!.routes;
    expect(routes.map((r) => [r.destination, r.target, r.targetType])).toEqual([
      ['0.0.0.0/0', 'fgw-0123', 'other'],
      ['10.0.0.0/16', 'local', 'local'],
      ['10.8.0.0/16', 'arn:aws:odb:us-east-1:111122223333:odb-network/odbnet-1', 'other'],
    ]);
    expect(t.dataWarnings.filter((w) => w.kind === 'unrecognised')).toEqual([
      { kind: 'unrecognised', vpcId: 'vpc-1', message: expect.stringMatching(/^Route 0\.0\.0\.0\/0 in rtb-1 goes to fgw-0123, a target type vpc-atlas does not recognise/) },
      { kind: 'unrecognised', vpcId: 'vpc-1', message: expect.stringContaining('goes to arn:aws:odb:us-east-1:111122223333:odb-network/odbnet-1') },
    ]);
  });

  it('keeps blackhole routes with their state and the vanished target', () => {
    const r = classifyRoute({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-gone', State: 'blackhole' });
    expect(r).toMatchObject({ target: 'nat-gone', targetType: 'blackhole', targetKind: 'nat', state: 'blackhole' });
  });

  it('lists every IPv4 and IPv6 CIDR block of a VPC, primary first', () => {
    const t = normalizeTopology(
      raw({
        vpcs: [
          {
            VpcId: 'vpc-1',
            CidrBlock: '10.50.0.0/16',
            CidrBlockAssociationSet: [
              { CidrBlock: '10.51.0.0/16', CidrBlockState: { State: 'associated' } },
              { CidrBlock: '10.50.0.0/16', CidrBlockState: { State: 'associated' } },
              { CidrBlock: '10.99.0.0/16', CidrBlockState: { State: 'disassociated' } },
            ],
            Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f18::/56', Ipv6CidrBlockState: { State: 'associated' } }],
          },
        ],
      }),
      opts,
    );
    expect(t.vpcs[0]).toMatchObject({ cidrBlocks: ['10.50.0.0/16', '10.51.0.0/16'], ipv6CidrBlocks: ['2600:1f18::/56'] });
  });

  it('leaves out endpoints in state deleted, whatever the case', () => {
    const t = normalizeTopology(
      raw({
        vpcEndpoints: [
          { VpcEndpointId: 'vpce-live', VpcId: 'vpc-1', ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway', State: 'available' },
          { VpcEndpointId: 'vpce-gone', VpcId: 'vpc-1', ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway', State: 'deleted' },
          { VpcEndpointId: 'vpce-gone2', VpcId: 'vpc-1', ServiceName: 'com.amazonaws.us-east-1.ssm', VpcEndpointType: 'Interface', State: 'Deleted' },
        ],
      }),
      opts,
    );
    expect(t.endpoints.map((e) => e.id)).toEqual(['vpce-live']);
  });

  it('uses Name tags as names and the id when there is none', () => {
    const t = normalizeTopology(
      raw({
        vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }],
        subnets: [
          { SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', Tags: [{ Key: 'Name', Value: 'app-a' }] },
          { SubnetId: 'subnet-b', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', Tags: [{ Key: 'Name', Value: '  ' }] },
        ],
      }),
      opts,
    );
    expect(t.vpcs[0]?.name).toBe('vpc-1');
    expect(t.subnets.map((s) => s.name)).toEqual(['app-a', 'subnet-b']);
  });

  it('ties endpoint ENIs to their endpoint and shortens service names', () => {
    const t = normalizeTopology(
      raw({
        vpcEndpoints: [
          {
            VpcEndpointId: 'vpce-0123',
            VpcId: 'vpc-1',
            ServiceName: 'com.amazonaws.us-east-1.ecr.dkr',
            VpcEndpointType: 'Interface',
            State: 'available',
            SubnetIds: ['subnet-a'],
            NetworkInterfaceIds: ['eni-1'],
            Groups: [{ GroupId: 'sg-1', GroupName: 'x' }],
            PrivateDnsEnabled: true,
          },
        ],
        networkInterfaces: [
          // moto reports endpoint ENIs with the wrong type; the endpoint's own list decides.
          { NetworkInterfaceId: 'eni-1', SubnetId: 'subnet-a', VpcId: 'vpc-1', InterfaceType: 'interface', PrivateIpAddress: '10.0.1.10' },
          { NetworkInterfaceId: 'eni-2', SubnetId: 'subnet-a', VpcId: 'vpc-1', Description: 'Primary network interface' },
        ],
      }),
      opts,
    );
    expect(t.endpoints[0]).toMatchObject({ serviceShortName: 'ecr.dkr', securityGroupIds: ['sg-1'], privateDnsEnabled: true });
    expect(t.networkInterfaces.map((n) => [n.id, n.endpointId])).toEqual([
      ['eni-1', 'vpce-0123'],
      ['eni-2', null],
    ]);
  });

  it('names prefix lists by service and sorts subnets by VPC, AZ, then CIDR numerically', () => {
    const t = normalizeTopology(
      raw({
        prefixLists: [{ PrefixListId: 'pl-63a5400a', PrefixListName: 'com.amazonaws.us-east-1.s3', Cidrs: ['54.231.0.0/16', '3.5.0.0/19'] }],
        subnets: [
          { SubnetId: 'subnet-3', VpcId: 'vpc-1', CidrBlock: '10.0.10.0/24', AvailabilityZone: 'us-east-1a' },
          { SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1a' },
          { SubnetId: 'subnet-2', VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1b' },
        ],
      }),
      opts,
    );
    expect(t.prefixLists[0]).toMatchObject({ serviceShortName: 's3', cidrs: ['3.5.0.0/19', '54.231.0.0/16'] });
    expect(t.subnets.map((s) => s.id)).toEqual(['subnet-1', 'subnet-3', 'subnet-2']);
  });

  it('warns, without failing, when a subnet has no route table at all', () => {
    const t = normalizeTopology(raw({ subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' }] }), opts);
    expect(t.subnets[0]?.routeTableId).toBeNull();
    expect(t.dataWarnings).toEqual([{ kind: 'inconsistent', vpcId: 'vpc-1', message: expect.stringMatching(/subnet-a has no route table/) }]);
  });

  it('carries VPC DNS settings when they were read, and null when unknown', () => {
    const t = normalizeTopology(
      raw({
        vpcs: [
          { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' },
          { VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16' },
        ],
        vpcDns: { 'vpc-1': { dnsSupport: true, dnsHostnames: false } },
      }),
      opts,
    );
    expect(t.vpcs.map((v) => [v.dnsSupport, v.dnsHostnames])).toEqual([
      [true, false],
      [null, null],
    ]);
  });

  it('scopes a region to one VPC, keeping the regional prefix lists', () => {
    const t = normalizeTopology(
      raw({
        vpcs: [
          { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' },
          { VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16' },
        ],
        subnets: [
          { SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' },
          { SubnetId: 'subnet-b', VpcId: 'vpc-2', CidrBlock: '10.1.1.0/24' },
        ],
        internetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-2', State: 'available' }] }],
        prefixLists: [{ PrefixListId: 'pl-1', PrefixListName: 'com.amazonaws.us-east-1.s3' }],
      }),
      opts,
    );
    const s = scopeToVpc(t, 'vpc-2');
    expect(s.vpcs.map((v) => v.id)).toEqual(['vpc-2']);
    expect(s.subnets.map((x) => x.id)).toEqual(['subnet-b']);
    expect(s.internetGateways.map((g) => g.id)).toEqual(['igw-1']);
    expect(s.prefixLists).toHaveLength(1);
  });

  it('is deterministic: input order does not change the output', () => {
    const subnets = [
      { SubnetId: 'subnet-b', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1a' },
      { SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' },
    ];
    const a = normalizeTopology(raw({ subnets, routeTables: [mainRt] }), opts);
    const b = normalizeTopology(raw({ subnets: [...subnets].reverse(), routeTables: [mainRt] }), opts);
    expect(a).toEqual(b);
  });
});

describe('serviceShortName', () => {
  it('strips com.amazonaws.<region>. and keeps dotted service names', () => {
    expect(serviceShortName('com.amazonaws.us-east-1.s3', 'us-east-1')).toBe('s3');
    expect(serviceShortName('com.amazonaws.eu-west-1.ecr.api', 'eu-west-1')).toBe('ecr.api');
    expect(serviceShortName('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0')).toBe('vpce-svc-0123456789abcdef0');
  });
});
