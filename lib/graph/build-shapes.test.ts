import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { endpoint, natGateway, route, routeTable, subnet, topology, vpc } from './test-topology';

// Shapes of real 2026 accounts, drawn and labelled (issue 20 §2).
const V = 'vpc-1';
const t = topology({
  vpcs: [vpc(V, { name: 'prod' })],
  subnets: [
    subnet('subnet-v6', V, 'us-east-1a', '', { ipv6Cidrs: ['2600:1f18::/64'], ipv6Native: true, availableIps: 0, routeTableId: 'rtb-1' }),
    subnet('subnet-lz', V, 'us-east-1-bos-1a', '10.0.9.0/24', { zoneType: 'local-zone', routeTableId: 'rtb-1' }),
    subnet('subnet-op', V, 'us-east-1a', '10.0.10.0/24', { zoneType: 'outpost', outpostArn: 'arn:aws:outposts:us-east-1:111122223333:outpost/op-0abc', routeTableId: 'rtb-1' }),
    subnet('subnet-op2', V, 'us-east-1b', '10.0.11.0/24', { zoneType: 'outpost', outpostArn: 'arn:aws:outposts:us-east-1:111122223333:outpost/op-0abc', routeTableId: 'rtb-1' }),
  ],
  routeTables: [
    routeTable('rtb-1', V, {
      main: true,
      routes: [
        route('::/0', 'eigw-1', 'eigw'),
        route('10.8.0.0/16', 'arn:aws:networkmanager::111122223333:core-network/core-network-0a1b', 'core-network'),
        route('10.7.0.0/16', 'cagw-1', 'cagw'),
      ],
    }),
  ],
  endpoints: [
    endpoint('vpce-sn', V, { type: 'ServiceNetwork', serviceName: '', serviceShortName: '', serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0abc', subnetIds: ['subnet-v6'] }),
    endpoint('vpce-3p', V, { type: 'Interface', name: 'Datadog intake', tags: { Name: 'Datadog intake' }, serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc', serviceShortName: 'vpce-svc-0abc' }),
  ],
  natGateways: [natGateway('nat-reg', V, '', { availabilityMode: 'regional', azs: ['us-east-1a', 'us-east-1b'], publicIps: ['3.3.3.3'] })],
});
const g = buildGraph(t, {});
const node = (id: string) => g.nodes.find((n) => n.id === id);

describe('the graph of real-account shapes', () => {
  it('titles Lattice endpoints from their ARNs and third-party PrivateLink endpoints by Name tag, with the service name as detail', () => {
    expect(node('vpce-sn')?.data).toMatchObject({ label: 'sn-0abc', endpointType: 'ServiceNetwork', serviceName: 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0abc' });
    expect(node('vpce-3p')?.data).toMatchObject({ label: 'Datadog intake', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc' });
  });

  it('gives an IPv6-only subnet its IPv6 block and a Local Zone its zone type', () => {
    expect(node('subnet-v6')?.data).toMatchObject({ cidr: '', ipv6Cidrs: ['2600:1f18::/64'], ipv6Native: true });
    expect(node('vpc-1/us-east-1-bos-1a')?.data).toMatchObject({ zoneType: 'local-zone' });
    expect(node('vpc-1/us-east-1a')?.data).not.toHaveProperty('zoneType');
    expect(node('subnet-lz')?.data).toMatchObject({ zoneType: 'local-zone' });
    expect(node('subnet-v6')?.data).not.toHaveProperty('zoneType');
  });

  it('marks an Outpost subnet itself; its Region AZ stays an AZ unless every subnet in it is on an Outpost', () => {
    expect(node('subnet-op')?.data).toMatchObject({ zoneType: 'outpost' });
    expect(node('vpc-1/us-east-1a')?.data).not.toHaveProperty('zoneType');
    expect(node('vpc-1/us-east-1b')?.data).toMatchObject({ zoneType: 'outpost' });
  });

  it('draws a regional NAT gateway in its VPC, with the AZs it serves', () => {
    expect(node('nat-reg')).toMatchObject({ parentId: V, data: { availabilityMode: 'regional', azs: ['us-east-1a', 'us-east-1b'] } });
  });

  it('names every route target type', () => {
    const labels = Object.fromEntries(g.nodes.filter((n) => n.kind === 'external').map((n) => [n.id, (n.data as { label: string }).label]));
    expect(labels).toEqual({
      'arn:aws:networkmanager::111122223333:core-network/core-network-0a1b': 'Cloud WAN core network',
      'cagw-1': 'Carrier gateway',
      'eigw-1': 'Egress-only internet gateway',
    });
  });
});
