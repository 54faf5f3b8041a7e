import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { readRegion } from '@/lib/ec2/read-region';
import { readAllServiceDetails, toServiceOfferings } from '@/lib/endpoints/services';
import { serviceZonesOf } from './service-zones';
import { normalizeTopology } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import { analyzeTopology, type Analysis } from './analyze';
import type { PathVia } from './paths';

/**
 * fixtures/real-shapes is an account built from the shapes of botocore's EC2 service-2.json and the EC2
 * API reference, not from this app's generator. Each row is one (subnet, service) and the way AWS
 * sends that traffic, with the AWS behaviour it rests on.
 */

const DIR = path.resolve(__dirname, '../../fixtures/real-shapes');

interface Loaded {
  t: Topology;
  analysis: Analysis;
}

async function load(region: string): Promise<Loaded> {
  const api = new FixtureEc2Api(await readFixtureRegion(DIR, region));
  const t = normalizeTopology(await readRegion(api), { source: 'fixture', fetchedAt: '2026-12-07T00:00:00.000Z' });
  // As every page that shows findings does: the zones each service is offered in, from DescribeVpcEndpointServices.
  const serviceZones = serviceZonesOf(toServiceOfferings(await readAllServiceDetails(api)));
  return { t, analysis: analyzeTopology(t, { serviceZones }) };
}

interface Row {
  /** The subnet's Name tag, or its CIDR when it has no tags. */
  subnet: string;
  service: string;
  via: PathVia;
  onward?: PathVia;
  detail: RegExp;
  /** The AWS behaviour the expectation rests on. */
  why: string;
}

const LONG_NAME = `app-${'ñ'.repeat(10)}-${'x'.repeat(241)}`;

const US: Row[] = [
  {
    subnet: 'アプリ-a',
    service: 's3',
    via: 'gateway-endpoint',
    detail: /answers only inbound Resolver endpoints.*gateway endpoint edge-s3/,
    why: 'DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint: VPC-originated S3 traffic goes to the gateway endpoint, on-premises traffic to the interface endpoint.',
  },
  {
    subnet: 'アプリ-a',
    service: 'dynamodb',
    via: 'gwlb-inspection',
    onward: 'nat',
    detail: /Gateway Load Balancer endpoint edge-inspection for inspection; after it, route 0\.0\.0\.0\/0 in edge-firewall goes to NAT gateway edge-nat-a, then internet gateway edge-igw/,
    why: 'A GWLB endpoint returns inspected traffic to the route table of its own subnet, which sends it on.',
  },
  { subnet: 'アプリ-a', service: 'sts', via: 'interface-endpoint', detail: /Private DNS of edge-sts answers/, why: 'An interface endpoint with private DNS answers for the service’s public name in its VPC.' },
  {
    subnet: LONG_NAME,
    service: 'sts',
    via: 'interface-endpoint-cross-az',
    detail: /no network interface in us-east-1b \(only us-east-1a\)/,
    why: 'Private DNS returns the endpoint’s addresses in every AZ it has; a zone without one reaches another zone’s.',
  },
  {
    subnet: LONG_NAME,
    service: 'logs',
    via: 'transit-gateway',
    detail: /Endpoint edge-logs is failed: logs\.us-east-1\.amazonaws\.com resolves to public addresses.*transit gateway/,
    why: 'A failed endpoint has no private DNS; the public name follows the default route, here to a transit gateway.',
  },
  {
    subnet: LONG_NAME,
    service: 'vpce-svc-07c1d2e3f4a5b6c7d',
    via: 'none',
    detail: /Datadog – intake \(Partner\) is pendingAcceptance/,
    why: 'A PrivateLink partner service is reached only through its endpoint, which carries nothing until the provider accepts it.',
  },
  {
    subnet: '10.20.48.0/24',
    service: 'ssm',
    via: 'nat',
    onward: 'igw',
    detail: /Route 0\.0\.0\.0\/1 in .* goes to NAT gateway edge-nat-a/,
    why: '0.0.0.0/1 and 128.0.0.0/1 together are a default route; each half is more specific than 0.0.0.0/0.',
  },
  {
    subnet: 'edge-v6only-dns64-a',
    service: 'kms',
    via: 'nat',
    onward: 'igw',
    detail: /IPv4 addresses only.*DNS64.*Route 64:ff9b::\/96 .* NAT gateway edge-nat-a \(NAT64/,
    why: 'An IPv6-only subnet cannot reach an IPv4-only endpoint; with DNS64 the Resolver synthesizes 64:ff9b::/96 addresses that a NAT gateway translates (NAT64).',
  },
  {
    subnet: 'edge-v6only-dns64-a',
    service: 'sts',
    via: 'interface-endpoint',
    detail: /over IPv6 \(the endpoint is dualstack\)/,
    why: 'A dual-stack interface endpoint has IPv6 addresses and AAAA records for its private DNS name.',
  },
  {
    subnet: 'edge-v6only-b',
    service: 's3',
    via: 'gateway-endpoint',
    detail: /gateway endpoint edge-s3/,
    why: 'A gateway endpoint with IpAddressType dualstack carries IPv6 traffic through its prefix-list route.',
  },
  {
    subnet: 'edge-v6only-b',
    service: 'dynamodb',
    via: 'egress-only-igw',
    // Named by its Name tag when describe-egress-only-internet-gateways.json is read, else by its id.
    detail: /IPv6-only without DNS64.*egress-only internet gateway (edge-eigw|eigw-[0-9a-f]{17}) \(IPv6, outbound only\)/,
    why: 'Without DNS64 an IPv6-only subnet reaches services over IPv6; ::/0 to an egress-only internet gateway carries it out.',
  },
  {
    subnet: 'edge-worker-c',
    service: 'ssm',
    via: 'nat',
    onward: 'igw',
    detail: /regional NAT gateway edge-nat-regional, then internet gateway edge-igw/,
    why: 'A regional NAT gateway (AvailabilityMode regional) has no subnet; its own RouteTableId decides where translated traffic goes.',
  },
  {
    subnet: 'edge-legacy-c',
    service: 'ssm',
    via: 'nat',
    onward: 'transit-gateway',
    detail: /NAT gateway nat-[0-9a-f]+; after it, route 0\.0\.0\.0\/0 in edge-transit sends the traffic to transit gateway/,
    why: 'A private NAT gateway never reaches the internet, but translates toward a transit gateway through its subnet’s table.',
  },
  { subnet: 'edge-wavelength-bos', service: 'ssm', via: 'carrier-gateway', detail: /Wavelength carrier gateway edge-carrier|Wavelength carrier gateway cagw-/, why: 'Wavelength subnets reach the carrier network and the internet through a carrier gateway.' },
  { subnet: 'edge-outpost-a', service: 'ssm', via: 'local-gateway', detail: /Outposts local gateway lgw-0f1e2d3c4b5a69788/, why: 'An Outpost subnet’s default route to the local gateway leaves for the on-premises network.' },
  { subnet: 'edge-public-a', service: 'ssm', via: 'igw', detail: /internet gateway edge-igw/, why: 'A public subnet’s 0.0.0.0/0 goes straight to the internet gateway.' },
  { subnet: 'spoke-vpn-a', service: 'sts', via: 'vpn-gateway', detail: /virtual private gateway vgw-[0-9a-f]+: it leaves the VPC there/, why: 'A route propagated from a virtual private gateway (Origin EnableVgwRoutePropagation) sends traffic to the VPN.' },
  { subnet: 'spoke-cloudwan-b', service: 's3', via: 'core-network', detail: /Cloud WAN core network core-network-0a1b2c3d4e5f67890/, why: 'A route with CoreNetworkArn sends traffic to a Cloud WAN core network.' },
  { subnet: 'spoke-peer-a', service: 'dynamodb', via: 'peering', detail: /VPC peering connection pcx-/, why: 'A route to a peering connection leaves the VPC; the peer VPC’s routes are not this view’s.' },
  { subnet: 'spoke-nat-instance-a', service: 's3', via: 'appliance', detail: /instance i-0ab12cd34ef567890, an appliance/, why: 'A route to an instance (InstanceId, with its NetworkInterfaceId) sends traffic to a NAT instance or firewall.' },
  { subnet: 'spoke-firewall-eni-b', service: 'kms', via: 'appliance', detail: /network interface eni-[0-9a-f]+, an appliance/, why: 'A route to a network interface sends traffic to the appliance behind it.' },
  { subnet: '10.30.5.0/24', service: 'sts', via: 'none', detail: /spoke-main has no route that covers sts/, why: 'A subnet without an association uses the main table, here with only the local route.' },
];

const AP: Row[] = [
  { subnet: '172.31.0.0/20', service: 's3', via: 'igw', detail: /internet gateway igw-/, why: 'The default VPC’s main table sends 0.0.0.0/0 to its internet gateway.' },
  { subnet: '私有-子网-b', service: 's3', via: 'gateway-endpoint', detail: /in 私有-路由 sends S3 traffic to gateway endpoint/, why: 'The S3 prefix-list route is more specific than the blackholed default route.' },
  { subnet: '私有-子网-b', service: 'sts', via: 'none', detail: /is a blackhole \(its target nat-[0-9a-f]+ is gone\)/, why: 'A route to a deleted NAT gateway is a blackhole: AWS drops what it matches.' },
];

function pathOf({ t, analysis }: Loaded, row: Row) {
  const subnet = t.subnets.find((s) => s.name === row.subnet || (s.cidr === row.subnet && Object.keys(s.tags).length === 0));
  expect(subnet, row.subnet).toBeDefined();
  return analysis.paths.find((p) => p.subnetId === subnet!.id && p.service === row.service);
}

describe.each([
  ['us-east-1', US],
  ['ap-southeast-2', AP],
])('real-shapes %s: the path per subnet and service', (region, rows) => {
  let loaded: Loaded;
  beforeAll(async () => {
    loaded = await load(region);
  });

  it.each(rows.map((r) => [`${r.subnet.slice(0, 24)} → ${r.service}: ${r.via}`, r] as const))('%s', (_, row) => {
    const p = pathOf(loaded, row);
    expect(p, row.why).toBeDefined();
    expect({ via: p!.via, onward: p!.onward }, row.why).toEqual({ via: row.via, onward: row.onward });
    expect(p!.detail, row.why).toMatch(row.detail);
  });

  it('never says "none" while a route carries the traffic', () => {
    for (const p of loaded.analysis.paths) {
      if (p.via === 'none') expect(p.detail, `${p.subnetId} ${p.service}`).toMatch(/no path|dropped|no route|does not translate/);
    }
  });
});

describe('real-shapes findings', () => {
  it('us-east-1', async () => {
    const { analysis } = await load('us-east-1');
    expect(analysis.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
      // A security group that admits 0.0.0.0/0 lets every network that routes to the endpoint in.
      ['endpoint-sg-open-to-world', 'high', 'Security group edge-partner-open admits 0.0.0.0/0 to the Datadog – intake (Partner) endpoint'],
      // State failed does not recover by itself (AWS: delete and recreate).
      ['endpoint-not-available', 'high', 'logs endpoint is failed'],
      // Gateway endpoints for S3 and DynamoDB are free; NAT processing is billed per GB.
      ['nat-to-gateway-service', 'medium', expect.stringMatching(/^DynamoDB traffic from .* goes through a NAT gateway$/)],
      ['nat-to-gateway-service', 'medium', expect.stringMatching(/^S3 traffic from .* goes through a NAT gateway$/)],
      // sts is offered in us-east-1a..c; its endpoint is only in 1a. The Local Zone, Wavelength and Outpost
      // subnets also cross zones, but no interface endpoint can be placed there. kms is offered in 1a only: no finding.
      ['interface-endpoint-az-coverage', 'medium', 'sts endpoint has no network interface in us-east-1b and us-east-1c'],
      // pendingAcceptance waits for the service provider.
      ['endpoint-not-available', 'medium', 'Datadog – intake (Partner) endpoint is pendingAcceptance'],
      // A route to a deleted NAT gateway drops what it matches.
      ['blackhole-route', 'medium', expect.stringMatching(/^Blackhole route 192\.0\.2\.0\/24 in rtb-[0-9a-f]+$/)],
      // The untagged subnet is left on the main table while the others are associated.
      ['implicit-main-route-table', 'low', expect.stringMatching(/^subnet-[0-9a-f]+ uses the main route table implicitly$/)],
    ]);
  });

  it('ap-southeast-2', async () => {
    const { analysis } = await load('ap-southeast-2');
    expect(analysis.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
      // 0.0.0.0/0 to a deleted NAT gateway on a used table drops all internet-bound traffic.
      ['blackhole-route', 'high', 'Blackhole route 0.0.0.0/0 in 私有-路由'],
      // The default full-access policy on a gateway endpoint.
      ['endpoint-policy-allows-all', 'low', 'S3 gateway endpoint policy allows everything'],
      ['implicit-main-route-table', 'low', expect.stringMatching(/^subnet-[0-9a-f]+ uses the main route table implicitly$/)],
    ]);
  });

  it('no finding shows a blank name, and none says "(demo data)"', async () => {
    for (const region of ['us-east-1', 'ap-southeast-2']) {
      const { analysis } = await load(region);
      for (const f of analysis.findings) {
        for (const text of [f.title, f.detail, f.fix.text]) expect(text, f.id).not.toMatch(/^\s|\s$|\s{2}|\(\)|\s[,.;:]|demo data/);
        expect(f.resourceIds.every((id) => id.trim() !== ''), f.id).toBe(true);
      }
    }
  });
});
