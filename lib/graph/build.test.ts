import { describe, expect, it } from 'vitest';
import { buildGraph, formatDestinations } from './build';
import { route, routeTable, sampleTopology, subnet, topology, vpc } from './test-topology';
import type { Graph, NodeKind } from './types';

const VPC = 'vpc-0a1';

function countByKind(graph: Graph): Partial<Record<NodeKind, number>> {
  const counts: Partial<Record<NodeKind, number>> = {};
  for (const n of graph.nodes) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  return counts;
}

function node(graph: Graph, id: string) {
  const n = graph.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

function edge(graph: Graph, id: string) {
  const e = graph.edges.find((x) => x.id === id);
  if (!e) throw new Error(`no edge ${id}; have ${graph.edges.map((x) => x.id).join(' ')}`);
  return e;
}

describe('buildGraph', () => {
  it('draws one node per resource, by kind, for one VPC', () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    expect(countByKind(g)).toEqual({
      vpc: 1,
      az: 2,
      subnet: 3,
      routeTable: 3,
      internetGateway: 1,
      natGateway: 1,
      gatewayEndpoint: 1,
      interfaceEndpoint: 1,
      // eni-app is an ordinary ENI, not an endpoint's: it is not drawn.
      endpointEni: 2,
      // pcx-1 and the vanished NAT gateway of the blackhole route.
      external: 2,
    });
  });

  it("sizes an endpoint ENI's chip for its service's name, and leaves one that fits its kind's size alone", () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    const t = sampleTopology();
    const long = buildGraph({ ...t, endpoints: t.endpoints.map((e) => (e.id === 'vpce-ssm' ? { ...e, serviceShortName: 'cloudformation' } : e)) }, { vpcId: VPC, direction: 'RIGHT' });
    expect(node(g, 'eni-a')).not.toHaveProperty('size');
    expect(node(long, 'eni-a')).toMatchObject({ size: { width: 272, height: 34 }, data: { service: 'cloudformation' } });
    expect(node(long, 'eni-a').size).not.toHaveProperty('lines');
  });

  it('says how many route tables use each gateway, and where each NAT gateway is', () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    expect(node(g, 'igw-1').data).toMatchObject({ routeTableCount: 1 });
    expect(node(g, 'pcx-1').data).toMatchObject({ routeTableCount: 1 });
    // The subnet by its Name tag (this fixture's is hostile markup, drawn as text).
    expect(node(g, 'nat-1').data).toMatchObject({ az: 'us-east-1a', subnet: '<img src=x onerror=alert(1)>' });
  });

  it('uses AWS ids as node ids and nests VPC > AZ > subnet > NAT/ENI', () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    expect(node(g, VPC).parentId).toBeUndefined();
    expect(node(g, `${VPC}/us-east-1a`).parentId).toBe(VPC);
    expect(node(g, 'subnet-pub-a').parentId).toBe(`${VPC}/us-east-1a`);
    expect(node(g, 'nat-1').parentId).toBe('subnet-pub-a');
    expect(node(g, 'eni-a').parentId).toBe('subnet-priv-a');
    for (const id of ['rtb-public', 'igw-1', 'vpce-s3', 'vpce-ssm']) expect(node(g, id).parentId).toBe(VPC);
    expect(node(g, 'pcx-1').parentId).toBeUndefined();
  });

  it('lists every parent before its children', () => {
    const g = buildGraph(sampleTopology(), { direction: 'RIGHT' });
    const seen = new Set<string>();
    for (const n of g.nodes) {
      if (n.parentId !== undefined) expect(seen.has(n.parentId), `${n.id} before ${n.parentId}`).toBe(true);
      seen.add(n.id);
    }
  });

  it('draws all VPCs of the region when no VPC is given, sharing external targets', () => {
    const g = buildGraph(sampleTopology(), { direction: 'RIGHT' });
    expect(countByKind(g).vpc).toBe(2);
    expect(g.nodes.filter((n) => n.id === 'pcx-1')).toHaveLength(1);
    expect(g.edges.filter((e) => e.target === 'pcx-1').map((e) => e.source)).toEqual(['rtb-private', 'rtb-other']);
  });

  it('draws an explicit association solid and an implicit main association dashed', () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    expect(edge(g, 'subnet-priv-a->rtb-private')).toMatchObject({ kind: 'association', dashed: false });
    expect(edge(g, 'subnet-priv-b->rtb-main')).toMatchObject({ kind: 'association', dashed: true });
  });

  it('labels route edges with their destination and prefix lists with their service', () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    expect(edge(g, 'rtb-public->igw-1').label).toBe('0.0.0.0/0');
    expect(edge(g, 'rtb-private->vpce-s3')).toMatchObject({ kind: 'route', label: 's3 (pl-63a5400a)' });
    expect(edge(g, 'rtb-main->vpce-s3').label).toBe('s3 (pl-63a5400a)');
    expect(edge(g, 'rtb-private->pcx-1').label).toBe('192.168.0.0/16');
  });

  it('joins a gateway endpoint to a table it lists even when the route is missing', () => {
    const t = sampleTopology();
    const main = t.routeTables.find((r) => r.id === 'rtb-main');
    if (main) main.routes = main.routes.filter((r) => r.targetType !== 'vpce');
    const g = buildGraph(t, { vpcId: VPC, direction: 'RIGHT' });
    expect(edge(g, 'rtb-main->vpce-s3').label).toBe('s3 (pl-63a5400a)');
  });

  it('marks blackhole routes and draws their vanished target as a missing external', () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    const e = edge(g, 'rtb-private->nat-gone!blackhole');
    expect(e).toMatchObject({ blackhole: true, label: '172.31.0.0/16 (blackhole)' });
    expect(node(g, 'nat-gone')).toMatchObject({ kind: 'external', data: { missing: true } });
    expect(g.edges.filter((x) => x.blackhole)).toHaveLength(1);
  });

  it('gives a blackhole with no known target an id of its own', () => {
    const t = topology({
      vpcs: [vpc('vpc-1')],
      routeTables: [routeTable('rtb-1', 'vpc-1', { routes: [route('10.9.0.0/16', '', 'blackhole')] })],
    });
    const g = buildGraph(t, { direction: 'RIGHT' });
    expect(edge(g, 'rtb-1->rtb-1/blackhole/10.9.0.0/16!blackhole').blackhole).toBe(true);
  });

  it('omits local routes', () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    expect(g.edges.some((e) => e.target === 'local')).toBe(false);
    expect(g.nodes.some((n) => n.id === 'local')).toBe(false);
  });

  it('merges routes to the same target into one edge', () => {
    const t = topology({
      vpcs: [vpc('vpc-1')],
      routeTables: [
        routeTable('rtb-1', 'vpc-1', {
          routes: [
            route('10.2.0.0/16', 'tgw-1', 'tgw'),
            route('10.1.0.0/16', 'tgw-1', 'tgw'),
            route('10.3.0.0/16', 'tgw-1', 'tgw'),
          ],
        }),
      ],
    });
    const g = buildGraph(t, { direction: 'RIGHT' });
    expect(g.edges).toHaveLength(1);
    expect(edge(g, 'rtb-1->tgw-1')).toMatchObject({
      destinations: ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16'],
      label: '10.1.0.0/16, 10.2.0.0/16 +1',
    });
    expect(node(g, 'tgw-1').data).toMatchObject({ label: 'Transit gateway', missing: false });
  });

  it('joins an interface endpoint to each of its ENIs', () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    expect(g.edges.filter((e) => e.kind === 'endpointEni').map((e) => e.id)).toEqual([
      'vpce-ssm->eni-a',
      'vpce-ssm->eni-b',
    ]);
    expect(node(g, 'vpce-ssm').data).toMatchObject({ azs: ['us-east-1a', 'us-east-1b'], eniCount: 2 });
  });

  it('orders subnets by AZ, then CIDR numerically', () => {
    const t = topology({
      vpcs: [vpc('vpc-1')],
      subnets: [
        subnet('s-b-1', 'vpc-1', 'us-east-1b', '10.0.1.0/24'),
        subnet('s-a-10', 'vpc-1', 'us-east-1a', '10.0.10.0/24'),
        subnet('s-a-9', 'vpc-1', 'us-east-1a', '10.0.9.0/24'),
        subnet('s-a-100', 'vpc-1', 'us-east-1a', '10.0.100.0/24'),
      ],
    });
    const g = buildGraph(t, { direction: 'RIGHT' });
    expect(g.nodes.filter((n) => n.kind === 'subnet').map((n) => n.id)).toEqual(['s-a-9', 's-a-10', 's-a-100', 's-b-1']);
  });

  it('is deterministic whatever order the topology lists things in', () => {
    const a = buildGraph(sampleTopology(), { direction: 'RIGHT' });
    const shuffled = sampleTopology();
    shuffled.subnets.reverse();
    shuffled.routeTables.reverse();
    shuffled.endpoints.reverse();
    shuffled.networkInterfaces.reverse();
    shuffled.vpcs.reverse();
    for (const rt of shuffled.routeTables) rt.routes.reverse();
    expect(buildGraph(shuffled, { direction: 'RIGHT' })).toEqual(a);
  });

  it('keeps a Name tag as plain data', () => {
    const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
    expect(node(g, 'subnet-pub-a').data).toMatchObject({ name: '<img src=x onerror=alert(1)>' });
  });

  describe('filters', () => {
    it('hides a kind and the edges that touch it', () => {
      const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT', hiddenKinds: ['natGateway'] });
      expect(countByKind(g).natGateway).toBeUndefined();
      expect(g.edges.some((e) => e.target === 'nat-1')).toBe(false);
    });

    it('moves the children of a hidden group up to the nearest shown group', () => {
      const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT', hiddenKinds: ['subnet'] });
      expect(countByKind(g).subnet).toBeUndefined();
      expect(node(g, 'eni-a').parentId).toBe(`${VPC}/us-east-1a`);
      expect(node(g, 'nat-1').parentId).toBe(`${VPC}/us-east-1a`);
      const flat = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT', hiddenKinds: ['az'] });
      expect(node(flat, 'subnet-pub-a').parentId).toBe(VPC);
    });

    it('hides an AZ with everything inside it', () => {
      const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT', hiddenAzs: ['us-east-1b'] });
      for (const id of [`${VPC}/us-east-1b`, 'subnet-priv-b', 'eni-b']) {
        expect(g.nodes.some((n) => n.id === id)).toBe(false);
      }
      expect(g.edges.some((e) => e.source === 'subnet-priv-b' || e.target === 'eni-b')).toBe(false);
      expect(node(g, 'eni-a').kind).toBe('endpointEni');
    });

    it('drops AZ boxes left empty', () => {
      const g = buildGraph(sampleTopology(), {
        vpcId: VPC,
        direction: 'RIGHT',
        hiddenKinds: ['subnet', 'natGateway', 'endpointEni'],
      });
      expect(countByKind(g).az).toBeUndefined();
    });

    it('endpoints view keeps only endpoints and the tables, subnets and ENIs they touch', () => {
      const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT', endpointsOnly: true });
      expect(g.nodes.map((n) => n.id).sort()).toEqual(
        [
          VPC,
          `${VPC}/us-east-1a`,
          `${VPC}/us-east-1b`,
          'subnet-priv-a',
          'subnet-priv-b',
          'eni-a',
          'eni-b',
          'rtb-private',
          'rtb-main',
          'vpce-s3',
          'vpce-ssm',
        ].sort(),
      );
      expect(g.edges.map((e) => e.id).sort()).toEqual(
        [
          'rtb-main->vpce-s3',
          'rtb-private->vpce-s3',
          'subnet-priv-a->rtb-private',
          'subnet-priv-b->rtb-main',
          'vpce-ssm->eni-a',
          'vpce-ssm->eni-b',
        ].sort(),
      );
    });

    it('keeps the VPC box in endpoints view when it has no endpoints', () => {
      const g = buildGraph(sampleTopology(), { vpcId: 'vpc-0b2', direction: 'RIGHT', endpointsOnly: true });
      expect(g.nodes.map((n) => n.id)).toEqual(['vpc-0b2']);
    });

    it('counts what is left inside each AZ', () => {
      const g = buildGraph(sampleTopology(), { vpcId: VPC, direction: 'RIGHT' });
      expect(node(g, `${VPC}/us-east-1a`).data).toMatchObject({
        subnetCount: 2,
        publicSubnetCount: 1,
        natGatewayCount: 1,
        endpointEniCount: 1,
      });
    });
  });
});

describe('formatDestinations', () => {
  it('shows two destinations and counts the rest', () => {
    expect(formatDestinations(['a'])).toBe('a');
    expect(formatDestinations(['a', 'b'])).toBe('a, b');
    expect(formatDestinations(['a', 'b', 'c', 'd'])).toBe('a, b +2');
  });
});
