import 'server-only';
import type {
  CreateVpcEndpointCommandInput,
  DeleteVpcEndpointsCommandInput,
  ModifyVpcEndpointCommandInput,
  UnsuccessfulItem,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { DEFAULT_GATEWAY_POLICY, defaultEndpointPolicy, endpointRecord, type EndpointFacts } from '@/lib/aws/ec2-emulation';
import type { FixtureRegionData } from './fixture-files';
import {
  assertAzsOffered,
  assertIpAddressType,
  assertNoPrefixListRoute,
  assertOnePerAz,
  assertPrivateDns,
  checkPolicyDocument,
  fail,
  findEndpoint,
  findVpc,
  fromWire,
  isLive,
  offeringOf,
  prefixListFor,
  privateDnsNameOf,
  routeTablesOf,
  securityGroupsOf,
  serviceTypes,
  subnetsOf,
  tagsFrom,
  unique
} from './fixture-write-checks';
import { dnsEntries, dnsLabelOf, endpointEni, privateZoneOf, removeEnis, type WriteEnv } from './fixture-write-enis';

/**
 * AWS's rules for CreateVpcEndpoint, ModifyVpcEndpoint and DeleteVpcEndpoints, applied to fixture
 * state. Each function validates the whole request before it changes anything and throws
 * FixtureApiError with AWS's error code and, where AWS's wording is known, AWS's message.
 * The caller runs them on a copy of the state and keeps the copy only when they return, so a
 * rejected request changes nothing.
 *
 * Messages quoted from AWS responses (as seen in public error reports): InvalidServiceName,
 * InvalidVpcID.NotFound, InvalidRouteTableID.NotFound, InvalidSubnetID.NotFound,
 * InvalidSecurityGroupID.NotFound, DuplicateSubnetsInSameZone, RouteAlreadyExists,
 * IdempotentParameterMismatch, DryRunOperation, and the InvalidParameter messages for route tables on
 * an interface endpoint, subnets on a gateway endpoint, an endpoint type the service lacks, an AZ the
 * service lacks, private DNS without the VPC's DNS attributes, a conflicting private DNS domain and
 * S3's inbound-resolver rule. The others (a resource of another VPC, a policy that is too long or has
 * no Statement) are modelled on those, because AWS's exact text was not available.
 */

export { POLICY_MAX_CHARS } from './fixture-write-checks';
export { freeIpv4, type WriteEnv } from './fixture-write-enis';
export { DEFAULT_GATEWAY_POLICY };


function rejectUnsupported(input: { SubnetConfigurations?: unknown[]; ServiceNetworkArn?: string; ResourceConfigurationArn?: string }): void {
  if (input.SubnetConfigurations?.length) fail('UnsupportedOperation', 'The fixture backend does not emulate SubnetConfigurations; leave them out to get a free address per subnet.');
  if (input.ServiceNetworkArn || input.ResourceConfigurationArn) {
    fail('UnsupportedOperation', 'The fixture backend emulates Gateway and Interface endpoints only.');
  }
}

/** CreateVpcEndpoint on `state` (mutated): the new endpoint. Validates everything before the first change. */
export function createVpcEndpointIn(state: FixtureRegionData, input: CreateVpcEndpointCommandInput, env: WriteEnv): VpcEndpoint {
  rejectUnsupported(input);
  if (!input.VpcId) fail('MissingParameter', 'The request must contain the parameter VpcId');
  if (!input.ServiceName) fail('MissingParameter', 'The request must contain the parameter ServiceName');
  const type = input.VpcEndpointType ?? 'Gateway';
  if (type !== 'Gateway' && type !== 'Interface') fail('UnsupportedOperation', `The fixture backend emulates Gateway and Interface endpoints only (got ${type}).`);
  const vpc = findVpc(state, input.VpcId);
  const offering = offeringOf(state, input.ServiceName, type);
  const tags = tagsFrom(input);
  if (input.PolicyDocument !== undefined) {
    if (offering?.VpcEndpointPolicySupported === false) {
      fail('InvalidParameter', `The VPC endpoint service ${input.ServiceName} does not support VPC endpoint policies.`);
    }
    checkPolicyDocument(input.PolicyDocument);
  }
  const common: EndpointFacts = {
    id: `vpce-${env.randomHex(17)}`,
    type,
    vpcId: input.VpcId,
    serviceName: input.ServiceName,
    state: 'available',
    policy: input.PolicyDocument ?? null,
    routeTableIds: [],
    subnetIds: [],
    groups: [],
    privateDnsEnabled: false,
    networkInterfaceIds: [],
    dnsEntries: [],
    createdAt: env.now().toISOString(),
    tags,
    ownerId: vpc.OwnerId,
    region: env.region,
  };

  if (type === 'Gateway') {
    if (input.SubnetIds?.length) fail('InvalidParameter', 'Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.');
    if (input.SecurityGroupIds?.length) fail('InvalidParameter', 'Security group IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.');
    if (input.PrivateDnsEnabled) fail('InvalidParameter', 'PrivateDnsEnabled is only supported for Interface type VPC Endpoints.');
    const prefixListId = prefixListFor(state, input.ServiceName);
    const tables = routeTablesOf(state, unique(input.RouteTableIds), input.VpcId);
    for (const t of tables) assertNoPrefixListRoute(t, prefixListId);
    for (const t of tables) {
      (t.Routes ??= []).push({ DestinationPrefixListId: prefixListId, GatewayId: common.id, Origin: 'CreateRoute', State: 'active' });
    }
    const gateway = fromWire<VpcEndpoint>(endpointRecord({ ...common, routeTableIds: tables.map((t) => t.RouteTableId!) }));
    state.vpcEndpoints.push(gateway);
    return gateway;
  }

  if (input.RouteTableIds?.length) fail('InvalidParameter', 'Route table IDs are only supported for Gateway type VPC Endpoint.');
  const subnets = subnetsOf(state, unique(input.SubnetIds), input.VpcId);
  assertAzsOffered(offering, input.ServiceName, subnets);
  assertOnePerAz(subnets);
  const requestedGroups = unique(input.SecurityGroupIds);
  const groups = requestedGroups.length
    ? securityGroupsOf(state, requestedGroups, input.VpcId)
    : // Without SecurityGroupIds, AWS uses the VPC's default security group.
      state.securityGroups.filter((g) => g.VpcId === input.VpcId && g.GroupName === 'default').slice(0, 1);
  const ipAddressType = input.IpAddressType ?? 'ipv4';
  assertIpAddressType(offering, input.ServiceName, ipAddressType, subnets);
  // PrivateDnsEnabled defaults to true for AWS services that have a private DNS name.
  const privateDns = input.PrivateDnsEnabled ?? privateDnsNameOf(offering) !== null;
  if (privateDns) {
    assertPrivateDns(state, input.VpcId, input.ServiceName, offering, input.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint, null);
  }

  const endpoint = fromWire<VpcEndpoint>(
    endpointRecord({
      ...common,
      state: env.interfaceStartsPending ? 'pending' : 'available',
      subnetIds: subnets.map((s) => s.SubnetId!),
      groups: groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
      ipAddressType,
      dnsRecordIpType: input.DnsOptions?.DnsRecordIpType ?? ipAddressType,
      privateDnsEnabled: privateDns,
    }),
  );
  const enis = subnets.map((s) => {
    const eni = endpointEni(state, endpoint, s, endpoint.Groups!, ipAddressType, env);
    state.networkInterfaces.push(eni);
    return eni;
  });
  endpoint.NetworkInterfaceIds = enis.map((e) => e.NetworkInterfaceId!);
  endpoint.DnsEntries = dnsEntries(
    state,
    endpoint,
    subnets.map((s) => s.AvailabilityZone ?? ''),
    env.randomLabel(8),
    offering,
    `Z${env.randomHex(20).toUpperCase()}`,
    env,
  );
  state.vpcEndpoints.push(endpoint);
  return endpoint;
}

/** ModifyVpcEndpoint on `state` (mutated). Validates everything before the first change. */
export function modifyVpcEndpointIn(state: FixtureRegionData, input: ModifyVpcEndpointCommandInput, env: WriteEnv): void {
  rejectUnsupported(input);
  const endpoint = findEndpoint(state, input.VpcEndpointId);
  const vpcId = endpoint.VpcId ?? '';
  const type = endpoint.VpcEndpointType ?? 'Gateway';
  const serviceName = endpoint.ServiceName ?? '';
  const offerings = state.services.filter((s) => s.ServiceName === serviceName);
  const offering = offerings.find((s) => serviceTypes(s).includes(type)) ?? null;

  if (input.ResetPolicy && input.PolicyDocument !== undefined) {
    fail('InvalidParameterCombination', 'ResetPolicy and PolicyDocument cannot be specified together.');
  }
  if (input.PolicyDocument !== undefined) checkPolicyDocument(input.PolicyDocument);
  const addRt = unique(input.AddRouteTableIds);
  const removeRt = unique(input.RemoveRouteTableIds);
  const addSn = unique(input.AddSubnetIds);
  const removeSn = unique(input.RemoveSubnetIds);
  const addSg = unique(input.AddSecurityGroupIds);
  const removeSg = unique(input.RemoveSecurityGroupIds);

  if (type === 'Gateway') {
    if (addSn.length || removeSn.length) fail('InvalidParameter', 'Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.');
    if (addSg.length || removeSg.length) fail('InvalidParameter', 'Security group IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.');
    if (input.PrivateDnsEnabled) fail('InvalidParameter', 'PrivateDnsEnabled is only supported for Interface type VPC Endpoints.');
    const both = addRt.find((id) => removeRt.includes(id));
    if (both) fail('InvalidParameter', `The route table ${both} cannot be both added and removed in one request.`);
    const prefixListId = prefixListFor(state, serviceName);
    const adding = routeTablesOf(state, addRt, vpcId).filter((t) => !(endpoint.RouteTableIds ?? []).includes(t.RouteTableId!));
    const removing = routeTablesOf(state, removeRt, vpcId);
    for (const t of removing) {
      if (!(endpoint.RouteTableIds ?? []).includes(t.RouteTableId!)) {
        fail('InvalidParameter', `The route table ${t.RouteTableId} is not associated with the VPC endpoint ${endpoint.VpcEndpointId}.`);
      }
    }
    for (const t of adding) assertNoPrefixListRoute(t, prefixListId);
    for (const t of adding) {
      (t.Routes ??= []).push({ DestinationPrefixListId: prefixListId, GatewayId: endpoint.VpcEndpointId, Origin: 'CreateRoute', State: 'active' });
    }
    for (const t of removing) {
      t.Routes = (t.Routes ?? []).filter((r) => !(r.GatewayId === endpoint.VpcEndpointId && r.DestinationPrefixListId === prefixListId));
    }
    endpoint.RouteTableIds = [...(endpoint.RouteTableIds ?? []).filter((id) => !removeRt.includes(id)), ...adding.map((t) => t.RouteTableId!)];
  } else {
    if (addRt.length || removeRt.length) fail('InvalidParameter', 'Route table IDs are only supported for Gateway type VPC Endpoint.');
    const addedSubnets = subnetsOf(state, addSn, vpcId).filter((s) => !(endpoint.SubnetIds ?? []).includes(s.SubnetId!));
    const removedSubnets = subnetsOf(state, removeSn, vpcId);
    for (const s of removedSubnets) {
      if (!(endpoint.SubnetIds ?? []).includes(s.SubnetId!)) {
        fail('InvalidParameter', `The subnet ${s.SubnetId} is not associated with the VPC endpoint ${endpoint.VpcEndpointId}.`);
      }
    }
    assertAzsOffered(offering, serviceName, addedSubnets);
    const keptSubnetIds = (endpoint.SubnetIds ?? []).filter((id) => !removeSn.includes(id));
    const resulting = [...subnetsOf(state, keptSubnetIds, vpcId), ...addedSubnets];
    assertOnePerAz(resulting);
    securityGroupsOf(state, [...addSg, ...removeSg], vpcId);
    const groupIds = [...(endpoint.Groups ?? []).map((g) => g.GroupId!).filter((id) => !removeSg.includes(id)), ...addSg.filter((id) => !(endpoint.Groups ?? []).some((g) => g.GroupId === id))];
    if ((addSg.length || removeSg.length) && groupIds.length === 0) {
      fail('InvalidParameter', `The VPC endpoint ${endpoint.VpcEndpointId} must keep at least one security group.`);
    }
    const ipAddressType = input.IpAddressType ?? endpoint.IpAddressType ?? 'ipv4';
    assertIpAddressType(offering, serviceName, ipAddressType, resulting);
    const privateDns = input.PrivateDnsEnabled ?? endpoint.PrivateDnsEnabled ?? false;
    if (privateDns && !endpoint.PrivateDnsEnabled) {
      assertPrivateDns(state, vpcId, serviceName, offering, input.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint, endpoint.VpcEndpointId!);
    }

    const groups = groupIds.map((id) => {
      const g = state.securityGroups.find((x) => x.GroupId === id);
      return { GroupId: id, GroupName: g?.GroupName };
    });
    const removedEnis = state.networkInterfaces
      .filter((n) => (endpoint.NetworkInterfaceIds ?? []).includes(n.NetworkInterfaceId ?? '') && removeSn.includes(n.SubnetId ?? ''))
      .map((n) => n.NetworkInterfaceId!);
    removeEnis(state, removedEnis);
    endpoint.Groups = groups;
    endpoint.IpAddressType = ipAddressType as VpcEndpoint['IpAddressType'];
    const newEnis = addedSubnets.map((s) => {
      const eni = endpointEni(state, endpoint, s, groups, ipAddressType, env);
      state.networkInterfaces.push(eni);
      return eni;
    });
    for (const n of state.networkInterfaces) {
      if ((endpoint.NetworkInterfaceIds ?? []).includes(n.NetworkInterfaceId ?? '')) n.Groups = groups.map((g) => ({ ...g }));
    }
    endpoint.NetworkInterfaceIds = [...(endpoint.NetworkInterfaceIds ?? []).filter((id) => !removedEnis.includes(id)), ...newEnis.map((n) => n.NetworkInterfaceId!)];
    endpoint.SubnetIds = [...keptSubnetIds, ...addedSubnets.map((s) => s.SubnetId!)];
    const privateZone = privateZoneOf(endpoint, offering, env);
    endpoint.PrivateDnsEnabled = privateDns;
    endpoint.DnsEntries = dnsEntries(
      state,
      endpoint,
      resulting.map((s) => s.AvailabilityZone ?? ''),
      dnsLabelOf(endpoint) ?? env.randomLabel(8),
      offering,
      privateZone,
      env,
    );
  }

  if (input.ResetPolicy) endpoint.PolicyDocument = defaultEndpointPolicy(type);
  else if (input.PolicyDocument !== undefined) endpoint.PolicyDocument = input.PolicyDocument;
}

/**
 * DeleteVpcEndpoints on `state` (mutated): removes each endpoint with its routes or ENIs. Ids that do
 * not exist come back as Unsuccessful items, as AWS reports them, and do not stop the others.
 */
export function deleteVpcEndpointsIn(state: FixtureRegionData, input: DeleteVpcEndpointsCommandInput): UnsuccessfulItem[] {
  const ids = unique(input.VpcEndpointIds);
  if (!ids.length) fail('MissingParameter', 'The request must contain the parameter VpcEndpointId');
  const unsuccessful: UnsuccessfulItem[] = [];
  for (const id of ids) {
    const endpoint = state.vpcEndpoints.find((e) => e.VpcEndpointId === id && isLive(e));
    if (!endpoint) {
      unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: `The Vpc Endpoint Id '${id}' does not exist` } });
      continue;
    }
    for (const t of state.routeTables) {
      if ((t.Routes ?? []).some((r) => r.GatewayId === id)) t.Routes = (t.Routes ?? []).filter((r) => r.GatewayId !== id);
    }
    removeEnis(state, endpoint.NetworkInterfaceIds ?? []);
    state.vpcEndpoints = state.vpcEndpoints.filter((e) => e !== endpoint);
  }
  return unsuccessful;
}

/** The parameters that make two CreateVpcEndpoint requests "the same" for ClientToken idempotency. */
export function idempotencyKey(input: CreateVpcEndpointCommandInput): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(canonical);
      return items.every((x) => typeof x === 'string') ? [...(items as string[])].sort() : items;
    }
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([k, x]) => x !== undefined && k !== 'ClientToken' && k !== 'DryRun')
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, canonical(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(canonical({ ...input, VpcEndpointType: input.VpcEndpointType ?? 'Gateway' }));
}
