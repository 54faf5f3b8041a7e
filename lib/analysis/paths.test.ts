import { describe, expect, it } from 'vitest';
import { ipv4ToInt } from '@/lib/net/cidr';
import { longestPrefixMatch, resolvePath, resolvePaths, servicesOfInterest } from './paths';
import { appA, appB, base, PATH_CASES, pub, rtbPub } from './paths.cases';
import {
  interfaceEndpoint,
  prefixLists,
  route,
  S3_PL,
  subnet,
  table,
  topology,
  vpc,
} from './test-topology';

describe('resolvePath', () => {
  it.each(PATH_CASES)('$name', ({ parts, subnetId, service, expected, detail }) => {
    const p = resolvePath(topology(parts), subnetId, service);
    expect(p).toMatchObject({ subnetId, service, ...expected });
    if (detail) expect(p.detail).toMatch(detail);
  });

  it('names the ENI in the subnet’s AZ and the endpoint as the hops of an interface path', () => {
    const t = topology(base({ endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a', 'subnet-app-b'])] }));
    const eniB = t.networkInterfaces.find((n) => n.subnetId === 'subnet-app-b')!.id;
    expect(resolvePath(t, 'subnet-pub', 'kms').hops).toEqual(['subnet-pub', t.networkInterfaces.find((n) => n.subnetId === 'subnet-app-a')!.id, 'vpce-kms']);
    expect(resolvePath(t, 'subnet-app-b', 'kms').hops).toEqual(['subnet-app-b', eniB, 'vpce-kms']);
  });

  it('throws for a subnet that is not in the topology', () => {
    expect(() => resolvePath(topology(base()), 'subnet-nope', 's3')).toThrow(/subnet-nope/);
  });
});

describe('longestPrefixMatch', () => {
  const pls = new Map(prefixLists().map((p) => [p.id, p]));
  const t = table('rtb-x', [], [route('0.0.0.0/0', 'nat-a'), route(S3_PL, 'vpce-s3'), route('52.216.128.0/17', 'tgw-1'), route('10.1.0.0/16', 'pcx-1')]);
  it.each([
    ['52.216.0.1', S3_PL, 15],
    ['52.216.200.1', '52.216.128.0/17', 17],
    ['8.8.8.8', '0.0.0.0/0', 0],
    ['10.0.5.5', '10.0.0.0/16', 16],
    ['10.1.5.5', '10.1.0.0/16', 16],
  ])('%s matches %s', (ip, destination, prefixLength) => {
    const m = longestPrefixMatch(t, ipv4ToInt(ip)!, pls);
    expect(m).toMatchObject({ route: { destination }, prefixLength });
  });

  it('returns null when nothing matches', () => {
    expect(longestPrefixMatch(table('rtb-y', [], []), ipv4ToInt('8.8.8.8')!, pls)).toBeNull();
  });

  it('ignores IPv6 routes', () => {
    expect(longestPrefixMatch(table('rtb-z', [], [route('::/0', 'igw-1')]), ipv4ToInt('8.8.8.8')!, pls)).toBeNull();
  });
});

describe('servicesOfInterest and resolvePaths', () => {
  it('lists S3, DynamoDB, the common services and each interface endpoint’s service', () => {
    const t = topology(base({ endpoints: [interfaceEndpoint('vpce-sm', 'ssmmessages', ['subnet-app-a'])] }));
    expect(servicesOfInterest(t, 'vpc-0a')).toEqual(['s3', 'dynamodb', 'ecr.api', 'ecr.dkr', 'kms', 'logs', 'secretsmanager', 'ssm', 'ssmmessages', 'sts']);
  });

  it('resolves every subnet against every service, subnet by subnet', () => {
    const t = topology(base());
    const paths = resolvePaths(t);
    expect(paths).toHaveLength(3 * 9);
    expect(paths.slice(0, 2).map((p) => [p.subnetId, p.service])).toEqual([
      ['subnet-pub', 's3'],
      ['subnet-pub', 'dynamodb'],
    ]);
    expect(resolvePaths(t, { services: ['s3'] }).map((p) => p.via)).toEqual(['igw', 'nat', 'nat']);
  });

  it('keeps to one VPC when asked', () => {
    const other = subnet('subnet-other', 'us-east-1a', '10.9.0.0/24', { vpcId: 'vpc-0b' });
    const t = topology(base({ vpcs: [vpc(), vpc({ id: 'vpc-0b' })], subnets: [pub, appA, appB, other] }));
    expect(new Set(resolvePaths(t, { vpcId: 'vpc-0b' }).map((p) => p.subnetId))).toEqual(new Set(['subnet-other']));
  });

  it('says no path for a subnet without any route table', () => {
    const t = topology(base({ routeTables: [rtbPub] }));
    expect(resolvePath(t, 'subnet-app-a', 's3')).toMatchObject({ via: 'none', routeTableId: null, hops: ['subnet-app-a'] });
  });
});
