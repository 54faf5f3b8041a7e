import type { DataWarning, UnreadList } from '@/lib/topology/types';
import type {
  AvailabilityZone,
  CarrierGateway,
  EgressOnlyInternetGateway,
  ManagedPrefixList,
  PrefixListEntry,
  TransitGatewayVpcAttachment,
  CreateVpcEndpointCommandInput,
  CreateVpcEndpointCommandOutput,
  DeleteVpcEndpointsCommandInput,
  DeleteVpcEndpointsCommandOutput,
  DescribeInternetGatewaysCommandInput,
  DescribeInternetGatewaysCommandOutput,
  DescribeNatGatewaysCommandInput,
  DescribeNatGatewaysCommandOutput,
  DescribeNetworkInterfacesCommandInput,
  DescribeNetworkInterfacesCommandOutput,
  DescribePrefixListsCommandInput,
  DescribePrefixListsCommandOutput,
  DescribeRegionsCommandInput,
  DescribeRegionsCommandOutput,
  DescribeEgressOnlyInternetGatewaysCommandInput,
  DescribeEgressOnlyInternetGatewaysCommandOutput,
  DescribeCarrierGatewaysCommandInput,
  DescribeCarrierGatewaysCommandOutput,
  DescribeTransitGatewayVpcAttachmentsCommandInput,
  DescribeTransitGatewayVpcAttachmentsCommandOutput,
  DescribeAvailabilityZonesCommandInput,
  DescribeAvailabilityZonesCommandOutput,
  DescribeManagedPrefixListsCommandInput,
  DescribeManagedPrefixListsCommandOutput,
  GetManagedPrefixListEntriesCommandInput,
  GetManagedPrefixListEntriesCommandOutput,
  DescribeRouteTablesCommandInput,
  DescribeRouteTablesCommandOutput,
  DescribeSecurityGroupsCommandInput,
  DescribeSecurityGroupsCommandOutput,
  DescribeSubnetsCommandInput,
  DescribeSubnetsCommandOutput,
  DescribeVpcAttributeCommandInput,
  DescribeVpcAttributeCommandOutput,
  DescribeVpcEndpointServicesCommandInput,
  DescribeVpcEndpointServicesCommandOutput,
  DescribeVpcEndpointsCommandInput,
  DescribeVpcEndpointsCommandOutput,
  DescribeVpcsCommandInput,
  DescribeVpcsCommandOutput,
  ModifyVpcEndpointCommandInput,
  ModifyVpcEndpointCommandOutput,
} from './types';

type Out<T> = Omit<T, '$metadata'>;

/**
 * The EC2 operations vpc-atlas uses, with the AWS SDK v3 input and output shapes and AWS's
 * pagination (MaxResults / NextToken): one call returns one page. Two backends implement it:
 * `LiveEc2Api` (the SDK's EC2Client: AWS, LocalStack, moto) and `FixtureEc2Api` (an in-process
 * EC2 seeded from `aws ec2 describe-*` JSON files).
 */
export interface Ec2Api {
  readonly source: 'fixture' | 'live';
  readonly region: string;
  describeVpcs(input?: DescribeVpcsCommandInput): Promise<Out<DescribeVpcsCommandOutput>>;
  describeVpcAttribute(input: DescribeVpcAttributeCommandInput): Promise<Out<DescribeVpcAttributeCommandOutput>>;
  describeSubnets(input?: DescribeSubnetsCommandInput): Promise<Out<DescribeSubnetsCommandOutput>>;
  describeRouteTables(input?: DescribeRouteTablesCommandInput): Promise<Out<DescribeRouteTablesCommandOutput>>;
  describeVpcEndpoints(input?: DescribeVpcEndpointsCommandInput): Promise<Out<DescribeVpcEndpointsCommandOutput>>;
  describeVpcEndpointServices(
    input?: DescribeVpcEndpointServicesCommandInput,
  ): Promise<Out<DescribeVpcEndpointServicesCommandOutput>>;
  describeNetworkInterfaces(
    input?: DescribeNetworkInterfacesCommandInput,
  ): Promise<Out<DescribeNetworkInterfacesCommandOutput>>;
  describeSecurityGroups(input?: DescribeSecurityGroupsCommandInput): Promise<Out<DescribeSecurityGroupsCommandOutput>>;
  describeInternetGateways(
    input?: DescribeInternetGatewaysCommandInput,
  ): Promise<Out<DescribeInternetGatewaysCommandOutput>>;
  describeNatGateways(input?: DescribeNatGatewaysCommandInput): Promise<Out<DescribeNatGatewaysCommandOutput>>;
  describePrefixLists(input?: DescribePrefixListsCommandInput): Promise<Out<DescribePrefixListsCommandOutput>>;
  describeRegions(input?: DescribeRegionsCommandInput): Promise<Out<DescribeRegionsCommandOutput>>;
  describeEgressOnlyInternetGateways(
    input?: DescribeEgressOnlyInternetGatewaysCommandInput,
  ): Promise<Out<DescribeEgressOnlyInternetGatewaysCommandOutput>>;
  describeCarrierGateways(input?: DescribeCarrierGatewaysCommandInput): Promise<Out<DescribeCarrierGatewaysCommandOutput>>;
  describeTransitGatewayVpcAttachments(
    input?: DescribeTransitGatewayVpcAttachmentsCommandInput,
  ): Promise<Out<DescribeTransitGatewayVpcAttachmentsCommandOutput>>;
  /** Not paginated: one call answers every zone. */
  describeAvailabilityZones(input?: DescribeAvailabilityZonesCommandInput): Promise<Out<DescribeAvailabilityZonesCommandOutput>>;
  describeManagedPrefixLists(input?: DescribeManagedPrefixListsCommandInput): Promise<Out<DescribeManagedPrefixListsCommandOutput>>;
  getManagedPrefixListEntries(input: GetManagedPrefixListEntriesCommandInput): Promise<Out<GetManagedPrefixListEntriesCommandOutput>>;
  createVpcEndpoint(input: CreateVpcEndpointCommandInput): Promise<Out<CreateVpcEndpointCommandOutput>>;
  modifyVpcEndpoint(input: ModifyVpcEndpointCommandInput): Promise<Out<ModifyVpcEndpointCommandOutput>>;
  deleteVpcEndpoints(input: DeleteVpcEndpointsCommandInput): Promise<Out<DeleteVpcEndpointsCommandOutput>>;
}

/** The Describe call behind each list of a RawRegion: names the call in warnings and permission messages. */
export const DESCRIBE_OPERATION = {
  vpcs: 'DescribeVpcs',
  subnets: 'DescribeSubnets',
  routeTables: 'DescribeRouteTables',
  vpcEndpoints: 'DescribeVpcEndpoints',
  networkInterfaces: 'DescribeNetworkInterfaces',
  securityGroups: 'DescribeSecurityGroups',
  internetGateways: 'DescribeInternetGateways',
  natGateways: 'DescribeNatGateways',
  prefixLists: 'DescribePrefixLists',
  egressOnlyInternetGateways: 'DescribeEgressOnlyInternetGateways',
  carrierGateways: 'DescribeCarrierGateways',
  transitGatewayVpcAttachments: 'DescribeTransitGatewayVpcAttachments',
  availabilityZones: 'DescribeAvailabilityZones',
  managedPrefixLists: 'DescribeManagedPrefixLists',
} as const satisfies Partial<Record<keyof RawRegion, string>>;

/** Everything one region load reads, as the API returned it (all pages joined). */
export interface RawRegion {
  region: string;
  vpcs: NonNullable<DescribeVpcsCommandOutput['Vpcs']>;
  /** enableDnsSupport / enableDnsHostnames per VPC id, when they could be read. */
  vpcDns: Record<string, { dnsSupport: boolean | null; dnsHostnames: boolean | null }>;
  subnets: NonNullable<DescribeSubnetsCommandOutput['Subnets']>;
  routeTables: NonNullable<DescribeRouteTablesCommandOutput['RouteTables']>;
  vpcEndpoints: NonNullable<DescribeVpcEndpointsCommandOutput['VpcEndpoints']>;
  networkInterfaces: NonNullable<DescribeNetworkInterfacesCommandOutput['NetworkInterfaces']>;
  securityGroups: NonNullable<DescribeSecurityGroupsCommandOutput['SecurityGroups']>;
  internetGateways: NonNullable<DescribeInternetGatewaysCommandOutput['InternetGateways']>;
  natGateways: NonNullable<DescribeNatGatewaysCommandOutput['NatGateways']>;
  prefixLists: NonNullable<DescribePrefixListsCommandOutput['PrefixLists']>;
  /** The lists below were added later: a source (or an older capture) without them reads as none. */
  egressOnlyInternetGateways?: EgressOnlyInternetGateway[];
  carrierGateways?: CarrierGateway[];
  transitGatewayVpcAttachments?: TransitGatewayVpcAttachment[];
  availabilityZones?: AvailabilityZone[];
  /** DescribeManagedPrefixLists, each with its entries (GetManagedPrefixListEntries) when they could be read. */
  managedPrefixLists?: Array<ManagedPrefixList & { Entries?: PrefixListEntry[] }>;
  /** Records the reader already skipped (a fixture record that is not an object with its id). */
  dataWarnings?: DataWarning[];
  /** Where each record came from, when it came from a file: names the file and index in warnings. */
  origins?: WeakMap<object, { file: string; index: number }>;
  /** Problems that did not stop the load (a call denied, a file malformed). */
  warnings: string[];
  /** The lists whose Describe call was denied (left empty), in the topology's names. */
  unread?: UnreadList[];
}
