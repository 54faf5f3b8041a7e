import 'server-only';
import {
  CreateVpcEndpointCommand,
  DeleteVpcEndpointsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeCarrierGatewaysCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInternetGatewaysCommand,
  DescribeManagedPrefixListsCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  GetManagedPrefixListEntriesCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribePrefixListsCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  ModifyVpcEndpointCommand,
  paginateDescribeCarrierGateways,
  paginateDescribeEgressOnlyInternetGateways,
  paginateDescribeInternetGateways,
  paginateDescribeManagedPrefixLists,
  paginateDescribeTransitGatewayVpcAttachments,
  paginateGetManagedPrefixListEntries,
  paginateDescribeNatGateways,
  paginateDescribeNetworkInterfaces,
  paginateDescribePrefixLists,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
  type EC2ClientConfig,
} from '@aws-sdk/client-ec2';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Ec2Api } from './api';
import type { Pager } from './read-region';
import { toEc2Error } from './errors';
import { appendAll } from '@/lib/arrays';

export interface LiveOptions {
  region: string;
  /** Overrides the SDK's own endpoint resolution; normally left unset so AWS_ENDPOINT_URL(_EC2) apply. */
  endpoint?: string;
  profile?: string;
  /** Credentials of another account (the fleet's assumed role); unset, the profile or the SDK's chain. */
  credentials?: () => Promise<AwsCredentialIdentity>;
  /** Milliseconds to establish a TCP connection. */
  connectionTimeout?: number;
  /** Milliseconds of socket inactivity before a request is cut off. */
  requestTimeout?: number;
  maxAttempts?: number;
}

/** Items per page for the paginators: the largest that every Describe call accepts (route tables: 100). */
const PAGE_SIZE = 100;

/**
 * Ec2Api over the AWS SDK's EC2Client. Region, credentials and endpoint come from the SDK's own
 * chain (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EC2), so one build talks to
 * AWS, LocalStack or moto.
 */
export class LiveEc2Api implements Ec2Api {
  readonly source = 'live' as const;
  readonly region: string;
  readonly client: EC2Client;

  constructor(options: LiveOptions) {
    this.region = options.region;
    const config: EC2ClientConfig = {
      region: options.region,
      // The SDK's standard retry mode: exponential back-off on throttling and 5xx.
      maxAttempts: options.maxAttempts ?? 3,
      retryMode: 'standard',
      requestHandler: {
        connectionTimeout: options.connectionTimeout ?? 3_000,
        requestTimeout: options.requestTimeout ?? 10_000,
        // Without this a hung socket only logs a warning and the load waits forever.
        throwOnRequestTimeout: true,
      },
    };
    if (options.endpoint) config.endpoint = options.endpoint;
    if (options.profile) config.profile = options.profile;
    if (options.credentials) config.credentials = options.credentials;
    this.client = new EC2Client(config);
  }

  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw toEc2Error(err, operation);
    }
  }

  describeVpcs: Ec2Api['describeVpcs'] = (input = {}) =>
    this.call('DescribeVpcs', () => this.client.send(new DescribeVpcsCommand(input)));
  describeVpcAttribute: Ec2Api['describeVpcAttribute'] = (input) =>
    this.call('DescribeVpcAttribute', () => this.client.send(new DescribeVpcAttributeCommand(input)));
  describeSubnets: Ec2Api['describeSubnets'] = (input = {}) =>
    this.call('DescribeSubnets', () => this.client.send(new DescribeSubnetsCommand(input)));
  describeRouteTables: Ec2Api['describeRouteTables'] = (input = {}) =>
    this.call('DescribeRouteTables', () => this.client.send(new DescribeRouteTablesCommand(input)));
  describeVpcEndpoints: Ec2Api['describeVpcEndpoints'] = (input = {}) =>
    this.call('DescribeVpcEndpoints', () => this.client.send(new DescribeVpcEndpointsCommand(input)));
  describeVpcEndpointServices: Ec2Api['describeVpcEndpointServices'] = (input = {}) =>
    this.call('DescribeVpcEndpointServices', () => this.client.send(new DescribeVpcEndpointServicesCommand(input)));
  describeNetworkInterfaces: Ec2Api['describeNetworkInterfaces'] = (input = {}) =>
    this.call('DescribeNetworkInterfaces', () => this.client.send(new DescribeNetworkInterfacesCommand(input)));
  describeSecurityGroups: Ec2Api['describeSecurityGroups'] = (input = {}) =>
    this.call('DescribeSecurityGroups', () => this.client.send(new DescribeSecurityGroupsCommand(input)));
  describeInternetGateways: Ec2Api['describeInternetGateways'] = (input = {}) =>
    this.call('DescribeInternetGateways', () => this.client.send(new DescribeInternetGatewaysCommand(input)));
  describeNatGateways: Ec2Api['describeNatGateways'] = (input = {}) =>
    this.call('DescribeNatGateways', () => this.client.send(new DescribeNatGatewaysCommand(input)));
  describePrefixLists: Ec2Api['describePrefixLists'] = (input = {}) =>
    this.call('DescribePrefixLists', () => this.client.send(new DescribePrefixListsCommand(input)));
  describeRegions: Ec2Api['describeRegions'] = (input = {}) =>
    this.call('DescribeRegions', () => this.client.send(new DescribeRegionsCommand(input)));
  describeEgressOnlyInternetGateways: Ec2Api['describeEgressOnlyInternetGateways'] = (input = {}) =>
    this.call('DescribeEgressOnlyInternetGateways', () => this.client.send(new DescribeEgressOnlyInternetGatewaysCommand(input)));
  describeCarrierGateways: Ec2Api['describeCarrierGateways'] = (input = {}) =>
    this.call('DescribeCarrierGateways', () => this.client.send(new DescribeCarrierGatewaysCommand(input)));
  describeTransitGatewayVpcAttachments: Ec2Api['describeTransitGatewayVpcAttachments'] = (input = {}) =>
    this.call('DescribeTransitGatewayVpcAttachments', () => this.client.send(new DescribeTransitGatewayVpcAttachmentsCommand(input)));
  describeAvailabilityZones: Ec2Api['describeAvailabilityZones'] = (input = {}) =>
    this.call('DescribeAvailabilityZones', () => this.client.send(new DescribeAvailabilityZonesCommand(input)));
  describeManagedPrefixLists: Ec2Api['describeManagedPrefixLists'] = (input = {}) =>
    this.call('DescribeManagedPrefixLists', () => this.client.send(new DescribeManagedPrefixListsCommand(input)));
  getManagedPrefixListEntries: Ec2Api['getManagedPrefixListEntries'] = (input) =>
    this.call('GetManagedPrefixListEntries', () => this.client.send(new GetManagedPrefixListEntriesCommand(input)));
  createVpcEndpoint: Ec2Api['createVpcEndpoint'] = (input) =>
    this.call('CreateVpcEndpoint', () => this.client.send(new CreateVpcEndpointCommand(input)));
  modifyVpcEndpoint: Ec2Api['modifyVpcEndpoint'] = (input) =>
    this.call('ModifyVpcEndpoint', () => this.client.send(new ModifyVpcEndpointCommand(input)));
  deleteVpcEndpoints: Ec2Api['deleteVpcEndpoints'] = (input) =>
    this.call('DeleteVpcEndpoints', () => this.client.send(new DeleteVpcEndpointsCommand(input)));

  /** All pages of each Describe call, through the SDK's own paginators. */
  readonly pager: Pager = {
    vpcs: () => this.drain('DescribeVpcs', paginateDescribeVpcs(this.cfg(), {}), (p) => p.Vpcs),
    subnets: () => this.drain('DescribeSubnets', paginateDescribeSubnets(this.cfg(), {}), (p) => p.Subnets),
    routeTables: () =>
      this.drain('DescribeRouteTables', paginateDescribeRouteTables(this.cfg(), {}), (p) => p.RouteTables),
    vpcEndpoints: () =>
      this.drain('DescribeVpcEndpoints', paginateDescribeVpcEndpoints(this.cfg(), {}), (p) => p.VpcEndpoints),
    networkInterfaces: () =>
      this.drain(
        'DescribeNetworkInterfaces',
        paginateDescribeNetworkInterfaces(this.cfg(), {}),
        (p) => p.NetworkInterfaces,
      ),
    securityGroups: () =>
      this.drain('DescribeSecurityGroups', paginateDescribeSecurityGroups(this.cfg(), {}), (p) => p.SecurityGroups),
    internetGateways: () =>
      this.drain(
        'DescribeInternetGateways',
        paginateDescribeInternetGateways(this.cfg(), {}),
        (p) => p.InternetGateways,
      ),
    natGateways: () =>
      this.drain('DescribeNatGateways', paginateDescribeNatGateways(this.cfg(), {}), (p) => p.NatGateways),
    prefixLists: () =>
      this.drain('DescribePrefixLists', paginateDescribePrefixLists(this.cfg(), {}), (p) => p.PrefixLists),
    egressOnlyInternetGateways: () =>
      this.drain(
        'DescribeEgressOnlyInternetGateways',
        paginateDescribeEgressOnlyInternetGateways(this.cfg(), {}),
        (p) => p.EgressOnlyInternetGateways,
      ),
    carrierGateways: () =>
      this.drain('DescribeCarrierGateways', paginateDescribeCarrierGateways(this.cfg(), {}), (p) => p.CarrierGateways),
    transitGatewayVpcAttachments: () =>
      this.drain(
        'DescribeTransitGatewayVpcAttachments',
        paginateDescribeTransitGatewayVpcAttachments(this.cfg(), {}),
        (p) => p.TransitGatewayVpcAttachments,
      ),
    availabilityZones: async () => (await this.describeAvailabilityZones({})).AvailabilityZones ?? [],
    managedPrefixLists: () =>
      this.drain('DescribeManagedPrefixLists', paginateDescribeManagedPrefixLists(this.cfg(), {}), (p) => p.PrefixLists),
    prefixListEntries: (PrefixListId: string) =>
      this.drain('GetManagedPrefixListEntries', paginateGetManagedPrefixListEntries(this.cfg(), { PrefixListId }), (p) => p.Entries),
  };

  private cfg() {
    return { client: this.client, pageSize: PAGE_SIZE };
  }

  private async drain<P, I>(operation: string, pages: AsyncIterable<P>, items: (page: P) => I[] | undefined) {
    const out: I[] = [];
    try {
      for await (const page of pages) appendAll(out, items(page));
    } catch (err) {
      throw toEc2Error(err, operation);
    }
    return out;
  }
}
