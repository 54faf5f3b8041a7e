import type { Endpoint } from '@/lib/topology/types';
import type { SubnetPath } from './paths';
import {
  blackhole,
  DDB_PL,
  gatewayEndpoint,
  igw,
  interfaceEndpoint,
  nat,
  type Parts,
  route,
  S3_PL,
  subnet,
  table,
  vpc,
} from './test-topology';

/**
 * The single-change cases of the path resolver, shared by its unit test (paths.test.ts: each case's path) and the
 * equivalence test (paths.equivalence.test.ts: every subnet and service of each case as the reference oracle
 * resolves it).
 */

// One public subnet with the NAT gateway, one private subnet per AZ; every case changes one thing.
export const pub = subnet('subnet-pub', 'us-east-1a', '10.0.0.0/24');
export const appA = subnet('subnet-app-a', 'us-east-1a', '10.0.16.0/20');
export const appB = subnet('subnet-app-b', 'us-east-1b', '10.0.32.0/20');
export const rtbPub = table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')]);
const rtbApp = (...routes: ReturnType<typeof route>[]) => table('rtb-app', ['subnet-app-a', 'subnet-app-b'], [route('0.0.0.0/0', 'nat-a'), ...routes]);
const mainTable = table('rtb-main', [], [], { main: true });

export const base = (over: Parts = {}): Parts => ({
  subnets: [pub, appA, appB],
  routeTables: [mainTable, rtbPub, rtbApp()],
  internetGateways: [igw('igw-1')],
  natGateways: [nat('nat-a', 'subnet-pub')],
  ...over,
});

/**
 * The VPC of the target-kind and walk tests (paths-kinds.test.ts, paths-walk.test.ts): a public subnet with the NAT
 * gateway (its table sends IPv4 and IPv6 to the internet gateway), an app subnet, an inspection subnet for a Gateway
 * Load Balancer endpoint and an IPv6-only subnet; each case adds the app or IPv6 table it is about.
 */
export const kinds = {
  app: subnet('subnet-app', 'us-east-1a', '10.0.16.0/20'),
  inspect: subnet('subnet-inspect', 'us-east-1a', '10.0.1.0/24'),
  v6only: subnet('subnet-v6', 'us-east-1a', '', { ipv6Native: true, ipv6Cidrs: ['2600:1f18:1:100::/64'] }),
  rtbPub: table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1'), route('::/0', 'igw-1')]),
  appTable: (...routes: ReturnType<typeof route>[]) => table('rtb-app', ['subnet-app'], routes),
  v6Table: (...routes: ReturnType<typeof route>[]) => table('rtb-v6', ['subnet-v6'], routes),
  /** A Gateway Load Balancer endpoint in the inspection subnet. */
  gwlbe: (over: Partial<Endpoint> = {}): Endpoint => ({ ...interfaceEndpoint('vpce-gwlb', 'vpce-svc-inspect', ['subnet-inspect']), type: 'GatewayLoadBalancer', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0inspect', ...over }),
  parts: (over: Parts): Parts => ({
    subnets: [pub, kinds.app, kinds.inspect, kinds.v6only],
    routeTables: [kinds.rtbPub],
    internetGateways: [igw('igw-1')],
    natGateways: [nat('nat-a', 'subnet-pub')],
    ...over,
  }),
};

const natHops = (from: string, rtb: string) => [from, rtb, 'nat-a', 'subnet-pub', 'rtb-pub', 'igw-1'];

export interface PathCase {
  name: string;
  parts: Parts;
  subnetId: string;
  service: string;
  expected: Partial<SubnetPath>;
  detail?: RegExp;
}

export const PATH_CASES: PathCase[] = [
  {
    name: 'a prefix-list route to the gateway endpoint beats 0.0.0.0/0 to a NAT',
    parts: base({ routeTables: [mainTable, rtbPub, rtbApp(route(S3_PL, 'vpce-s3'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app'])] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'gateway-endpoint', hops: ['subnet-app-a', 'rtb-app', 'vpce-s3'], routeTableId: 'rtb-app', routeDestination: S3_PL },
    detail: /gateway endpoint vpce-s3/,
  },
  {
    name: 'a subnet on the implicit main table uses the main table’s routes',
    parts: base({
      subnets: [pub, appA, subnet('subnet-loose', 'us-east-1b', '10.0.48.0/20')],
      routeTables: [table('rtb-main', [], [route(S3_PL, 'vpce-s3')], { main: true }), rtbPub, rtbApp()],
      endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-main'])],
    }),
    subnetId: 'subnet-loose',
    service: 's3',
    expected: { via: 'gateway-endpoint', routeTableId: 'rtb-main', routeDestination: S3_PL, hops: ['subnet-loose', 'rtb-main', 'vpce-s3'] },
  },
  {
    name: 'a subnet on an implicit main table with only the local route reaches nothing',
    parts: base({ subnets: [pub, appA, subnet('subnet-loose', 'us-east-1b', '10.0.48.0/20')] }),
    subnetId: 'subnet-loose',
    service: 's3',
    expected: { via: 'none', routeTableId: 'rtb-main', routeDestination: null, hops: ['subnet-loose', 'rtb-main'] },
    detail: /no route/,
  },
  {
    name: 'a more specific CIDR route beats the prefix list',
    // The S3 list is 52.216.0.0/15; a /16 inside it wins for the list's first address.
    parts: base({ routeTables: [mainTable, rtbPub, rtbApp(route(S3_PL, 'vpce-s3'), route('52.216.0.0/16', 'nat-a'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app'])] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'nat', routeDestination: '52.216.0.0/16', hops: natHops('subnet-app-a', 'rtb-app') },
  },
  {
    name: 'a CIDR route as specific as the prefix list’s CIDR wins the tie',
    parts: base({ routeTables: [mainTable, rtbPub, rtbApp(route(S3_PL, 'vpce-s3'), route('52.216.0.0/15', 'nat-a'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app'])] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'nat', routeDestination: '52.216.0.0/15' },
  },
  {
    name: 'a less specific CIDR route loses to the prefix list',
    parts: base({ routeTables: [mainTable, rtbPub, rtbApp(route(S3_PL, 'vpce-s3'), route('52.0.0.0/8', 'tgw-1'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app'])] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'gateway-endpoint', routeDestination: S3_PL },
  },
  {
    name: 'a more specific blackhole route drops the traffic even with a gateway endpoint',
    parts: base({ routeTables: [mainTable, rtbPub, rtbApp(route(S3_PL, 'vpce-s3'), blackhole('52.216.0.0/16', 'nat-gone'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app'])] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'none', routeDestination: '52.216.0.0/16', hops: ['subnet-app-a', 'rtb-app'] },
    detail: /blackhole/,
  },
  {
    name: 'without a gateway endpoint, S3 goes to the NAT and on to the internet gateway',
    parts: base(),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'nat', routeTableId: 'rtb-app', routeDestination: '0.0.0.0/0', hops: natHops('subnet-app-a', 'rtb-app') },
    detail: /billed per GB/,
  },
  {
    name: 'a gateway endpoint on another table does not help',
    parts: base({ endpoints: [gatewayEndpoint('vpce-ddb', 'dynamodb', ['rtb-pub'])], routeTables: [mainTable, table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1'), route(DDB_PL, 'vpce-ddb')]), rtbApp()] }),
    subnetId: 'subnet-app-b',
    service: 'dynamodb',
    expected: { via: 'nat', routeDestination: '0.0.0.0/0' },
  },
  {
    name: 'a NAT in a subnet whose own table has no internet gateway route: no path',
    parts: base({ routeTables: [mainTable, table('rtb-pub', ['subnet-pub'], []), rtbApp()] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'none', routeDestination: '0.0.0.0/0', hops: ['subnet-app-a', 'rtb-app', 'nat-a', 'subnet-pub', 'rtb-pub'] },
    detail: /no route to an internet gateway/,
  },
  {
    name: 'a NAT whose subnet sends 0.0.0.0/0 to a blackhole: no path',
    parts: base({ routeTables: [mainTable, table('rtb-pub', ['subnet-pub'], [blackhole('0.0.0.0/0', 'igw-gone')]), rtbApp()] }),
    subnetId: 'subnet-app-a',
    service: 'sts',
    expected: { via: 'none' },
  },
  {
    name: 'a private NAT gateway cannot reach the internet',
    parts: base({ natGateways: [nat('nat-a', 'subnet-pub', { connectivityType: 'private' })] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'none', hops: ['subnet-app-a', 'rtb-app', 'nat-a'] },
    detail: /private NAT/,
  },
  {
    name: 'a route to a NAT gateway that is not in the data: no path',
    parts: base({ natGateways: [] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'none' },
    detail: /does not exist/,
  },
  {
    name: 'a public subnet reaches S3 straight through the internet gateway',
    parts: base(),
    subnetId: 'subnet-pub',
    service: 's3',
    expected: { via: 'igw', routeTableId: 'rtb-pub', routeDestination: '0.0.0.0/0', hops: ['subnet-pub', 'rtb-pub', 'igw-1'] },
  },
  {
    name: 'an internet gateway not attached to the VPC: no path',
    parts: base({ internetGateways: [igw('igw-1', { vpcIds: [] })] }),
    subnetId: 'subnet-pub',
    service: 's3',
    expected: { via: 'none' },
    detail: /not attached/,
  },
  {
    name: 'a blackhole default route: no path',
    parts: base({ routeTables: [mainTable, rtbPub, table('rtb-app', ['subnet-app-a'], [blackhole('0.0.0.0/0', 'nat-gone')])] }),
    subnetId: 'subnet-app-a',
    service: 'dynamodb',
    expected: { via: 'none', routeDestination: '0.0.0.0/0' },
    detail: /blackhole/,
  },
  {
    name: 'a default route to a transit gateway leaves the VPC there, and says so',
    parts: base({ routeTables: [mainTable, rtbPub, table('rtb-app', ['subnet-app-a'], [route('0.0.0.0/0', 'tgw-1')])] }),
    subnetId: 'subnet-app-a',
    service: 'kms',
    expected: { via: 'transit-gateway', routeDestination: '0.0.0.0/0', hops: ['subnet-app-a', 'rtb-app', 'tgw-1'] },
    detail: /transit gateway tgw-1: it leaves the VPC there, and where it goes next is outside this view/,
  },
  {
    name: 'without the prefix list’s CIDRs, the route to the service’s gateway endpoint still wins',
    parts: base({ prefixLists: [], routeTables: [mainTable, rtbPub, rtbApp(route(S3_PL, 'vpce-s3'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app'])] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'gateway-endpoint', routeDestination: S3_PL },
  },
  {
    name: 'an interface endpoint with private DNS and an ENI in the subnet’s AZ',
    parts: base({ endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a', 'subnet-app-b'])] }),
    subnetId: 'subnet-app-b',
    service: 'kms',
    expected: { via: 'interface-endpoint', routeTableId: 'rtb-app', routeDestination: '10.0.0.0/16' },
    detail: /us-east-1b/,
  },
  {
    name: 'an interface endpoint with an ENI only in another AZ: cross-AZ',
    parts: base({ endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'])] }),
    subnetId: 'subnet-app-b',
    service: 'kms',
    expected: { via: 'interface-endpoint-cross-az' },
    detail: /no network interface in us-east-1b/,
  },
  {
    name: 'private DNS off: the public name, through the NAT',
    parts: base({ endpoints: [interfaceEndpoint('vpce-sts', 'sts', ['subnet-app-a'], { privateDnsEnabled: false })] }),
    subnetId: 'subnet-app-a',
    service: 'sts',
    expected: { via: 'nat', routeDestination: '0.0.0.0/0', hops: natHops('subnet-app-a', 'rtb-app') },
    detail: /private DNS is off/i,
  },
  {
    name: 'private DNS on, VPC DNS hostnames off: the public name',
    parts: base({ vpcs: [vpc({ dnsHostnames: false })], endpoints: [interfaceEndpoint('vpce-ssm', 'ssm', ['subnet-app-a'])] }),
    subnetId: 'subnet-app-a',
    service: 'ssm',
    expected: { via: 'nat' },
    detail: /DNS hostnames off/,
  },
  {
    name: 'private DNS on, VPC DNS support off: the public name',
    parts: base({ vpcs: [vpc({ dnsSupport: false })], endpoints: [interfaceEndpoint('vpce-ssm', 'ssm', ['subnet-app-a'])] }),
    subnetId: 'subnet-pub',
    service: 'ssm',
    expected: { via: 'igw' },
    detail: /DNS support off/,
  },
  {
    name: 'VPC DNS attributes unknown (null) are taken as on',
    parts: base({ vpcs: [vpc({ dnsSupport: null, dnsHostnames: null })], endpoints: [interfaceEndpoint('vpce-ssm', 'ssm', ['subnet-app-a'])] }),
    subnetId: 'subnet-app-a',
    service: 'ssm',
    expected: { via: 'interface-endpoint' },
  },
  {
    name: 'an interface endpoint that is not available does not answer',
    parts: base({ endpoints: [interfaceEndpoint('vpce-ssm', 'ssm', ['subnet-app-a'], { state: 'pending' })] }),
    subnetId: 'subnet-app-a',
    service: 'ssm',
    expected: { via: 'nat' },
    detail: /pending/,
  },
  {
    name: 'no endpoint for the service: the public name through the default route',
    parts: base(),
    subnetId: 'subnet-app-b',
    service: 'secretsmanager',
    expected: { via: 'nat', hops: natHops('subnet-app-b', 'rtb-app') },
    detail: /No interface endpoint for secretsmanager/,
  },
  {
    name: 'an S3 interface endpoint with private DNS serves a table without the gateway route',
    parts: base({ endpoints: [interfaceEndpoint('vpce-s3i', 's3', ['subnet-app-a'])] }),
    subnetId: 'subnet-app-a',
    service: 's3',
    expected: { via: 'interface-endpoint', hops: ['subnet-app-a', 'eni-0001', 'vpce-s3i'] },
  },
];
