import { describe, expect, it } from 'vitest';
import { measured, metricsOk } from '@/lib/metrics/test-metrics';
import type { MetricPeriod, ResourceMetrics } from '@/lib/metrics/types';
import type { NatGateway } from '@/lib/topology/types';
import { findIssues, type Finding } from '../findings';
import { resolvePaths } from '../paths';
import { interfaceEndpoint, nat, route, subnet, table, topology, VPC, type Parts } from '../test-topology';

/** A VPC with subnets in three AZs: kms's endpoint in two of them, one NAT gateway in us-east-1a. */
const pub = subnet('subnet-pub', 'us-east-1a', '10.0.0.0/24');
const appA = subnet('subnet-app-a', 'us-east-1a', '10.0.16.0/20');
const appB = subnet('subnet-app-b', 'us-east-1b', '10.0.32.0/20');
const appC = subnet('subnet-app-c', 'us-east-1c', '10.0.48.0/20');

function parts(over: Partial<Parts> = {}): Parts {
  return {
    subnets: [pub, appA, appB, appC],
    routeTables: [table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')]), table('rtb-app', ['subnet-app-a', 'subnet-app-b', 'subnet-app-c'], [route('0.0.0.0/0', 'nat-a')])],
    natGateways: [nat('nat-a', 'subnet-pub')],
    endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a', 'subnet-app-b'], { createdAt: '2025-01-01T00:00:00.000Z' })],
    ...over,
  };
}

function findings(rule: Finding['rule'], resources: Record<string, ResourceMetrics> | null, p: Partial<Parts> = {}, period: MetricPeriod = '30d'): Finding[] {
  const t = topology(parts(p));
  return findIssues(t, resolvePaths(t), resources ? { metrics: metricsOk(resources, period) } : {}).filter((f) => f.rule === rule);
}

describe('idle interface endpoint', () => {
  it.each<[string, Record<string, ResourceMetrics> | null, Partial<Parts>, string[]]>([
    ['no bytes and no connections in 30 days: idle', { 'vpce-kms': measured('interface-endpoint') }, {}, ['vpce-kms']],
    ['one byte: used', { 'vpce-kms': measured('interface-endpoint', { BytesProcessed: 1 }) }, {}, []],
    ['a new connection that sent nothing yet: used', { 'vpce-kms': measured('interface-endpoint', { NewConnections: 3 }) }, {}, []],
    ['no metrics read at all: nothing to say', null, {}, []],
    ['metrics read, but not for this endpoint: unknown, not idle', {}, {}, []],
    [
      'created during the period: too new to call idle',
      { 'vpce-kms': measured('interface-endpoint') },
      { endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { createdAt: '2026-11-28T00:00:00.000Z' })] },
      [],
    ],
    [
      'not available (pendingAcceptance is not billed)',
      { 'vpce-kms': measured('interface-endpoint') },
      { endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { state: 'pendingAcceptance' })] },
      [],
    ],
  ])('%s', (_, resources, p, expected) => {
    expect(findings('idle-interface-endpoint', resources, p).map((f) => f.resourceIds[0])).toEqual(expected);
  });

  it('names the hourly cost for nothing and links to the endpoint’s delete form', () => {
    const [f] = findings('idle-interface-endpoint', { 'vpce-kms': measured('interface-endpoint') }, {}, '7d');
    expect(f).toMatchObject({
      severity: 'low',
      title: 'vpce-kms (kms) carried no traffic in the last 7 days',
      // Two AZs x 730 h x $0.01 (us-east-1, PrivateLink pricing).
      detail: 'CloudWatch counted 0 bytes and 0 new connections through vpce-kms in the last 7 days, yet it is billed in 2 Availability Zones: $14.60 a month for nothing.',
      fix: { href: '/endpoints/vpce-kms?region=us-east-1#endpoint-delete' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/delete-interface-endpoint.html',
    });
  });
});

describe('traffic drops', () => {
  it.each<[string, Record<string, ResourceMetrics>, [string, string][]]>([
    ['all counters at 0: nothing', { 'vpce-kms': measured('interface-endpoint', { BytesProcessed: 5 }), 'nat-a': measured('nat-gateway') }, []],
    ['an endpoint dropped packets', { 'vpce-kms': measured('interface-endpoint', { PacketsDropped: 12 }) }, [['traffic-drops:vpce-kms:PacketsDropped', 'low']]],
    ['a NAT gateway ran out of ports', { 'nat-a': measured('nat-gateway', { ErrorPortAllocation: 1 }) }, [['traffic-drops:nat-a:ErrorPortAllocation', 'medium']]],
    ['a NAT gateway dropped packets', { 'nat-a': measured('nat-gateway', { PacketsDropCount: 40 }) }, [['traffic-drops:nat-a:PacketsDropCount', 'low']]],
    [
      'both NAT counters: two findings, the port errors first',
      { 'nat-a': measured('nat-gateway', { ErrorPortAllocation: 2, PacketsDropCount: 40 }) },
      [
        ['traffic-drops:nat-a:ErrorPortAllocation', 'medium'],
        ['traffic-drops:nat-a:PacketsDropCount', 'low'],
      ],
    ],
  ])('%s', (_, resources, expected) => {
    expect(findings('traffic-drops', resources).map((f) => [f.id, f.severity])).toEqual(expected);
  });

  it('says what the counter usually means and cites AWS', () => {
    const [ports] = findings('traffic-drops', { 'nat-a': measured('nat-gateway', { ErrorPortAllocation: 1234 }) }, {}, '24h');
    expect(ports!.title).toBe('nat-a could not allocate a source port 1,234 times in the last 24 hours');
    expect(ports!.why).toContain('55,000 simultaneous connections to each unique destination');
    expect(ports!.docUrl).toBe('https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html');
    const [drops] = findings('traffic-drops', { 'vpce-kms': measured('interface-endpoint', { PacketsDropped: 1 }) });
    expect(drops!.title).toBe('vpce-kms (kms) dropped 1 packet in the last 30 days');
    expect(drops!.docUrl).toBe('https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-cloudwatch-metrics.html');
  });
});

describe('NAT gateway serving other AZs', () => {
  const traffic = { 'nat-a': measured('nat-gateway', { BytesInFromSource: 100e9, BytesInFromDestination: 44e9 }) };
  const ownAz = { routeTables: [table('rtb-a', ['subnet-app-a'], [route('0.0.0.0/0', 'nat-a')]), table('rtb-b', ['subnet-app-b', 'subnet-app-c'], [route('0.0.0.0/0', 'nat-b')])] };
  const natB: NatGateway = nat('nat-b', 'subnet-app-b', { azs: ['us-east-1b'] });
  it.each<[string, Record<string, ResourceMetrics>, Partial<Parts>, string[][]]>([
    ['subnets of 1b and 1c route to a NAT in 1a, with traffic', traffic, {}, [['nat-a', 'rtb-app', 'subnet-app-b', 'subnet-app-c']]],
    ['no traffic measured through it: nothing to bound', { 'nat-a': measured('nat-gateway') }, {}, []],
    ['each AZ on its own NAT gateway, except 1c on 1b’s', { ...traffic, 'nat-b': measured('nat-gateway', { BytesInFromSource: 1e9 }) }, { ...ownAz, natGateways: [nat('nat-a', 'subnet-pub'), natB] }, [['nat-b', 'rtb-b', 'subnet-app-c']]],
    ['a regional NAT gateway spans AZs', traffic, { natGateways: [nat('nat-a', '', { availabilityMode: 'regional', azs: ['us-east-1a', 'us-east-1b', 'us-east-1c'] })] }, []],
    // A regional NAT gateway expands to the AZs that have workloads: one AZ so far is not a zonal gateway.
    ['a regional NAT gateway in one AZ so far', traffic, { natGateways: [nat('nat-a', '', { availabilityMode: 'regional', azs: ['us-east-1a'] })] }, []],
    ['a NAT gateway being deleted, its routes still active: nothing to move', traffic, { natGateways: [nat('nat-a', 'subnet-pub', { state: 'deleting' })] }, []],
    ['traffic through a NAT gateway no subnet routes to', traffic, { routeTables: [table('rtb-pub', ['subnet-pub', 'subnet-app-a', 'subnet-app-b', 'subnet-app-c'], [route('0.0.0.0/0', 'igw-1')])] }, []],
  ])('%s', (_, resources, p, expected) => {
    expect(findings('cross-az-nat', resources, p).map((f) => f.resourceIds)).toEqual(expected);
  });

  it('bounds the cross-AZ charge by what the NAT gateway processed, both directions billed', () => {
    const [f] = findings('cross-az-nat', traffic);
    // 144 GB in 30 days = 146 GB a month x $0.01 x 2 directions = $2.92; subnet-app-a shares the NAT's AZ, so "at most".
    expect(f!.title).toBe('nat-a in us-east-1a serves 2 subnets in us-east-1b and us-east-1c');
    expect(f!.detail).toBe(
      'subnet-app-b and subnet-app-c route to nat-a in us-east-1a, which processed 144 GB in the last 30 days. The share from other AZs crosses them, at $0.01/GB in each direction: at most $2.92 a month; which subnet sent what cannot be told from NAT metrics alone.',
    );
    const [all] = findings('cross-az-nat', traffic, { routeTables: [table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')]), table('rtb-bc', ['subnet-app-b', 'subnet-app-c'], [route('0.0.0.0/0', 'nat-a')])] });
    expect(all!.detail).toContain('All of it crosses Availability Zones: about $2.92 a month');
  });

  it('names one subnet, its table, the fix in its AZ and a link to the table', () => {
    const [f] = findings('cross-az-nat', { ...traffic, 'nat-b': measured('nat-gateway', { BytesInFromSource: 1e9 }) }, { ...ownAz, natGateways: [nat('nat-a', 'subnet-pub'), natB] });
    expect(f).toEqual({
      id: 'cross-az-nat:nat-b',
      rule: 'cross-az-nat',
      severity: 'low',
      vpcId: VPC,
      resourceIds: ['nat-b', 'rtb-b', 'subnet-app-c'],
      title: 'nat-b in us-east-1b serves 1 subnet in us-east-1c',
      detail:
        'subnet-app-c routes to nat-b in us-east-1b, which processed 1.00 GB in the last 30 days. The share from other AZs crosses them, at $0.01/GB in each direction: at most $0.02 a month; which subnet sent what cannot be told from NAT metrics alone.',
      why: 'Traffic between AZs is billed in each direction, and if us-east-1b fails, subnets in other AZs that depend on this NAT gateway lose their way out. AWS recommends a NAT gateway per AZ, each AZ routing to its own.',
      fix: {
        text: "Create a NAT gateway in us-east-1c, and give each AZ's subnets a route table whose default route goes to the NAT gateway of their own AZ (today: rtb-b).",
        href: '/vpcs/vpc-0a?region=us-east-1&selected=rtb-b',
      },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html',
    });
  });

  it('lists the other AZs and the route tables sorted, whatever the order of the subnets', () => {
    const p: Partial<Parts> = {
      subnets: [pub, appA, appC, appB],
      routeTables: [
        table('rtb-pub', ['subnet-pub', 'subnet-app-a'], [route('0.0.0.0/0', 'igw-1')]),
        table('rtb-z', ['subnet-app-c'], [route('0.0.0.0/0', 'nat-a')]),
        table('rtb-y', ['subnet-app-b'], [route('0.0.0.0/0', 'nat-a')]),
      ],
    };
    const [f] = findings('cross-az-nat', traffic, p);
    expect(f!.resourceIds).toEqual(['nat-a', 'rtb-y', 'rtb-z', 'subnet-app-c', 'subnet-app-b']);
    expect(f!.title).toBe('nat-a in us-east-1a serves 2 subnets in us-east-1b and us-east-1c');
    expect(f!.fix.text).toContain('Create a NAT gateway in us-east-1b and us-east-1c');
    expect(f!.fix.href).toBe('/vpcs/vpc-0a?region=us-east-1&selected=rtb-y');
  });
});

describe('idle interface endpoint, the edges', () => {
  const idle = { 'vpce-kms': measured('interface-endpoint') };
  it('created exactly when the period starts: idle for the whole period', () => {
    // 30 days before 2026-12-01T00:00Z.
    const p = { endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { createdAt: '2026-11-01T00:00:00.000Z' })] };
    expect(findings('idle-interface-endpoint', idle, p).map((f) => f.id)).toEqual(['idle-interface-endpoint:vpce-kms']);
    const later = { endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { createdAt: '2026-11-01T00:00:01.000Z' })] };
    expect(findings('idle-interface-endpoint', idle, later)).toEqual([]);
  });

  it('one AZ, a named partner endpoint: its name, no AWS service, the cost of one AZ', () => {
    const partner = interfaceEndpoint('vpce-dd', 'vpce-svc-0abc', ['subnet-app-a'], { name: 'datadog', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc', serviceShortName: '' });
    const [f] = findings('idle-interface-endpoint', { 'vpce-dd': measured('interface-endpoint') }, { endpoints: [partner] });
    expect(f).toEqual({
      id: 'idle-interface-endpoint:vpce-dd',
      rule: 'idle-interface-endpoint',
      severity: 'low',
      vpcId: 'vpc-0a',
      resourceIds: ['vpce-dd'],
      title: 'datadog (datadog) carried no traffic in the last 30 days',
      detail: 'CloudWatch counted 0 bytes and 0 new connections through datadog (vpce-dd) in the last 30 days, yet it is billed in 1 Availability Zone: $7.30 a month for nothing.',
      why: 'An interface endpoint is billed every hour in each AZ it has a network interface in, whether or not anything uses it; an unused one is cost without benefit, and one more resource to secure.',
      fix: { text: 'If nothing will use datadog through it, delete datadog; check first that no workload is switched off for the period.', href: '/endpoints/vpce-dd?region=us-east-1#endpoint-delete' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/delete-interface-endpoint.html',
    });
  });

  it('a gateway endpoint is never idle here (it costs nothing)', () => {
    const gw = { ...interfaceEndpoint('vpce-kms', 'kms', []), type: 'Gateway' as const };
    expect(findings('idle-interface-endpoint', idle, { endpoints: [gw] })).toEqual([]);
  });
});

describe('traffic drops, the edges', () => {
  it('one port allocation error: "1 time"; the detail names the counter and the period, the fix links to the gateway', () => {
    const [f] = findings('traffic-drops', { 'nat-a': measured('nat-gateway', { ErrorPortAllocation: 1 }) }, {}, '7d');
    expect(f).toMatchObject({
      resourceIds: ['nat-a'],
      title: 'nat-a could not allocate a source port 1 time in the last 7 days',
      detail: "CloudWatch's ErrorPortAllocation for nat-a adds up to 1 over the last 7 days; it stays at 0 while all is well.",
      fix: { href: '/vpcs/vpc-0a?region=us-east-1&selected=nat-a' },
    });
  });

  it('many packets dropped by an endpoint: "packets", the count written out', () => {
    const [f] = findings('traffic-drops', { 'vpce-kms': measured('interface-endpoint', { PacketsDropped: 2500 }) });
    expect(f!.title).toBe('vpce-kms (kms) dropped 2,500 packets in the last 30 days');
    expect(f!.fix.href).toBe('/vpcs/vpc-0a?region=us-east-1&selected=vpce-kms');
  });

  it('a counter only read for the other kind is not taken for it', () => {
    // An endpoint's metrics carrying a NAT counter name (never from CloudWatch): still nothing for the endpoint.
    const odd = measured('interface-endpoint');
    odd.metrics.ErrorPortAllocation = { unit: 'Count', sum: 5, series: [] };
    expect(findings('traffic-drops', { 'vpce-kms': odd })).toEqual([]);
  });
});
