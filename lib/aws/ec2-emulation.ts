/**
 * What EC2 itself fills in when an endpoint is created, as DescribeVpcEndpoints and DescribeNetworkInterfaces show
 * it: the default policies, the AWS-owned requester of the ENIs, and the field-by-field shape of the endpoint and
 * ENI records. Both writers of EC2 state share these: the fixture backend's CreateVpcEndpoint
 * (`lib/ec2/fixture-writes.ts`) and the fixture generators (`scripts/lib/region-builder.ts`), so an endpoint the
 * demo ships with and one a user creates look alike. Records are in the AWS CLI's JSON form and field order.
 */

import type { NetworkInterface, VpcEndpoint } from '@/lib/ec2/types';

/**
 * An SDK model as the AWS CLI prints it and fixture files store it: dates are ISO strings, and enum members are
 * widened to string because the wire values differ from some SDK enum spellings (the API returns VpcEndpoint State
 * "available" and InterfaceType "nat_gateway", while the SDK's enums say "Available" and "natGateway").
 */
export type Wire<T> = T extends Date
  ? string
  : T extends string
    ? string
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

export type EndpointRecord = Wire<VpcEndpoint>;
export type EniRecord = Wire<NetworkInterface>;

/** The policy AWS attaches to a gateway endpoint created without one, as DescribeVpcEndpoints returns it. */
export const DEFAULT_GATEWAY_POLICY = '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}';
/** The same for interface endpoints, exactly as AWS returns it (pretty-printed, with `", \n"`). */
export const DEFAULT_INTERFACE_POLICY =
  '{\n  "Statement": [\n    {\n      "Action": "*", \n      "Effect": "Allow", \n      "Principal": "*", \n      "Resource": "*"\n    }\n  ]\n}';

/** The policy an endpoint of this type gets when none is given, and after ModifyVpcEndpoint ResetPolicy. */
export function defaultEndpointPolicy(type: string): string {
  return type === 'Gateway' ? DEFAULT_GATEWAY_POLICY : DEFAULT_INTERFACE_POLICY;
}

/** The AWS-owned account shown as RequesterId on interface-endpoint ENIs. */
export const VPCE_REQUESTER_ID = '727180483921';
/** The AWS-owned account shown as RequesterId on NAT gateway ENIs. */
export const NAT_REQUESTER_ID = '440350482917';

export interface EndpointFacts {
  id: string;
  type: string;
  vpcId: string;
  serviceName: string;
  state: string;
  /** Null: the type's default policy. */
  policy: string | null;
  routeTableIds: string[];
  subnetIds: string[];
  groups: { GroupId?: string | undefined; GroupName?: string | undefined }[];
  /** Interface endpoints only: `ipv4`, `dualstack` or `ipv6`, and the DNS records' IP type. */
  ipAddressType?: string;
  dnsRecordIpType?: string;
  privateDnsEnabled: boolean;
  networkInterfaceIds: string[];
  dnsEntries: { DnsName?: string | undefined; HostedZoneId?: string | undefined }[];
  createdAt: string;
  tags: { Key?: string | undefined; Value?: string | undefined }[];
  ownerId: string | undefined;
  region: string;
}

/** An endpoint as DescribeVpcEndpoints lists it. Endpoints a user creates are never requester-managed. */
export function endpointRecord(f: EndpointFacts): EndpointRecord {
  return {
    VpcEndpointId: f.id,
    VpcEndpointType: f.type,
    VpcId: f.vpcId,
    ServiceName: f.serviceName,
    State: f.state,
    PolicyDocument: f.policy ?? defaultEndpointPolicy(f.type),
    RouteTableIds: f.routeTableIds,
    SubnetIds: f.subnetIds,
    Groups: f.groups,
    ...(f.ipAddressType !== undefined ? { IpAddressType: f.ipAddressType, DnsOptions: { DnsRecordIpType: f.dnsRecordIpType ?? f.ipAddressType } } : {}),
    PrivateDnsEnabled: f.privateDnsEnabled,
    RequesterManaged: false,
    NetworkInterfaceIds: f.networkInterfaceIds,
    DnsEntries: f.dnsEntries,
    CreationTimestamp: f.createdAt,
    Tags: f.tags,
    OwnerId: f.ownerId,
    ServiceRegion: f.region,
  };
}

export interface EndpointEniFacts {
  id: string;
  endpointId: string;
  subnet: { id: string | undefined; vpcId: string | undefined; az: string | undefined; azId: string | undefined };
  groups: { GroupId?: string | undefined; GroupName?: string | undefined }[];
  ownerId: string | undefined;
  macAddress: string;
  /** Null for an IPv6-only endpoint. */
  ipv4: string | null;
  /** The EC2 private DNS name of `ipv4`. */
  privateDnsName: string | undefined;
  ipv6: string | null;
  requesterId: string;
}

/**
 * The ENI EC2 makes for an interface endpoint in one subnet, as DescribeNetworkInterfaces lists it: owned by the
 * endpoint's account, requested by AWS, attached (`in-use`) from the moment it exists.
 */
export function endpointEniRecord(f: EndpointEniFacts): EniRecord {
  return {
    AvailabilityZone: f.subnet.az,
    Description: `VPC Endpoint Interface ${f.endpointId}`,
    Groups: f.groups,
    InterfaceType: 'vpc_endpoint',
    Ipv6Addresses: f.ipv6 ? [{ Ipv6Address: f.ipv6 }] : [],
    MacAddress: f.macAddress,
    NetworkInterfaceId: f.id,
    OwnerId: f.ownerId,
    PrivateDnsName: f.privateDnsName,
    PrivateIpAddress: f.ipv4 ?? undefined,
    PrivateIpAddresses: f.ipv4 ? [{ Primary: true, PrivateDnsName: f.privateDnsName, PrivateIpAddress: f.ipv4 }] : [],
    RequesterId: f.requesterId,
    RequesterManaged: true,
    SourceDestCheck: true,
    Status: 'in-use',
    SubnetId: f.subnet.id,
    TagSet: [],
    VpcId: f.subnet.vpcId,
    AvailabilityZoneId: f.subnet.azId,
  };
}
