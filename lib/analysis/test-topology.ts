/**
 * Builders for the analysis tests: small topologies that state only what a case is about. `topology()`
 * derives what normalization derives (effective route tables, `public`, ENI endpoint ids), so a case
 * says "subnet-a is associated with rtb-x" and gets the rest right.
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
  SecurityGroupRule,
  Subnet,
  Topology,
  Vpc,
} from '@/lib/topology/types';
import * as base from '@/lib/graph/test-topology';

export const VPC = 'vpc-0a';

export function vpc(over: Partial<Vpc> = {}): Vpc {
  return base.vpc(VPC, { name: 'test', ...over });
}

export function subnet(id: string, az: string, cidr: string, over: Partial<Subnet> = {}): Subnet {
  return base.subnet(id, VPC, az, cidr, { name: id, ...over });
}

/** Route target types by id prefix, as DescribeRouteTables names the targets. */
const TARGET_PREFIXES: [string, Route['targetType']][] = [
  ['igw-', 'igw'],
  ['eigw-', 'eigw'],
  ['nat-', 'nat'],
  ['vpce-', 'vpce'],
  ['tgw-', 'tgw'],
  ['pcx-', 'pcx'],
  ['vgw-', 'vgw'],
  ['lgw-', 'lgw'],
  ['cagw-', 'cagw'],
  ['eni-', 'eni'],
  ['i-', 'instance'],
  ['arn:aws:networkmanager::', 'core-network'],
];

/** A route; its target type follows from the target's id. */
export function route(destination: string, target: string, over: Partial<Route> = {}): Route {
  const targetType = target === 'local' ? 'local' : (TARGET_PREFIXES.find(([p]) => target.startsWith(p))?.[1] ?? 'other');
  return base.route(destination, target, targetType, over);
}

export const blackhole = (destination: string, target: string): Route => route(destination, target, { targetType: 'blackhole', state: 'blackhole' });

/** A route table; `subnetIds` are its explicit associations. The local route is added. */
export function table(id: string, subnetIds: string[], routes: Route[], over: Partial<RouteTable> = {}): RouteTable {
  return base.routeTable(id, VPC, { name: id, subnetIds, routes: [route('10.0.0.0/16', 'local'), ...routes], ...over });
}

export function gatewayEndpoint(id: string, service: string, routeTableIds: string[], over: Partial<Endpoint> = {}): Endpoint {
  return endpoint(id, 'Gateway', service, { routeTableIds, ...over });
}

export function interfaceEndpoint(id: string, service: string, subnetIds: string[], over: Partial<Endpoint> = {}): Endpoint {
  return endpoint(id, 'Interface', service, { subnetIds, privateDnsEnabled: true, securityGroupIds: ['sg-https'], ...over });
}

function endpoint(id: string, type: Endpoint['type'], service: string, over: Partial<Endpoint>): Endpoint {
  return base.endpoint(id, VPC, {
    name: id,
    type,
    serviceName: `com.amazonaws.us-east-1.${service}`,
    serviceShortName: service,
    privateDnsEnabled: false,
    ...over,
  });
}

export function nat(id: string, subnetId: string, over: Partial<NatGateway> = {}): NatGateway {
  return base.natGateway(id, VPC, subnetId, { name: id, publicIps: ['198.51.100.1'], ...over });
}

export function igw(id: string, over: Partial<InternetGateway> = {}): InternetGateway {
  return base.internetGateway(id, [VPC], { name: id, ...over });
}

export function rule(over: Partial<SecurityGroupRule> = {}): SecurityGroupRule {
  return { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [], ipv6Cidrs: [], prefixListIds: [], securityGroupIds: [], description: null, ...over };
}

export function sg(id: string, inbound: SecurityGroupRule[], over: Partial<SecurityGroup> = {}): SecurityGroup {
  return base.securityGroup(id, VPC, { name: id, inbound, ...over });
}

/** The HTTPS-from-the-VPC group that interface endpoints get by default in these tests. */
export const httpsFromVpc = sg('sg-https', [rule({ cidrs: ['10.0.0.0/16'] })]);

export const S3_PL = 'pl-63a5400a';
export const DDB_PL = 'pl-02cd2c6b';

export const prefixLists = (): PrefixList[] => [
  base.prefixList(S3_PL, 'com.amazonaws.us-east-1.s3', ['52.216.0.0/15']),
  base.prefixList(DDB_PL, 'com.amazonaws.us-east-1.dynamodb', ['52.94.0.0/22']),
];

export interface Parts {
  region?: string;
  vpcs?: Vpc[];
  subnets?: Subnet[];
  routeTables?: RouteTable[];
  endpoints?: Endpoint[];
  internetGateways?: InternetGateway[];
  natGateways?: NatGateway[];
  securityGroups?: SecurityGroup[];
  prefixLists?: PrefixList[];
  /** ENIs; when omitted, one per interface endpoint subnet is made up. */
  networkInterfaces?: NetworkInterface[];
}

/** A topology from parts, with effective route tables, `public` and endpoint ENIs derived. */
export function topology(parts: Parts): Topology {
  const routeTables = (parts.routeTables ?? []).map((r) => ({ ...r, effectiveSubnetIds: [] as string[] }));
  const subnets = (parts.subnets ?? []).map((s) => {
    const explicit = routeTables.find((r) => r.subnetIds.includes(s.id));
    const effective = explicit ?? routeTables.find((r) => r.main && r.vpcId === s.vpcId);
    effective?.effectiveSubnetIds.push(s.id);
    const isPublic = !!effective?.routes.some((r) => r.targetType === 'igw' && (r.destination === '0.0.0.0/0' || r.destination === '::/0'));
    return { ...s, routeTableId: effective?.id ?? null, explicitRouteTable: !!explicit, public: isPublic };
  });
  const endpoints = parts.endpoints ?? [];
  let n = 0;
  const networkInterfaces =
    parts.networkInterfaces ??
    endpoints
      .filter((e) => e.type === 'Interface')
      .flatMap((e) =>
        e.subnetIds.map((sid): NetworkInterface => {
          const s = subnets.find((x) => x.id === sid);
          n += 1;
          const ip = s?.cidr.split('/')[0]?.split('.') ?? ['10', '0', '0', '0'];
          return base.eni(`eni-${String(n).padStart(4, '0')}`, e.vpcId, sid, s?.az ?? '', {
            description: `VPC Endpoint Interface ${e.id}`,
            privateIp: `${ip[0]}.${ip[1]}.${ip[2]}.${10 + n}`,
            securityGroupIds: e.securityGroupIds,
            endpointId: e.id,
          });
        }),
      );
  return {
    source: 'fixture',
    region: parts.region ?? 'us-east-1',
    fetchedAt: '2026-01-01T00:00:00.000Z',
    vpcs: parts.vpcs ?? [vpc()],
    subnets,
    routeTables,
    endpoints,
    internetGateways: parts.internetGateways ?? [],
    natGateways: parts.natGateways ?? [],
    securityGroups: parts.securityGroups ?? [httpsFromVpc],
    prefixLists: parts.prefixLists ?? prefixLists(),
    networkInterfaces,
    egressOnlyInternetGateways: [],
    carrierGateways: [],
    transitGatewayAttachments: [],
    zones: [],
    warnings: [],
    dataWarnings: [],
  };
}
