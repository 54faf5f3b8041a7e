import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeTopology } from '@/lib/topology/normalize';
import { FixtureEc2Api } from './fixture';
import { FixtureError, readFixtureRegion } from './fixture-files';
import { readRegion } from './read-region';

// Dumps as other producers write them: SDK marshallers with `null` for every absent field, cartography's test
// data, a CLI `--query` that prints the list alone, hand-edited files with mistakes.

let dir: string;
const region = 'us-east-1';
const write = async (file: string, body: unknown) => {
  await mkdir(path.join(dir, region), { recursive: true });
  await writeFile(path.join(dir, region, file), typeof body === 'string' ? body : JSON.stringify(body, null, 2));
};
const load = async () => normalizeTopology(await readRegion(new FixtureEc2Api(await readFixtureRegion(dir, region))), { source: 'fixture', fetchedAt: 'now' });
const vpcs = { Vpcs: [{ VpcId: 'vpc-0e9801d129EXAMPLE', CidrBlock: '10.0.0.0/16' }] };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-fixture-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fixture files are checked for structure, not for every field', () => {
  it('loads a dump with null in every absent field (as the Go and Java SDKs write it)', async () => {
    await write('describe-vpcs.json', { Vpcs: [{ VpcId: 'vpc-0e9801d129EXAMPLE', CidrBlock: '10.0.0.0/16', Tags: null, Ipv6CidrBlockAssociationSet: null, IsDefault: null }] });
    await write('describe-vpc-endpoints.json', {
      VpcEndpoints: [{ VpcEndpointId: 'vpce-1', VpcId: 'vpc-0e9801d129EXAMPLE', VpcEndpointType: 'Gateway', ServiceName: 'com.amazonaws.us-east-1.s3', PolicyDocument: null, RouteTableIds: null, Tags: null }],
    });
    await write('describe-subnets.json', { Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-0e9801d129EXAMPLE', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', Tags: [null, { Key: 'Name', Value: 'app' }] }], NextToken: null });
    const t = await load();
    expect(t.endpoints.map((e) => [e.id, e.policy])).toEqual([['vpce-1', null]]);
    expect(t.subnets.map((s) => s.name)).toEqual(['app']);
    expect(t.dataWarnings.filter((d) => d.kind === 'skipped')).toEqual([]);
  });

  it('loads a VPC Lattice endpoint, which has no ServiceName', async () => {
    await write('describe-vpcs.json', vpcs);
    await write('describe-vpc-endpoints.json', {
      VpcEndpoints: [
        {
          VpcEndpointId: 'vpce-0lattice',
          VpcId: 'vpc-0e9801d129EXAMPLE',
          VpcEndpointType: 'ServiceNetwork',
          ServiceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0123',
          State: 'Available',
        },
      ],
    });
    const t = await load();
    expect(t.endpoints.map((e) => [e.id, e.type, e.serviceName, e.state])).toEqual([['vpce-0lattice', 'ServiceNetwork', '', 'available']]);
  });

  it('skips a record that is not an object or has no id, naming the file, the index and the reason, and keeps the rest', async () => {
    await write('describe-vpcs.json', vpcs);
    await write('describe-subnets.json', {
      Subnets: [
        { SubnetId: 'subnet-1', VpcId: 'vpc-0e9801d129EXAMPLE', CidrBlock: '10.0.1.0/24' },
        'subnet-2',
        { VpcId: 'vpc-0e9801d129EXAMPLE', CidrBlock: '10.0.3.0/24' },
        { SubnetId: 'subnet-4', VpcId: 'vpc-0e9801d129EXAMPLE', CidrBlock: '10.0.4.0/24' },
      ],
    });
    const t = await load();
    expect(t.subnets.map((s) => s.id)).toEqual(['subnet-1', 'subnet-4']);
    expect(t.dataWarnings.filter((d) => d.kind === 'skipped').map((d) => [d.kind, d.vpcId, d.message])).toEqual([
      ['skipped', null, 'us-east-1/describe-subnets.json record 1: skipped, it is not an object.'],
      ['skipped', 'vpc-0e9801d129EXAMPLE', 'us-east-1/describe-subnets.json record 2: skipped, it has no SubnetId.'],
    ]);
  });

  it('skips a null record with a warning, and names the records after it by their place in the file', async () => {
    await write('describe-vpcs.json', vpcs);
    await write('describe-subnets.json', {
      Subnets: [
        { SubnetId: 'subnet-1', VpcId: 'vpc-0e9801d129EXAMPLE', CidrBlock: '10.0.1.0/24' },
        null,
        ['subnet-3'],
        { SubnetId: 'subnet-1', VpcId: 'vpc-0e9801d129EXAMPLE', CidrBlock: '10.0.4.0/24', MapPublicIpOnLaunch: null },
      ],
    });
    const t = await load();
    expect(t.subnets.map((s) => [s.id, s.cidr])).toEqual([['subnet-1', '10.0.1.0/24']]);
    expect(t.dataWarnings.filter((d) => d.kind === 'skipped').map((d) => d.message)).toEqual([
      'us-east-1/describe-subnets.json record 1: skipped, it is not an object.',
      'us-east-1/describe-subnets.json record 2: skipped, it is not an object.',
      'us-east-1/describe-subnets.json record 3: skipped, subnet-1 appears more than once (the first one is used)',
    ]);
  });

  it('names a record normalization cannot use by its file and index', async () => {
    await write('describe-vpcs.json', vpcs);
    await write('describe-nat-gateways.json', { NatGateways: [{ NatGatewayId: 'nat-1', VpcId: 'vpc-0e9801d129EXAMPLE' }, { NatGatewayId: 'nat-1', VpcId: 'vpc-0e9801d129EXAMPLE' }] });
    const t = await load();
    expect(t.natGateways.map((n) => n.id)).toEqual(['nat-1']);
    expect(t.dataWarnings.map((d) => d.message)).toEqual(['us-east-1/describe-nat-gateways.json record 1: skipped, nat-1 appears more than once (the first one is used)']);
  });

  it('accepts a file that holds the list alone (`--query Subnets`)', async () => {
    await write('describe-vpcs.json', vpcs);
    await write('describe-subnets.json', [{ SubnetId: 'subnet-1', VpcId: 'vpc-0e9801d129EXAMPLE', CidrBlock: '10.0.1.0/24' }]);
    expect((await load()).subnets.map((s) => s.id)).toEqual(['subnet-1']);
  });

  it('names the line and column of a JSON syntax error', async () => {
    await write('describe-vpcs.json', vpcs);
    await write('describe-subnets.json', '{\n  "Subnets": [\n    {"SubnetId": "subnet-1",}\n  ]\n}\n');
    const err = (await readFixtureRegion(dir, region).catch((e: unknown) => e)) as FixtureError;
    expect(err).toBeInstanceOf(FixtureError);
    expect(err.message).toMatch(/^us-east-1\/describe-subnets\.json: not valid JSON at line 3, column 29: /);
  });

  it('reports every broken file at once, in the same order on every load', async () => {
    await write('describe-vpcs.json', vpcs);
    await write('describe-subnets.json', '{"Subnets": [');
    await write('describe-security-groups.json', { SecurityGroups: 'none' });
    await write('describe-route-tables.json', '[1, 2');
    const messages = new Set<string>();
    for (let i = 0; i < 5; i++) messages.add(((await readFixtureRegion(dir, region).catch((e: unknown) => e)) as FixtureError).message);
    expect([...messages]).toEqual([
      'us-east-1/describe-subnets.json: not valid JSON at line 1, column 14: the text ends too early; ' +
        "us-east-1/describe-route-tables.json: not valid JSON at line 1, column 6: Expected ',' or ']' after array element; " +
        'us-east-1/describe-security-groups.json at $.SecurityGroups: expected a list of records under "SecurityGroups"',
    ]);
  });
});
