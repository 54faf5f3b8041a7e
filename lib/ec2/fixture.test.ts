import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toEc2Error } from './errors';
import { FixtureApiError, FixtureEc2Api } from './fixture';
import { FixtureError, fixtureReadNotes, listFixtureRegions, readFixtureRegion, type FixtureRegionData } from './fixture-files';
import { readRegion } from './read-region';

const vpcId = (i: number) => `vpc-0${i.toString(16).padStart(16, '0')}`;
const name = (Value: string) => [{ Key: 'Name', Value }];

/** Seven VPCs (one more than a page of five and a bit), two subnets, one route table. */
function dataset(): FixtureRegionData {
  const names = ['prod-core', 'prod-edge', 'staging', 'shared-services', 'sandbox', 'prod-data', 'legacy'];
  return {
    region: 'us-east-1',
    vpcs: names.map((n, i) => ({
      VpcId: vpcId(i + 1),
      CidrBlock: `10.${i}.0.0/16`,
      CidrBlockAssociationSet: [{ CidrBlock: `10.${i}.0.0/16`, CidrBlockState: { State: 'associated' } }],
      State: 'available',
      IsDefault: false,
      Tags: name(n),
    })),
    subnets: [
      { SubnetId: 'subnet-0aaa0000000000001', VpcId: vpcId(1), CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a', Tags: name('a') },
      { SubnetId: 'subnet-0aaa0000000000002', VpcId: vpcId(2), CidrBlock: '10.1.0.0/24', AvailabilityZone: 'us-east-1b', Tags: name('b') },
    ],
    routeTables: [
      {
        RouteTableId: 'rtb-0aaa0000000000001',
        VpcId: vpcId(1),
        Associations: [{ Main: true, RouteTableAssociationId: 'rtbassoc-0aaa0000000000001' }],
        Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }],
      },
    ],
    internetGateways: [],
    natGateways: [],
    securityGroups: [],
    vpcEndpoints: [],
    networkInterfaces: [],
    prefixLists: [],
    services: [],
    serviceNames: [],
    vpcAttributes: [{ VpcId: vpcId(1), EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: false } }],
  };
}

async function rejection(p: Promise<unknown>): Promise<FixtureApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FixtureApiError);
  return err as FixtureApiError;
}

describe('FixtureEc2Api pagination', () => {
  const api = new FixtureEc2Api(dataset());

  it('returns everything in one page without MaxResults', async () => {
    const out = await api.describeVpcs();
    expect(out.Vpcs).toHaveLength(7);
    expect(out.NextToken).toBeUndefined();
  });

  it('refuses a MaxResults outside the bounds AWS documents for the action', async () => {
    const low = await rejection(api.describeVpcs({ MaxResults: 4 }));
    expect(low.Code).toBe('InvalidParameterValue');
    expect(low.message).toMatch(/between 5 and 1000/);
    expect((await rejection(api.describeVpcs({ MaxResults: 1001 }))).Code).toBe('InvalidParameterValue');
    // DescribeRouteTables tops out at 100.
    expect((await rejection(api.describeRouteTables({ MaxResults: 101 }))).Code).toBe('InvalidParameterValue');
    expect((await api.describeRouteTables({ MaxResults: 100 })).RouteTables).toHaveLength(1);
  });

  it('pages with MaxResults and NextToken until no token is returned', async () => {
    const first = await api.describeVpcs({ MaxResults: 5 });
    expect(first.Vpcs).toHaveLength(5);
    expect(first.NextToken).toEqual(expect.any(String));

    const second = await api.describeVpcs({ MaxResults: 5, NextToken: first.NextToken });
    expect(second.Vpcs).toHaveLength(2);
    expect(second.NextToken).toBeUndefined();

    const ids = [...first.Vpcs!, ...second.Vpcs!].map((v) => v.VpcId);
    expect(new Set(ids).size).toBe(7);
    expect(ids.sort()).toEqual(dataset().vpcs.map((v) => v.VpcId).sort());
  });

  it('a page that ends exactly at the last item carries no token', async () => {
    const sevenAtOnce = await api.describeVpcs({ MaxResults: 7 });
    expect(sevenAtOnce.Vpcs).toHaveLength(7);
    expect(sevenAtOnce.NextToken).toBeUndefined();
  });

  it('refuses a garbage NextToken, and a token from another action', async () => {
    const garbage = await rejection(api.describeVpcs({ MaxResults: 5, NextToken: 'not-a-token' }));
    expect(garbage.Code).toBe('InvalidPaginationToken');
    expect(toEc2Error(garbage, 'DescribeVpcs').kind).toBe('invalid-request');

    const vpcToken = (await api.describeVpcs({ MaxResults: 5 })).NextToken;
    expect((await rejection(api.describeSubnets({ MaxResults: 5, NextToken: vpcToken }))).Code).toBe('InvalidPaginationToken');
  });

  it('is read whole by readRegion through NextToken pagination', async () => {
    const raw = await readRegion(api);
    expect(raw.vpcs).toHaveLength(7);
    expect(raw.vpcDns[vpcId(1)]).toEqual({ dnsSupport: true, dnsHostnames: false });
    // No vpc-attributes entry: unknown, not false.
    expect(raw.vpcDns[vpcId(2)]).toEqual({ dnsSupport: null, dnsHostnames: null });
    expect(raw.warnings).toEqual([]);
  });
});

describe('readRegion call order', () => {
  it('reads the VPCs\' DNS attributes while the other lists are still loading, not after them', async () => {
    const api = new FixtureEc2Api(dataset());
    let attributeCalls = 0;
    let releaseSubnets!: () => void;
    const subnetsHeld = new Promise<void>((resolve) => (releaseSubnets = resolve));
    const describeSubnets = api.describeSubnets;
    const describeVpcAttribute = api.describeVpcAttribute;
    // DescribeSubnets answers only once the attribute calls have started: reading them after every list would hang.
    api.describeSubnets = async (input) => {
      await subnetsHeld;
      return describeSubnets(input);
    };
    api.describeVpcAttribute = async (input) => {
      attributeCalls += 1;
      if (attributeCalls === 14) releaseSubnets();
      return describeVpcAttribute(input);
    };
    const timeout = new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), 2000));
    const raw = await Promise.race([readRegion(api), timeout]);
    expect(raw).not.toBe('timed out');
    expect(attributeCalls).toBe(14);
    expect((raw as Awaited<ReturnType<typeof readRegion>>).subnets).toHaveLength(2);
  });

  it('reports a failed DescribeVpcs as the load\'s error, with nothing left unhandled', async () => {
    const api = new FixtureEc2Api(dataset());
    api.describeVpcs = async () => {
      throw new FixtureApiError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);
    };
    await expect(readRegion(api)).rejects.toMatchObject({ kind: 'access-denied' });
  });
});

describe('FixtureEc2Api filters and ids', () => {
  const api = new FixtureEc2Api(dataset());

  it('filters by vpc-id', async () => {
    const out = await api.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [vpcId(2)] }] });
    expect(out.Subnets?.map((s) => s.SubnetId)).toEqual(['subnet-0aaa0000000000002']);
  });

  it('filters by tag:Name with * and ? wildcards, values OR-ed, filters AND-ed', async () => {
    const prod = await api.describeVpcs({ Filters: [{ Name: 'tag:Name', Values: ['prod-*'] }] });
    expect(prod.Vpcs?.map((v) => v.Tags?.[0]?.Value).sort()).toEqual(['prod-core', 'prod-data', 'prod-edge']);

    const either = await api.describeVpcs({ Filters: [{ Name: 'tag:Name', Values: ['stag?ng', 'legacy'] }] });
    expect(either.Vpcs?.map((v) => v.Tags?.[0]?.Value).sort()).toEqual(['legacy', 'staging']);

    const both = await api.describeVpcs({
      Filters: [
        { Name: 'tag:Name', Values: ['prod-*'] },
        { Name: 'vpc-id', Values: [vpcId(1)] },
      ],
    });
    expect(both.Vpcs?.map((v) => v.VpcId)).toEqual([vpcId(1)]);

    // A literal dot in the pattern is not a regex wildcard.
    expect((await api.describeVpcs({ Filters: [{ Name: 'tag:Name', Values: ['prod.core'] }] })).Vpcs).toEqual([]);
  });

  it('filters route tables by association.main', async () => {
    const out = await api.describeRouteTables({ Filters: [{ Name: 'association.main', Values: ['true'] }] });
    expect(out.RouteTables?.map((r) => r.RouteTableId)).toEqual(['rtb-0aaa0000000000001']);
  });

  it('refuses a filter the action does not know', async () => {
    const err = await rejection(api.describeVpcs({ Filters: [{ Name: 'no-such-filter', Values: ['x'] }] }));
    expect(err.Code).toBe('InvalidParameterValue');
  });

  it('answers unknown ids with the NotFound code of each resource', async () => {
    const vpc = await rejection(api.describeVpcs({ VpcIds: [vpcId(1), 'vpc-0deadbeefdeadbeef'] }));
    expect(vpc.Code).toBe('InvalidVpcID.NotFound');
    expect(vpc.message).toContain('vpc-0deadbeefdeadbeef');
    expect(toEc2Error(vpc, 'DescribeVpcs').kind).toBe('not-found');

    expect((await rejection(api.describeSubnets({ SubnetIds: ['subnet-0deadbeefdeadbeef'] }))).Code).toBe('InvalidSubnetID.NotFound');
    expect((await rejection(api.describeRouteTables({ RouteTableIds: ['rtb-0deadbeefdeadbeef'] }))).Code).toBe(
      'InvalidRouteTableID.NotFound',
    );
    expect((await rejection(api.describeVpcEndpoints({ VpcEndpointIds: ['vpce-0deadbeefdeadbeef'] }))).Code).toBe(
      'InvalidVpcEndpointId.NotFound',
    );
    expect((await rejection(api.describeVpcAttribute({ VpcId: 'vpc-0deadbeefdeadbeef', Attribute: 'enableDnsSupport' }))).Code).toBe(
      'InvalidVpcID.NotFound',
    );
  });

  it('returns the requested ids', async () => {
    const out = await api.describeVpcs({ VpcIds: [vpcId(3), vpcId(1)] });
    expect(out.Vpcs?.map((v) => v.VpcId).sort()).toEqual([vpcId(1), vpcId(3)]);
  });
});

describe('readFixtureRegion and listFixtureRegions', () => {
  let dir: string;
  const region = 'us-east-1';
  const write = async (file: string, body: unknown, r = region) => {
    await mkdir(path.join(dir, r), { recursive: true });
    await writeFile(path.join(dir, r, file), typeof body === 'string' ? body : JSON.stringify(body, null, 4));
  };
  const minimalVpcs = { Vpcs: [{ VpcId: vpcId(1), CidrBlock: '10.0.0.0/16', State: 'available' }] };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atlas-fixture-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('treats missing optional files as none', async () => {
    await write('describe-vpcs.json', minimalVpcs);
    const data = await readFixtureRegion(dir, region);
    expect(data.vpcs.map((v) => v.VpcId)).toEqual([vpcId(1)]);
    for (const key of ['subnets', 'routeTables', 'internetGateways', 'natGateways', 'securityGroups', 'vpcEndpoints', 'networkInterfaces', 'prefixLists', 'services', 'vpcAttributes'] as const) {
      expect(data[key], key).toEqual([]);
    }
  });

  it('fails when describe-vpcs.json is missing', async () => {
    await write('describe-subnets.json', { Subnets: [] });
    const err = await readFixtureRegion(dir, region).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FixtureError);
    expect((err as FixtureError).message).toContain('us-east-1/describe-vpcs.json');
    expect((err as FixtureError).message).toMatch(/missing/);
  });

  it('keeps a record with a field of the wrong type, drops the field and names the file, the record and the JSON path', async () => {
    await write('describe-vpcs.json', minimalVpcs);
    await write('describe-subnets.json', {
      Subnets: [
        { SubnetId: 'subnet-0aaa0000000000001', VpcId: vpcId(1), CidrBlock: '10.0.0.0/24' },
        { SubnetId: 'subnet-0aaa0000000000002', VpcId: vpcId(1), CidrBlock: 10 },
      ],
    });
    const data = await readFixtureRegion(dir, region);
    expect(data.subnets.map((s) => [s.SubnetId, s.CidrBlock])).toEqual([
      ['subnet-0aaa0000000000001', '10.0.0.0/24'],
      ['subnet-0aaa0000000000002', undefined],
    ]);
    expect(fixtureReadNotes(data)?.dataWarnings).toEqual([
      {
        kind: 'skipped',
        vpcId: vpcId(1),
        file: 'us-east-1/describe-subnets.json',
        index: 1,
        message: expect.stringMatching(/^us-east-1\/describe-subnets\.json record 1 \(subnet-0aaa0000000000002\): ignored \$\.CidrBlock \(.+\)\.$/),
      },
    ]);
  });

  it('names the file when it is not JSON at all', async () => {
    await write('describe-vpcs.json', minimalVpcs);
    await write('describe-route-tables.json', '{"RouteTables": [');
    const err = await readFixtureRegion(dir, region).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FixtureError);
    expect((err as FixtureError).message).toContain('us-east-1/describe-route-tables.json');
    expect((err as FixtureError).message).toMatch(/not valid JSON/);
  });

  it('a malformed region does not stop another region from loading', async () => {
    await write('describe-vpcs.json', '{"Vpcs": [{"VpcId": 42,}]}', 'eu-west-1');
    await write('describe-vpcs.json', minimalVpcs);
    await expect(readFixtureRegion(dir, 'eu-west-1')).rejects.toBeInstanceOf(FixtureError);
    expect((await readFixtureRegion(dir, region)).vpcs).toHaveLength(1);
  });

  it('lists only region folders that hold describe-vpcs.json', async () => {
    await write('describe-vpcs.json', minimalVpcs, 'us-east-1');
    await write('describe-vpcs.json', minimalVpcs, 'ap-southeast-2');
    await write('describe-subnets.json', { Subnets: [] }, 'eu-west-1');
    await write('describe-vpcs.json', minimalVpcs, 'notes');
    await writeFile(path.join(dir, 'README.md'), 'not a region');
    expect(await listFixtureRegions(dir)).toEqual(['ap-southeast-2', 'us-east-1']);
    expect(await listFixtureRegions(path.join(dir, 'does-not-exist'))).toEqual([]);
  });
});
