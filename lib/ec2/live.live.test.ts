/**
 * Live mode against a real EC2 API server (moto on loopback), through the real SDK:
 * build a scenario, load it through LiveEc2Api + readRegion + normalizeTopology, capture it with
 * fixtures:capture, load the capture through the fixture backend, and hold the two to each other.
 *
 * moto differs from AWS in ways this test steps around (each noted where it matters):
 * - it ignores MaxResults on most Describe calls and returns everything in one page (so the SDK
 *   paginators see a single page; paging itself is held to AWS's rules in fixture.test.ts);
 * - an interface endpoint's ENIs get InterfaceType "interface" (AWS: "vpc_endpoint"), an empty
 *   Description (AWS: "VPC Endpoint Interface vpce-..."), RequesterManaged false, and private IPs
 *   outside their subnet, so the test asserts the links (endpoint -> ENI -> subnet), not the IPs;
 * - a NAT gateway's private IP lies outside its subnet and its EIP is in 127.0.0.0/8;
 * - a gateway endpoint created without VpcEndpointType has no type at all (AWS: "Gateway"), and
 *   DeleteVpcEndpoints then fails with HTTP 500, so the scenario always passes the type;
 * - it starts with a default VPC (172.31.0.0/16, one subnet per AZ), as a fresh AWS region does.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AssociateVpcCidrBlockCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DeleteVpcEndpointsCommand,
  DescribePrefixListsCommand,
  DescribeRouteTablesCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  type Tag,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { normalizeTopology, scopeToVpc } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import { captureRegion } from './capture';
import { FixtureEc2Api } from './fixture';
import { readFixtureRegion } from './fixture-files';
import { LiveEc2Api } from './live';
import { readRegion } from './read-region';

const REGION = 'us-east-1';
const run = promisify(execFile);
const motoUrl = inject('motoUrl');

const name = (Name: string): Tag[] => [{ Key: 'Name', Value: Name }];

/** The ids of what the scenario built, for assertions. */
interface Scenario {
  vpcId: string;
  subnets: { publicA: string; publicB: string; privateA: string; privateB: string; dataC: string };
  igwId: string;
  natId: string;
  mainRt: string;
  publicRt: string;
  privateRt: string;
  s3PrefixListId: string;
  s3Endpoint: string;
  ssmEndpoint: string;
  endpointSg: string;
  deletedEndpoint: string;
}

/**
 * Builds, through the SDK: a VPC with two CIDRs, five subnets in three AZs, an IGW, a NAT gateway,
 * a public and a private route table (explicit associations) and one subnet left on the main table,
 * an S3 gateway endpoint on both tables, an SSM interface endpoint in two subnets, and a DynamoDB
 * gateway endpoint that is then deleted.
 */
async function buildScenario(ec2: EC2Client): Promise<Scenario> {
  const vpc = await ec2.send(
    new CreateVpcCommand({ CidrBlock: '10.40.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: name('atlas-live') }] }),
  );
  const vpcId = vpc.Vpc!.VpcId!;
  await ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, CidrBlock: '10.41.0.0/16' }));
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));

  const subnet = async (cidr: string, az: string, label: string) => {
    const out = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: cidr,
        AvailabilityZone: az,
        TagSpecifications: [{ ResourceType: 'subnet', Tags: name(label) }],
      }),
    );
    return out.Subnet!.SubnetId!;
  };
  const subnets = {
    publicA: await subnet('10.40.0.0/24', 'us-east-1a', 'public-a'),
    publicB: await subnet('10.40.1.0/24', 'us-east-1b', 'public-b'),
    privateA: await subnet('10.40.10.0/24', 'us-east-1a', 'private-a'),
    // In the secondary CIDR: subnets of an associated block are first-class.
    privateB: await subnet('10.41.10.0/24', 'us-east-1b', 'private-b'),
    dataC: await subnet('10.41.20.0/24', 'us-east-1c', 'data-c'),
  };

  const igw = await ec2.send(
    new CreateInternetGatewayCommand({ TagSpecifications: [{ ResourceType: 'internet-gateway', Tags: name('atlas-igw') }] }),
  );
  const igwId = igw.InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ VpcId: vpcId, InternetGatewayId: igwId }));

  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = await ec2.send(
    new CreateNatGatewayCommand({
      SubnetId: subnets.publicA,
      AllocationId: eip.AllocationId!,
      TagSpecifications: [{ ResourceType: 'natgateway', Tags: name('atlas-nat-a') }],
    }),
  );
  const natId = nat.NatGateway!.NatGatewayId!;

  const mainTables = await ec2.send(
    new DescribeRouteTablesCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'association.main', Values: ['true'] },
      ],
    }),
  );
  const mainRt = mainTables.RouteTables![0]!.RouteTableId!;
  await ec2.send(new CreateTagsCommand({ Resources: [mainRt], Tags: name('atlas-main') }));

  const table = async (label: string, subnetIds: string[]) => {
    const rt = await ec2.send(
      new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: [{ ResourceType: 'route-table', Tags: name(label) }] }),
    );
    const id = rt.RouteTable!.RouteTableId!;
    for (const SubnetId of subnetIds) await ec2.send(new AssociateRouteTableCommand({ RouteTableId: id, SubnetId }));
    return id;
  };
  const publicRt = await table('atlas-public', [subnets.publicA, subnets.publicB]);
  const privateRt = await table('atlas-private', [subnets.privateA, subnets.privateB]);
  await ec2.send(new CreateRouteCommand({ RouteTableId: publicRt, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId }));
  await ec2.send(new CreateRouteCommand({ RouteTableId: privateRt, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natId }));

  // moto: without an explicit VpcEndpointType the endpoint has none, and deleting it fails.
  const s3 = await ec2.send(
    new CreateVpcEndpointCommand({
      VpcId: vpcId,
      VpcEndpointType: 'Gateway',
      ServiceName: `com.amazonaws.${REGION}.s3`,
      RouteTableIds: [publicRt, privateRt],
      TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: name('atlas-s3') }],
    }),
  );
  const sg = await ec2.send(
    new CreateSecurityGroupCommand({
      VpcId: vpcId,
      GroupName: 'atlas-endpoints',
      Description: 'HTTPS from the VPC to interface endpoints',
      TagSpecifications: [{ ResourceType: 'security-group', Tags: name('atlas-endpoints') }],
    }),
  );
  const ssm = await ec2.send(
    new CreateVpcEndpointCommand({
      VpcId: vpcId,
      VpcEndpointType: 'Interface',
      ServiceName: `com.amazonaws.${REGION}.ssm`,
      SubnetIds: [subnets.privateA, subnets.privateB],
      SecurityGroupIds: [sg.GroupId!],
      PrivateDnsEnabled: true,
      TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: name('atlas-ssm') }],
    }),
  );
  const doomed = await ec2.send(
    new CreateVpcEndpointCommand({
      VpcId: vpcId,
      VpcEndpointType: 'Gateway',
      ServiceName: `com.amazonaws.${REGION}.dynamodb`,
      RouteTableIds: [mainRt],
    }),
  );
  const deletedEndpoint = doomed.VpcEndpoint!.VpcEndpointId!;
  const deleted = await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [deletedEndpoint] }));
  expect(deleted.Unsuccessful ?? []).toEqual([]);

  // The S3 prefix list's id differs per region and per moto run: look it up, never hard-code it.
  const pls = await ec2.send(
    new DescribePrefixListsCommand({ Filters: [{ Name: 'prefix-list-name', Values: [`com.amazonaws.${REGION}.s3`] }] }),
  );
  const s3PrefixListId = pls.PrefixLists?.[0]?.PrefixListId;
  if (!s3PrefixListId) throw new Error('moto has no S3 prefix list');

  return {
    vpcId,
    subnets,
    igwId,
    natId,
    mainRt,
    publicRt,
    privateRt,
    s3PrefixListId,
    s3Endpoint: s3.VpcEndpoint!.VpcEndpointId!,
    ssmEndpoint: ssm.VpcEndpoint!.VpcEndpointId!,
    endpointSg: sg.GroupId!,
    deletedEndpoint,
  };
}

/** The topology without the fields that name where and when it was read. */
function comparable(t: Topology) {
  const { source: _source, fetchedAt: _fetchedAt, ...rest } = t;
  return rest;
}

describe('live backend against moto', () => {
  let ec2: EC2Client;
  let live: LiveEc2Api;
  let s: Scenario;
  let liveTopology: Topology;
  let mine: Topology;
  let outDir: string;

  beforeAll(async () => {
    const reset = await fetch(`${motoUrl}/moto-api/reset`, { method: 'POST' });
    expect(reset.ok).toBe(true);
    ec2 = new EC2Client({ region: REGION, endpoint: motoUrl, maxAttempts: 1 });
    s = await buildScenario(ec2);
    live = new LiveEc2Api({ region: REGION, endpoint: motoUrl });
    liveTopology = normalizeTopology(await readRegion(live), { source: 'live', fetchedAt: new Date().toISOString() });
    mine = scopeToVpc(liveTopology, s.vpcId);
    outDir = await mkdtemp(path.join(tmpdir(), 'atlas-capture-'));
  });

  afterAll(async () => {
    ec2?.destroy();
    live?.client.destroy();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('reads the VPC with both CIDR blocks, its DNS settings and its Name tag', () => {
    expect(mine.vpcs).toEqual([
      expect.objectContaining({
        id: s.vpcId,
        name: 'atlas-live',
        cidrBlocks: ['10.40.0.0/16', '10.41.0.0/16'],
        isDefault: false,
        dnsSupport: true,
        dnsHostnames: true,
      }),
    ]);
    // moto, like a fresh AWS region, also has a default VPC; it is listed, not mixed in.
    expect(liveTopology.vpcs.filter((v) => v.isDefault)).toHaveLength(1);
    expect(liveTopology.warnings).toEqual([]);
  });

  it('lists five subnets over three AZs with their names and CIDRs', () => {
    expect(mine.subnets.map((x) => [x.name, x.cidr, x.az])).toEqual([
      ['public-a', '10.40.0.0/24', 'us-east-1a'],
      ['private-a', '10.40.10.0/24', 'us-east-1a'],
      ['public-b', '10.40.1.0/24', 'us-east-1b'],
      ['private-b', '10.41.10.0/24', 'us-east-1b'],
      ['data-c', '10.41.20.0/24', 'us-east-1c'],
    ]);
    expect(new Set(mine.subnets.map((x) => x.az)).size).toBe(3);
  });

  it('gives each subnet its effective route table and public flag', () => {
    const byId = new Map(mine.subnets.map((x) => [x.id, x]));
    const view = (id: string) => {
      const x = byId.get(id)!;
      return { routeTableId: x.routeTableId, explicitRouteTable: x.explicitRouteTable, public: x.public };
    };
    expect(view(s.subnets.publicA)).toEqual({ routeTableId: s.publicRt, explicitRouteTable: true, public: true });
    expect(view(s.subnets.publicB)).toEqual({ routeTableId: s.publicRt, explicitRouteTable: true, public: true });
    expect(view(s.subnets.privateA)).toEqual({ routeTableId: s.privateRt, explicitRouteTable: true, public: false });
    expect(view(s.subnets.privateB)).toEqual({ routeTableId: s.privateRt, explicitRouteTable: true, public: false });
    // Never associated: it uses the VPC's main table, implicitly.
    expect(view(s.subnets.dataC)).toEqual({ routeTableId: s.mainRt, explicitRouteTable: false, public: false });
  });

  it('reads the route tables: main, explicit associations, IGW, NAT and S3 prefix-list routes', () => {
    const rt = new Map(mine.routeTables.map((r) => [r.id, r]));
    expect(mine.routeTables).toHaveLength(3);

    const main = rt.get(s.mainRt)!;
    expect(main).toMatchObject({ name: 'atlas-main', main: true, subnetIds: [], effectiveSubnetIds: [s.subnets.dataC] });
    // Both CIDR blocks are local; the deleted DynamoDB endpoint left no route behind.
    expect(main.routes.map((r) => [r.destination, r.targetType])).toEqual([
      ['10.40.0.0/16', 'local'],
      ['10.41.0.0/16', 'local'],
    ]);

    const pub = rt.get(s.publicRt)!;
    expect(pub).toMatchObject({ name: 'atlas-public', main: false, subnetIds: [s.subnets.publicA, s.subnets.publicB].sort() });
    expect(pub.routes).toContainEqual(expect.objectContaining({ destination: '0.0.0.0/0', target: s.igwId, targetType: 'igw', state: 'active' }));

    const priv = rt.get(s.privateRt)!;
    expect(priv).toMatchObject({ name: 'atlas-private', main: false, subnetIds: [s.subnets.privateA, s.subnets.privateB].sort() });
    expect(priv.routes).toContainEqual(expect.objectContaining({ destination: '0.0.0.0/0', target: s.natId, targetType: 'nat' }));

    for (const table of [pub, priv]) {
      expect(table.routes).toContainEqual(
        expect.objectContaining({
          destination: s.s3PrefixListId,
          destinationType: 'prefix-list',
          target: s.s3Endpoint,
          targetType: 'vpce',
        }),
      );
    }
    expect(mine.prefixLists).toContainEqual(expect.objectContaining({ id: s.s3PrefixListId, serviceShortName: 's3' }));
  });

  it('reads the gateway and interface endpoints, and leaves the deleted one out', () => {
    expect(mine.endpoints.map((e) => e.id).sort()).toEqual([s.s3Endpoint, s.ssmEndpoint].sort());
    // moto keeps a deleted endpoint listed in state "deleted", as AWS does for a while.
    expect(liveTopology.endpoints.some((e) => e.id === s.deletedEndpoint)).toBe(false);

    const s3 = mine.endpoints.find((e) => e.id === s.s3Endpoint)!;
    expect(s3).toMatchObject({
      name: 'atlas-s3',
      type: 'Gateway',
      serviceName: 'com.amazonaws.us-east-1.s3',
      serviceShortName: 's3',
      routeTableIds: [s.publicRt, s.privateRt].sort(),
      subnetIds: [],
    });

    const ssm = mine.endpoints.find((e) => e.id === s.ssmEndpoint)!;
    expect(ssm).toMatchObject({
      name: 'atlas-ssm',
      type: 'Interface',
      serviceShortName: 'ssm',
      subnetIds: [s.subnets.privateA, s.subnets.privateB].sort(),
      securityGroupIds: [s.endpointSg],
      privateDnsEnabled: true,
      routeTableIds: [],
    });
    // One ENI per subnet, each linked back to the endpoint (moto's ENI IPs and types are not AWS's).
    expect(ssm.networkInterfaceIds).toHaveLength(2);
    const enis = mine.networkInterfaces.filter((n) => ssm.networkInterfaceIds.includes(n.id));
    expect(enis.map((n) => n.subnetId).sort()).toEqual(ssm.subnetIds);
    for (const n of enis) expect(n.endpointId).toBe(s.ssmEndpoint);
  });

  it('reads the internet and NAT gateways', () => {
    expect(mine.internetGateways).toEqual([expect.objectContaining({ id: s.igwId, name: 'atlas-igw', vpcIds: [s.vpcId] })]);
    expect(mine.natGateways).toEqual([
      expect.objectContaining({ id: s.natId, name: 'atlas-nat-a', vpcId: s.vpcId, subnetId: s.subnets.publicA, state: 'available' }),
    ]);
    expect(mine.securityGroups.map((g) => g.groupName).sort()).toEqual(['atlas-endpoints', 'default']);
  });

  it('captures the region as `aws ec2 describe-*` files that load back to the same topology', async () => {
    const result = await captureRegion(live, outDir);
    expect(result.dir).toBe(path.join(outDir, REGION));
    expect(result.warnings).toEqual([]);

    // Only the region folder is left: no staging folder, no temporary files.
    expect(await readdir(outDir)).toEqual([REGION]);
    expect((await readdir(result.dir)).sort()).toEqual([
      'describe-availability-zones.json',
      'describe-carrier-gateways.json',
      'describe-egress-only-internet-gateways.json',
      'describe-internet-gateways.json',
      'describe-managed-prefix-lists.json',
      'describe-nat-gateways.json',
      'describe-network-interfaces.json',
      'describe-prefix-lists.json',
      'describe-route-tables.json',
      'describe-security-groups.json',
      'describe-subnets.json',
      'describe-transit-gateway-vpc-attachments.json',
      'describe-vpc-endpoint-services.json',
      'describe-vpc-endpoints.json',
      'describe-vpcs.json',
      'vpc-attributes.json',
    ]);

    // The AWS CLI's shape: one top-level list key, 4-space indent, ISO dates, no paging fields.
    const vpcsText = await readFile(path.join(result.dir, 'describe-vpcs.json'), 'utf8');
    expect(vpcsText.startsWith('{\n    "Vpcs": [\n        {\n')).toBe(true);
    expect(Object.keys(JSON.parse(vpcsText))).toEqual(['Vpcs']);
    const endpointsJson = JSON.parse(await readFile(path.join(result.dir, 'describe-vpc-endpoints.json'), 'utf8'));
    expect(Object.keys(endpointsJson)).toEqual(['VpcEndpoints']);
    for (const e of endpointsJson.VpcEndpoints) expect(e.CreationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const services = JSON.parse(await readFile(path.join(result.dir, 'describe-vpc-endpoint-services.json'), 'utf8'));
    expect(services.ServiceNames).toContain('com.amazonaws.us-east-1.ssm');
    expect(services.NextToken).toBeUndefined();
    const attrs = JSON.parse(await readFile(path.join(result.dir, 'vpc-attributes.json'), 'utf8'));
    expect(attrs.VpcAttributes).toContainEqual({
      VpcId: s.vpcId,
      EnableDnsSupport: { Value: true },
      EnableDnsHostnames: { Value: true },
    });

    const fixture = new FixtureEc2Api(await readFixtureRegion(outDir, REGION));
    const fixtureTopology = normalizeTopology(await readRegion(fixture), { source: 'fixture', fetchedAt: new Date().toISOString() });
    expect(comparable(fixtureTopology)).toEqual(comparable(liveTopology));
  });

  it('captures the same files through the CLI, with the endpoint from AWS_ENDPOINT_URL', async () => {
    const cliOut = await mkdtemp(path.join(tmpdir(), 'atlas-capture-cli-'));
    try {
      const root = path.resolve(__dirname, '..', '..');
      const { stdout } = await run(
        process.execPath,
        [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/capture.ts', '--region', REGION, '--out', cliOut],
        {
          cwd: root,
          timeout: 60_000,
          env: {
            NODE_ENV: 'test',
            PATH: process.env.PATH ?? '',
            HOME: tmpdir(),
            AWS_ACCESS_KEY_ID: 'testing',
            AWS_SECRET_ACCESS_KEY: 'testing',
            AWS_ENDPOINT_URL: motoUrl,
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          },
        },
      );
      expect(stdout).toContain(`Captured ${REGION} into ${path.join(cliOut, REGION)}`);
      const fromCli = normalizeTopology(await readRegion(new FixtureEc2Api(await readFixtureRegion(cliOut, REGION))), {
        source: 'fixture',
        fetchedAt: '',
      });
      expect(comparable(fromCli)).toEqual(comparable(liveTopology));
    } finally {
      await rm(cliOut, { recursive: true, force: true });
    }
  });

  it('replaces an earlier capture of the region as a whole', async () => {
    const again = await captureRegion(live, outDir);
    expect(await readdir(outDir)).toEqual([REGION]);
    expect(again.files.find((f) => f.file === 'describe-vpcs.json')?.items).toBe(liveTopology.vpcs.length);
  });
});
