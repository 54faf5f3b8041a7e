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
  /** `Ipv6Native`: an IPv6-only subnet; it has no IPv4 CIDR (`cidr` is '') and `availableIps` means nothing. */
  ipv6Native: boolean;
  /** `EnableDns64`: the Route 53 Resolver answers AAAA records with NAT64 addresses for IPv4-only names. */
  enableDns64: boolean;
  /** Where the subnet lives: an AZ, a Local Zone, a Wavelength Zone or an Outpost (AWS's ZoneType spelling). */
  zoneType: ZoneType;
  /** `OutpostArn`, for a subnet on an AWS Outpost. */
  outpostArn: string | null;
  /** `SubnetState`: available, pending, unavailable, failed... as AWS spells it. */
  state: string;
  tags: Tags;
}

/**
 * `availability-zone`, `local-zone`, `wavelength-zone` (DescribeAvailabilityZones' ZoneType) and `outpost` (a
 * subnet with an OutpostArn); any value AWS adds later is carried as it is.
 */
export type ZoneType = 'availability-zone' | 'local-zone' | 'wavelength-zone' | 'outpost' | (string & {});

/**
 * What a route sends traffic to, one value per target field of DescribeRouteTables' Route: local, igw
 * (GatewayId igw-), eigw (EgressOnlyInternetGatewayId), nat, vpce (gateway or GWLB endpoint), pcx, tgw,
 * core-network (CoreNetworkArn, Cloud WAN), eni, instance, vgw, lgw (LocalGatewayId), cagw (CarrierGatewayId),
 * blackhole (the target is gone), other (a target this app does not know, e.g. an ODB network or a Route
 * Server next hop; carried with its id).
 */
export type RouteTargetType =
  | 'local'
  | 'igw'
  | 'eigw'
  | 'nat'
  | 'vpce'
  | 'pcx'
  | 'tgw'
  | 'core-network'
  | 'eni'
  | 'instance'
  | 'vgw'
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
  /** The kind of `target` whatever the state: a blackhole route to a deleted NAT gateway is `nat` here. */
  targetKind: Exclude<RouteTargetType, 'blackhole'>;
  /** 'active', 'blackhole' or 'filtered', as AWS spells it. */
  state: string;
  /** CreateRouteTable, CreateRoute, EnableVgwRoutePropagation, Advertisement. */
  origin: string | null;
  /** Propagated from a virtual private gateway (`Origin: EnableVgwRoutePropagation`), not written by hand. */
  propagated: boolean;
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
  /**
   * Gateways associated with this table (edge association, `Associations[].GatewayId`): an internet gateway's
   * or virtual private gateway's ingress traffic is routed by this table.
   */
  gatewayIds: string[];
  routes: Route[];
  tags: Tags;
}

/** The `VpcEndpointType` values AWS documents today. */
export const KNOWN_ENDPOINT_TYPES = ['Gateway', 'Interface', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork'] as const;
export type KnownEndpointType = (typeof KNOWN_ENDPOINT_TYPES)[number];
/** Whatever AWS says: one of the known types, or a type added later (carried and shown, never rejected). */
export type EndpointType = KnownEndpointType | (string & {});

/** An endpoint's `DnsOptions`. */
export interface EndpointDnsOptions {
  /** ipv4, dualstack, ipv6 or service-defined. */
  dnsRecordIpType: string | null;
  /**
   * S3 interface endpoints: private DNS answers only queries from an inbound Resolver endpoint, so traffic
   * from inside the VPC keeps using the gateway endpoint.
   */
  privateDnsOnlyForInboundResolverEndpoint: boolean | null;
  /** Lattice (Resource / ServiceNetwork) endpoints: which custom domains get a private hosted zone. */
  privateDnsPreference: string | null;
  privateDnsSpecifiedDomains: string[];
}

export interface DnsEntry {
  dnsName: string;
  hostedZoneId: string | null;
}

export interface Endpoint {
  id: string;
  vpcId: string;
  name: string;
  type: EndpointType;
  /** '' for VPC Lattice endpoints (Resource, ServiceNetwork), which name an ARN instead. */
  serviceName: string;
  /** 's3', 'ecr.dkr', ... : the service name without `com.amazonaws.<region>.`; '' when there is none. */
  serviceShortName: string;
  /** ServiceNetwork endpoints: the VPC Lattice service network they reach. */
  serviceNetworkArn: string | null;
  /** Resource endpoints: the VPC Lattice resource configuration they reach. */
  resourceConfigurationArn: string | null;
  /** Cross-region PrivateLink: the Region where the service is hosted, when it is not this one. */
  serviceRegion: string | null;
  /** As AWS spells it: available, pending, pendingAcceptance, rejected, failed, expired, partial, deleting... */
  state: string;
  /** `FailureReason`, when the endpoint failed. */
  failureReason: string | null;
  routeTableIds: string[];
  subnetIds: string[];
  networkInterfaceIds: string[];
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  /** The policy document as returned (a JSON string), or null. */
  policy: string | null;
  dnsEntries: DnsEntry[];
  dnsOptions: EndpointDnsOptions | null;
  /** ipv4, dualstack or ipv6. */
  ipAddressType: string | null;
  /** Lattice endpoints: the IP prefixes they use in their subnets. */
  ipv4Prefixes: string[];
  ipv6Prefixes: string[];
  ownerId: string | null;
  /** Created and managed by a service (e.g. a GWLB endpoint of AWS Network Firewall). */
  requesterManaged: boolean;
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

export interface EgressOnlyInternetGateway {
  id: string;
  name: string;
  vpcIds: string[];
  tags: Tags;
}

export interface CarrierGateway {
  id: string;
  name: string;
  vpcId: string;
  state: string;
  tags: Tags;
}

/** A VPC attachment of a transit gateway (DescribeTransitGatewayVpcAttachments). */
export interface TransitGatewayAttachment {
  id: string;
  name: string;
  transitGatewayId: string;
  vpcId: string;
  subnetIds: string[];
  state: string;
  tags: Tags;
}

export interface NatGatewayAddress {
  publicIp: string | null;
  privateIp: string | null;
  networkInterfaceId: string | null;
  /** Regional NAT gateways: the AZ this address serves. */
  az: string | null;
  status: string | null;
}

export interface NatGateway {
  id: string;
  name: string;
  vpcId: string;
  /** The subnet of a zonal NAT gateway; '' for a regional one, which has none. */
  subnetId: string;
  /** zonal (one AZ, in a subnet) or regional (several AZs, no subnet, its own route table). */
  availabilityMode: 'zonal' | 'regional' | (string & {});
  /** Regional NAT gateways: the route table their traffic follows. */
  routeTableId: string | null;
  /** pending, failed, available, deleting or deleted (kept when a route still points to it). */
  state: string;
  /** public, or private (never reaches the internet: it translates to other private networks). */
  connectivityType: string;
  publicIps: string[];
  privateIps: string[];
  addresses: NatGatewayAddress[];
  /** The AZs it serves: the subnet's for a zonal one, its addresses' for a regional one. */
  azs: string[];
  failure: { code: string; message: string } | null;
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
  /** 'aws' (DescribePrefixLists: a service's addresses) or 'customer' (a customer-managed prefix list). */
  owner: 'aws' | 'customer';
  /** False for a customer-managed list whose entries could not be read: `cidrs` is empty, not known empty. */
  entriesKnown: boolean;
  /** IPv4 or IPv6, when known. */
  addressFamily: string | null;
}

/** A zone subnets can live in (DescribeAvailabilityZones). */
export interface Zone {
  name: string;
  id: string | null;
  zoneType: ZoneType;
  /** Local and Wavelength Zones: the AZ they hang off. */
  parentZoneName: string | null;
}

/**
 * Data that does not add up, or a record that could not be used: said per VPC (null when it belongs to no VPC
 * of the data) so that a VPC page shows only its own.
 */
export interface DataWarning {
  /**
   * skipped: a record left out; inconsistent: records that contradict each other; left-out: kept out on purpose;
   * unrecognised: kept, but with a value this app cannot interpret (a route target type it does not know).
   */
  kind: 'skipped' | 'inconsistent' | 'left-out' | 'unrecognised';
  vpcId: string | null;
  message: string;
  /** Where the record came from, when it came from a file: `us-east-1/describe-subnets.json`, and its index. */
  file?: string;
  index?: number;
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
  egressOnlyInternetGateways: EgressOnlyInternetGateway[];
  carrierGateways: CarrierGateway[];
  transitGatewayAttachments: TransitGatewayAttachment[];
  /** The region's zones, when DescribeAvailabilityZones was read; else those named by the subnets. */
  zones: Zone[];
  /** Things the loader could not read (a denied call); shown to the user, never fatal. */
  warnings: string[];
  /** Records skipped and data that does not add up, per VPC. */
  dataWarnings: DataWarning[];
  /**
   * Lists the loader could not read (their Describe call was denied): they are empty here, and their counts are
   * unknown, not zero. Absent when everything was read.
   */
  unread?: UnreadList[];
}

/** The lists of a topology whose Describe call may be denied without failing the load (DescribeVpcs must succeed). */
export const UNREAD_LISTS = [
  'subnets',
  'routeTables',
  'endpoints',
  'networkInterfaces',
  'securityGroups',
  'internetGateways',
  'natGateways',
  'prefixLists',
  'egressOnlyInternetGateways',
  'carrierGateways',
  'transitGatewayAttachments',
  'zones',
] as const;
export type UnreadList = (typeof UNREAD_LISTS)[number];
