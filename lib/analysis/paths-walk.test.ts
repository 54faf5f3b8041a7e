import { describe, expect, it } from 'vitest';
import type { Endpoint, Topology } from '@/lib/topology/types';
import { eni } from '@/lib/graph/test-topology';
import { pathEndpointId, resolvePath, resolvePaths, servicesOfInterest } from './paths';
import { kinds, pub } from './paths.cases';
import { DDB_PL, gatewayEndpoint, igw, interfaceEndpoint, nat, type Parts, route, S3_PL, subnet, table, topology, vpc } from './test-topology';

/**
 * The whole path a person reads for one subnet and service, hop by hop and word for word: the hops, the table
 * and route that decided, and the sentence, for each way the walk through NAT gateways, inspection endpoints
 * and interface endpoints can end. Each case is one realistic VPC with one thing about it that matters.
 */

const { app, v6only, appTable, v6Table, parts: dualParts } = kinds;
const dns64 = { ...v6only, enableDns64: true };
// The public subnet's table without ::/0: IPv6 that reaches it has nowhere to go.
const rtbPub = table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')]);
const gwlbe = (over: Partial<Endpoint> = {}) => kinds.gwlbe({ privateDnsEnabled: false, ...over });
/** What the DNS stage says first when no interface endpoint answers for STS. */
const stsPublic = 'No interface endpoint for sts in the VPC: sts.us-east-1.amazonaws.com resolves to public addresses. ';

const parts = (over: Parts): Parts => dualParts({ routeTables: [rtbPub], ...over });
const at = (p: Parts | Topology, service: string, subnetId = 'subnet-app') => resolvePath('source' in p ? p : topology(p), subnetId, service);

describe('the sentence names what the account names', () => {
  it('a gateway endpoint path names the table, the prefix list and the endpoint by their Name tags', () => {
    const p = parts({
      routeTables: [rtbPub, appTable(route(S3_PL, 'vpce-s3'), route('0.0.0.0/0', 'nat-a'))].map((t) => (t.id === 'rtb-app' ? { ...t, name: 'app-private' } : t)),
      endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app'], { name: 's3-gateway' })],
    });
    expect(at(p, 's3')).toEqual({
      subnetId: 'subnet-app',
      service: 's3',
      via: 'gateway-endpoint',
      hops: ['subnet-app', 'rtb-app', 'vpce-s3'],
      routeTableId: 'rtb-app',
      routeDestination: S3_PL,
      detail: `Route ${S3_PL} (com.amazonaws.us-east-1.s3) in app-private sends S3 traffic to gateway endpoint s3-gateway; no charge.`,
    });
  });

  it('a prefix list missing from the data is called a prefix list, and its route still carries S3 to the endpoint', () => {
    const p = parts({ prefixLists: [], routeTables: [rtbPub, appTable(route(S3_PL, 'vpce-s3'), route('0.0.0.0/0', 'nat-a'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app'])] });
    expect(at(p, 's3').detail).toBe(`Route ${S3_PL} (prefix list) in rtb-app sends S3 traffic to gateway endpoint vpce-s3; no charge.`);
  });

  it('a resource without a Name tag is called by its id', () => {
    const p = parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'nat-a'))], natGateways: [nat('nat-a', 'subnet-pub', { name: '' })], internetGateways: [igw('igw-1', { name: 'edge' })] });
    expect(at(p, 'sts').detail).toBe(`${stsPublic}Route 0.0.0.0/0 in rtb-app goes to NAT gateway nat-a, then internet gateway edge; NAT processing is billed per GB.`);
  });

  it('a carrier gateway is named by its Name tag; a Cloud WAN core network by the last part of its ARN', () => {
    const t = topology(parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'cagw-1'))] }));
    const named: Topology = { ...t, carrierGateways: [{ id: 'cagw-1', name: 'wavelength-bos', vpcId: 'vpc-0a', state: 'available', tags: { Name: 'wavelength-bos' } }] };
    expect(at(named, 'sts').detail).toBe(
      `${stsPublic}Route 0.0.0.0/0 in rtb-app sends the traffic to Wavelength carrier gateway wavelength-bos: it leaves the VPC there, and where it goes next is outside this view.`,
    );
  });

  it('a gateway endpoint that is not available yet says its state', () => {
    const p = parts({ routeTables: [rtbPub, appTable(route(S3_PL, 'vpce-s3'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app'], { state: 'pending' })] });
    expect(at(p, 's3').detail).toBe(`Route ${S3_PL} (com.amazonaws.us-east-1.s3) in rtb-app sends S3 traffic to gateway endpoint vpce-s3 (state: pending); no charge.`);
  });
});

describe('where a route ends without a path', () => {
  it('a route to an endpoint that is not in the data is no path to the service, and names the endpoint', () => {
    expect(at(parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'vpce-0gone'))] }), 'sts')).toEqual({
      subnetId: 'subnet-app',
      service: 'sts',
      via: 'none',
      hops: ['subnet-app', 'rtb-app', 'vpce-0gone'],
      routeTableId: 'rtb-app',
      routeDestination: '0.0.0.0/0',
      detail: `${stsPublic}Route 0.0.0.0/0 in rtb-app sends the traffic to endpoint vpce-0gone, which is not a gateway endpoint for sts: no path to the service modelled.`,
    });
  });

  it('an internet gateway attached to another VPC, or missing from the data, is no path', () => {
    const elsewhere = parts({ routeTables: [appTable(route('0.0.0.0/0', 'igw-1'))], internetGateways: [igw('igw-1', { vpcIds: ['vpc-0other'] })] });
    const gone = parts({ routeTables: [appTable(route('0.0.0.0/0', 'igw-1'))], internetGateways: [] });
    for (const p of [elsewhere, gone]) {
      expect(at(p, 'sts')).toMatchObject({
        via: 'none',
        hops: ['subnet-app', 'rtb-app', 'igw-1'],
        detail: `${stsPublic}Route 0.0.0.0/0 in rtb-app points at internet gateway igw-1, which is not attached to the VPC: no path.`,
      });
    }
  });

  it('a public subnet reaches a service straight through the internet gateway', () => {
    expect(at(parts({}), 'sts', 'subnet-pub')).toEqual({
      subnetId: 'subnet-pub',
      service: 'sts',
      via: 'igw',
      hops: ['subnet-pub', 'rtb-pub', 'igw-1'],
      routeTableId: 'rtb-pub',
      routeDestination: '0.0.0.0/0',
      detail: `${stsPublic}Route 0.0.0.0/0 in rtb-pub goes straight to internet gateway igw-1 (instances need a public IP).`,
    });
  });

  it('DNS64 addresses sent to an internet gateway or an egress-only one are dropped there, untranslated', () => {
    const lead = 'No interface endpoint for sts in the VPC: sts.us-east-1.amazonaws.com resolves to public addresses. The subnet is IPv6-only with DNS64: sts.us-east-1.amazonaws.com gets a 64:ff9b::/96 address, which a NAT gateway must translate (NAT64). ';
    const toIgw = at(parts({ subnets: [pub, dns64], routeTables: [rtbPub, v6Table(route('::/0', 'igw-1'))] }), 'sts', 'subnet-v6');
    expect(toIgw).toMatchObject({ via: 'none', hops: ['subnet-v6', 'rtb-v6', 'igw-1'], detail: `${lead}Route ::/0 in rtb-v6 sends the DNS64 address (64:ff9b::/96) to internet gateway igw-1, which does not translate it: no path.` });
    const toEigw = at(parts({ subnets: [pub, dns64], routeTables: [rtbPub, v6Table(route('::/0', 'eigw-1'))] }), 'sts', 'subnet-v6');
    expect(toEigw).toMatchObject({ via: 'none', hops: ['subnet-v6', 'rtb-v6', 'eigw-1'] });
  });

  it('a VPC whose secondary CIDR lies in S3’s public range keeps S3 traffic local: no path', () => {
    // AWS lets a VPC use a publicly routable block; its local route is then more specific than the S3 list.
    const p = parts({ routeTables: [rtbPub, appTable(route('52.216.0.0/16', 'local'), route('0.0.0.0/0', 'nat-a'))] });
    expect(at(p, 's3')).toEqual({
      subnetId: 'subnet-app',
      service: 's3',
      via: 'none',
      hops: ['subnet-app', 'rtb-app'],
      routeTableId: 'rtb-app',
      routeDestination: '52.216.0.0/16',
      detail: 'Route 52.216.0.0/16 in rtb-app keeps the traffic inside the VPC: no path to S3.',
    });
  });

  it('a route whose target has no id leaves through "a target with no id"', () => {
    const p = parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'unknown'))] });
    expect(at(p, 'sts')).toMatchObject({ via: 'unrecognised-target', detail: `${stsPublic}Route 0.0.0.0/0 in rtb-app leaves through a target with no id (unrecognised target type): where it goes next is outside this view.` });
  });

  it('a subnet with no route table says so after what its DNS said', () => {
    const p = parts({ routeTables: [rtbPub] });
    expect(at(p, 'sts')).toEqual({ subnetId: 'subnet-app', service: 'sts', via: 'none', hops: ['subnet-app'], routeTableId: null, routeDestination: null, detail: `${stsPublic}The subnet has no route table: no path.` });
    expect(at(p, 's3').detail).toBe('The subnet has no route table: no path.');
  });
});

describe('through a NAT gateway', () => {
  const viaNat = (over: Parts, service = 'sts') => at(parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'nat-a'))], ...over }), service);

  it('a NAT gateway missing from the data, or failed, is no path', () => {
    expect(viaNat({ natGateways: [] })).toMatchObject({ via: 'none', hops: ['subnet-app', 'rtb-app', 'nat-a'], detail: `${stsPublic}Route 0.0.0.0/0 in rtb-app points at NAT gateway nat-a, which does not exist: no path.` });
    expect(viaNat({ natGateways: [nat('nat-a', 'subnet-pub', { state: 'failed' })] })).toMatchObject({
      via: 'none',
      hops: ['subnet-app', 'rtb-app', 'nat-a'],
      detail: `${stsPublic}Route 0.0.0.0/0 in rtb-app goes to NAT gateway nat-a, which is failed: no path.`,
    });
  });

  it('a NAT gateway whose subnet is not in the data, or a regional one whose route table is not, is no path', () => {
    expect(viaNat({ natGateways: [nat('nat-a', 'subnet-gone')] })).toMatchObject({
      via: 'none',
      hops: ['subnet-app', 'rtb-app', 'nat-a'],
      detail: `${stsPublic}Route 0.0.0.0/0 in rtb-app goes to NAT gateway nat-a, whose subnet subnet-gone has no route table in the data: no path.`,
    });
    expect(viaNat({ natGateways: [nat('nat-a', '', { availabilityMode: 'regional', routeTableId: 'rtb-gone' })] }).detail).toBe(
      `${stsPublic}Route 0.0.0.0/0 in rtb-app goes to regional NAT gateway nat-a, whose route table rtb-gone is not in the data: no path.`,
    );
    expect(viaNat({ natGateways: [nat('nat-a', '', { availabilityMode: 'regional', routeTableId: null })] }).detail).toBe(
      `${stsPublic}Route 0.0.0.0/0 in rtb-app goes to regional NAT gateway nat-a, whose route table is not in the data: no path.`,
    );
  });

  it('a NAT gateway placed in a private subnet on the same table sends the traffic back to itself: a loop', () => {
    // A common mistake: the NAT gateway created in an app subnet, whose table sends 0.0.0.0/0 to that NAT gateway.
    const p = parts({ subnets: [pub, app, subnet('subnet-app-b', 'us-east-1b', '10.0.32.0/20')], routeTables: [rtbPub, table('rtb-app', ['subnet-app', 'subnet-app-b'], [route('0.0.0.0/0', 'nat-a')])], natGateways: [nat('nat-a', 'subnet-app-b')] });
    expect(at(p, 'sts')).toEqual({
      subnetId: 'subnet-app',
      service: 'sts',
      via: 'none',
      hops: ['subnet-app', 'rtb-app', 'nat-a', 'subnet-app-b', 'rtb-app'],
      routeTableId: 'rtb-app',
      routeDestination: '0.0.0.0/0',
      detail: `${stsPublic}Route 0.0.0.0/0 in rtb-app goes to NAT gateway nat-a, and its subnet’s table rtb-app sends it back where it came from (a routing loop): no path.`,
    });
  });

  it('a regional NAT gateway whose route table has no way out says which table', () => {
    const p = { routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'nat-r')), table('rtb-nat-r', [], [])], natGateways: [nat('nat-r', '', { availabilityMode: 'regional', routeTableId: 'rtb-nat-r' })] };
    expect(viaNat(p)).toMatchObject({
      via: 'none',
      hops: ['subnet-app', 'rtb-app', 'nat-r', 'rtb-nat-r'],
      detail: `${stsPublic}Route 0.0.0.0/0 in rtb-app goes to regional NAT gateway nat-r, but its route table rtb-nat-r has no route to an internet gateway for it: no path.`,
    });
  });

  it('a private NAT gateway in a subnet with only the local route cannot reach the internet', () => {
    const p = { routeTables: [table('rtb-pub', ['subnet-pub'], []), appTable(route('0.0.0.0/0', 'nat-a'))], natGateways: [nat('nat-a', 'subnet-pub', { connectivityType: 'private', publicIps: [] })] };
    expect(viaNat(p)).toMatchObject({ via: 'none', hops: ['subnet-app', 'rtb-app', 'nat-a'], detail: `${stsPublic}Route 0.0.0.0/0 in rtb-app goes to NAT gateway nat-a, a private NAT gateway, which cannot reach the internet: no path.` });
  });

  it('S3 from a private subnet whose table lacks the gateway endpoint goes through the NAT gateway first, and is billed for it', () => {
    // The gateway endpoint is associated with the public subnet's table only: the NAT gateway's subnet reaches it.
    const p = {
      routeTables: [table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1'), route(S3_PL, 'vpce-s3')]), appTable(route('0.0.0.0/0', 'nat-a'))],
      endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-pub'])],
    };
    expect(viaNat(p, 's3')).toEqual({
      subnetId: 'subnet-app',
      service: 's3',
      via: 'nat',
      onward: 'gateway-endpoint',
      hops: ['subnet-app', 'rtb-app', 'nat-a', 'subnet-pub', 'rtb-pub', 'vpce-s3'],
      routeTableId: 'rtb-app',
      routeDestination: '0.0.0.0/0',
      detail: "Route 0.0.0.0/0 in rtb-app goes to NAT gateway nat-a, whose subnet's table sends it on to gateway endpoint vpce-s3; NAT processing is billed per GB.",
    });
  });

  it('an IPv6-only subnet with DNS64 reaches an IPv4-only name through NAT64, and the sentence says so', () => {
    const p = parts({ subnets: [pub, dns64], routeTables: [rtbPub, v6Table(route('::/0', 'eigw-1'), route('64:ff9b::/96', 'nat-a'))] });
    expect(at(p, 'sts', 'subnet-v6')).toMatchObject({
      via: 'nat',
      onward: 'igw',
      routeDestination: '64:ff9b::/96',
      detail:
        'No interface endpoint for sts in the VPC: sts.us-east-1.amazonaws.com resolves to public addresses. The subnet is IPv6-only with DNS64: sts.us-east-1.amazonaws.com gets a 64:ff9b::/96 address, which a NAT gateway must translate (NAT64). ' +
        'Route 64:ff9b::/96 in rtb-v6 goes to NAT gateway nat-a (NAT64: DNS64 gave the IPv4-only name a 64:ff9b::/96 address), then internet gateway igw-1; NAT processing is billed per GB.',
    });
  });

  it('with DNS64, S3 goes to the NAT gateway even beside an IPv4-only gateway endpoint route', () => {
    // The gateway endpoint carries IPv4 only: the DNS64 address is not S3's, so 64:ff9b::/96 decides.
    const p = parts({ subnets: [pub, dns64], routeTables: [rtbPub, v6Table(route(S3_PL, 'vpce-s3'), route('64:ff9b::/96', 'nat-a'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-v6'])] });
    expect(at(p, 's3', 'subnet-v6')).toMatchObject({ via: 'nat', routeDestination: '64:ff9b::/96', hops: ['subnet-v6', 'rtb-v6', 'nat-a', 'subnet-pub', 'rtb-pub', 'igw-1'] });
  });
});

describe('through a Gateway Load Balancer endpoint', () => {
  const inspected = (over: Parts) => at(parts({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'vpce-gwlb')), table('rtb-inspect', ['subnet-inspect'], [route('0.0.0.0/0', 'nat-a')])], endpoints: [gwlbe()], ...over }), 'sts');
  const lead = `${stsPublic}Route 0.0.0.0/0 in rtb-app`;

  it('an inspection endpoint that is not available drops the traffic', () => {
    expect(inspected({ endpoints: [gwlbe({ state: 'pending' })] })).toMatchObject({
      via: 'none',
      hops: ['subnet-app', 'rtb-app', 'vpce-gwlb'],
      detail: `${lead} goes to Gateway Load Balancer endpoint vpce-gwlb, which is pending: traffic is dropped.`,
    });
  });

  it('an inspection endpoint whose subnet, or its table, is not in the data: inspected, then unknown', () => {
    const unknown = {
      via: 'gwlb-inspection',
      onward: 'none',
      hops: ['subnet-app', 'rtb-app', 'vpce-gwlb'],
      detail: `${lead} sends the traffic to Gateway Load Balancer endpoint vpce-gwlb for inspection; its subnet's route table is not in the data, so where the inspected traffic goes is unknown.`,
    };
    expect(inspected({ endpoints: [gwlbe({ subnetIds: ['subnet-gone'] })] })).toMatchObject(unknown);
    // No table associated with the inspection subnet and no main table in the data.
    expect(inspected({ routeTables: [rtbPub, appTable(route('0.0.0.0/0', 'vpce-gwlb'))] })).toMatchObject(unknown);
  });

  it('an inspection endpoint in a subnet that shares the app subnet’s table sends the traffic back: a loop', () => {
    const p = parts({ routeTables: [rtbPub, table('rtb-app', ['subnet-app', 'subnet-inspect'], [route('0.0.0.0/0', 'vpce-gwlb')])], endpoints: [gwlbe()] });
    expect(at(p, 'sts')).toEqual({
      subnetId: 'subnet-app',
      service: 'sts',
      via: 'gwlb-inspection',
      onward: 'none',
      hops: ['subnet-app', 'rtb-app', 'vpce-gwlb', 'subnet-inspect', 'rtb-app'],
      routeTableId: 'rtb-app',
      routeDestination: '0.0.0.0/0',
      detail: `${lead} sends the traffic to Gateway Load Balancer endpoint vpce-gwlb for inspection; its subnet's table rtb-app sends it back (a routing loop): the inspected traffic goes nowhere.`,
    });
  });
});

describe('IPv6 routes', () => {
  const v6 = (...routes: ReturnType<typeof route>[]) => parts({ routeTables: [rtbPub, v6Table(...routes)] });

  it('without DNS64, a leftover 64:ff9b::/96 route to a NAT gateway is not used: the dual-stack name goes out by IPv6', () => {
    expect(at(v6(route('64:ff9b::/96', 'nat-a'), route('::/0', 'eigw-1')), 'sts', 'subnet-v6')).toMatchObject({ via: 'egress-only-igw', routeDestination: '::/0' });
  });

  it('the upper half of a split IPv6 default does not hold AWS’s addresses: ::/0 decides', () => {
    expect(at(v6(route('8000::/1', 'tgw-1'), route('::/0', 'eigw-1')), 'sts', 'subnet-v6')).toMatchObject({ via: 'egress-only-igw', routeDestination: '::/0' });
  });

  it('the 64:ff9b::/96 route wins over ::/0 wherever the table lists it', () => {
    const p = parts({ subnets: [pub, dns64], routeTables: [rtbPub, v6Table(route('::/0', 'eigw-1'), route('64:ff9b::/96', 'nat-a'))] });
    expect(at(p, 'sts', 'subnet-v6')).toMatchObject({ via: 'nat', routeDestination: '64:ff9b::/96' });
  });

  it('a dual-stack gateway endpoint for DynamoDB does not carry S3', () => {
    const p = parts({
      routeTables: [rtbPub, v6Table(route(DDB_PL, 'vpce-ddb'), route('::/0', 'eigw-1'))],
      endpoints: [gatewayEndpoint('vpce-ddb', 'dynamodb', ['rtb-v6'], { ipAddressType: 'dualstack' })],
    });
    expect(at(p, 's3', 'subnet-v6')).toMatchObject({ via: 'egress-only-igw', routeDestination: '::/0' });
    expect(at(p, 'dynamodb', 'subnet-v6')).toMatchObject({ via: 'gateway-endpoint', routeDestination: DDB_PL });
  });

  it('a gateway endpoint with IpAddressType ipv6 carries an IPv6-only subnet’s S3 traffic', () => {
    const p = parts({ routeTables: [rtbPub, v6Table(route(S3_PL, 'vpce-s3'), route('::/0', 'eigw-1'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-v6'], { ipAddressType: 'ipv6' })] });
    expect(at(p, 's3', 'subnet-v6')).toMatchObject({ via: 'gateway-endpoint', routeDestination: S3_PL, hops: ['subnet-v6', 'rtb-v6', 'vpce-s3'] });
  });

  it('a prefix-list route to an endpoint missing from the data is not taken for S3', () => {
    expect(at(v6(route(S3_PL, 'vpce-0gone'), route('::/0', 'eigw-1')), 's3', 'subnet-v6')).toMatchObject({ via: 'egress-only-igw', routeDestination: '::/0' });
  });
});

describe('to an interface endpoint', () => {
  const az = (id: string, zone: string, cidr: string, over = {}) => subnet(id, zone, cidr, over);
  const subnets = [az('subnet-c', 'us-east-1c', '10.0.3.0/24'), az('subnet-a', 'us-east-1a', '10.0.1.0/24'), az('subnet-b', 'us-east-1b', '10.0.2.0/24'), az('subnet-d', 'us-east-1d', '10.0.4.0/24')];
  const rtb = table('rtb-app', subnets.map((s) => s.id), [route('0.0.0.0/0', 'nat-a')]);
  const kms = (over: Partial<Endpoint> = {}) => interfaceEndpoint('vpce-kms', 'kms', ['subnet-c', 'subnet-a', 'subnet-b'], over);

  it('each subnet uses the interface in its own AZ; a subnet in another AZ crosses to the first AZ that has one', () => {
    const t = topology({ subnets, routeTables: [rtb], endpoints: [kms()] });
    const paths = resolvePaths(t, { services: ['kms'] });
    const eniIn = (s: string) => t.networkInterfaces.find((n) => n.subnetId === s)!.id;
    expect(paths.map((p) => [p.subnetId, p.via, p.hops[1]])).toEqual([
      ['subnet-c', 'interface-endpoint', eniIn('subnet-c')],
      ['subnet-a', 'interface-endpoint', eniIn('subnet-a')],
      ['subnet-b', 'interface-endpoint', eniIn('subnet-b')],
      ['subnet-d', 'interface-endpoint-cross-az', eniIn('subnet-a')],
    ]);
    expect(paths[1]!.detail).toBe('Private DNS of vpce-kms answers for kms.us-east-1.amazonaws.com, with a network interface in us-east-1a.');
    expect(paths[3]!.detail).toBe('Private DNS of vpce-kms answers for kms.us-east-1.amazonaws.com, but it has no network interface in us-east-1d (only us-east-1a, us-east-1b, us-east-1c): traffic crosses Availability Zones.');
    // The route that carries it to the interface is the VPC's local route.
    expect(paths[3]).toMatchObject({ routeTableId: 'rtb-app', routeDestination: '10.0.0.0/16', hops: ['subnet-d', eniIn('subnet-a'), 'vpce-kms'] });
  });

  it('a subnet on an Outpost (of an AZ without the interface), in a Wavelength Zone or in a zone of a type not known says why it cannot hold the interface', () => {
    const edge = [
      az('subnet-op', 'us-east-1d', '10.0.5.0/24', { zoneType: 'outpost' }),
      az('subnet-wl', 'us-east-1-wl1-bos-wlz-1', '10.0.6.0/24', { zoneType: 'wavelength-zone' }),
      az('subnet-new', 'us-east-1-xz-1', '10.0.7.0/24', { zoneType: 'extended-zone' }),
    ];
    const t = topology({ subnets: [...subnets, ...edge], routeTables: [table('rtb-app', [...subnets, ...edge].map((s) => s.id), [])], endpoints: [kms()] });
    const dns = 'Private DNS of vpce-kms answers for kms.us-east-1.amazonaws.com';
    expect(resolvePath(t, 'subnet-op', 'kms').detail).toBe(`${dns}; the subnet is on an Outpost, which cannot hold an interface endpoint, so traffic goes to its network interface in us-east-1a.`);
    expect(resolvePath(t, 'subnet-wl', 'kms').detail).toBe(`${dns}; us-east-1-wl1-bos-wlz-1 is a Wavelength Zone, which cannot hold an interface endpoint, so traffic goes to its network interface in us-east-1a.`);
    expect(resolvePath(t, 'subnet-new', 'kms').detail).toBe(`${dns}; us-east-1-xz-1 is a extended-zone zone, which cannot hold an interface endpoint, so traffic goes to its network interface in us-east-1a.`);
  });

  it('an endpoint with no network interface in any subnet is no path', () => {
    const t = topology({ subnets, routeTables: [rtb], endpoints: [kms({ subnetIds: [] })] });
    expect(resolvePath(topology({ subnets, routeTables: [], endpoints: [kms({ subnetIds: [] })] }), 'subnet-a', 'kms')).toMatchObject({ via: 'none', routeTableId: null });
    expect(resolvePath(t, 'subnet-a', 'kms')).toEqual({
      subnetId: 'subnet-a',
      service: 'kms',
      via: 'none',
      hops: ['subnet-a', 'vpce-kms'],
      routeTableId: 'rtb-app',
      routeDestination: null,
      detail: 'vpce-kms has no network interfaces in any subnet: no path.',
    });
  });

  it('without the network interfaces in the data, the endpoint’s subnets place it, and no route is named', () => {
    const t = topology({ subnets, routeTables: [rtb], endpoints: [kms()], networkInterfaces: [] });
    expect(resolvePath(t, 'subnet-b', 'kms')).toMatchObject({ via: 'interface-endpoint', hops: ['subnet-b', 'subnet-b', 'vpce-kms'], routeTableId: 'rtb-app', routeDestination: null });
    expect(resolvePath(t, 'subnet-d', 'kms')).toMatchObject({ via: 'interface-endpoint-cross-az', hops: ['subnet-d', 'subnet-a', 'vpce-kms'] });
  });

  it('a network interface without an AZ or an address takes its subnet’s AZ, and names no route', () => {
    const enis = [eni('eni-b', 'vpc-0a', 'subnet-b', '', { endpointId: 'vpce-kms' })];
    const t = topology({ subnets, routeTables: [rtb], endpoints: [kms({ subnetIds: ['subnet-b'] })], networkInterfaces: enis });
    expect(resolvePath(t, 'subnet-b', 'kms')).toMatchObject({ via: 'interface-endpoint', hops: ['subnet-b', 'eni-b', 'vpce-kms'], routeDestination: null });
  });

  it('a subnet with no route table still reaches the endpoint by DNS and the VPC’s local routing', () => {
    const t = topology({ subnets, routeTables: [], endpoints: [kms()] });
    expect(resolvePath(t, 'subnet-a', 'kms')).toMatchObject({ via: 'interface-endpoint', routeTableId: null, routeDestination: null });
  });

  it('an IPv6-only subnet reaching a dual-stack endpoint names no IPv4 route', () => {
    const v6 = az('subnet-v6', 'us-east-1a', '', { ipv6Native: true, ipv6Cidrs: ['2600:1f18:1:100::/64'] });
    const t = topology({ subnets: [v6], routeTables: [table('rtb-v6', ['subnet-v6'], [])], endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-v6'], { ipAddressType: 'dualstack' })], networkInterfaces: [eni('eni-v6', 'vpc-0a', 'subnet-v6', 'us-east-1a', { endpointId: 'vpce-kms', privateIp: '10.0.0.5' })] });
    expect(resolvePath(t, 'subnet-v6', 'kms')).toMatchObject({ via: 'interface-endpoint', routeDestination: null });
  });

  it('a partner service without private DNS is called by the endpoint’s own names; while it is pending there is no path', () => {
    const partner = (over: Partial<Endpoint> = {}) =>
      interfaceEndpoint('vpce-partner', 'vpce-svc-0abc', ['subnet-a'], { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc', privateDnsEnabled: false, ...over });
    const up = topology({ subnets, routeTables: [rtb], endpoints: [partner()] });
    expect(resolvePath(up, 'subnet-a', 'vpce-svc-0abc')).toMatchObject({ via: 'interface-endpoint', detail: 'Clients use the DNS names of vpce-partner, with a network interface in us-east-1a.' });
    const pending = topology({ subnets, routeTables: [rtb], endpoints: [partner({ state: 'pendingAcceptance' })] });
    expect(resolvePath(pending, 'subnet-a', 'vpce-svc-0abc')).toEqual({
      subnetId: 'subnet-a',
      service: 'vpce-svc-0abc',
      via: 'none',
      hops: ['subnet-a'],
      routeTableId: 'rtb-app',
      routeDestination: null,
      detail: 'Endpoint vpce-partner is pendingAcceptance, and the service has no other name to call: no path until it is available.',
    });
    const noTable = topology({ subnets, routeTables: [], endpoints: [partner({ state: 'pendingAcceptance' })] });
    expect(resolvePath(noTable, 'subnet-a', 'vpce-svc-0abc')).toMatchObject({ via: 'none', routeTableId: null });
  });
});

describe('servicesOfInterest and pathEndpointId', () => {
  it('lists only this VPC’s interface endpoints’ services, not inspection endpoints or endpoints without a service name', () => {
    const t = topology(
      parts({
        vpcs: [vpc(), vpc({ id: 'vpc-0b' })],
        endpoints: [interfaceEndpoint('vpce-sm', 'ssmmessages', ['subnet-app']), { ...interfaceEndpoint('vpce-other', 'ec2', []), vpcId: 'vpc-0b' }, gwlbe(), interfaceEndpoint('vpce-blank', '', [])],
      }),
    );
    expect(servicesOfInterest(t, 'vpc-0a')).toEqual(['s3', 'dynamodb', 'ecr.api', 'ecr.dkr', 'kms', 'logs', 'secretsmanager', 'ssm', 'ssmmessages', 'sts']);
    expect(servicesOfInterest(t, 'vpc-0b')).toEqual(['s3', 'dynamodb', 'ec2', 'ecr.api', 'ecr.dkr', 'kms', 'logs', 'secretsmanager', 'ssm', 'sts']);
  });

  it('names the endpoint a path ends at, and none for a path that ends elsewhere', () => {
    const t = topology(parts({ routeTables: [rtbPub, appTable(route(S3_PL, 'vpce-s3'), route('0.0.0.0/0', 'nat-a'))], endpoints: [gatewayEndpoint('vpce-s3', 's3', ['rtb-app']), interfaceEndpoint('vpce-kms', 'kms', ['subnet-app'])] }));
    expect(pathEndpointId(resolvePath(t, 'subnet-app', 's3'))).toBe('vpce-s3');
    expect(pathEndpointId(resolvePath(t, 'subnet-app', 'kms'))).toBe('vpce-kms');
    expect(pathEndpointId(resolvePath(t, 'subnet-app', 'sts'))).toBeNull();
    expect(pathEndpointId({ ...resolvePath(t, 'subnet-app', 'sts'), hops: [] })).toBeNull();
  });
});

