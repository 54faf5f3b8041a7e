import { describe, expect, it } from 'vitest';
import { findIssues, type Finding } from '../findings';
import { resolvePaths } from '../paths';
import { blackhole, gatewayEndpoint, igw, nat, type Parts, prefixLists, route, S3_PL, subnet, table, topology, vpc } from '../test-topology';

/** The rules that read route tables: a subnet left on the main table, a route to a target that is gone, a gateway endpoint on no table. */

const a = subnet('subnet-a', 'us-east-1a', '10.0.0.0/24');
const b = subnet('subnet-b', 'us-east-1b', '10.0.1.0/24');
const c = subnet('subnet-c', 'us-east-1c', '10.0.2.0/24');

function found(ruleId: Finding['rule'], parts: Parts): Finding[] {
  const t = topology({ vpcs: [vpc({ name: 'prod' })], subnets: [a, b, c], ...parts });
  return findIssues(t, resolvePaths(t)).filter((f) => f.rule === ruleId);
}

describe('implicit main route table', () => {
  const explicit = table('rtb-app', ['subnet-a'], [route('0.0.0.0/0', 'nat-a')]);
  it.each<[string, Parts, Partial<Finding> | null]>([
    [
      'two subnets on a main table whose default route goes to an internet gateway: public',
      { routeTables: [explicit, table('rtb-main', [], [route('0.0.0.0/0', 'igw-1')], { main: true })] },
      {
        resourceIds: ['subnet-b', 'subnet-c', 'rtb-main'],
        title: 'subnet-b and subnet-c use the main route table implicitly',
        detail: '2 subnets in prod have no route table association and fall back to rtb-main; it sends 0.0.0.0/0 to an internet gateway, so they are public.',
        fix: { text: 'Associate subnet-b and subnet-c with the route table meant for them.', href: '/vpcs/vpc-0a?region=us-east-1&selected=subnet-b' },
      },
    ],
    [
      'one subnet, a main table whose default route goes to a NAT gateway',
      { routeTables: [table('rtb-app', ['subnet-a', 'subnet-b'], []), table('rtb-main', [], [route('0.0.0.0/0', 'nat-a')], { main: true, name: 'main' })] },
      { title: 'subnet-c uses the main route table implicitly', detail: '1 subnet in prod has no route table association and falls back to main (rtb-main); it sends 0.0.0.0/0 to nat-a.' },
    ],
    [
      'two subnets, a main table without a default route',
      { routeTables: [explicit, table('rtb-main', [], [], { main: true })] },
      { detail: '2 subnets in prod have no route table association and fall back to rtb-main; it has no default route, so they reach nothing outside the VPC.' },
    ],
    ['every subnet on the main table (the default VPC): nothing', { routeTables: [table('rtb-main', [], [route('0.0.0.0/0', 'igw-1')], { main: true })] }, null],
    ['every subnet associated: nothing', { routeTables: [table('rtb-app', ['subnet-a', 'subnet-b', 'subnet-c'], [])] }, null],
    ['no main table in the data: the subnets have no table at all, nothing', { routeTables: [explicit] }, null],
  ])('%s', (_, parts, expected) => {
    const fs = found('implicit-main-route-table', parts);
    if (!expected) return expect(fs).toEqual([]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ id: 'implicit-main-route-table:vpc-0a', severity: 'low', ...expected });
  });
});

describe('blackhole route', () => {
  it.each<[string, Parts, Partial<Finding>]>([
    [
      'a default route to a deleted NAT gateway on a table in use: high',
      { routeTables: [table('rtb-app', ['subnet-a', 'subnet-b'], [blackhole('0.0.0.0/0', 'nat-gone')])] },
      { severity: 'high', resourceIds: ['rtb-app', 'subnet-a', 'subnet-b'], title: 'Blackhole route 0.0.0.0/0 in rtb-app' },
    ],
    ['::/0 on a table in use: high', { routeTables: [table('rtb-app', ['subnet-a'], [blackhole('::/0', 'eigw-gone')])] }, { severity: 'high', id: 'blackhole-route:rtb-app:::/0' }],
    [
      'a prefix list route on a table in use: high, the list named',
      { routeTables: [table('rtb-app', ['subnet-a'], [route(S3_PL, 'vpce-gone', { destinationType: 'prefix-list', state: 'blackhole' })])], prefixLists: prefixLists() },
      { severity: 'high', title: `Blackhole route ${S3_PL} (com.amazonaws.us-east-1.s3) in rtb-app` },
    ],
    [
      'a prefix list the data does not describe',
      { routeTables: [table('rtb-app', ['subnet-a'], [route('pl-0unknown', 'vpce-gone', { destinationType: 'prefix-list', state: 'blackhole' })])] },
      { title: 'Blackhole route pl-0unknown (prefix list) in rtb-app' },
    ],
    [
      'a narrow route on a table no subnet uses: low',
      { routeTables: [table('rtb-app', ['subnet-a', 'subnet-b', 'subnet-c'], []), table('rtb-spare', [], [blackhole('172.16.0.0/12', 'pcx-gone')], { name: 'spare' })] },
      {
        severity: 'low',
        resourceIds: ['rtb-spare'],
        title: 'Blackhole route 172.16.0.0/12 in spare',
        detail: 'spare (rtb-spare) sends 172.16.0.0/12 to pcx-gone, which no longer exists; no subnet uses this table.',
        fix: { text: 'Point 172.16.0.0/12 in spare at a live target (ReplaceRoute), or delete the route.', href: '/vpcs/vpc-0a?region=us-east-1&selected=rtb-spare' },
      },
    ],
    [
      'a blackhole whose target AWS no longer names',
      { routeTables: [table('rtb-app', ['subnet-a'], [route('10.9.0.0/16', '', { targetType: 'blackhole', state: 'blackhole' })])] },
      { severity: 'medium', detail: 'rtb-app sends 10.9.0.0/16 to a target, which no longer exists; traffic from subnet-a to it is dropped.' },
    ],
  ])('%s', (_, parts, expected) => {
    const fs = found('blackhole-route', parts);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject(expected);
  });

  it('says nothing about active routes', () => {
    expect(found('blackhole-route', { routeTables: [table('rtb-app', ['subnet-a'], [route('0.0.0.0/0', 'nat-a'), route('172.16.0.0/12', 'tgw-1')])] })).toEqual([]);
  });
});

describe('gateway endpoint on no route table', () => {
  it.each<[string, Parts['endpoints'], string[]]>([
    ['available, on no table', [gatewayEndpoint('vpce-ddb', 'dynamodb', [])], ['gateway-endpoint-no-route-tables:vpce-ddb']],
    ['on a table', [gatewayEndpoint('vpce-ddb', 'dynamodb', ['rtb-app'])], []],
    ['pending (its own finding)', [gatewayEndpoint('vpce-ddb', 'dynamodb', [], { state: 'pending' })], []],
  ])('%s', (_, endpoints, ids) => {
    const fs = found('gateway-endpoint-no-route-tables', { routeTables: [table('rtb-app', ['subnet-a', 'subnet-b', 'subnet-c'], [])], endpoints });
    expect(fs.map((f) => f.id)).toEqual(ids);
    if (ids.length) expect(fs[0]).toMatchObject({ service: 'dynamodb', title: 'DynamoDB gateway endpoint is on no route table', fix: { href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-ddb' } });
  });
});

describe('S3 or DynamoDB through a NAT gateway', () => {
  const viaNat = (routes = [route('0.0.0.0/0', 'nat-a')]) => [table('rtb-y', ['subnet-c'], routes), table('rtb-x', ['subnet-a', 'subnet-b'], routes)];
  const natParts = (over: Parts = {}): Parts => ({
    subnets: [a, b, c, subnet('subnet-pub', 'us-east-1a', '10.0.9.0/24')],
    routeTables: [...viaNat(), table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')])],
    natGateways: [nat('nat-a', 'subnet-pub')],
    internetGateways: [igw('igw-1')],
    ...over,
  });

  it('no gateway endpoint, two tables: both named, sorted, and the form pre-filled with them', () => {
    const fs = found('nat-to-gateway-service', natParts());
    // Sorted by id within the rule: DynamoDB's first.
    expect(fs.map((f) => f.id)).toEqual(['nat-to-gateway-service:vpc-0a:dynamodb', 'nat-to-gateway-service:vpc-0a:s3']);
    expect(fs[1]).toMatchObject({
      resourceIds: ['rtb-x', 'rtb-y', 'subnet-a', 'subnet-b', 'subnet-c', 'nat-a'],
      title: 'S3 traffic from subnet-a, subnet-b and subnet-c goes through a NAT gateway',
      detail: 'The VPC has no S3 gateway endpoint, so S3 traffic from 3 subnets on route tables rtb-x and rtb-y takes the default route to nat-a.',
      fix: { text: 'Create an S3 gateway endpoint on rtb-x and rtb-y.', href: '/endpoints/new?region=us-east-1&vpc=vpc-0a&type=gateway&service=com.amazonaws.us-east-1.s3&routeTables=rtb-x,rtb-y' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html',
    });
    expect(fs[0]).toMatchObject({ fix: expect.objectContaining({ text: 'Create a DynamoDB gateway endpoint on rtb-x and rtb-y.' }), docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-ddb.html' });
  });

  it('a gateway endpoint on neither table: "are not on", "for them"', () => {
    const fs = found('nat-to-gateway-service', natParts({ endpoints: [gatewayEndpoint('vpce-s3', 's3', [], { name: 'edge-s3' })] }));
    expect(fs.find((f) => f.service === 's3')).toMatchObject({
      resourceIds: ['rtb-x', 'rtb-y', 'subnet-a', 'subnet-b', 'subnet-c', 'nat-a', 'vpce-s3'],
      detail: 'Route tables rtb-x and rtb-y are not on gateway endpoint edge-s3, so S3 traffic from 3 subnets takes the default route to nat-a.',
      fix: expect.objectContaining({ text: "Add rtb-x and rtb-y to edge-s3's route tables, or create an S3 gateway endpoint for them." }),
    });
  });

  it('NAT gateways sorted by name, each once', () => {
    const parts = natParts({
      routeTables: [table('rtb-y', ['subnet-c'], [route('0.0.0.0/0', 'nat-a')]), table('rtb-x', ['subnet-a', 'subnet-b'], [route('0.0.0.0/0', 'nat-b')]), table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')])],
      natGateways: [nat('nat-a', 'subnet-pub', { name: 'zulu' }), nat('nat-b', 'subnet-pub', { name: 'alpha' })],
    });
    const [f] = found('nat-to-gateway-service', parts);
    expect(f!.resourceIds).toEqual(['rtb-x', 'rtb-y', 'subnet-a', 'subnet-b', 'subnet-c', 'nat-b', 'nat-a']);
    expect(f!.detail).toMatch(/takes the default route to alpha and zulu\.$/);
  });

  it('says nothing where the gateway endpoint carries the traffic, or where it goes straight to the internet gateway', () => {
    const routed = natParts({ routeTables: [...viaNat([route('0.0.0.0/0', 'nat-a'), route(S3_PL, 'vpce-s3'), route('pl-02cd2c6b', 'vpce-ddb')]), table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')])], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-x', 'rtb-y']), gatewayEndpoint('vpce-ddb', 'dynamodb', ['rtb-x', 'rtb-y'])] });
    expect(found('nat-to-gateway-service', routed)).toEqual([]);
  });
});
