/**
 * The cases of fixtures/real-shapes that moto 5.2.5 can build, built in moto through the SDK: the
 * paths read live must be the paths the fixture account gives for the same (subnet, service), and a
 * capture of the live region loaded through the fixture backend must give the same paths again.
 *
 * What moto cannot build, so the fixture alone covers it: Local Zone, Wavelength and Outpost subnets
 * (CreateSubnet refuses their zones), regional NAT gateways (CreateNatGateway wants a subnet), Cloud WAN
 * routes (CoreNetworkArn is dropped), VGW route propagation (HTTP 500), EnableDns64 (not returned),
 * endpoint DnsOptions and IpAddressType (dropped). The carrier gateway route is built on a regular
 * subnet: the route, not the zone, decides the path. The VPN route is static (propagation fails).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AttachVpnGatewayCommand,
  CreateCarrierGatewayCommand,
  CreateEgressOnlyInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateManagedPrefixListCommand,
  CreateNatGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateTransitGatewayCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  CreateVpcPeeringConnectionCommand,
  CreateVpnGatewayCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  RunInstancesCommand,
  type CreateRouteCommandInput,
  type Tag,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { analyzeTopology } from '@/lib/analysis/analyze';
import type { SubnetPath } from '@/lib/analysis/paths';
import { normalizeTopology } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import { captureRegion } from './capture';
import { FixtureEc2Api } from './fixture';
import { readFixtureRegion } from './fixture-files';
import { LiveEc2Api } from './live';
import { readRegion } from './read-region';

const REGION = 'us-east-1';
const motoUrl = inject('motoUrl');
const LONG_NAME = `app-${'ñ'.repeat(10)}-${'x'.repeat(241)}`;
const tags = (Name: string): Tag[] => [{ Key: 'Name', Value: Name }];
/** A TagSpecification, or none for an untagged resource (AWS refuses an empty one). */
const tagged = (ResourceType: 'subnet', Name?: string) => (Name === undefined ? {} : { TagSpecifications: [{ ResourceType, Tags: tags(Name) }] });

/** Builds the edge and spoke VPCs of fixtures/real-shapes/us-east-1, as far as moto goes. */
async function build(ec2: EC2Client): Promise<void> {
  const vpc = async (cidr: string, Name: string, hostnames: boolean) => {
    const v = await ec2.send(new CreateVpcCommand({ CidrBlock: cidr, AmazonProvidedIpv6CidrBlock: true, TagSpecifications: [{ ResourceType: 'vpc', Tags: tags(Name) }] }));
    const id = v.Vpc!.VpcId!;
    // A new VPC has DNS hostnames off (AWS and moto); the fixture's edge VPC has them on.
    if (hostnames) await ec2.send(new ModifyVpcAttributeCommand({ VpcId: id, EnableDnsHostnames: { Value: true } }));
    return { id, ipv6: v.Vpc!.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock ?? '' };
  };
  const edge = await vpc('10.20.0.0/16', 'edge-🌐-inspection', true);
  const spoke = await vpc('10.30.0.0/16', 'spoke-ünïcödé-Ω', false);
  const subnet = async (vpcId: string, cidr: string, az: string, Name?: string) =>
    (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: az, ...tagged('subnet', Name) }))).Subnet!.SubnetId!;
  const S = {
    pub: await subnet(edge.id, '10.20.0.0/24', 'us-east-1a', 'edge-public-a'),
    fw: await subnet(edge.id, '10.20.1.0/24', 'us-east-1a', 'edge-firewall-a'),
    app: await subnet(edge.id, '10.20.16.0/20', 'us-east-1a', 'アプリ-a'),
    long: await subnet(edge.id, '10.20.32.0/20', 'us-east-1b', LONG_NAME),
    data: await subnet(edge.id, '10.20.48.0/24', 'us-east-1a'),
    legacy: await subnet(edge.id, '10.20.80.0/24', 'us-east-1c', 'edge-legacy-c'),
    transit: await subnet(edge.id, '10.20.81.0/28', 'us-east-1c', 'edge-transit-c'),
    carrier: await subnet(edge.id, '10.20.97.0/24', 'us-east-1a', 'edge-wavelength-bos'),
    v6: (
      await ec2.send(
        new CreateSubnetCommand({ VpcId: edge.id, Ipv6Native: true, Ipv6CidrBlock: edge.ipv6.replace(/00::\/56$/, '11::/64'), AvailabilityZone: 'us-east-1b', TagSpecifications: [{ ResourceType: 'subnet', Tags: tags('edge-v6only-b') }] }),
      )
    ).Subnet!.SubnetId!,
    vpn: await subnet(spoke.id, '10.30.0.0/24', 'us-east-1a', 'spoke-vpn-a'),
    peer: await subnet(spoke.id, '10.30.2.0/24', 'us-east-1a', 'spoke-peer-a'),
    nati: await subnet(spoke.id, '10.30.3.0/24', 'us-east-1a', 'spoke-nat-instance-a'),
    fwe: await subnet(spoke.id, '10.30.4.0/24', 'us-east-1b', 'spoke-firewall-eni-b'),
  };
  const igw = (await ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: [{ ResourceType: 'internet-gateway', Tags: tags('edge-igw') }] }))).InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ VpcId: edge.id, InternetGatewayId: igw }));
  const eigw = (await ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: edge.id, TagSpecifications: [{ ResourceType: 'egress-only-internet-gateway', Tags: tags('edge-eigw') }] }))).EgressOnlyInternetGateway!.EgressOnlyInternetGatewayId!;
  const cagw = (await ec2.send(new CreateCarrierGatewayCommand({ VpcId: edge.id, TagSpecifications: [{ ResourceType: 'carrier-gateway', Tags: tags('edge-carrier') }] }))).CarrierGateway!.CarrierGatewayId!;
  const tgw = (await ec2.send(new CreateTransitGatewayCommand({ Description: 'hub' }))).TransitGateway!.TransitGatewayId!;
  await ec2.send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: tgw, VpcId: edge.id, SubnetIds: [S.transit] }));
  const corp = (await ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'corp-ranges', AddressFamily: 'IPv4', MaxEntries: 10, Entries: [{ Cidr: '10.0.0.0/8' }, { Cidr: '172.16.0.0/12' }] }))).PrefixList!.PrefixListId!;
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const natA = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: S.pub, AllocationId: eip.AllocationId!, TagSpecifications: [{ ResourceType: 'natgateway', Tags: tags('edge-nat-a') }] }))).NatGateway!.NatGatewayId!;
  const natP = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: S.transit, ConnectivityType: 'private' }))).NatGateway!.NatGatewayId!;
  const gwlbe = (
    await ec2.send(
      new CreateVpcEndpointCommand({ VpcId: edge.id, VpcEndpointType: 'GatewayLoadBalancer', ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0f3c9a1b2d4e6f708', SubnetIds: [S.fw], TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: tags('edge-inspection') }] }),
    )
  ).VpcEndpoint!.VpcEndpointId!;
  const vgw = (await ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway!.VpnGatewayId!;
  await ec2.send(new AttachVpnGatewayCommand({ VpcId: spoke.id, VpnGatewayId: vgw }));
  const pcx = (await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: spoke.id, PeerVpcId: edge.id }))).VpcPeeringConnection!.VpcPeeringConnectionId!;
  const instance = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, SubnetId: S.nati }))).Instances![0]!.InstanceId!;
  const fwEni = (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: S.fwe, Description: 'firewall appliance' }))).NetworkInterface!.NetworkInterfaceId!;

  const table = async (vpcId: string, Name: string, subnets: string[], routes: Omit<CreateRouteCommandInput, 'RouteTableId'>[]) => {
    const id = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: [{ ResourceType: 'route-table', Tags: tags(Name) }] }))).RouteTable!.RouteTableId!;
    for (const SubnetId of subnets) await ec2.send(new AssociateRouteTableCommand({ RouteTableId: id, SubnetId }));
    for (const r of routes) await ec2.send(new CreateRouteCommand({ RouteTableId: id, ...r }));
    return id;
  };
  await table(edge.id, 'edge-public', [S.pub], [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }, { DestinationIpv6CidrBlock: '::/0', GatewayId: igw }]);
  await table(edge.id, 'edge-firewall', [S.fw], [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natA }]);
  const appRt = await table(edge.id, 'edge-app-a → inspection', [S.app], [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: gwlbe }]);
  await table(edge.id, 'edge-app-b → hub', [S.long], [{ DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: tgw }, { DestinationPrefixListId: corp, TransitGatewayId: tgw }]);
  await table(edge.id, 'edge-data', [S.data], [{ DestinationCidrBlock: '0.0.0.0/1', NatGatewayId: natA }, { DestinationCidrBlock: '128.0.0.0/1', NatGatewayId: natA }]);
  await table(edge.id, 'edge-v6only', [S.v6], [{ DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigw }]);
  await table(edge.id, 'edge-legacy → private NAT', [S.legacy], [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natP }]);
  await table(edge.id, 'edge-transit', [S.transit], [{ DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: tgw }]);
  await table(edge.id, 'edge-wavelength', [S.carrier], [{ DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: cagw }]);
  await table(spoke.id, 'spoke-vpn', [S.vpn], [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: vgw }]);
  await table(spoke.id, 'spoke-peer', [S.peer], [{ DestinationCidrBlock: '0.0.0.0/0', VpcPeeringConnectionId: pcx }]);
  await table(spoke.id, 'spoke-nat-instance', [S.nati], [{ DestinationCidrBlock: '0.0.0.0/0', InstanceId: instance }]);
  await table(spoke.id, 'spoke-firewall', [S.fwe], [{ DestinationCidrBlock: '0.0.0.0/0', NetworkInterfaceId: fwEni }]);
  // moto adds the gateway endpoint's prefix-list route itself, as AWS does.
  await ec2.send(new CreateVpcEndpointCommand({ VpcId: edge.id, VpcEndpointType: 'Gateway', ServiceName: `com.amazonaws.${REGION}.s3`, RouteTableIds: [appRt], TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: tags('edge-s3') }] }));
  await ec2.send(
    new CreateVpcEndpointCommand({ VpcId: edge.id, VpcEndpointType: 'Interface', ServiceName: `com.amazonaws.${REGION}.sts`, SubnetIds: [S.app], PrivateDnsEnabled: true, TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: tags('edge-sts') }] }),
  );
}

/** The (subnet, service) pairs both accounts hold, by the subnet's Name tag (or CIDR when untagged). */
const CASES: [subnet: string, service: string][] = [
  ['アプリ-a', 's3'],
  ['アプリ-a', 'dynamodb'],
  ['アプリ-a', 'sts'],
  [LONG_NAME, 'sts'],
  [LONG_NAME, 'logs'],
  ['10.20.48.0/24', 'ssm'],
  ['edge-v6only-b', 'dynamodb'],
  ['edge-legacy-c', 'ssm'],
  ['edge-public-a', 'ssm'],
  ['edge-wavelength-bos', 'ssm'],
  ['spoke-vpn-a', 'sts'],
  ['spoke-peer-a', 'dynamodb'],
  ['spoke-nat-instance-a', 's3'],
  ['spoke-firewall-eni-b', 'kms'],
];

function kindOf(t: Topology, paths: SubnetPath[], subnet: string, service: string) {
  const s = t.subnets.find((x) => x.name === subnet || (x.cidr === subnet && !x.tags.Name));
  const p = paths.find((x) => x.subnetId === s?.id && x.service === service);
  return p ? { via: p.via, onward: p.onward } : { missing: `${subnet} / ${service}` };
}

describe('real-shapes cases built in moto', () => {
  let ec2: EC2Client;
  let live: LiveEc2Api;
  let liveTopology: Topology;
  let outDir: string;

  beforeAll(async () => {
    const reset = await fetch(`${motoUrl}/moto-api/reset`, { method: 'POST' });
    expect(reset.ok).toBe(true);
    ec2 = new EC2Client({ region: REGION, endpoint: motoUrl, maxAttempts: 1 });
    await build(ec2);
    live = new LiveEc2Api({ region: REGION, endpoint: motoUrl });
    liveTopology = normalizeTopology(await readRegion(live), { source: 'live', fetchedAt: new Date().toISOString() });
    outDir = await mkdtemp(path.join(tmpdir(), 'atlas-real-shapes-'));
  });

  afterAll(async () => {
    ec2?.destroy();
    live?.client.destroy();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('gives each (subnet, service) the path the fixture account gives it', async () => {
    const fixture = normalizeTopology(await readRegion(new FixtureEc2Api(await readFixtureRegion(path.resolve(__dirname, '../../fixtures/real-shapes'), REGION))), {
      source: 'fixture',
      fetchedAt: new Date().toISOString(),
    });
    const livePaths = analyzeTopology(liveTopology).paths;
    const fixturePaths = analyzeTopology(fixture).paths;
    const got = CASES.map(([subnet, service]) => ({ subnet: subnet.slice(0, 24), service, ...kindOf(liveTopology, livePaths, subnet, service) }));
    const want = CASES.map(([subnet, service]) => ({ subnet: subnet.slice(0, 24), service, ...kindOf(fixture, fixturePaths, subnet, service) }));
    expect(got).toEqual(want);
    // Every case was found, and every way out the fixture shows for them was built: none of them is "none".
    expect(want.filter((k) => !k.via || k.via === 'none')).toEqual([]);
    expect(new Set(want.map((k) => k.via))).toEqual(
      new Set(['gateway-endpoint', 'gwlb-inspection', 'interface-endpoint', 'interface-endpoint-cross-az', 'transit-gateway', 'nat', 'egress-only-igw', 'igw', 'carrier-gateway', 'vpn-gateway', 'peering', 'appliance']),
    );
  });

  it('gives the same paths and findings once captured and read back through the fixture backend', async () => {
    await captureRegion(live, outDir);
    const captured = normalizeTopology(await readRegion(new FixtureEc2Api(await readFixtureRegion(outDir, REGION))), { source: 'fixture', fetchedAt: liveTopology.fetchedAt });
    const a = analyzeTopology(liveTopology);
    const b = analyzeTopology(captured);
    expect(b.paths).toEqual(a.paths);
    expect(b.findings).toEqual(a.findings);
    expect(a.paths.length).toBeGreaterThan(100);
  });
});
