import 'server-only';
import type {
  CreateVpcEndpointCommandInput,
  DeleteVpcEndpointsCommandInput,
  DnsEntry,
  ModifyVpcEndpointCommandInput,
  NetworkInterface,
  RouteTable,
  ServiceDetail,
  Subnet,
  Tag,
  UnsuccessfulItem,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { DEFAULT_GATEWAY_POLICY, defaultEndpointPolicy, endpointEniRecord, endpointRecord, VPCE_REQUESTER_ID, type EndpointFacts } from '@/lib/aws/ec2-emulation';
import { withoutAwsPrefix } from '@/lib/aws/services';
import { findJsonSyntaxError } from '@/lib/json/syntax';
import { intToIpv4, ipv4ToInt, parseIpv4Cidr } from '@/lib/net/cidr';
import { FixtureApiError } from './fixture-api-error';
import type { FixtureRegionData } from './fixture-files';

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

/** AWS's limit on an endpoint policy document, in characters, whitespace included. */
export const POLICY_MAX_CHARS = 20_480;

export { DEFAULT_GATEWAY_POLICY };

/**
 * A record in the AWS CLI's JSON form (ISO dates, the API's enum spellings) as the SDK type the fixture state holds:
 * state files store what the seed files store, so the two never differ in shape.
 */
function fromWire<T>(record: unknown): T {
  return record as T;
}

// Route 53 zones of the regional `*.vpce.amazonaws.com` names; new regions fall back to what the
// fixture's own endpoints use, else no zone id.
const VPCE_HOSTED_ZONES: Record<string, string> = {
  'us-east-1': 'Z7HUB22UULQXV',
  'eu-west-1': 'Z38GZ743OKFT7T',
};

export interface WriteEnv {
  region: string;
  now: () => Date;
  /** Lowercase hex of the given length, for ids. */
  randomHex: (chars: number) => string;
  /** Lowercase letters and digits of the given length, for DNS labels. */
  randomLabel: (chars: number) => string;
  /** Whether a new interface endpoint starts `pending` (true) or `available` (false). */
  interfaceStartsPending: boolean;
}

function fail(code: string, message: string): never {
  throw new FixtureApiError(code, message);
}

const unique = (ids: Array<string | undefined> | undefined): string[] => [...new Set((ids ?? []).filter((x): x is string => !!x))];

const isLive = (e: VpcEndpoint) => (e.State ?? '').toLowerCase() !== 'deleted';

function findVpc(state: FixtureRegionData, vpcId: string) {
  return state.vpcs.find((v) => v.VpcId === vpcId) ?? fail('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
}

function findEndpoint(state: FixtureRegionData, id: string | undefined): VpcEndpoint {
  if (!id) fail('MissingParameter', 'The request must contain the parameter VpcEndpointId');
  return (
    state.vpcEndpoints.find((e) => e.VpcEndpointId === id && isLive(e)) ??
    fail('InvalidVpcEndpointId.NotFound', `The Vpc Endpoint Id '${id}' does not exist`)
  );
}

function routeTablesOf(state: FixtureRegionData, ids: string[], vpcId: string): RouteTable[] {
  const tables = ids.map(
    (id) => state.routeTables.find((r) => r.RouteTableId === id) ?? fail('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`),
  );
  for (const t of tables) {
    if (t.VpcId !== vpcId) fail('InvalidParameter', `The route table ${t.RouteTableId} does not belong to the VPC ${vpcId}.`);
  }
  return tables;
}

function subnetsOf(state: FixtureRegionData, ids: string[], vpcId: string): Subnet[] {
  const subnets = ids.map(
    (id) => state.subnets.find((s) => s.SubnetId === id) ?? fail('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`),
  );
  for (const s of subnets) {
    if (s.VpcId !== vpcId) fail('InvalidParameter', `The subnet ${s.SubnetId} does not belong to the VPC ${vpcId}.`);
  }
  return subnets;
}

function securityGroupsOf(state: FixtureRegionData, ids: string[], vpcId: string) {
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

function serviceTypes(s: ServiceDetail): string[] {
  return (s.ServiceType ?? []).map((t) => t.ServiceType ?? '').filter(Boolean);
}

/** The service's offering of one endpoint type; throws AWS's errors for an unknown name or a missing type. */
function offeringOf(state: FixtureRegionData, serviceName: string, type: string): ServiceDetail | null {
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

function privateDnsNameOf(s: ServiceDetail | null): string | null {
  if (!s) return null;
  return s.PrivateDnsName ?? s.PrivateDnsNames?.find((p) => p.PrivateDnsName)?.PrivateDnsName ?? null;
}

function tagsFrom(input: CreateVpcEndpointCommandInput): Tag[] {
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
function prefixListFor(state: FixtureRegionData, serviceName: string): string {
  const pl = state.prefixLists.find((p) => p.PrefixListName === serviceName)?.PrefixListId;
  if (!pl) fail('InvalidServiceName', `The Vpc Endpoint Service '${serviceName}' has no prefix list in the fixture's describe-prefix-lists.json`);
  return pl;
}

function assertNoPrefixListRoute(table: RouteTable, prefixListId: string): void {
  if ((table.Routes ?? []).some((r) => r.DestinationPrefixListId === prefixListId)) {
    fail('RouteAlreadyExists', `route table ${table.RouteTableId} already has a route with destination-prefix-list-id ${prefixListId}`);
  }
}

/** AWS allows one endpoint subnet per AZ; CreateVpcEndpoint and ModifyVpcEndpoint answer DuplicateSubnetsInSameZone. */
function assertOnePerAz(subnets: Subnet[]): void {
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

function assertAzsOffered(offering: ServiceDetail | null, serviceName: string, subnets: Subnet[]): void {
  if (!offering?.AvailabilityZones) return;
  for (const s of subnets) {
    if (!offering.AvailabilityZones.includes(s.AvailabilityZone ?? '')) {
      fail('InvalidParameter', `The VPC endpoint service ${serviceName} does not support the availability zone of the subnet: ${s.SubnetId}.`);
    }
  }
}

function assertIpAddressType(offering: ServiceDetail | null, serviceName: string, type: string, subnets: Subnet[]): void {
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
function assertPrivateDns(
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

/**
 * A free IPv4 address of the subnet. AWS reserves the first four addresses and the last one of every
 * subnet; the rest are free unless an ENI holds them.
 */
export function freeIpv4(state: FixtureRegionData, subnet: Subnet, env: Pick<WriteEnv, 'randomHex'>): string {
  const cidr = parseIpv4Cidr(subnet.CidrBlock ?? '');
  if (!cidr) fail('InvalidSubnetID.NotFound', `The subnet ID '${subnet.SubnetId}' has no IPv4 CIDR block`);
  const used = new Set<number>();
  for (const n of state.networkInterfaces) {
    if (n.SubnetId !== subnet.SubnetId) continue;
    for (const ip of [n.PrivateIpAddress, ...(n.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress)]) {
      const v = ip ? ipv4ToInt(ip) : null;
      if (v !== null) used.add(v);
    }
  }
  const first = cidr.base + 4;
  const last = cidr.base + cidr.size - 2;
  const span = last - first + 1;
  if (span > 0) {
    // Random like AWS, so new ENIs do not all sit at .4, .5, ...; a full scan when the subnet is crowded.
    for (let i = 0; i < 32; i++) {
      const candidate = first + (parseInt(env.randomHex(8), 16) % span);
      if (!used.has(candidate)) return intToIpv4(candidate);
    }
    for (let a = first; a <= last; a++) if (!used.has(a)) return intToIpv4(a);
  }
  fail('InsufficientFreeAddressesInSubnet', `There are not enough free addresses in subnet '${subnet.SubnetId}' to satisfy the requested number of instances.`);
}

function expandIpv6(addr: string): number[] | null {
  const [head = '', tail] = addr.split('::');
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function randomIpv6In(cidr: string, env: Pick<WriteEnv, 'randomHex'>): string | null {
  const [addr = '', bits] = cidr.split('/');
  const groups = expandIpv6(addr);
  if (!groups || Number(bits) > 64) return null;
  const host = env.randomHex(16).match(/.{4}/g)!.map((g) => parseInt(g, 16));
  return [...groups.slice(0, 4), ...host].map((g) => g.toString(16)).join(':');
}

function privateDnsHostName(ip: string, region: string): string {
  const label = `ip-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${label}.ec2.internal` : `${label}.${region}.compute.internal`;
}

function macAddress(env: Pick<WriteEnv, 'randomHex'>): string {
  return ('0e' + env.randomHex(10)).match(/.{2}/g)!.join(':');
}

function endpointEni(
  state: FixtureRegionData,
  endpoint: VpcEndpoint,
  subnet: Subnet,
  groups: Array<{ GroupId?: string; GroupName?: string }>,
  ipAddressType: string,
  env: WriteEnv,
): NetworkInterface {
  const ipv4 = ipAddressType === 'ipv6' ? null : freeIpv4(state, subnet, env);
  const v6cidr = (subnet.Ipv6CidrBlockAssociationSet ?? []).find((a) => a.Ipv6CidrBlock)?.Ipv6CidrBlock;
  const ipv6 = ipAddressType !== 'ipv4' && v6cidr ? randomIpv6In(v6cidr, env) : null;
  // The fixture's own endpoint ENIs name the requester of this partition; AWS's commercial one otherwise.
  const requester = state.networkInterfaces.find((n) => n.InterfaceType === 'vpc_endpoint' && n.RequesterId)?.RequesterId ?? VPCE_REQUESTER_ID;
  const mac = macAddress(env);
  const eni = fromWire<NetworkInterface>(
    endpointEniRecord({
      id: `eni-${env.randomHex(17)}`,
      endpointId: endpoint.VpcEndpointId ?? '',
      subnet: { id: subnet.SubnetId, vpcId: subnet.VpcId, az: subnet.AvailabilityZone, azId: subnet.AvailabilityZoneId },
      groups: groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
      ownerId: endpoint.OwnerId,
      macAddress: mac,
      ipv4,
      privateDnsName: ipv4 ? privateDnsHostName(ipv4, env.region) : undefined,
      ipv6,
      requesterId: requester,
    }),
  );
  if (ipv4 && typeof subnet.AvailableIpAddressCount === 'number') subnet.AvailableIpAddressCount -= 1;
  return eni;
}

function removeEnis(state: FixtureRegionData, ids: string[]): void {
  for (const id of ids) {
    const eni = state.networkInterfaces.find((n) => n.NetworkInterfaceId === id);
    if (!eni) continue;
    const subnet = state.subnets.find((s) => s.SubnetId === eni.SubnetId);
    if (subnet && eni.PrivateIpAddress && typeof subnet.AvailableIpAddressCount === 'number') subnet.AvailableIpAddressCount += 1;
  }
  state.networkInterfaces = state.networkInterfaces.filter((n) => !ids.includes(n.NetworkInterfaceId ?? ''));
}

function vpceHostedZone(state: FixtureRegionData, region: string): string | undefined {
  if (VPCE_HOSTED_ZONES[region]) return VPCE_HOSTED_ZONES[region];
  for (const e of state.vpcEndpoints) {
    const d = (e.DnsEntries ?? []).find((x) => x.DnsName?.endsWith('.vpce.amazonaws.com') && x.HostedZoneId);
    if (d) return d.HostedZoneId;
  }
  return undefined;
}

/** `ssm.us-east-1.vpce.amazonaws.com` for `com.amazonaws.us-east-1.ssm`: the service's own base name when it lists one. */
function vpceBaseName(offering: ServiceDetail | null, serviceName: string, region: string): string {
  const base = offering?.BaseEndpointDnsNames?.find((n) => n.endsWith('.vpce.amazonaws.com'));
  if (base) return base;
  return `${withoutAwsPrefix(serviceName)}.${region}.vpce.amazonaws.com`;
}

/**
 * DnsEntries in AWS's format: the regional name `vpce-<id>-<random>.<service>.vpce.amazonaws.com`,
 * one zonal name per AZ (`…-<random>-<az>.<service>…`), and the service's private DNS name when
 * private DNS is on.
 */
function dnsEntries(
  state: FixtureRegionData,
  endpoint: VpcEndpoint,
  azs: string[],
  label: string,
  offering: ServiceDetail | null,
  privateZoneId: string | undefined,
  env: WriteEnv,
): DnsEntry[] {
  const base = vpceBaseName(offering, endpoint.ServiceName ?? '', env.region);
  const zone = vpceHostedZone(state, env.region);
  const out: DnsEntry[] = [{ DnsName: `${endpoint.VpcEndpointId}-${label}.${base}`, HostedZoneId: zone }];
  for (const az of [...azs].sort()) out.push({ DnsName: `${endpoint.VpcEndpointId}-${label}-${az}.${base}`, HostedZoneId: zone });
  const privateName = privateDnsNameOf(offering);
  if (endpoint.PrivateDnsEnabled && privateName) out.push({ DnsName: privateName, HostedZoneId: privateZoneId });
  return out;
}

function dnsLabelOf(endpoint: VpcEndpoint): string | null {
  const first = endpoint.DnsEntries?.[0]?.DnsName ?? '';
  return new RegExp(`^${endpoint.VpcEndpointId}-([a-z0-9]+)\\.`).exec(first)?.[1] ?? null;
}

function privateZoneOf(endpoint: VpcEndpoint, offering: ServiceDetail | null, env: WriteEnv): string {
  const name = privateDnsNameOf(offering);
  const existing = (endpoint.DnsEntries ?? []).find((d) => d.DnsName === name)?.HostedZoneId;
  return existing ?? `Z${env.randomHex(20).toUpperCase()}`;
}

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
