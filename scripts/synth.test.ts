import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readRegion } from '@/lib/ec2/read-region';
import { normalizeTopology } from '@/lib/topology/normalize';
import { ipToInt, parseCidr } from './lib/region-builder';
import { SIZE_SHAPES, SIZES, countsOf, synthRegion, writeSynth, type Size } from './lib/synth';

const REGION = 'us-east-1';
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-synth-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = readFileSync(path.join(dir, name), 'utf8');
  return out;
}

describe('synthetic accounts', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    writeSynth({ size: 'M', seed: 42, region: REGION }, a);
    writeSynth({ size: 'M', seed: 42, region: REGION }, b);
    writeSynth({ size: 'M', seed: 43, region: REGION }, c);
    const first = filesOf(path.join(a, REGION));
    expect(Object.keys(first)).toEqual([
      'describe-internet-gateways.json',
      'describe-nat-gateways.json',
      'describe-network-interfaces.json',
      'describe-prefix-lists.json',
      'describe-route-tables.json',
      'describe-security-groups.json',
      'describe-subnets.json',
      'describe-vpc-endpoint-services.json',
      'describe-vpc-endpoints.json',
      'describe-vpcs.json',
      'vpc-attributes.json',
    ]);
    expect(filesOf(path.join(b, REGION))).toEqual(first);
    expect(filesOf(path.join(c, REGION))['describe-vpcs.json']).not.toEqual(first['describe-vpcs.json']);
  });

  it.each(SIZES)('size %s has the counts of issue 8', (size: Size) => {
    const b = synthRegion({ size, seed: 7, region: REGION });
    const counts = countsOf(b);
    expect(counts).toHaveLength(SIZE_SHAPES[size].length);
    counts.forEach((c, i) => {
      const shape = SIZE_SHAPES[size][i]!;
      expect(c).toMatchObject({
        subnets: shape.subnets,
        routeTables: shape.routeTables,
        interfaceEndpoints: shape.interfaceEndpoints,
        gatewayEndpoints: shape.gatewayEndpoints,
        natGateways: shape.natGateways,
        endpointEnis: shape.interfaceEndpoints * shape.azs,
      });
    });
    const totalSubnets = counts.reduce((n, c) => n + c.subnets, 0);
    expect(totalSubnets).toBe({ S: 12, M: 150, L: 200, XL: 1000 }[size]);
    // An ENI per AZ: every interface endpoint's subnets are in distinct AZs, as many as the VPC spans.
    const azOf = new Map(b.subnets.map((s) => [s.id, s.az]));
    for (const ep of b.endpointWires.filter((e) => e.VpcEndpointType === 'Interface')) {
      const azs = (ep.SubnetIds ?? []).map((id) => azOf.get(id));
      expect(new Set(azs).size).toBe(3);
      expect(ep.NetworkInterfaceIds).toHaveLength(3);
    }
  });

  it('puts every ENI address inside its subnet, outside the five AWS reserves, once', () => {
    const b = synthRegion({ size: 'XL', seed: 11, region: REGION });
    const cidrOf = new Map(b.subnets.map((s) => [s.id, s.cidr]));
    const seen = new Set<string>();
    for (const eni of b.enis) {
      const cidr = cidrOf.get(eni.SubnetId ?? '');
      expect(cidr, eni.NetworkInterfaceId).toBeDefined();
      const { base, size } = parseCidr(cidr!);
      const ip = ipToInt(eni.PrivateIpAddress ?? '');
      expect(ip - base).toBeGreaterThanOrEqual(4);
      expect(ip - base).toBeLessThan(size - 1);
      expect(seen.has(eni.PrivateIpAddress ?? '')).toBe(false);
      seen.add(eni.PrivateIpAddress ?? '');
    }
  });

  it('never gives two resources one id', () => {
    const b = synthRegion({ size: 'XL', seed: 5, region: REGION });
    const ids = [
      ...b.vpcWires.map((v) => v.VpcId),
      ...b.subnets.map((s) => s.id),
      ...b.routeTables.map((t) => t.id),
      ...b.routeTables.flatMap((t) => t.associations.map((a) => a.RouteTableAssociationId)),
      ...b.igws.map((g) => g.InternetGatewayId),
      ...b.natWires.map((n) => n.NatGatewayId),
      ...b.sgWires.map((g) => g.GroupId),
      ...b.endpointWires.map((e) => e.VpcEndpointId),
      ...b.enis.map((e) => e.NetworkInterfaceId),
    ];
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Subnet CIDRs never overlap within a VPC (the builder refuses), and VPC CIDRs differ.
    expect(new Set(b.vpcs.map((v) => v.cidrs[0])).size).toBe(b.vpcs.length);
  });

  it('loads through the fixture backend into the topology contract', async () => {
    const dir = tempDir();
    writeSynth({ size: 'S', seed: 1, region: REGION }, dir);
    const raw = await readRegion(new FixtureEc2Api(await readFixtureRegion(dir, REGION)));
    const topology = normalizeTopology(raw, { source: 'fixture', fetchedAt: '2025-01-01T00:00:00.000Z' });
    expect(topology.vpcs).toHaveLength(1);
    expect(topology.subnets).toHaveLength(12);
    expect(topology.endpoints.filter((e) => e.type === 'Interface')).toHaveLength(4);
    // The last private subnet is left on the main table: an implicit association.
    const main = topology.routeTables.find((t) => t.main)!;
    expect(topology.subnets.filter((s) => s.routeTableId === main.id)).toHaveLength(1);
    expect(topology.warnings).toEqual([]);
  });
});
