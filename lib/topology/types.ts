/**
 * The topology contract: the one JSON shape that the API, the UI, share links and tests read.
 * Plain data keyed by AWS ids; no SDK types leak past `lib/topology/normalize.ts`.
 */

export type Source = 'fixture' | 'live';

export type Tags = Record<string, string>;

export interface Vpc {
  id: string;
  name: string;
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
  isDefault: boolean;
  /** `enableDnsSupport`; null when the source does not say (DescribeVpcs does not return it). */
  dnsSupport: boolean | null;
  /** `enableDnsHostnames`; null when the source does not say. */
  dnsHostnames: boolean | null;
  state: string;
  ownerId: string | null;
  tags: Tags;
}

export interface Subnet {
  id: string;
  vpcId: string;
  name: string;
  cidr: string;
  ipv6Cidrs: string[];
  az: string;
  azId: string | null;
  /** The effective route table: the explicit association, else the VPC's main table. */
  routeTableId: string | null;
  /** True when routeTableId comes from an explicit association, false when it is the main table. */
  explicitRouteTable: boolean;
  /** The effective table sends 0.0.0.0/0 or ::/0 to an internet gateway. */
  public: boolean;
  availableIps: number | null;
  mapPublicIpOnLaunch: boolean;
  /** `Ipv6Native`: an IPv6-only subnet (no IPv4 CIDR). */
  ipv6Native?: boolean;
  /** `EnableDns64`: the Route 53 Resolver synthesizes 64:ff9b::/96 addresses for IPv4-only names. */
  enableDns64?: boolean;
  /** `OutpostArn`: the subnet is on an Outpost. */
  outpostArn?: string | null;
  tags: Tags;
}

export type RouteTargetType =
  | 'local'
  | 'igw'
  | 'eigw'
  | 'nat'
  | 'vpce'
  | 'pcx'
  | 'tgw'
  | 'eni'
  | 'instance'
  | 'vgw'
  | 'core-network'
  | 'lgw'
  | 'cagw'
  | 'blackhole'
  | 'other';

export interface Route {
  /** A CIDR, an IPv6 CIDR or a prefix-list id. */
  destination: string;
  destinationType: 'ipv4' | 'ipv6' | 'prefix-list';
  /** The id of the target (igw-..., nat-..., vpce-..., 'local'); for a blackhole, the vanished target's id if known. */
  target: string;
  targetType: RouteTargetType;
  /** 'active' or 'blackhole'. */
  state: string;
  origin: string | null;
}

export interface RouteTable {
  id: string;
  vpcId: string;
  name: string;
  main: boolean;
  /** Subnets explicitly associated with this table. */
  subnetIds: string[];
  /** Subnets whose effective table this is (explicit, or implicit through main). */
  effectiveSubnetIds: string[];
  gatewayIds: string[];
  routes: Route[];
  tags: Tags;
}

export type EndpointType = 'Gateway' | 'Interface' | 'GatewayLoadBalancer' | 'Resource' | 'ServiceNetwork';

export interface DnsEntry {
  dnsName: string;
  hostedZoneId: string | null;
}

export interface Endpoint {
  id: string;
  vpcId: string;
  name: string;
  type: EndpointType;
  serviceName: string;
  /** 's3', 'ecr.dkr', ... : the service name without `com.amazonaws.<region>.`. */
  serviceShortName: string;
  state: string;
  routeTableIds: string[];
  subnetIds: string[];
  networkInterfaceIds: string[];
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  /** The policy document as returned (a JSON string), or null. */
  policy: string | null;
  dnsEntries: DnsEntry[];
  ipAddressType: string | null;
  /** `DnsOptions`: which records private DNS creates, and whether it answers only inbound Resolver endpoints. */
  dnsOptions?: { dnsRecordIpType: string | null; privateDnsOnlyForInboundResolverEndpoint: boolean | null };
  createdAt: string | null;
  lastError: { code: string; message: string } | null;
  tags: Tags;
}

export interface InternetGateway {
  id: string;
  name: string;
  vpcIds: string[];
  tags: Tags;
}

export interface NatGateway {
  id: string;
  name: string;
  vpcId: string;
  subnetId: string;
  state: string;
  connectivityType: string;
  /** `AvailabilityMode`: 'zonal' (one subnet) or 'regional' (no subnet, its own route table). */
  availabilityMode?: string;
  /** `RouteTableId`: a regional NAT gateway's own route table. */
  routeTableId?: string | null;
  publicIps: string[];
  privateIps: string[];
  tags: Tags;
}

export interface SecurityGroupRule {
  protocol: string;
  fromPort: number | null;
  toPort: number | null;
  cidrs: string[];
  ipv6Cidrs: string[];
  prefixListIds: string[];
  securityGroupIds: string[];
  description: string | null;
}

export interface SecurityGroup {
  id: string;
  vpcId: string;
  name: string;
  groupName: string;
  description: string;
  inbound: SecurityGroupRule[];
  outbound: SecurityGroupRule[];
  tags: Tags;
}

export interface PrefixList {
  id: string;
  name: string;
  /** 's3', 'dynamodb', ... derived from the name `com.amazonaws.<region>.<service>`. */
  serviceShortName: string;
  cidrs: string[];
}

export interface NetworkInterface {
  id: string;
  vpcId: string;
  subnetId: string;
  az: string;
  description: string;
  interfaceType: string;
  privateIp: string | null;
  privateIps: string[];
  securityGroupIds: string[];
  status: string;
  requesterManaged: boolean;
  /** The endpoint this ENI belongs to, when it is an interface endpoint's ENI. */
  endpointId: string | null;
  tags: Tags;
}

export interface Topology {
  source: Source;
  region: string;
  fetchedAt: string;
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  endpoints: Endpoint[];
  internetGateways: InternetGateway[];
  natGateways: NatGateway[];
  securityGroups: SecurityGroup[];
  prefixLists: PrefixList[];
  networkInterfaces: NetworkInterface[];
  /** Things the loader could not read or that look inconsistent; shown to the user, never fatal. */
  warnings: string[];
  /**
   * Lists the loader could not read (their Describe call was denied): they are empty here, and their counts are
   * unknown, not zero. Absent when everything was read.
   */
  unread?: UnreadList[];
}

/** The lists of a topology whose Describe call may be denied without failing the load (DescribeVpcs must succeed). */
export type UnreadList = 'subnets' | 'routeTables' | 'endpoints' | 'networkInterfaces' | 'securityGroups' | 'internetGateways' | 'natGateways' | 'prefixLists';
