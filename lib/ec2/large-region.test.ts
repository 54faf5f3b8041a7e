import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAllServiceDetails } from '@/lib/endpoints/services';
import { normalizeTopology } from '@/lib/topology/normalize';
import { captureRegion } from './capture';
import { FixtureEc2Api } from './fixture';
import { fixtureReadNotes, readFixtureRegion, type FixtureRegionData } from './fixture-files';
import { readRegion } from './read-region';

/**
 * Issue 14 §5: a region with 150,000 network interfaces (and as many endpoint services) in one Describe page
 * loads. `out.push(...page)` passes every item as an argument, and V8 runs out of stack somewhere past
 * 100,000 of them ("Maximum call stack size exceeded", which the load then blamed on EC2).
 */

const COUNT = 150_000;
const VPC = 'vpc-0aaa0000000000001';
const SUBNET = 'subnet-0aaa0000000000001';

function hugeRegion(): FixtureRegionData {
  const networkInterfaces = Array.from({ length: COUNT }, (_, i) => ({
    NetworkInterfaceId: `eni-${i.toString(16).padStart(17, '0')}`,
    SubnetId: SUBNET,
    VpcId: VPC,
    AvailabilityZone: 'us-east-1a',
    PrivateIpAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    InterfaceType: 'interface',
    Status: 'in-use',
  }));
  const services = Array.from({ length: COUNT }, (_, i) => ({
    ServiceName: `com.amazonaws.vpce.us-east-1.vpce-svc-${i.toString(16).padStart(17, '0')}`,
    ServiceType: [{ ServiceType: 'Interface' }],
  }));
  return {
    region: 'us-east-1',
    vpcs: [{ VpcId: VPC, CidrBlock: '10.0.0.0/8', State: 'available', IsDefault: false }],
    subnets: [{ SubnetId: SUBNET, VpcId: VPC, CidrBlock: '10.0.0.0/8', AvailabilityZone: 'us-east-1a' }],
    routeTables: [{ RouteTableId: 'rtb-0aaa0000000000001', VpcId: VPC, Associations: [{ Main: true }], Routes: [{ DestinationCidrBlock: '10.0.0.0/8', GatewayId: 'local', State: 'active' }] }],
    internetGateways: [],
    natGateways: [],
    securityGroups: [],
    vpcEndpoints: [],
    networkInterfaces,
    prefixLists: [],
    services,
    serviceNames: services.map((s) => s.ServiceName),
    vpcAttributes: [],
  } as FixtureRegionData;
}

describe('a region of 150,000 network interfaces', () => {
  const api = new FixtureEc2Api(hugeRegion());

  it('reads and normalizes: every interface is in the topology', async () => {
    const raw = await readRegion(api);
    expect(raw.networkInterfaces).toHaveLength(COUNT);
    const topology = normalizeTopology(raw, { source: 'fixture', fetchedAt: new Date(0).toISOString() });
    expect(topology.networkInterfaces).toHaveLength(COUNT);
    expect(topology.networkInterfaces.at(-1)?.id).toBe(`eni-${(COUNT - 1).toString(16).padStart(17, '0')}`);
  }, 60_000);

  it('captures to fixture files, every interface and service written, and reads them back as a fixture region', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'atlas-large-capture-'));
    try {
      await captureRegion(api, out);
      const enis = JSON.parse(await readFile(path.join(out, 'us-east-1', 'describe-network-interfaces.json'), 'utf8')) as { NetworkInterfaces: unknown[] };
      expect(enis.NetworkInterfaces).toHaveLength(COUNT);
      const services = JSON.parse(await readFile(path.join(out, 'us-east-1', 'describe-vpc-endpoint-services.json'), 'utf8')) as { ServiceNames: string[] };
      expect(services.ServiceNames).toHaveLength(COUNT);
      const back = await readFixtureRegion(out, 'us-east-1');
      expect(back.networkInterfaces).toHaveLength(COUNT);
      expect(back.serviceNames).toHaveLength(COUNT);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('lists every endpoint service when a page holds all of them', async () => {
    const all = hugeRegion().services;
    const details = await readAllServiceDetails({ describeVpcEndpointServices: async () => ({ ServiceDetails: all, $metadata: {} }) });
    expect(details).toHaveLength(COUNT);
  }, 60_000);

  it('reads a fixture file of 150,000 records it must skip, with a warning for each', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-large-skips-'));
    try {
      await mkdir(path.join(dir, 'us-east-1'));
      await writeFile(path.join(dir, 'us-east-1', 'describe-vpcs.json'), JSON.stringify({ Vpcs: [{ VpcId: VPC, CidrBlock: '10.0.0.0/8', State: 'available' }] }));
      await writeFile(path.join(dir, 'us-east-1', 'describe-network-interfaces.json'), JSON.stringify({ NetworkInterfaces: Array.from({ length: COUNT }, () => ({ Status: 'in-use' })) }));
      const data = await readFixtureRegion(dir, 'us-east-1');
      expect(data.networkInterfaces).toEqual([]);
      expect(fixtureReadNotes(data)?.dataWarnings).toHaveLength(COUNT);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
