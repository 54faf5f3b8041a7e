import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTopology } from '@/lib/analysis/analyze';
import { normalizeTopology } from '@/lib/topology/normalize';
import type { DataWarning, Topology } from '@/lib/topology/types';
import { FixtureEc2Api } from './fixture';
import { readFixtureRegion } from './fixture-files';
import { readRegion } from './read-region';
import { describeOutputSchema, withSdkNulls } from './sdk-nulls';

/**
 * Dumps that other producers wrote (issue 20 §5), in fixtures/third-party/: each loads with no error and says
 * exactly the data warnings expected of it.
 *
 * - cartography: the EC2 test data of cartography (cartography-cncf/cartography tests/data/aws/ec2/*.py: vpcs,
 *   subnets, network_acls/subnets, route_tables, vpc_endpoints, nat_gateways, tgw), its Python dicts written as
 *   describe-*.json with None as null. Each of its modules was written on its own, so records name VPCs the set
 *   does not have and a route table serves subnets of other VPCs: that is said, never fatal.
 * - sdk-nulls: the demo account as the Go and Java SDKs marshal it, every absent member `null`
 *   (scripts/sdk-nulls-fixtures.ts writes it from the SDK's own model of each Describe output). `null` means
 *   absent, so it must give the demo's topology and paths exactly.
 */

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const FETCHED = '2026-12-07T00:00:00.000Z';

async function load(dir: string, region: string): Promise<Topology> {
  const api = new FixtureEc2Api(await readFixtureRegion(path.join(FIXTURES, dir), region));
  return normalizeTopology(await readRegion(api), { source: 'fixture', fetchedAt: FETCHED });
}

const atVpc = (vpcId: string | null, message: string): DataWarning => ({ kind: 'inconsistent', vpcId, message });
const otherVpcTable = (subnet: string, vpc: string) =>
  `Route table rtb-bbbbbbbbbbbbbbbbb (VPC vpc-0f510) is associated with subnet ${subnet} of VPC ${vpc}; a table can only serve its own VPC's subnets, so the association is ignored.`;
const otherRegionZone = (subnet: string) => `Subnet ${subnet} is in eu-north-1a, a zone of eu-north-1, not of us-east-1 (the region this data was read for).`;
const missingVpc = (vpc: string, what: string) => `VPC ${vpc} is not in the data, but 1 record names it (${what}); they are on no VPC page.`;

interface Case {
  name: string;
  dir: string;
  region: string;
  vpcs: number;
  warnings: DataWarning[];
}

const CASES: Case[] = [
  {
    name: 'cartography’s EC2 test data',
    dir: 'third-party/cartography',
    region: 'us-east-1',
    vpcs: 4,
    warnings: [
      // route_tables.py associates rtb-bbb… (vpc-0f510) with subnets of subnets.py's VPCs: a table serves only its
      // own VPC's subnets (AWS refuses the association otherwise), so it is ignored and said on both VPCs.
      atVpc('vpc-025873e026b9e8ee6', otherVpcTable('subnet-0773409557644dca4', 'vpc-025873e026b9e8ee6')),
      atVpc('vpc-0f510', otherVpcTable('subnet-0773409557644dca4', 'vpc-025873e026b9e8ee6')),
      atVpc('vpc-05326141848d1c681', otherVpcTable('subnet-0fa9c8fa7cb241479', 'vpc-05326141848d1c681')),
      atVpc('vpc-0f510', otherVpcTable('subnet-0fa9c8fa7cb241479', 'vpc-05326141848d1c681')),
      // Every VPC has a main route table in AWS; the set has none for subnets.py's two VPCs.
      atVpc('vpc-025873e026b9e8ee6', 'Subnet subnet-0773409557644dca4 has no route table (its VPC has no main route table in the data).'),
      atVpc('vpc-025873e026b9e8ee6', 'Subnet subnet-020b2f3928f190ce8 has no route table (its VPC has no main route table in the data).'),
      atVpc('vpc-05326141848d1c681', 'Subnet subnet-0fa9c8fa7cb241479 has no route table (its VPC has no main route table in the data).'),
      // network_acls/subnets.py, vpc_endpoints.py and tgw.py name VPCs no file describes.
      atVpc(null, 'VPC vpc-0767 is not in the data, but 2 records name it (subnet subnet-06ba, subnet subnet-0a1a); they are on no VPC page.'),
      atVpc(null, missingVpc('vpc-11111111', 'endpoint vpce-gwlb456')),
      atVpc(null, missingVpc('vpc-12345678', 'endpoint vpce-1234567890abcdef0')),
      atVpc(null, missingVpc('vpc-16719ae825ca14e92', 'transit gateway attachment tgw-attach-aaaabbbbccccdef01')),
      atVpc(null, missingVpc('vpc-87654321', 'endpoint vpce-gateway123')),
      // subnets.py's subnets are in eu-north-1a (zone id eun1-az1) in a set read as us-east-1: a dump of mixed regions.
      atVpc('vpc-025873e026b9e8ee6', otherRegionZone('subnet-0773409557644dca4')),
      atVpc('vpc-025873e026b9e8ee6', otherRegionZone('subnet-020b2f3928f190ce8')),
      atVpc('vpc-05326141848d1c681', otherRegionZone('subnet-0fa9c8fa7cb241479')),
    ],
  },
  { name: 'the demo account as the Go and Java SDKs write it', dir: 'third-party/sdk-nulls', region: 'us-east-1', vpcs: 4, warnings: [] },
  { name: 'the demo account as the Go and Java SDKs write it', dir: 'third-party/sdk-nulls', region: 'eu-west-1', vpcs: 2, warnings: [] },
];

describe.each(CASES)('$name ($region)', ({ dir, region, vpcs, warnings }) => {
  it('loads with no error, and says exactly the expected data warnings', async () => {
    const t = await load(dir, region);
    expect(t.vpcs).toHaveLength(vpcs);
    expect(t.warnings).toEqual([]);
    expect(t.dataWarnings).toEqual(warnings);
  });
});

describe('cartography’s EC2 test data', () => {
  it('keeps every record it names in warnings: the endpoints, NAT gateways and attachment of missing VPCs too', async () => {
    const t = await load('third-party/cartography', 'us-east-1');
    expect(t.endpoints.map((e) => [e.id, e.type, e.policy])).toEqual([
      // `"PolicyDocument": null` is no policy, not a failed region.
      ['vpce-1234567890abcdef0', 'Interface', expect.stringContaining('"Effect":"Allow"')],
      ['vpce-gateway123', 'Gateway', null],
      ['vpce-gwlb456', 'GatewayLoadBalancer', null],
    ]);
    expect(t.natGateways.map((n) => [n.id, n.connectivityType])).toEqual([
      ['nat-0abc1234567890001', 'public'],
      ['nat-0def1234567890002', 'public'],
      ['nat-0prv1234567890003', 'private'],
    ]);
    expect(t.transitGatewayAttachments.map((a) => a.id)).toEqual(['tgw-attach-aaaabbbbccccdef01']);
  });
});

describe('the demo account as the Go and Java SDKs write it', () => {
  it('holds a null for each absent member (the files are what the SDKs write, not the demo again)', () => {
    let nulls = 0;
    const count = (v: unknown): void => {
      if (v === null) nulls++;
      else if (Array.isArray(v)) v.forEach(count);
      else if (typeof v === 'object') Object.values(v as object).forEach(count);
    };
    for (const region of ['us-east-1', 'eu-west-1']) {
      const dir = path.join(FIXTURES, 'third-party/sdk-nulls', region);
      for (const f of readdirSync(dir).filter((n) => n.startsWith('describe-'))) count(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    }
    // The issue counted 191 nulls in one SDK dump; every absent member of every record is many more.
    expect(nulls).toBeGreaterThan(1000);
  });

  it.each(['us-east-1', 'eu-west-1'])('is what the SDK model makes of the demo’s files today in %s', (region) => {
    const demoDir = path.join(FIXTURES, 'demo', region);
    const files = readdirSync(demoDir).filter((f) => describeOutputSchema(f) !== null);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const expected = withSdkNulls(JSON.parse(readFileSync(path.join(demoDir, f), 'utf8')), describeOutputSchema(f));
      expect(JSON.parse(readFileSync(path.join(FIXTURES, 'third-party/sdk-nulls', region, f), 'utf8')), `${f}: run npx tsx scripts/sdk-nulls-fixtures.ts`).toEqual(expected);
    }
  });

  it('fills a record’s absent members with null, nested ones too, and keeps what the model does not know', () => {
    const out = withSdkNulls({ Vpcs: [{ VpcId: 'vpc-1', CidrBlockAssociationSet: [{ CidrBlock: '10.0.0.0/16' }], FutureField: 1 }] }, describeOutputSchema('describe-vpcs.json')) as {
      Vpcs: Record<string, unknown>[];
      NextToken: unknown;
    };
    expect(out.NextToken).toBeNull();
    expect(out.Vpcs[0]).toMatchObject({ VpcId: 'vpc-1', CidrBlock: null, Tags: null, IsDefault: null, FutureField: 1 });
    expect(out.Vpcs[0]!.CidrBlockAssociationSet).toEqual([{ AssociationId: null, CidrBlock: '10.0.0.0/16', CidrBlockState: null }]);
    expect(describeOutputSchema('vpc-attributes.json')).toBeNull();
  });

  it.each(['us-east-1', 'eu-west-1'])('gives the demo’s topology and paths in %s', async (region) => {
    const [demo, marshalled] = await Promise.all([load('demo', region), load('third-party/sdk-nulls', region)]);
    expect(marshalled).toEqual(demo);
    const paths = (t: Topology) => analyzeTopology(t).paths;
    expect(paths(marshalled)).toEqual(paths(demo));
    expect(paths(demo).length).toBeGreaterThan(10);
  });
});
