import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { readRegion } from '@/lib/ec2/read-region';
import { normalizeTopology } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import { analyzeTopology, type Analysis } from './analyze';

/** The demo fixtures as the app loads them, and the problems fixtures/README.md says are planted. */

async function load(dir: string, region: string): Promise<Topology> {
  const api = new FixtureEc2Api(await readFixtureRegion(path.resolve(__dirname, '../../fixtures', dir), region));
  return normalizeTopology(await readRegion(api), { source: 'fixture', fetchedAt: '2026-01-01T00:00:00.000Z' });
}

let t: Topology;
let a: Analysis;
const id = (kind: 'vpcs' | 'subnets' | 'routeTables' | 'securityGroups' | 'natGateways', name: string) => {
  const found = (t[kind] as { id: string; name: string }[]).find((x) => x.name === name);
  if (!found) throw new Error(`no ${kind} named ${name}`);
  return found.id;
};
const endpointId = (vpc: string, service: string) => t.endpoints.find((e) => e.vpcId === id('vpcs', vpc) && e.serviceShortName === service)!.id;
const pathOf = (subnet: string, service: string) => a.paths.find((p) => p.subnetId === id('subnets', subnet) && p.service === service)!;
const findingsOf = (rule: string, vpc: string) => a.findings.filter((f) => f.rule === rule && f.vpcId === id('vpcs', vpc));

beforeAll(async () => {
  t = await load('demo', 'us-east-1');
  a = analyzeTopology(t, { gbPerMonth: 100 });
});

describe('paths in the us-east-1 demo', () => {
  it.each([
    ['prod-app-a', 's3', 'gateway-endpoint', 'prod-private-a'],
    ['prod-app-b', 's3', 'gateway-endpoint', 'prod-private-b'],
    ['prod-app-c', 's3', 'nat', 'prod-private-c'],
    ['prod-data-c', 's3', 'gateway-endpoint', 'prod-data'],
    ['prod-app-a', 'dynamodb', 'nat', 'prod-private-a'],
    ['prod-data-a', 'dynamodb', 'gateway-endpoint', 'prod-data'],
    ['prod-public-a', 's3', 'igw', 'prod-public'],
    ['prod-app-a', 'kms', 'interface-endpoint', 'prod-private-a'],
    ['prod-app-c', 'kms', 'interface-endpoint-cross-az', 'prod-private-c'],
    ['prod-app-c', 'ecr.dkr', 'interface-endpoint', 'prod-private-c'],
    ['prod-app-a', 'sts', 'nat', 'prod-private-a'],
    ['prod-data-a', 'sts', 'none', 'prod-data'],
    ['staging-private-a', 'ssm', 'nat', 'staging-private'],
    ['staging-private-a', 's3', 'gateway-endpoint', 'staging-private'],
    ['shared-private-a', 'sts', 'interface-endpoint', 'shared-private'],
    ['shared-private-a', 's3', 'none', 'shared-private'],
  ])('%s reaches %s via %s (%s)', (subnet, service, via, table) => {
    expect(pathOf(subnet, service)).toMatchObject({ via, routeTableId: id('routeTables', table) });
  });

  it('prod-app-c reaches S3 through prod-nat-c and the internet gateway', () => {
    const p = pathOf('prod-app-c', 's3');
    expect(p.hops).toEqual([id('subnets', 'prod-app-c'), id('routeTables', 'prod-private-c'), id('natGateways', 'prod-nat-c'), id('subnets', 'prod-public-c'), id('routeTables', 'prod-public'), t.internetGateways.find((g) => g.name === 'prod-igw')!.id]);
    expect(p.routeDestination).toBe('0.0.0.0/0');
  });

  it('staging-private-b, on the implicit main table, reaches neither S3 nor DynamoDB', () => {
    const main = t.routeTables.find((r) => r.main && r.vpcId === id('vpcs', 'staging'))!.id;
    expect(pathOf('staging-private-b', 's3')).toMatchObject({ via: 'none', routeTableId: main, routeDestination: null });
    expect(pathOf('staging-private-b', 'dynamodb')).toMatchObject({ via: 'none', routeTableId: main });
  });

  it('resolves each prod subnet against S3, DynamoDB, the common services and every prod interface endpoint', () => {
    const services = new Set(a.paths.filter((p) => p.subnetId === id('subnets', 'prod-app-a')).map((p) => p.service));
    expect(services).toEqual(new Set(['s3', 'dynamodb', 'sts', 'ecr.api', 'ecr.dkr', 'logs', 'ssm', 'secretsmanager', 'kms', 'ssmmessages', 'ec2messages']));
  });
});

describe('findings in the us-east-1 demo', () => {
  it('S3 from prod-app-c goes through the NAT; the fix pre-fills prod-private-c only', () => {
    const [f] = a.findings.filter((x) => x.id === `nat-to-gateway-service:${id('vpcs', 'prod')}:s3`);
    expect(f).toBeDefined();
    expect(f!.resourceIds).toContain(id('subnets', 'prod-app-c'));
    expect(f!.resourceIds).toContain(endpointId('prod', 's3'));
    expect(f!.fix.href).toBe(`/endpoints/new?region=us-east-1&vpc=${id('vpcs', 'prod')}&type=gateway&service=com.amazonaws.us-east-1.s3&routeTables=${id('routeTables', 'prod-private-c')}`);
  });

  it('DynamoDB from the prod app subnets goes through their NATs (the endpoint is on the data table only)', () => {
    const [f] = findingsOf('nat-to-gateway-service', 'prod').filter((x) => x.service === 'dynamodb');
    const tables = ['prod-private-a', 'prod-private-b', 'prod-private-c'].map((n) => id('routeTables', n)).sort();
    expect(f!.fix.href).toContain(`routeTables=${tables.join(',')}`);
    expect(f!.resourceIds).not.toContain(id('routeTables', 'prod-data'));
  });

  it('kms is in two AZs: prod-app-c crosses to reach it', () => {
    const [f] = findingsOf('interface-endpoint-az-coverage', 'prod');
    expect(f).toMatchObject({ service: 'kms', resourceIds: expect.arrayContaining([endpointId('prod', 'kms'), id('subnets', 'prod-app-c')]) });
    expect(f!.title).toMatch(/us-east-1c/);
    expect(findingsOf('interface-endpoint-az-coverage', 'prod')).toHaveLength(1);
  });

  it('sts has private DNS off in prod', () => {
    expect(findingsOf('private-dns-off', 'prod').map((f) => f.resourceIds)).toEqual([[endpointId('prod', 'sts')]]);
  });

  it('ecr.dkr’s security group is open to 0.0.0.0/0', () => {
    const [f] = findingsOf('endpoint-sg-open-to-world', 'prod');
    expect(f).toMatchObject({ severity: 'high', resourceIds: [id('securityGroups', 'prod-vpce-ecr-open'), endpointId('prod', 'ecr.dkr')] });
  });

  it('staging has private DNS on while DNS hostnames are off', () => {
    const [f] = findingsOf('private-dns-without-vpc-dns', 'staging');
    expect(f).toMatchObject({ severity: 'high' });
    expect(f!.resourceIds).toEqual(expect.arrayContaining([id('vpcs', 'staging'), endpointId('staging', 'ssm'), endpointId('staging', 'logs')]));
  });

  it('staging’s logs endpoint is only in us-east-1a', () => {
    const [f] = findingsOf('interface-endpoint-az-coverage', 'staging');
    expect(f).toMatchObject({ service: 'logs', resourceIds: expect.arrayContaining([endpointId('staging', 'logs'), id('subnets', 'staging-private-b')]) });
  });

  it('staging-private-b is left on the main table', () => {
    const [f] = findingsOf('implicit-main-route-table', 'staging');
    expect(f!.resourceIds[0]).toBe(id('subnets', 'staging-private-b'));
  });

  it('flags full-access policies but not the restricted prod S3 and secretsmanager ones', () => {
    const flagged = new Set(a.findings.filter((f) => f.rule === 'endpoint-policy-allows-all').flatMap((f) => f.resourceIds));
    expect(flagged.has(endpointId('prod', 's3'))).toBe(false);
    expect(flagged.has(endpointId('prod', 'secretsmanager'))).toBe(false);
    expect(flagged.has(endpointId('staging', 's3'))).toBe(true);
    expect(flagged.has(endpointId('prod', 'kms'))).toBe(true);
  });

  it('raises nothing the demo does not plant: no blackholes, no unavailable or duplicate endpoints, every SG admits HTTPS', () => {
    for (const rule of ['blackhole-route', 'endpoint-not-available', 'duplicate-interface-endpoint', 'gateway-endpoint-no-route-tables', 'endpoint-sg-no-https-from-vpc']) {
      expect(a.findings.filter((f) => f.rule === rule), rule).toEqual([]);
    }
    expect(a.findings.filter((f) => f.vpcId === id('vpcs', 'vpc-0e0af32d484a4d654'))).toEqual([]);
  });
});

describe('costs in the us-east-1 demo', () => {
  it('prices prod’s 9 interface endpoints (26 endpoint-AZs) and 3 NAT gateways', () => {
    const prod = a.costs.vpcs.find((v) => v.vpcId === id('vpcs', 'prod'))!;
    expect(prod.interfaceEndpoints).toHaveLength(9);
    expect(prod.interfaceEndpoints.reduce((n, e) => n + e.azCount, 0)).toBe(26);
    expect(prod.interfaceEndpointsMonthly).toBeCloseTo(26 * 730 * 0.01, 2);
    expect(prod.natGatewaysMonthly).toBeCloseTo(3 * 730 * 0.045, 2);
    expect(prod.natSavings.map((s) => [s.service, s.monthly])).toEqual(
      expect.arrayContaining([
        ['s3', 4.5],
        ['dynamodb', 4.5],
      ]),
    );
  });
});

describe('analyzeTopology', () => {
  it('keeps to one VPC when asked', () => {
    const prod = id('vpcs', 'prod');
    const scoped = analyzeTopology(t, { vpcId: prod });
    const prodSubnets = new Set(t.subnets.filter((s) => s.vpcId === prod).map((s) => s.id));
    expect(scoped.paths.every((p) => prodSubnets.has(p.subnetId))).toBe(true);
    expect(scoped.findings.every((f) => f.vpcId === prod)).toBe(true);
    expect(scoped.costs.vpcs.map((v) => v.vpcId)).toEqual([prod]);
    expect(scoped.findings).toEqual(a.findings.filter((f) => f.vpcId === prod));
  });

  it('finds the awkward fixture’s blackhole route to a deleted NAT gateway', async () => {
    const awkward = await load('awkward', 'us-east-1');
    const [f] = analyzeTopology(awkward).findings.filter((x) => x.rule === 'blackhole-route');
    expect(f).toMatchObject({ severity: 'high', resourceIds: expect.arrayContaining([awkward.routeTables.find((r) => r.name === 'awkward-private')!.id]) });
  });

  it('finds a DynamoDB NAT path in eu-west-1', async () => {
    const eu = await load('demo', 'eu-west-1');
    const found = analyzeTopology(eu).findings.filter((x) => x.rule === 'nat-to-gateway-service');
    expect(found.map((f) => f.service)).toEqual(['dynamodb']);
    expect(found[0]!.fix.href).toContain('service=com.amazonaws.eu-west-1.dynamodb');
  });
});
