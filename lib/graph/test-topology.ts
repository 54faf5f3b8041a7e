/**
 * Small hand-written topologies for the graph's unit tests. Builders fill every field of the contract
 * with a neutral default so each test states only what it is about.
 */

import type {
  Endpoint,
  InternetGateway,
  NatGateway,
  NetworkInterface,
  PrefixList,
  Route,
  RouteTable,
  SecurityGroup,
  Subnet,
  Topology,
  Vpc,
} from '@/lib/topology/types';

export function vpc(id: string, over: Partial<Vpc> = {}): Vpc {
  return {
    id,
    name: '',
    cidrBlocks: ['10.0.0.0/16'],
    ipv6CidrBlocks: [],
    isDefault: false,
    dnsSupport: true,
    dnsHostnames: true,
    state: 'available',
    ownerId: '111122223333',
    tags: {},
    ...over,
  };
}

export function subnet(id: string, vpcId: string, az: string, cidr: string, over: Partial<Subnet> = {}): Subnet {
  return {
    id,
    vpcId,
    name: '',
    cidr,
    ipv6Cidrs: [],
    az,
    azId: null,
    routeTableId: null,
    explicitRouteTable: false,
    public: false,
    availableIps: 250,
    mapPublicIpOnLaunch: false,
    ipv6Native: false,
    enableDns64: false,
    zoneType: 'availability-zone',
    outpostArn: null,
    state: 'available',
    tags: {},
    ...over,
  };
}

export function route(destination: string, target: string, targetType: Route['targetType'], over: Partial<Route> = {}): Route {
  return {
    destination,
    destinationType: destination.startsWith('pl-') ? 'prefix-list' : destination.includes(':') ? 'ipv6' : 'ipv4',
    target,
    targetType,
    targetKind: targetType === 'blackhole' ? 'other' : targetType,
    state: targetType === 'blackhole' ? 'blackhole' : 'active',
    origin: 'CreateRoute',
    propagated: false,
    ...over,
  };
}

export function routeTable(id: string, vpcId: string, over: Partial<RouteTable> = {}): RouteTable {
  return {
    id,
    vpcId,
    name: '',
    main: false,
    subnetIds: [],
    effectiveSubnetIds: [],
    gatewayIds: [],
    routes: [route('10.0.0.0/16', 'local', 'local')],
    tags: {},
    ...over,
  };
}

export function endpoint(id: string, vpcId: string, over: Partial<Endpoint> = {}): Endpoint {
  const type = over.type ?? 'Gateway';
  return {
    id,
    vpcId,
    name: '',
    type,
    serviceName: 'com.amazonaws.us-east-1.s3',
    serviceShortName: 's3',
    serviceNetworkArn: null,
    resourceConfigurationArn: null,
    serviceRegion: null,
    state: 'available',
    failureReason: null,
    routeTableIds: [],
    subnetIds: [],
    networkInterfaceIds: [],
    securityGroupIds: [],
    privateDnsEnabled: type === 'Interface',
    policy: null,
    dnsEntries: [],
    dnsOptions: null,
    ipAddressType: 'ipv4',
    ipv4Prefixes: [],
    ipv6Prefixes: [],
    ownerId: null,
    requesterManaged: false,
    createdAt: null,
    lastError: null,
    tags: {},
    ...over,
  };
}

export function eni(id: string, vpcId: string, subnetId: string, az: string, over: Partial<NetworkInterface> = {}): NetworkInterface {
  return {
    id,
    vpcId,
    subnetId,
    az,
    description: '',
    interfaceType: 'vpc_endpoint',
    privateIp: null,
    privateIps: [],
    securityGroupIds: [],
    status: 'in-use',
    requesterManaged: true,
    endpointId: null,
    tags: {},
    ...over,
  };
}

export function natGateway(id: string, vpcId: string, subnetId: string, over: Partial<NatGateway> = {}): NatGateway {
  return {
    id,
    name: '',
    vpcId,
    subnetId,
    availabilityMode: 'zonal',
    routeTableId: null,
    state: 'available',
    connectivityType: 'public',
    publicIps: [],
    privateIps: [],
    addresses: [],
    azs: [],
    failure: null,
    tags: {},
    ...over,
  };
}

export function internetGateway(id: string, vpcIds: string[], over: Partial<InternetGateway> = {}): InternetGateway {
  return { id, name: '', vpcIds, tags: {}, ...over };
}

export function securityGroup(id: string, vpcId: string, over: Partial<SecurityGroup> = {}): SecurityGroup {
  return { id, vpcId, name: '', groupName: id, description: '', inbound: [], outbound: [], tags: {}, ...over };
}

/** An AWS-managed (service) prefix list, as DescribePrefixLists returns it. */
export function prefixList(id: string, name: string, cidrs: string[]): PrefixList {
  return { id, name, serviceShortName: name.split('.').slice(3).join('.'), cidrs, owner: 'aws', entriesKnown: true, addressFamily: 'IPv4' };
}

export function topology(over: Partial<Topology> = {}): Topology {
  return {
    source: 'fixture',
    region: 'us-east-1',
    fetchedAt: '2025-01-01T00:00:00.000Z',
    vpcs: [],
    subnets: [],
    routeTables: [],
    endpoints: [],
    internetGateways: [],
    natGateways: [],
    securityGroups: [],
    prefixLists: [],
    networkInterfaces: [],
    egressOnlyInternetGateways: [],
    carrierGateways: [],
    transitGatewayAttachments: [],
    zones: [],
    warnings: [],
    dataWarnings: [],
    ...over,
  };
}

/**
 * One VPC with the situations the graph must draw: two AZs, a public and two private subnets, one subnet
 * on the main table implicitly, a NAT gateway, an S3 gateway endpoint, an interface endpoint with an ENI
 * in each AZ, a peering route, a blackhole route, and a second VPC that only the region view shows.
 */
export function sampleTopology(): Topology {
  const v = 'vpc-0a1';
  return topology({
    vpcs: [
      vpc(v, { name: 'prod', cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'] }),
      vpc('vpc-0b2', { name: 'other', cidrBlocks: ['172.16.0.0/16'] }),
    ],
    subnets: [
      // Listed out of order on purpose: the graph sorts by AZ, then CIDR numerically.
      subnet('subnet-priv-b', v, 'us-east-1b', '10.0.10.0/24', {
        name: 'private-b',
        routeTableId: 'rtb-main',
        explicitRouteTable: false,
      }),
      subnet('subnet-priv-a', v, 'us-east-1a', '10.0.2.0/24', {
        name: 'private-a',
        routeTableId: 'rtb-private',
        explicitRouteTable: true,
      }),
      subnet('subnet-pub-a', v, 'us-east-1a', '10.0.1.0/24', {
        name: '<img src=x onerror=alert(1)>',
        routeTableId: 'rtb-public',
        explicitRouteTable: true,
        public: true,
      }),
      subnet('subnet-other', 'vpc-0b2', 'us-east-1a', '172.16.0.0/24', { routeTableId: 'rtb-other' }),
    ],
    routeTables: [
      routeTable('rtb-public', v, {
        name: 'public',
        subnetIds: ['subnet-pub-a'],
        effectiveSubnetIds: ['subnet-pub-a'],
        routes: [route('10.0.0.0/16', 'local', 'local'), route('0.0.0.0/0', 'igw-1', 'igw')],
      }),
      routeTable('rtb-private', v, {
        name: 'private',
        subnetIds: ['subnet-priv-a'],
        effectiveSubnetIds: ['subnet-priv-a'],
        routes: [
          route('10.0.0.0/16', 'local', 'local'),
          route('0.0.0.0/0', 'nat-1', 'nat'),
          route('pl-63a5400a', 'vpce-s3', 'vpce'),
          route('192.168.0.0/16', 'pcx-1', 'pcx'),
          route('172.31.0.0/16', 'nat-gone', 'blackhole', { state: 'blackhole' }),
        ],
      }),
      routeTable('rtb-main', v, {
        name: 'main',
        main: true,
        effectiveSubnetIds: ['subnet-priv-b'],
        routes: [route('10.0.0.0/16', 'local', 'local'), route('pl-63a5400a', 'vpce-s3', 'vpce')],
      }),
      routeTable('rtb-other', 'vpc-0b2', { main: true, routes: [route('192.168.0.0/16', 'pcx-1', 'pcx')] }),
    ],
    endpoints: [
      endpoint('vpce-s3', v, { name: 's3-gw', routeTableIds: ['rtb-private', 'rtb-main'] }),
      endpoint('vpce-ssm', v, {
        type: 'Interface',
        serviceName: 'com.amazonaws.us-east-1.ssm',
        serviceShortName: 'ssm',
        subnetIds: ['subnet-priv-a', 'subnet-priv-b'],
        networkInterfaceIds: ['eni-b', 'eni-a'],
        securityGroupIds: ['sg-1'],
        privateDnsEnabled: true,
        policy: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
      }),
    ],
    internetGateways: [internetGateway('igw-1', [v])],
    natGateways: [natGateway('nat-1', v, 'subnet-pub-a', { publicIps: ['3.3.3.3'], privateIps: ['10.0.1.10'] })],
    prefixLists: [
      prefixList('pl-63a5400a', 'com.amazonaws.us-east-1.s3', ['52.216.0.0/15']),
      prefixList('pl-02cd2c6b', 'com.amazonaws.us-east-1.dynamodb', []),
    ],
    networkInterfaces: [
      eni('eni-a', v, 'subnet-priv-a', 'us-east-1a', { privateIp: '10.0.2.50', endpointId: 'vpce-ssm' }),
      eni('eni-b', v, 'subnet-priv-b', 'us-east-1b', { privateIp: '10.0.10.50', endpointId: 'vpce-ssm' }),
      eni('eni-app', v, 'subnet-priv-a', 'us-east-1a', { interfaceType: 'interface', requesterManaged: false }),
    ],
    securityGroups: [
      securityGroup('sg-1', v, {
        name: 'endpoints',
        inbound: [
          {
            protocol: 'tcp',
            fromPort: 443,
            toPort: 443,
            cidrs: ['10.0.0.0/16'],
            ipv6Cidrs: [],
            prefixListIds: [],
            securityGroupIds: [],
            description: 'HTTPS from the VPC',
          },
        ],
      }),
    ],
  });
}

/**
 * A VPC at AWS's default quotas: `subnets` subnets over six AZs, one route table each (200 subnets and 200
 * tables per VPC by default), `interfaceEndpoints` interface endpoints (50 by default) with an ENI in three AZs,
 * an S3 gateway endpoint on every table, NAT gateways in the first three subnets.
 */
export function largeTopology(subnets = 200, interfaceEndpoints = 50): Topology {
  const v = 'vpc-big';
  const azs = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'];
  const t = topology({ vpcs: [vpc(v, { name: 'big', cidrBlocks: ['10.0.0.0/16'] })] });
  t.prefixLists.push(prefixList('pl-63a5400a', 'com.amazonaws.us-east-1.s3', []));
  t.internetGateways.push(internetGateway('igw-big', [v]));
  const pad = (n: number) => String(n).padStart(3, '0');
  for (let i = 0; i < subnets; i++) {
    const az = azs[i % azs.length] ?? 'us-east-1a';
    const sid = `subnet-${pad(i)}`;
    const rid = `rtb-${pad(i)}`;
    const isPublic = i < 3;
    t.subnets.push(
      subnet(sid, v, az, `10.0.${i}.0/24`, {
        name: `${isPublic ? 'public' : 'private'}-${pad(i)}`,
        routeTableId: rid,
        explicitRouteTable: true,
        public: isPublic,
      }),
    );
    t.routeTables.push(
      routeTable(rid, v, {
        name: `rt-${pad(i)}`,
        subnetIds: [sid],
        effectiveSubnetIds: [sid],
        routes: [
          route('10.0.0.0/16', 'local', 'local'),
          isPublic ? route('0.0.0.0/0', 'igw-big', 'igw') : route('0.0.0.0/0', `nat-${i % 3}`, 'nat'),
          route('pl-63a5400a', 'vpce-s3', 'vpce'),
        ],
      }),
    );
    if (isPublic) t.natGateways.push(natGateway(`nat-${i}`, v, sid));
  }
  t.routeTables.push(routeTable('rtb-main', v, { main: true, name: 'main' }));
  t.endpoints.push(endpoint('vpce-s3', v, { routeTableIds: t.routeTables.map((r) => r.id) }));
  for (let e = 0; e < interfaceEndpoints; e++) {
    const id = `vpce-if-${pad(e)}`;
    const eniIds: string[] = [];
    const subnetIds: string[] = [];
    for (let k = 0; k < 3; k++) {
      const sIndex = 3 + ((e * 3 + k) % Math.max(1, subnets - 3));
      const s = t.subnets[Math.min(sIndex, t.subnets.length - 1)];
      if (!s || subnetIds.includes(s.id)) continue;
      const eniId = `eni-${pad(e)}-${k}`;
      eniIds.push(eniId);
      subnetIds.push(s.id);
      t.networkInterfaces.push(eni(eniId, v, s.id, s.az, { privateIp: `10.0.${sIndex}.${10 + k}`, endpointId: id }));
    }
    t.endpoints.push(
      endpoint(id, v, {
        type: 'Interface',
        serviceName: `com.amazonaws.us-east-1.svc${e}`,
        serviceShortName: `svc${e}`,
        subnetIds,
        networkInterfaceIds: eniIds,
      }),
    );
  }
  return t;
}
