import { z } from 'zod';

/**
 * What a fixture file must hold, per file: its name, the key of its list (as the AWS CLI writes it), the id
 * field of each record, and the types of the fields this app reads. Structure only: a record needs to be an
 * object with its id; every other field is optional, and one of the wrong type is dropped with a warning
 * (the record is kept). Fields not listed here are kept as they are.
 */

const str = z.string();
const bool = z.boolean();
const int = z.number().int();
const tags = z.array(z.looseObject({ Key: str, Value: str.optional() })).optional();
const strings = z.array(str).optional();

const Vpc = z.looseObject({
  VpcId: str,
  CidrBlock: str.optional(),
  CidrBlockAssociationSet: z.array(z.looseObject({ CidrBlock: str.optional() })).optional(),
  Ipv6CidrBlockAssociationSet: z.array(z.looseObject({ Ipv6CidrBlock: str.optional() })).optional(),
  IsDefault: bool.optional(),
  State: str.optional(),
  Tags: tags,
});
const Subnet = z.looseObject({
  SubnetId: str,
  VpcId: str,
  CidrBlock: str.optional(),
  Ipv6CidrBlockAssociationSet: z.array(z.looseObject({ Ipv6CidrBlock: str.optional() })).optional(),
  AvailabilityZone: str.optional(),
  // An IPv6 /64 has 2^64 addresses: more than a JSON number holds as an integer (moto reports it so).
  AvailableIpAddressCount: z.number().nonnegative().optional(),
  MapPublicIpOnLaunch: bool.optional(),
  Ipv6Native: bool.optional(),
  OutpostArn: str.optional(),
  Tags: tags,
});
const Route = z.looseObject({
  DestinationCidrBlock: str.optional(),
  DestinationIpv6CidrBlock: str.optional(),
  DestinationPrefixListId: str.optional(),
  GatewayId: str.optional(),
  NatGatewayId: str.optional(),
  State: str.optional(),
});
const RouteTable = z.looseObject({
  RouteTableId: str,
  VpcId: str,
  Associations: z
    .array(z.looseObject({ Main: bool.optional(), SubnetId: str.optional(), GatewayId: str.optional(), RouteTableAssociationId: str.optional() }))
    .optional(),
  Routes: z.array(Route).optional(),
  Tags: tags,
});
const VpcEndpoint = z.looseObject({
  VpcEndpointId: str,
  VpcId: str,
  // VPC Lattice endpoints (Resource, ServiceNetwork) have no ServiceName.
  ServiceName: str.optional(),
  VpcEndpointType: str.optional(),
  State: str.optional(),
  RouteTableIds: strings,
  SubnetIds: strings,
  NetworkInterfaceIds: strings,
  Groups: z.array(z.looseObject({ GroupId: str })).optional(),
  PrivateDnsEnabled: bool.optional(),
  PolicyDocument: str.optional(),
  Tags: tags,
});
const NetworkInterface = z.looseObject({
  NetworkInterfaceId: str,
  SubnetId: str.optional(),
  VpcId: str.optional(),
  PrivateIpAddress: str.optional(),
  Groups: z.array(z.looseObject({ GroupId: str.optional() })).optional(),
  TagSet: tags,
});
const IpPermission = z.looseObject({
  IpProtocol: str.optional(),
  FromPort: int.optional(),
  ToPort: int.optional(),
  IpRanges: z.array(z.looseObject({ CidrIp: str.optional() })).optional(),
});
const SecurityGroup = z.looseObject({
  GroupId: str,
  GroupName: str.optional(),
  VpcId: str.optional(),
  IpPermissions: z.array(IpPermission).optional(),
  IpPermissionsEgress: z.array(IpPermission).optional(),
  Tags: tags,
});
const attachments = z.array(z.looseObject({ VpcId: str.optional(), State: str.optional() })).optional();
const InternetGateway = z.looseObject({ InternetGatewayId: str, Attachments: attachments, Tags: tags });
const EgressOnlyInternetGateway = z.looseObject({ EgressOnlyInternetGatewayId: str, Attachments: attachments, Tags: tags });
const CarrierGateway = z.looseObject({ CarrierGatewayId: str, VpcId: str.optional(), State: str.optional(), Tags: tags });
const TransitGatewayVpcAttachment = z.looseObject({
  TransitGatewayAttachmentId: str,
  TransitGatewayId: str.optional(),
  VpcId: str.optional(),
  SubnetIds: strings,
  State: str.optional(),
  Tags: tags,
});
const AvailabilityZone = z.looseObject({ ZoneName: str, ZoneId: str.optional(), ZoneType: str.optional(), ParentZoneName: str.optional() });
const NatGateway = z.looseObject({
  NatGatewayId: str,
  VpcId: str.optional(),
  SubnetId: str.optional(),
  State: str.optional(),
  NatGatewayAddresses: z.array(z.looseObject({ PublicIp: str.optional(), PrivateIp: str.optional() })).optional(),
  Tags: tags,
});
const PrefixList = z.looseObject({ PrefixListId: str, PrefixListName: str.optional(), Cidrs: strings });
/** DescribeManagedPrefixLists' records; `Entries` (GetManagedPrefixListEntries) is added by fixtures:capture. */
const ManagedPrefixList = z.looseObject({
  PrefixListId: str,
  PrefixListName: str.optional(),
  OwnerId: str.optional(),
  Entries: z.array(z.looseObject({ Cidr: str.optional() })).optional(),
  Tags: tags,
});
const ServiceDetail = z.looseObject({
  ServiceName: str,
  ServiceType: z.array(z.looseObject({ ServiceType: str.optional() })).optional(),
  AvailabilityZones: strings,
});
const VpcAttribute = z.looseObject({
  VpcId: str,
  EnableDnsSupport: z.looseObject({ Value: bool.optional() }).optional(),
  EnableDnsHostnames: z.looseObject({ Value: bool.optional() }).optional(),
});

interface FixtureFile {
  file: string;
  /** A region needs this file (it is what makes a folder a region). */
  required: boolean;
  /** The key of the record list, as `aws ec2 describe-* --output json` writes it. */
  list: string;
  /** The field every record must have, a non-empty string. */
  id: string;
  record: z.ZodType<Record<string, unknown>>;
}

/** One entry per file, in the order problems are reported. */
export const FIXTURE_FILES = {
  vpcs: { file: 'describe-vpcs.json', required: true, list: 'Vpcs', id: 'VpcId', record: Vpc },
  subnets: { file: 'describe-subnets.json', required: false, list: 'Subnets', id: 'SubnetId', record: Subnet },
  routeTables: { file: 'describe-route-tables.json', required: false, list: 'RouteTables', id: 'RouteTableId', record: RouteTable },
  internetGateways: { file: 'describe-internet-gateways.json', required: false, list: 'InternetGateways', id: 'InternetGatewayId', record: InternetGateway },
  natGateways: { file: 'describe-nat-gateways.json', required: false, list: 'NatGateways', id: 'NatGatewayId', record: NatGateway },
  securityGroups: { file: 'describe-security-groups.json', required: false, list: 'SecurityGroups', id: 'GroupId', record: SecurityGroup },
  vpcEndpoints: { file: 'describe-vpc-endpoints.json', required: false, list: 'VpcEndpoints', id: 'VpcEndpointId', record: VpcEndpoint },
  networkInterfaces: { file: 'describe-network-interfaces.json', required: false, list: 'NetworkInterfaces', id: 'NetworkInterfaceId', record: NetworkInterface },
  prefixLists: { file: 'describe-prefix-lists.json', required: false, list: 'PrefixLists', id: 'PrefixListId', record: PrefixList },
  egressOnlyInternetGateways: {
    file: 'describe-egress-only-internet-gateways.json',
    required: false,
    list: 'EgressOnlyInternetGateways',
    id: 'EgressOnlyInternetGatewayId',
    record: EgressOnlyInternetGateway,
  },
  carrierGateways: { file: 'describe-carrier-gateways.json', required: false, list: 'CarrierGateways', id: 'CarrierGatewayId', record: CarrierGateway },
  transitGatewayVpcAttachments: {
    file: 'describe-transit-gateway-vpc-attachments.json',
    required: false,
    list: 'TransitGatewayVpcAttachments',
    id: 'TransitGatewayAttachmentId',
    record: TransitGatewayVpcAttachment,
  },
  availabilityZones: { file: 'describe-availability-zones.json', required: false, list: 'AvailabilityZones', id: 'ZoneName', record: AvailabilityZone },
  managedPrefixLists: { file: 'describe-managed-prefix-lists.json', required: false, list: 'PrefixLists', id: 'PrefixListId', record: ManagedPrefixList },
  services: { file: 'describe-vpc-endpoint-services.json', required: false, list: 'ServiceDetails', id: 'ServiceName', record: ServiceDetail },
  vpcAttributes: {
    // Not an AWS CLI file: DescribeVpcAttribute answers one VPC and attribute at a time, so
    // fixtures:capture gathers the DNS settings here. Optional; without it DNS settings are unknown.
    file: 'vpc-attributes.json',
    required: false,
    list: 'VpcAttributes',
    id: 'VpcId',
    record: VpcAttribute,
  },
} as const satisfies Record<string, FixtureFile>;

export type FixtureFileKey = keyof typeof FIXTURE_FILES;
