import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreateVpcEndpointCommandInput } from '@aws-sdk/client-ec2';
import { parseIpv4Cidr, ipv4ToInt } from '@/lib/net/cidr';
import { toEc2Error } from './errors';
import { FixtureApiError, FixtureEc2Api, type FixtureApiOptions } from './fixture';
import { readFixtureRegion, type FixtureRegionData } from './fixture-files';
import { writeFileAtomic } from '@/lib/fs/atomic';
import { fixtureStatePath, loadFixtureState, saveFixtureState } from './fixture-store';
import { DEFAULT_GATEWAY_POLICY, freeIpv4, POLICY_MAX_CHARS } from './fixture-writes';

// The embedded demo account (fixtures/demo, see fixtures/README.md).
const DEMO = path.resolve(__dirname, '../../fixtures/demo');
const PROD = 'vpc-0660179868a527d19';
const STAGING = 'vpc-0661f838a98aac5f6'; // enableDnsHostnames is false
const SHARED = 'vpc-0a05cda0235155c00';
const SHARED_MAIN = 'rtb-0030079b1230b8a04';
const SHARED_PRIVATE = 'rtb-0a6d08db41ae6fdc8';
const SHARED_A = 'subnet-030e4dfb92e4810d3'; // us-east-1a, 10.2.0.0/20
const SHARED_B = 'subnet-023e455e42e35444c'; // us-east-1b, 10.2.16.0/20
const SHARED_SG = 'sg-0475c53ca851ff653';
const SHARED_DEFAULT_SG = 'sg-002ca648f02d3fe5d';
const STAGING_PRIVATE = 'rtb-0300bcc27e6c8b85e'; // already routes S3 (pl-63a5400a) to vpce-01838de3ae080473a
const STAGING_A = 'subnet-07c3b595eb4cd7d38';
const PROD_APP_A = 'subnet-0a6065a856e31401d'; // us-east-1a
const PROD_DATA_A = 'subnet-03b4aacbb33a6d5d6'; // us-east-1a too
const PROD_PRIVATE_A = 'rtb-07dbb6a23713c8fbb';
const S3 = 'com.amazonaws.us-east-1.s3';
const S3_PL = 'pl-63a5400a';

let seed: FixtureRegionData;
beforeAll(async () => {
  seed = await readFixtureRegion(DEMO, 'us-east-1');
});

/** Counting "randomness", so ids and addresses are reproducible. */
function counter(): (n: number) => Uint8Array {
  let i = 0;
  return (n) => Uint8Array.from({ length: n }, () => (i = (i * 31 + 17) % 256));
}

const apis: FixtureEc2Api[] = [];
function api(options: FixtureApiOptions = {}, data: FixtureRegionData = structuredClone(seed)): FixtureEc2Api {
  const a = new FixtureEc2Api(data, { randomBytes: counter(), ...options });
  apis.push(a);
  return a;
}
afterEach(async () => {
  await Promise.all(apis.splice(0).map((a) => a.close()));
});

async function awsError(p: Promise<unknown>): Promise<FixtureApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the call should have been rejected').toBeInstanceOf(FixtureApiError);
  return err as FixtureApiError;
}

/** Asserts a request is rejected with `code` (and a message matching `message`) and changes nothing. */
async function rejects(a: FixtureEc2Api, call: () => Promise<unknown>, code: string, message?: RegExp | string) {
  const before = a.snapshot();
  const err = await awsError(call());
  expect(err.Code).toBe(code);
  if (message) expect(err.message).toMatch(message);
  expect(a.snapshot()).toEqual(before);
  return err;
}

const gateway = (over: Partial<CreateVpcEndpointCommandInput> = {}): CreateVpcEndpointCommandInput => ({
  VpcEndpointType: 'Gateway',
  VpcId: SHARED,
  ServiceName: S3,
  RouteTableIds: [SHARED_MAIN, SHARED_PRIVATE],
  ...over,
});
const iface = (over: Partial<CreateVpcEndpointCommandInput> = {}): CreateVpcEndpointCommandInput => ({
  VpcEndpointType: 'Interface',
  VpcId: SHARED,
  ServiceName: 'com.amazonaws.us-east-1.sqs',
  SubnetIds: [SHARED_A, SHARED_B],
  SecurityGroupIds: [SHARED_SG],
  ...over,
});

async function routeTable(a: FixtureEc2Api, id: string) {
  return (await a.describeRouteTables({ RouteTableIds: [id] })).RouteTables![0]!;
}

describe('CreateVpcEndpoint, gateway', () => {
  it('adds {DestinationPrefixListId, GatewayId: vpce-…, Origin: CreateRoute, State: active} to each route table', async () => {
    const a = api();
    const out = await a.createVpcEndpoint(gateway({ TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: 'shared-s3' }] }] }));
    const e = out.VpcEndpoint!;
    expect(e.VpcEndpointId).toMatch(/^vpce-[0-9a-f]{17}$/);
    expect(e).toMatchObject({ VpcEndpointType: 'Gateway', State: 'available', RouteTableIds: [SHARED_MAIN, SHARED_PRIVATE], PolicyDocument: DEFAULT_GATEWAY_POLICY });
    expect(e.Tags).toEqual([{ Key: 'Name', Value: 'shared-s3' }]);
    for (const id of [SHARED_MAIN, SHARED_PRIVATE]) {
      expect((await routeTable(a, id)).Routes).toContainEqual({ DestinationPrefixListId: S3_PL, GatewayId: e.VpcEndpointId, Origin: 'CreateRoute', State: 'active' });
    }
    const listed = await a.describeVpcEndpoints({ VpcEndpointIds: [e.VpcEndpointId!] });
    expect(listed.VpcEndpoints).toHaveLength(1);
  });

  it('looks the prefix list up by service name in DescribePrefixLists data', async () => {
    const data = structuredClone(seed);
    data.prefixLists = data.prefixLists.map((p) => (p.PrefixListName === S3 ? { ...p, PrefixListId: 'pl-0123456789abcdef0' } : p));
    const a = api({}, data);
    const e = (await a.createVpcEndpoint(gateway({ RouteTableIds: [SHARED_MAIN] }))).VpcEndpoint!;
    expect((await routeTable(a, SHARED_MAIN)).Routes).toContainEqual(expect.objectContaining({ DestinationPrefixListId: 'pl-0123456789abcdef0', GatewayId: e.VpcEndpointId }));
  });

  it('defaults to a gateway endpoint when VpcEndpointType is left out, as AWS does', async () => {
    const a = api();
    const e = (await a.createVpcEndpoint({ VpcId: SHARED, ServiceName: S3, RouteTableIds: [SHARED_MAIN] })).VpcEndpoint!;
    expect(e.VpcEndpointType).toBe('Gateway');
  });

  it('RouteAlreadyExists when a route table already routes the prefix list', async () => {
    const a = api();
    await rejects(
      a,
      () => a.createVpcEndpoint(gateway({ VpcId: STAGING, RouteTableIds: ['rtb-00ba1e6ee4dd511e8', STAGING_PRIVATE] })),
      'RouteAlreadyExists',
      `route table ${STAGING_PRIVATE} already has a route with destination-prefix-list-id ${S3_PL}`,
    );
  });

  it('InvalidRouteTableID.NotFound for an unknown route table', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(gateway({ RouteTableIds: [SHARED_MAIN, 'rtb-0000000000000000f'] })), 'InvalidRouteTableID.NotFound', "The routeTable ID 'rtb-0000000000000000f' does not exist");
  });

  it('InvalidParameter for a route table of another VPC', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(gateway({ RouteTableIds: [SHARED_MAIN, PROD_PRIVATE_A] })), 'InvalidParameter', /does not belong to the VPC/);
  });

  it('InvalidParameter for subnets on a gateway endpoint', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(gateway({ SubnetIds: [SHARED_A] })), 'InvalidParameter', 'Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.');
  });

  it('InvalidParameter when the service has no gateway offering', async () => {
    const a = api();
    await rejects(
      a,
      () => a.createVpcEndpoint(gateway({ ServiceName: 'com.amazonaws.us-east-1.ssm' })),
      'InvalidParameter',
      'Endpoint type (Gateway) does not match available service types ([Interface]).',
    );
  });
});

describe('CreateVpcEndpoint, interface', () => {
  it('creates a requester-managed vpc_endpoint ENI per subnet with a free address, the endpoint’s SGs and DNS entries in AWS’s format', async () => {
    const a = api();
    const before = (await a.describeSubnets({ SubnetIds: [SHARED_A] })).Subnets![0]!.AvailableIpAddressCount!;
    const e = (await a.createVpcEndpoint(iface())).VpcEndpoint!;
    expect(e).toMatchObject({ VpcEndpointType: 'Interface', State: 'available', SubnetIds: [SHARED_A, SHARED_B], PrivateDnsEnabled: true, IpAddressType: 'ipv4' });
    expect(e.Groups).toEqual([{ GroupId: SHARED_SG, GroupName: 'shared-vpce-https' }]);
    expect(e.NetworkInterfaceIds).toHaveLength(2);
    const enis = (await a.describeNetworkInterfaces({ NetworkInterfaceIds: e.NetworkInterfaceIds })).NetworkInterfaces!;
    const all = (await a.describeNetworkInterfaces({})).NetworkInterfaces!;
    for (const [i, subnetId] of [SHARED_A, SHARED_B].entries()) {
      const eni = enis.find((n) => n.SubnetId === subnetId)!;
      expect(eni).toMatchObject({
        InterfaceType: 'vpc_endpoint',
        RequesterManaged: true,
        Status: 'in-use',
        Description: `VPC Endpoint Interface ${e.VpcEndpointId}`,
        Groups: [{ GroupId: SHARED_SG, GroupName: 'shared-vpce-https' }],
        VpcId: SHARED,
        AvailabilityZone: ['us-east-1a', 'us-east-1b'][i],
      });
      const subnet = seed.subnets.find((s) => s.SubnetId === subnetId)!;
      const cidr = parseIpv4Cidr(subnet.CidrBlock!)!;
      const ip = ipv4ToInt(eni.PrivateIpAddress!)!;
      expect(ip).toBeGreaterThanOrEqual(cidr.base + 4);
      expect(ip).toBeLessThanOrEqual(cidr.base + cidr.size - 2);
      expect(all.filter((n) => n.PrivateIpAddress === eni.PrivateIpAddress)).toHaveLength(1);
      expect(eni.PrivateDnsName).toBe(`ip-${eni.PrivateIpAddress!.replace(/\./g, '-')}.ec2.internal`);
    }
    expect((await a.describeSubnets({ SubnetIds: [SHARED_A] })).Subnets![0]!.AvailableIpAddressCount).toBe(before - 1);
    const names = e.DnsEntries!.map((d) => d.DnsName);
    const id = e.VpcEndpointId!;
    expect(names[0]).toMatch(new RegExp(`^${id}-[a-z0-9]{8}\\.sqs\\.us-east-1\\.vpce\\.amazonaws\\.com$`));
    expect(names[1]).toMatch(new RegExp(`^${id}-[a-z0-9]{8}-us-east-1a\\.sqs\\.us-east-1\\.vpce\\.amazonaws\\.com$`));
    expect(names[2]).toMatch(new RegExp(`^${id}-[a-z0-9]{8}-us-east-1b\\.sqs\\.us-east-1\\.vpce\\.amazonaws\\.com$`));
    expect(names[3]).toBe('sqs.us-east-1.amazonaws.com');
    expect(e.DnsEntries![0]!.HostedZoneId).toBe('Z7HUB22UULQXV');
  });

  it('uses the VPC’s default security group when none is given', async () => {
    const a = api();
    const e = (await a.createVpcEndpoint(iface({ SecurityGroupIds: undefined, SubnetIds: [SHARED_A] }))).VpcEndpoint!;
    expect(e.Groups).toEqual([{ GroupId: SHARED_DEFAULT_SG, GroupName: 'default' }]);
  });

  it('leaves the private DNS name out when private DNS is off', async () => {
    const a = api();
    const e = (await a.createVpcEndpoint(iface({ PrivateDnsEnabled: false }))).VpcEndpoint!;
    expect(e.PrivateDnsEnabled).toBe(false);
    expect(e.DnsEntries!.map((d) => d.DnsName)).not.toContain('sqs.us-east-1.amazonaws.com');
    expect(e.DnsEntries).toHaveLength(3);
  });

  it('DuplicateSubnetsInSameZone for two subnets in one AZ', async () => {
    const a = api();
    await rejects(
      a,
      () => a.createVpcEndpoint(iface({ VpcId: PROD, ServiceName: 'com.amazonaws.us-east-1.sns', SubnetIds: [PROD_APP_A, PROD_DATA_A], SecurityGroupIds: [] })),
      'DuplicateSubnetsInSameZone',
      `Found another VPC endpoint subnet in the availability zone of ${PROD_DATA_A}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`,
    );
  });

  it('InvalidSubnetID.NotFound for an unknown subnet', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(iface({ SubnetIds: [SHARED_A, 'subnet-0000000000000000f'] })), 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-0000000000000000f' does not exist");
  });

  it('InvalidParameter for a subnet of another VPC', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(iface({ SubnetIds: [SHARED_A, STAGING_A] })), 'InvalidParameter', /does not belong to the VPC/);
  });

  it('InvalidSecurityGroupID.NotFound for an unknown security group', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(iface({ SecurityGroupIds: ['sg-0000000000000000f'] })), 'InvalidSecurityGroupID.NotFound', "The securityGroup ID 'sg-0000000000000000f' does not exist");
  });

  it('InvalidParameter for route tables on an interface endpoint', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(iface({ RouteTableIds: [SHARED_MAIN] })), 'InvalidParameter', 'Route table IDs are only supported for Gateway type VPC Endpoint.');
  });

  it('InvalidParameter for a subnet in an AZ the service does not offer', async () => {
    const data = structuredClone(seed);
    const sqs = data.services.find((s) => s.ServiceName === 'com.amazonaws.us-east-1.sqs')!;
    sqs.AvailabilityZones = ['us-east-1a'];
    const a = api({}, data);
    await rejects(
      a,
      () => a.createVpcEndpoint(iface()),
      'InvalidParameter',
      `The VPC endpoint service com.amazonaws.us-east-1.sqs does not support the availability zone of the subnet: ${SHARED_B}.`,
    );
  });

  it('InvalidParameter for private DNS when the VPC lacks enableDnsHostnames', async () => {
    const a = api();
    await rejects(
      a,
      () => a.createVpcEndpoint(iface({ VpcId: STAGING, SubnetIds: [STAGING_A], SecurityGroupIds: [], PrivateDnsEnabled: true })),
      'InvalidParameter',
      `Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for ${STAGING}`,
    );
  });

  it('allows private DNS when the VPC’s DNS attributes are unknown', async () => {
    const data = structuredClone(seed);
    data.vpcAttributes = data.vpcAttributes.filter((v) => v.VpcId !== STAGING);
    const a = api({}, data);
    const e = (await a.createVpcEndpoint(iface({ VpcId: STAGING, SubnetIds: [STAGING_A], SecurityGroupIds: [], PrivateDnsEnabled: true }))).VpcEndpoint!;
    expect(e.PrivateDnsEnabled).toBe(true);
  });

  it('InvalidParameter when another endpoint already owns the private DNS name', async () => {
    const a = api();
    await rejects(
      a,
      () => a.createVpcEndpoint(iface({ ServiceName: 'com.amazonaws.us-east-1.sts', SubnetIds: [SHARED_A] })),
      'InvalidParameter',
      `private-dns-enabled cannot be set because there is already a conflicting DNS domain for sts.us-east-1.amazonaws.com in the VPC ${SHARED}`,
    );
  });

  it('InvalidParameter for S3 private DNS without an S3 gateway endpoint in the VPC', async () => {
    const a = api();
    await rejects(
      a,
      () => a.createVpcEndpoint(iface({ ServiceName: S3, SubnetIds: [SHARED_A], PrivateDnsEnabled: true })),
      'InvalidParameter',
      `To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC ${SHARED} must have a Gateway endpoint for the service.`,
    );
  });

  it('InsufficientFreeAddressesInSubnet when a subnet is full', async () => {
    const data = structuredClone(seed);
    const subnet = data.subnets.find((s) => s.SubnetId === SHARED_A)!;
    subnet.CidrBlock = '10.2.0.0/28';
    for (let host = 4; host <= 14; host++) {
      data.networkInterfaces.push({ NetworkInterfaceId: `eni-fill${host}`, SubnetId: SHARED_A, VpcId: SHARED, PrivateIpAddress: `10.2.0.${host}` });
    }
    const a = api({}, data);
    await rejects(a, () => a.createVpcEndpoint(iface({ SubnetIds: [SHARED_A] })), 'InsufficientFreeAddressesInSubnet');
  });
});

describe('free addresses', () => {
  it('skips the four first addresses and the last one, which AWS reserves, and every address an ENI holds', () => {
    const data = structuredClone(seed);
    const subnet = { SubnetId: 'subnet-small', VpcId: SHARED, CidrBlock: '10.2.99.0/28', AvailabilityZone: 'us-east-1a' };
    // .4 to .14 are usable in a /28; hold all of them but .9.
    for (const host of [4, 5, 6, 7, 8, 10, 11, 12, 13, 14]) {
      data.networkInterfaces.push({ NetworkInterfaceId: `eni-x${host}`, SubnetId: 'subnet-small', PrivateIpAddresses: [{ PrivateIpAddress: `10.2.99.${host}` }] });
    }
    const rnd = counter();
    const hex = (chars: number) => Buffer.from(rnd(Math.ceil(chars / 2))).toString('hex').slice(0, chars);
    for (let i = 0; i < 20; i++) expect(freeIpv4(data, subnet, { randomHex: hex })).toBe('10.2.99.9');
  });
});

describe('CreateVpcEndpoint, common rules', () => {
  it('InvalidVpcID.NotFound for an unknown VPC', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(gateway({ VpcId: 'vpc-0000000000000000f' })), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0000000000000000f' does not exist");
  });

  it('InvalidServiceName for an unknown service', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(gateway({ ServiceName: 'com.amazonaws.us-east-1.nope' })), 'InvalidServiceName', "The Vpc Endpoint Service 'com.amazonaws.us-east-1.nope' does not exist");
  });

  it('InvalidPolicyDocument for JSON that does not parse, naming the position', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(gateway({ PolicyDocument: '{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}' })), 'InvalidPolicyDocument', 'The Policy Document is not valid. Syntax error at position (3,24)');
  });

  it('InvalidPolicyDocument for a policy without a Statement', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(gateway({ PolicyDocument: '{"Version":"2012-10-17"}' })), 'InvalidPolicyDocument', /Statement/);
  });

  it('InvalidPolicyDocument for a policy longer than 20,480 characters', async () => {
    const a = api();
    const statement = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::' + 'b'.repeat(POLICY_MAX_CHARS) };
    await rejects(a, () => a.createVpcEndpoint(gateway({ PolicyDocument: JSON.stringify({ Statement: [statement] }) })), 'InvalidPolicyDocument', /20480/);
  });

  it('accepts a policy of exactly 20,480 characters', async () => {
    const a = api();
    const head = '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}';
    const doc = head + ' '.repeat(POLICY_MAX_CHARS - head.length);
    expect(doc).toHaveLength(POLICY_MAX_CHARS);
    await expect(a.createVpcEndpoint(gateway({ PolicyDocument: doc }))).resolves.toBeTruthy();
  });
});

describe('ClientToken idempotency', () => {
  it('returns the same endpoint for the same token and parameters, and creates one', async () => {
    const a = api();
    const first = await a.createVpcEndpoint(gateway({ ClientToken: 'tok-1' }));
    const again = await a.createVpcEndpoint(gateway({ ClientToken: 'tok-1', RouteTableIds: [SHARED_PRIVATE, SHARED_MAIN] }));
    expect(again.VpcEndpoint!.VpcEndpointId).toBe(first.VpcEndpoint!.VpcEndpointId);
    expect(again.ClientToken).toBe('tok-1');
    const s3 = (await a.describeVpcEndpoints({ Filters: [{ Name: 'vpc-id', Values: [SHARED] }, { Name: 'service-name', Values: [S3] }] })).VpcEndpoints!;
    expect(s3).toHaveLength(1);
  });

  it('creates one endpoint when the same request arrives twice at once (a double click)', async () => {
    const a = api();
    const [x, y] = await Promise.all([a.createVpcEndpoint(iface({ ClientToken: 'tok-2' })), a.createVpcEndpoint(iface({ ClientToken: 'tok-2' }))]);
    expect(x.VpcEndpoint!.VpcEndpointId).toBe(y.VpcEndpoint!.VpcEndpointId);
    const sqs = (await a.describeVpcEndpoints({ Filters: [{ Name: 'service-name', Values: ['com.amazonaws.us-east-1.sqs'] }] })).VpcEndpoints!;
    expect(sqs).toHaveLength(1);
  });

  it('IdempotentParameterMismatch for the same token with other parameters', async () => {
    const a = api();
    await a.createVpcEndpoint(gateway({ ClientToken: 'tok-3' }));
    await rejects(
      a,
      () => a.createVpcEndpoint(gateway({ ClientToken: 'tok-3', RouteTableIds: [SHARED_MAIN] })),
      'IdempotentParameterMismatch',
      'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
    );
  });
});

describe('DryRun', () => {
  it('answers DryRunOperation after validation and changes nothing', async () => {
    const a = api();
    const err = await rejects(a, () => a.createVpcEndpoint(gateway({ DryRun: true })), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
    expect(toEc2Error(err).kind).toBe('dry-run-ok');
    await rejects(a, () => a.modifyVpcEndpoint({ VpcEndpointId: 'vpce-01838de3ae080473a', DryRun: true, ResetPolicy: true }), 'DryRunOperation');
    await rejects(a, () => a.deleteVpcEndpoints({ VpcEndpointIds: ['vpce-01838de3ae080473a'], DryRun: true }), 'DryRunOperation');
  });

  it('reports the validation error, not DryRunOperation, for a request AWS would reject', async () => {
    const a = api();
    await rejects(a, () => a.createVpcEndpoint(gateway({ DryRun: true, VpcId: STAGING, RouteTableIds: [STAGING_PRIVATE] })), 'RouteAlreadyExists');
  });

  it('does not consume the ClientToken', async () => {
    const a = api();
    await awsError(a.createVpcEndpoint(gateway({ DryRun: true, ClientToken: 'tok-4' })));
    const e = await a.createVpcEndpoint(gateway({ ClientToken: 'tok-4', RouteTableIds: [SHARED_MAIN] }));
    expect(e.VpcEndpoint!.RouteTableIds).toEqual([SHARED_MAIN]);
  });
});

describe('ModifyVpcEndpoint', () => {
  it('adds and removes route tables of a gateway endpoint, with their routes', async () => {
    const a = api();
    const id = (await a.createVpcEndpoint(gateway({ RouteTableIds: [SHARED_MAIN] }))).VpcEndpoint!.VpcEndpointId!;
    await a.modifyVpcEndpoint({ VpcEndpointId: id, AddRouteTableIds: [SHARED_PRIVATE], RemoveRouteTableIds: [SHARED_MAIN] });
    const e = (await a.describeVpcEndpoints({ VpcEndpointIds: [id] })).VpcEndpoints![0]!;
    expect(e.RouteTableIds).toEqual([SHARED_PRIVATE]);
    expect((await routeTable(a, SHARED_MAIN)).Routes!.some((r) => r.GatewayId === id)).toBe(false);
    expect((await routeTable(a, SHARED_PRIVATE)).Routes).toContainEqual(expect.objectContaining({ DestinationPrefixListId: S3_PL, GatewayId: id }));
  });

  it('RouteAlreadyExists when an added table already routes the prefix list', async () => {
    const a = api();
    const id = 'vpce-01838de3ae080473a'; // staging's S3 endpoint, on staging-private
    await a.createVpcEndpoint(gateway({ VpcId: STAGING, RouteTableIds: ['rtb-00ba1e6ee4dd511e8'] }));
    await rejects(a, () => a.modifyVpcEndpoint({ VpcEndpointId: id, AddRouteTableIds: ['rtb-00ba1e6ee4dd511e8'] }), 'RouteAlreadyExists');
  });

  it('InvalidParameter for subnets on a gateway endpoint and route tables on an interface endpoint', async () => {
    const a = api();
    await rejects(a, () => a.modifyVpcEndpoint({ VpcEndpointId: 'vpce-01838de3ae080473a', AddSubnetIds: [STAGING_A] }), 'InvalidParameter', /Subnet IDs are only supported/);
    await rejects(a, () => a.modifyVpcEndpoint({ VpcEndpointId: 'vpce-026883e822431f6f4', AddRouteTableIds: [STAGING_PRIVATE] }), 'InvalidParameter', /Route table IDs are only supported/);
  });

  it('adds and removes subnets of an interface endpoint with their ENIs, and keeps one subnet per AZ', async () => {
    const a = api();
    const e = (await a.createVpcEndpoint(iface({ SubnetIds: [SHARED_A] }))).VpcEndpoint!;
    const countA = (await a.describeSubnets({ SubnetIds: [SHARED_A] })).Subnets![0]!.AvailableIpAddressCount!;
    await a.modifyVpcEndpoint({ VpcEndpointId: e.VpcEndpointId, AddSubnetIds: [SHARED_B], RemoveSubnetIds: [SHARED_A] });
    const after = (await a.describeVpcEndpoints({ VpcEndpointIds: [e.VpcEndpointId!] })).VpcEndpoints![0]!;
    expect(after.SubnetIds).toEqual([SHARED_B]);
    expect(after.NetworkInterfaceIds).toHaveLength(1);
    expect(after.NetworkInterfaceIds).not.toContain(e.NetworkInterfaceIds![0]);
    expect(after.DnsEntries!.map((d) => d.DnsName).join(' ')).toMatch(/-us-east-1b\./);
    expect(after.DnsEntries!.map((d) => d.DnsName).join(' ')).not.toMatch(/-us-east-1a\./);
    expect((await a.describeSubnets({ SubnetIds: [SHARED_A] })).Subnets![0]!.AvailableIpAddressCount).toBe(countA + 1);
    await awsError(a.describeNetworkInterfaces({ NetworkInterfaceIds: e.NetworkInterfaceIds }));
    const prod = (await a.createVpcEndpoint(iface({ VpcId: PROD, ServiceName: 'com.amazonaws.us-east-1.sns', SubnetIds: [PROD_APP_A], SecurityGroupIds: [] }))).VpcEndpoint!;
    await rejects(a, () => a.modifyVpcEndpoint({ VpcEndpointId: prod.VpcEndpointId, AddSubnetIds: [PROD_DATA_A] }), 'DuplicateSubnetsInSameZone');
  });

  it('changes security groups on the endpoint and its ENIs, the policy, and private DNS', async () => {
    const a = api();
    const e = (await a.createVpcEndpoint(iface({ PrivateDnsEnabled: false }))).VpcEndpoint!;
    await a.modifyVpcEndpoint({
      VpcEndpointId: e.VpcEndpointId,
      AddSecurityGroupIds: [SHARED_DEFAULT_SG],
      RemoveSecurityGroupIds: [SHARED_SG],
      PolicyDocument: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}',
      PrivateDnsEnabled: true,
    });
    const after = (await a.describeVpcEndpoints({ VpcEndpointIds: [e.VpcEndpointId!] })).VpcEndpoints![0]!;
    expect(after.Groups).toEqual([{ GroupId: SHARED_DEFAULT_SG, GroupName: 'default' }]);
    expect(after.PolicyDocument).toContain('sqs:SendMessage');
    expect(after.PrivateDnsEnabled).toBe(true);
    expect(after.DnsEntries!.map((d) => d.DnsName)).toContain('sqs.us-east-1.amazonaws.com');
    const enis = (await a.describeNetworkInterfaces({ NetworkInterfaceIds: after.NetworkInterfaceIds })).NetworkInterfaces!;
    for (const n of enis) expect(n.Groups).toEqual([{ GroupId: SHARED_DEFAULT_SG, GroupName: 'default' }]);
  });

  it('InvalidVpcEndpointId.NotFound for an unknown endpoint', async () => {
    const a = api();
    await rejects(a, () => a.modifyVpcEndpoint({ VpcEndpointId: 'vpce-0000000000000000f', ResetPolicy: true }), 'InvalidVpcEndpointId.NotFound');
  });
});

describe('DeleteVpcEndpoints', () => {
  it('removes a gateway endpoint’s routes and an interface endpoint’s ENIs; unknown ids come back as Unsuccessful', async () => {
    const a = api();
    const gw = (await a.createVpcEndpoint(gateway())).VpcEndpoint!;
    const ie = (await a.createVpcEndpoint(iface())).VpcEndpoint!;
    const out = await a.deleteVpcEndpoints({ VpcEndpointIds: [gw.VpcEndpointId!, 'vpce-0000000000000000f', ie.VpcEndpointId!] });
    expect(out.Unsuccessful).toEqual([
      { ResourceId: 'vpce-0000000000000000f', Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: "The Vpc Endpoint Id 'vpce-0000000000000000f' does not exist" } },
    ]);
    for (const id of [SHARED_MAIN, SHARED_PRIVATE]) expect((await routeTable(a, id)).Routes!.some((r) => r.GatewayId === gw.VpcEndpointId)).toBe(false);
    const left = (await a.describeNetworkInterfaces({})).NetworkInterfaces!.map((n) => n.NetworkInterfaceId);
    for (const id of ie.NetworkInterfaceIds!) expect(left).not.toContain(id);
    const endpoints = (await a.describeVpcEndpoints({})).VpcEndpoints!.map((e) => e.VpcEndpointId);
    expect(endpoints).not.toContain(gw.VpcEndpointId);
    expect(endpoints).not.toContain(ie.VpcEndpointId);
    expect(a.snapshot().subnets).toEqual(seed.subnets);
  });
});

describe('pending interface endpoints', () => {
  it('start pending and turn available after pendingMs', async () => {
    const saves: string[] = [];
    const a = api({ pendingMs: 30, persist: async (state) => void saves.push(String(state.vpcEndpoints.at(-1)?.State)) });
    const e = (await a.createVpcEndpoint(iface())).VpcEndpoint!;
    expect(String(e.State)).toBe('pending');
    await new Promise((r) => setTimeout(r, 120));
    const now = (await a.describeVpcEndpoints({ VpcEndpointIds: [e.VpcEndpointId!] })).VpcEndpoints![0]!;
    expect(String(now.State)).toBe('available');
    expect(saves).toEqual(['pending', 'available']);
  });
});

describe('persistence', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'atlas-fixture-state-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const persisting = (data?: FixtureRegionData, meta?: FixtureApiOptions['meta']) =>
    api({ meta, persist: (state, m) => saveFixtureState(dataDir, DEMO, 'us-east-1', state, m) }, data);

  it('reloading the saved file gives the same state, and the same ClientToken still answers the same endpoint', async () => {
    const a = persisting();
    const gw = (await a.createVpcEndpoint(gateway({ ClientToken: 'tok-p' }))).VpcEndpoint!;
    await a.createVpcEndpoint(iface());
    const saved = await loadFixtureState(dataDir, DEMO, 'us-east-1');
    expect(saved).not.toBeNull();
    const b = persisting(saved!.state, saved!.meta);
    expect(b.snapshot()).toEqual(a.snapshot());
    for (const call of ['describeVpcEndpoints', 'describeRouteTables', 'describeNetworkInterfaces', 'describeSubnets'] as const) {
      expect(await b[call]({})).toEqual(await a[call]({}));
    }
    const replay = await b.createVpcEndpoint(gateway({ ClientToken: 'tok-p' }));
    expect(replay.VpcEndpoint!.VpcEndpointId).toBe(gw.VpcEndpointId);
  });

  it('a save that fails leaves the state and the file as they were, and the request fails', async () => {
    let fail = false;
    const a = api({
      persist: async (state, meta) => {
        if (fail) throw new Error('disk full');
        await saveFixtureState(dataDir, DEMO, 'us-east-1', state, meta);
      },
    });
    await a.createVpcEndpoint(gateway({ RouteTableIds: [SHARED_MAIN] }));
    const file = fixtureStatePath(dataDir, DEMO, 'us-east-1');
    const onDisk = await readFile(file, 'utf8');
    const before = a.snapshot();
    fail = true;
    await expect(a.createVpcEndpoint(iface())).rejects.toThrow('disk full');
    await expect(a.deleteVpcEndpoints({ VpcEndpointIds: ['vpce-01838de3ae080473a'] })).rejects.toThrow('disk full');
    expect(a.snapshot()).toEqual(before);
    expect(await readFile(file, 'utf8')).toBe(onDisk);
  });

  it('a data directory that cannot be written rejects the request and changes nothing', async () => {
    // `fixture-state` is a file here, so the state folder cannot be made.
    await writeFile(path.join(dataDir, 'fixture-state'), 'not a folder');
    const a = persisting();
    const before = a.snapshot();
    const err = await a.createVpcEndpoint(gateway()).catch((e: unknown) => e as NodeJS.ErrnoException);
    expect(['ENOTDIR', 'EEXIST']).toContain((err as NodeJS.ErrnoException).code);
    expect(a.snapshot()).toEqual(before);
  });

  it('a saved file that is not valid says how to recover', async () => {
    const file = fixtureStatePath(dataDir, DEMO, 'us-east-1');
    await writeFileAtomic(file, '{ truncated');
    await expect(loadFixtureState(dataDir, DEMO, 'us-east-1')).rejects.toThrow(/Reset demo data/);
  });
});
