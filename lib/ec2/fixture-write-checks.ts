import 'server-only';
import type {
  CreateVpcEndpointCommandInput,
  RouteTable,
  ServiceDetail,
  Subnet,
  Tag,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { findJsonSyntaxError } from '@/lib/json/syntax';
import { FixtureApiError } from './fixture-api-error';
import type { FixtureRegionData } from './fixture-files';

/**
 * The lookups and checks the fixture backend's endpoint writes share: each throws FixtureApiError with
 * AWS's error code (and AWS's wording where it is known) and changes nothing. See fixture-writes.ts for
 * where each message comes from.
 */

/** AWS's limit on an endpoint policy document, in characters, whitespace included. */
export const POLICY_MAX_CHARS = 20_480;

/**
 * A record in the AWS CLI's JSON form (ISO dates, the API's enum spellings) as the SDK type the fixture state holds:
 * state files store what the seed files store, so the two never differ in shape.
 */
export function fromWire<T>(record: unknown): T {
  return record as T;
}

export function fail(code: string, message: string): never {
  throw new FixtureApiError(code, message);
}

export const unique = (ids: Array<string | undefined> | undefined): string[] => [...new Set((ids ?? []).filter((x): x is string => !!x))];

export const isLive = (e: VpcEndpoint) => (e.State ?? '').toLowerCase() !== 'deleted';

export function findVpc(state: FixtureRegionData, vpcId: string) {
  return state.vpcs.find((v) => v.VpcId === vpcId) ?? fail('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
}

export function findEndpoint(state: FixtureRegionData, id: string | undefined): VpcEndpoint {
  if (!id) fail('MissingParameter', 'The request must contain the parameter VpcEndpointId');
  return (
    state.vpcEndpoints.find((e) => e.VpcEndpointId === id && isLive(e)) ??
    fail('InvalidVpcEndpointId.NotFound', `The Vpc Endpoint Id '${id}' does not exist`)
  );
}

export function routeTablesOf(state: FixtureRegionData, ids: string[], vpcId: string): RouteTable[] {
  const tables = ids.map(
    (id) => state.routeTables.find((r) => r.RouteTableId === id) ?? fail('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`),
  );
  for (const t of tables) {
    if (t.VpcId !== vpcId) fail('InvalidParameter', `The route table ${t.RouteTableId} does not belong to the VPC ${vpcId}.`);
  }
  return tables;
}

export function subnetsOf(state: FixtureRegionData, ids: string[], vpcId: string): Subnet[] {
  const subnets = ids.map(
    (id) => state.subnets.find((s) => s.SubnetId === id) ?? fail('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`),
  );
  for (const s of subnets) {
    if (s.VpcId !== vpcId) fail('InvalidParameter', `The subnet ${s.SubnetId} does not belong to the VPC ${vpcId}.`);
  }
  return subnets;
}

export function securityGroupsOf(state: FixtureRegionData, ids: string[], vpcId: string) {
  const groups = ids.map(
    (id) =>
      state.securityGroups.find((g) => g.GroupId === id) ??
      fail('InvalidSecurityGroupID.NotFound', `The securityGroup ID '${id}' does not exist`),
  );
  for (const g of groups) {
    if (g.VpcId !== vpcId) fail('InvalidParameter', `The security group ${g.GroupId} does not belong to the VPC ${vpcId}.`);
  }
  return groups;
}

/** AWS's rules for an endpoint policy: at most 20,480 characters, JSON, a Statement. */
export function checkPolicyDocument(doc: string): void {
  if (doc.length > POLICY_MAX_CHARS) {
    fail('InvalidPolicyDocument', `The Policy Document is not valid. It is ${doc.length} characters long; the limit is ${POLICY_MAX_CHARS}.`);
  }
  const syntax = findJsonSyntaxError(doc);
  if (syntax) fail('InvalidPolicyDocument', `The Policy Document is not valid. Syntax error at position (${syntax.line},${syntax.column})`);
  const json = JSON.parse(doc) as unknown;
  const statement = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as { Statement?: unknown }).Statement : undefined;
  if (statement === undefined || statement === null || (Array.isArray(statement) && statement.length === 0)) {
    fail('InvalidPolicyDocument', 'The Policy Document is not valid. Missing required field Statement');
  }
}

export function serviceTypes(s: ServiceDetail): string[] {
  return (s.ServiceType ?? []).map((t) => t.ServiceType ?? '').filter(Boolean);
}

/** The service's offering of one endpoint type; throws AWS's errors for an unknown name or a missing type. */
export function offeringOf(state: FixtureRegionData, serviceName: string, type: string): ServiceDetail | null {
  const offerings = state.services.filter((s) => s.ServiceName === serviceName);
  if (!offerings.length) {
    // A name listed without details (ServiceNames only) exists, but nothing is known about it.
    if (state.serviceNames.includes(serviceName)) return null;
    fail('InvalidServiceName', `The Vpc Endpoint Service '${serviceName}' does not exist`);
  }
  const match = offerings.find((s) => serviceTypes(s).includes(type));
  if (!match) {
    const types = [...new Set(offerings.flatMap(serviceTypes))];
    fail('InvalidParameter', `Endpoint type (${type}) does not match available service types ([${types.join(', ')}]).`);
  }
  return match;
}

export function privateDnsNameOf(s: ServiceDetail | null): string | null {
  if (!s) return null;
  return s.PrivateDnsName ?? s.PrivateDnsNames?.find((p) => p.PrivateDnsName)?.PrivateDnsName ?? null;
}

export function tagsFrom(input: CreateVpcEndpointCommandInput): Tag[] {
  const tags: Tag[] = [];
  for (const spec of input.TagSpecifications ?? []) {
    if (spec.ResourceType !== 'vpc-endpoint') {
      fail('InvalidParameterValue', `'${String(spec.ResourceType)}' is not a valid taggable resource type for this operation.`);
    }
    for (const t of spec.Tags ?? []) {
      if (!t.Key || t.Key.startsWith('aws:')) fail('InvalidParameterValue', `Tag keys must not be empty or start with aws: (got '${t.Key ?? ''}').`);
      tags.push({ Key: t.Key, Value: t.Value ?? '' });
    }
  }
  return tags;
}

/** The prefix list AWS routes a gateway service through, looked up by its name (= the service name). */
export function prefixListFor(state: FixtureRegionData, serviceName: string): string {
  const pl = state.prefixLists.find((p) => p.PrefixListName === serviceName)?.PrefixListId;
  if (!pl) fail('InvalidServiceName', `The Vpc Endpoint Service '${serviceName}' has no prefix list in the fixture's describe-prefix-lists.json`);
  return pl;
}

export function assertNoPrefixListRoute(table: RouteTable, prefixListId: string): void {
  if ((table.Routes ?? []).some((r) => r.DestinationPrefixListId === prefixListId)) {
    fail('RouteAlreadyExists', `route table ${table.RouteTableId} already has a route with destination-prefix-list-id ${prefixListId}`);
  }
}

/** AWS allows one endpoint subnet per AZ; CreateVpcEndpoint and ModifyVpcEndpoint answer DuplicateSubnetsInSameZone. */
export function assertOnePerAz(subnets: Subnet[]): void {
  const seen = new Set<string>();
  for (const s of subnets) {
    const az = s.AvailabilityZone ?? '';
    if (seen.has(az)) {
      fail(
        'DuplicateSubnetsInSameZone',
        `Found another VPC endpoint subnet in the availability zone of ${s.SubnetId}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`,
      );
    }
    seen.add(az);
  }
}

export function assertAzsOffered(offering: ServiceDetail | null, serviceName: string, subnets: Subnet[]): void {
  if (!offering?.AvailabilityZones) return;
  for (const s of subnets) {
    if (!offering.AvailabilityZones.includes(s.AvailabilityZone ?? '')) {
      fail('InvalidParameter', `The VPC endpoint service ${serviceName} does not support the availability zone of the subnet: ${s.SubnetId}.`);
    }
  }
}

export function assertIpAddressType(offering: ServiceDetail | null, serviceName: string, type: string, subnets: Subnet[]): void {
  if (!['ipv4', 'dualstack', 'ipv6'].includes(type)) {
    fail('InvalidParameterValue', `Value (${type}) for parameter IpAddressType is invalid. Valid values are ipv4, dualstack and ipv6.`);
  }
  if (type === 'ipv4') return;
  if (offering?.SupportedIpAddressTypes && !offering.SupportedIpAddressTypes.includes('ipv6')) {
    fail('InvalidParameter', `The VPC endpoint service ${serviceName} does not support IP address type ${type}.`);
  }
  for (const s of subnets) {
    if (!(s.Ipv6CidrBlockAssociationSet ?? []).some((a) => a.Ipv6CidrBlock)) {
      fail('InvalidParameter', `IP address type ${type} needs subnets with an IPv6 CIDR block; ${s.SubnetId} has none.`);
    }
    if (type === 'ipv6' && !s.Ipv6Native) {
      fail('InvalidParameter', `IP address type ipv6 needs IPv6-only subnets; ${s.SubnetId} has an IPv4 CIDR block.`);
    }
  }
}

/**
 * Private DNS needs the VPC's enableDnsSupport and enableDnsHostnames (an unknown attribute is
 * allowed), a service that has a private DNS name, no other endpoint in the VPC owning that name,
 * and, for S3, a gateway endpoint (PrivateDnsOnlyForInboundResolverEndpoint defaults to true).
 */
export function assertPrivateDns(
  state: FixtureRegionData,
  vpcId: string,
  serviceName: string,
  offering: ServiceDetail | null,
  onlyForInboundResolver: boolean | undefined,
  selfId: string | null,
): void {
  const name = privateDnsNameOf(offering);
  if (offering && !name) fail('InvalidParameter', `Private DNS can't be enabled because the service ${serviceName} does not provide a private DNS name.`);
  const attrs = state.vpcAttributes.find((a) => a.VpcId === vpcId);
  if (attrs?.EnableDnsSupport?.Value === false || attrs?.EnableDnsHostnames?.Value === false) {
    fail('InvalidParameter', `Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for ${vpcId}`);
  }
  const conflict = state.vpcEndpoints.find(
    (e) => isLive(e) && e.VpcEndpointId !== selfId && e.VpcId === vpcId && e.ServiceName === serviceName && e.VpcEndpointType === 'Interface' && e.PrivateDnsEnabled,
  );
  if (conflict) {
    fail('InvalidParameter', `private-dns-enabled cannot be set because there is already a conflicting DNS domain for ${name ?? serviceName} in the VPC ${vpcId}`);
  }
  if (/\.s3$/.test(serviceName) && onlyForInboundResolver !== false) {
    const gateway = state.vpcEndpoints.some((e) => isLive(e) && e.VpcId === vpcId && e.ServiceName === serviceName && e.VpcEndpointType === 'Gateway');
    if (!gateway) {
      fail('InvalidParameter', `To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC ${vpcId} must have a Gateway endpoint for the service.`);
    }
  }
}
