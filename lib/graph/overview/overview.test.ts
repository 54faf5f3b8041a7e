import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/graph/build';
import { OVERVIEW_SIZE } from '@/lib/graph/sizes';
import {
  endpoint,
  eni,
  internetGateway,
  natGateway,
  prefixList,
  route,
  routeTable,
  subnet,
  topology,
  vpc,
} from '@/lib/graph/test-topology';
import type { RouteTable, Subnet, Topology } from '@/lib/topology/types';
import { routeClasses, targetFacts } from './classes';
import { applyOverview, needsOverview, openSelection, overviewGraph, overviewModel, rollUpFindings, topologyNeedsOverview, viewGraph } from './index';

const V = 'vpc-1';
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const S3_PL = prefixList('pl-s3', 'com.amazonaws.us-east-1.s3', ['3.5.0.0/19']);
const DDB_PL = prefixList('pl-ddb', 'com.amazonaws.us-east-1.dynamodb', ['52.94.0.0/22']);

/** Public subnets with a NAT each (one per AZ), then `privatePerAz` private subnets per AZ, each on its own table. */
function perAzNat(privatePerAz: number, tweak: (rt: RouteTable, az: string, i: number) => RouteTable = (rt) => rt): Topology {
  const subnets: Subnet[] = [];
  const tables: RouteTable[] = [routeTable('rtb-main', V, { main: true })];
  const nats = AZS.map((az, i) => natGateway(`nat-${i}`, V, `subnet-pub-${i}`, { azs: [az] }));
  AZS.forEach((az, i) => {
    subnets.push(subnet(`subnet-pub-${i}`, V, az, `10.0.${i}.0/24`, { public: true, routeTableId: 'rtb-pub', explicitRouteTable: true }));
  });
  tables.push(routeTable('rtb-pub', V, { subnetIds: subnets.map((s) => s.id), effectiveSubnetIds: subnets.map((s) => s.id), routes: [route('10.0.0.0/16', 'local', 'local'), route('0.0.0.0/0', 'igw-1', 'igw')] }));
  let n = 0;
  AZS.forEach((az, a) => {
    for (let i = 0; i < privatePerAz; i++) {
      const id = `subnet-p${a}-${i}`;
      const rt = `rtb-p${a}-${i}`;
      subnets.push(subnet(id, V, az, `10.0.${10 + n}.0/24`, { routeTableId: rt, explicitRouteTable: true }));
      tables.push(tweak(routeTable(rt, V, { subnetIds: [id], effectiveSubnetIds: [id], routes: [route('10.0.0.0/16', 'local', 'local'), route('0.0.0.0/0', `nat-${a}`, 'nat'), route('pl-s3', 'vpce-s3', 'vpce')] }), az, i));
      n += 1;
    }
  });
  const privateTables = tables.filter((t) => t.id.startsWith('rtb-p') && t.id !== 'rtb-pub').map((t) => t.id);
  return topology({
    vpcs: [vpc(V, { name: 'prod' })],
    subnets,
    routeTables: tables,
    natGateways: nats,
    internetGateways: [internetGateway('igw-1', [V])],
    endpoints: [endpoint('vpce-s3', V, { routeTableIds: privateTables })],
    prefixLists: [S3_PL, DDB_PL],
  });
}

const isClassId = (id: string) => /\/rtc-[a-z0-9]+$/.test(id);
const classesOf = (t: Topology) => routeClasses(V, t.routeTables, targetFacts(t));
const membersOf = (t: Topology) => classesOf(t).map((c) => c.tableIds.length).sort((a, b) => b - a);

describe('route-table classes: the same routes apart from local', () => {
  it.each<[string, Topology, number[]]>([
    ['per-AZ NAT tables are one class (NAT of their AZ)', perAzNat(2), [6, 1, 1]],
    ['a route in another order is the same route set', perAzNat(2, (rt, _az, i) => (i === 1 ? { ...rt, routes: [...rt.routes].reverse() } : rt)), [6, 1, 1]],
    ['an extra destination makes its own class', perAzNat(2, (rt, _az, i) => (i === 1 ? { ...rt, routes: [...rt.routes, route('172.16.0.0/12', 'tgw-1', 'tgw')] } : rt)), [3, 3, 1, 1]],
    [
      'a table using the NAT of another AZ is not "NAT of their AZ"',
      perAzNat(2, (rt, az, i) => (az === 'us-east-1b' && i === 0 ? { ...rt, routes: rt.routes.map((r) => (r.targetType === 'nat' ? { ...r, target: 'nat-0' } : r)) } : rt)),
      [5, 1, 1, 1],
    ],
    [
      'the same CIDR to two different peerings are two classes',
      perAzNat(1, (rt, az) => ({ ...rt, routes: [...rt.routes, route('10.9.0.0/16', az === 'us-east-1a' ? 'pcx-1' : 'pcx-2', 'pcx')] })),
      [2, 1, 1, 1],
    ],
    [
      'a gateway endpoint association without its route reads as the route',
      perAzNat(2, (rt, _az, i) => (i === 1 ? { ...rt, routes: rt.routes.filter((r) => r.targetType !== 'vpce') } : rt)),
      [6, 1, 1],
    ],
    ['a blackhole is its own target', perAzNat(1, (rt, az) => (az === 'us-east-1c' ? { ...rt, routes: [...rt.routes, route('10.8.0.0/16', 'pcx-gone', 'blackhole')] } : rt)), [2, 1, 1, 1]],
  ])('%s', (_name, t, sizes) => {
    expect(membersOf(t)).toEqual(sizes);
  });

  it('describes a class as an engineer would say it', () => {
    const t = perAzNat(2, (rt, _az, i) => (i === 0 ? rt : rt));
    const withDdb = {
      ...t,
      endpoints: [...t.endpoints, endpoint('vpce-ddb', V, { serviceShortName: 'dynamodb', serviceName: 'com.amazonaws.us-east-1.dynamodb', routeTableIds: t.endpoints[0]?.routeTableIds ?? [] })],
    };
    const byRole = new Map(classesOf(withDdb).map((c) => [c.role, c]));
    expect(byRole.get('private')?.summary).toBe('6 private tables: 0.0.0.0/0 -> NAT of their AZ, S3 + DynamoDB -> gateway endpoints');
    expect(byRole.get('public')?.summary).toBe('1 public table: 0.0.0.0/0 -> internet gateway');
    expect(byRole.get('main')?.summary).toBe('1 main table: local routes only');
    // In fewer words for a card at the middle zoom, where a line holds about 25 characters.
    expect(byRole.get('private')?.glance).toEqual(['0.0.0.0/0 -> NAT of their AZ', 'S3 + DynamoDB -> vpce']);
    expect(byRole.get('public')?.glance).toEqual(['0.0.0.0/0 -> IGW']);
    // Ids are stable across loads and differ between route sets.
    expect(classesOf(withDdb).map((c) => c.id)).toEqual(classesOf(structuredClone(withDdb)).map((c) => c.id));
    expect(new Set(classesOf(withDdb).map((c) => c.id)).size).toBe(3);
  });

  it('names a NAT of another AZ and a regional NAT by themselves', () => {
    const t = perAzNat(1, (rt, az) => (az === 'us-east-1c' ? { ...rt, routes: rt.routes.map((r) => (r.targetType === 'nat' ? { ...r, target: 'nat-r' } : r)) } : rt));
    t.natGateways.push(natGateway('nat-r', V, '', { name: 'regional', availabilityMode: 'regional', azs: AZS }));
    const lines = classesOf(t).flatMap((c) => c.lines);
    expect(lines).toContain('0.0.0.0/0 -> NAT regional');
    expect(lines).toContain('0.0.0.0/0 -> NAT of their AZ');
  });
});

describe('which VPCs get an overview', () => {
  it.each<[string, { subnets: number; routeTables: number; interfaceEndpoints: number }, boolean]>([
    ['the demo-sized VPC', { subnets: 9, routeTables: 6, interfaceEndpoints: 11 }, false],
    ['the S account', { subnets: 12, routeTables: 5, interfaceEndpoints: 4 }, false],
    ['an M VPC', { subnets: 50, routeTables: 20, interfaceEndpoints: 10 }, true],
    ['many tables, few subnets', { subnets: 20, routeTables: 17, interfaceEndpoints: 0 }, true],
    ['many endpoints', { subnets: 6, routeTables: 3, interfaceEndpoints: 25 }, true],
  ])('%s: %s', (_name, counts, expected) => {
    expect(needsOverview(counts)).toBe(expected);
  });

  it('leaves a small VPC fully detailed', () => {
    const t = perAzNat(2);
    expect(overviewModel(t)).toEqual([]);
    expect(viewGraph(t, V, { hiddenKinds: [], hiddenAzs: [], endpointsOnly: false, open: [] })).toEqual(buildGraph(t, { vpcId: V }));
  });

  it('is told without the overview model (what the canvas asks before loading the overview code), for the region or one VPC', () => {
    const small = perAzNat(2);
    const big = perAzNat(12);
    const other = { ...small, vpcs: [...small.vpcs, vpc('vpc-2')] };
    for (const [t, vpcId] of [[small, undefined], [small, V], [big, undefined], [big, V], [big, 'vpc-2'], [other, 'vpc-2']] as const) {
      expect(topologyNeedsOverview(t, vpcId), `${t === big ? 'big' : 'small'} ${vpcId ?? 'region'}`).toBe(overviewModel(t, vpcId).length > 0);
    }
    expect(topologyNeedsOverview(big, V)).toBe(true);
    expect(topologyNeedsOverview(big, 'vpc-2')).toBe(false);
  });
});

describe('tiers: subnets per AZ by the class of their table, public or private', () => {
  it('groups the private subnets of each AZ by class, and the public ones apart', () => {
    const t = perAzNat(12);
    const [model] = overviewModel(t);
    const tiers = model?.tiers.map((tier) => [tier.az, tier.public, tier.subnetIds.length]) ?? [];
    expect(tiers).toEqual([
      ['us-east-1a', true, 1],
      ['us-east-1a', false, 12],
      ['us-east-1b', true, 1],
      ['us-east-1b', false, 12],
      ['us-east-1c', true, 1],
      ['us-east-1c', false, 12],
    ]);
    // The three private tiers share their class.
    expect(new Set(model?.tiers.filter((x) => !x.public).map((x) => x.classId)).size).toBe(1);
  });
});

/** A 36-private-subnet VPC with an S3 gateway endpoint and 30 interface endpoints, one ENI per AZ each. */
function bigVpc(): Topology {
  const t = perAzNat(12);
  const privateByAz = AZS.map((az) => t.subnets.filter((s) => s.az === az && !s.public));
  for (let e = 0; e < 30; e++) {
    const placed = privateByAz.map((list) => list[e % list.length] as Subnet);
    const enis = placed.map((s, i) => eni(`eni-${e}-${i}`, V, s.id, s.az, { endpointId: `vpce-i${e}` }));
    t.networkInterfaces.push(...enis);
    t.endpoints.push(
      endpoint(`vpce-i${String(e).padStart(2, '0')}`, V, {
        type: 'Interface',
        serviceShortName: `svc${e}`,
        serviceName: `com.amazonaws.us-east-1.svc${e}`,
        subnetIds: placed.map((s) => s.id),
        networkInterfaceIds: enis.map((x) => x.id),
      }),
    );
  }
  return t;
}

describe('the overview graph', () => {
  const t = bigVpc();
  const detail = buildGraph(t, { vpcId: V });

  it('draws each class, tier and endpoint class as one node of its members kind, with counts on the edges', () => {
    const g = overviewGraph(t, detail, V, []);
    if (!g) throw new Error('expected an overview');
    const kinds = (k: string) => g.nodes.filter((n) => n.kind === k);
    // 3 private tiers (12 each); the public subnets, one per AZ, stay themselves.
    expect(kinds('subnet').map((n) => ('name' in n.data && n.data.name) || n.id)).toEqual(['subnet-pub-0', '12 private subnets', 'subnet-pub-1', '12 private subnets', 'subnet-pub-2', '12 private subnets']);
    // The main and public tables are one each: drawn as themselves. The private class stands where its first table was.
    expect(kinds('routeTable').map((n) => 'name' in n.data && n.data.name)).toEqual(['', '36 private tables', '']);
    const privateClass = kinds('routeTable').find((n) => n.kind === 'routeTable' && n.data.group);
    expect(privateClass?.kind === 'routeTable' && privateClass.data.group?.lines).toEqual(['0.0.0.0/0 -> NAT of their AZ', 'S3 -> gateway endpoint']);
    expect(kinds('interfaceEndpoint')).toHaveLength(1);
    expect(kinds('interfaceEndpoint')[0]?.data).toMatchObject({ name: '30 interface endpoints', azs: AZS, eniCount: 90 });
    // No ENI inside a closed tier; NAT gateways, gateways and the S3 endpoint are drawn as themselves.
    expect(kinds('endpointEni')).toEqual([]);
    expect(kinds('natGateway').map((n) => n.id)).toEqual(['nat-0', 'nat-1', 'nat-2']);
    expect(kinds('gatewayEndpoint').map((n) => n.id)).toEqual(['vpce-s3']);
    expect(kinds('internetGateway').map((n) => n.id)).toEqual(['igw-1']);

    const classId = privateClass?.id ?? '';
    const byEnds = new Map(g.edges.map((e) => [`${e.source}>${e.target}`, e]));
    expect(byEnds.get(`${classId}>vpce-s3`)).toMatchObject({ count: 36, label: 's3 (pl-s3) · 36 tables' });
    expect(byEnds.get(`${classId}>nat-1`)).toMatchObject({ count: 12, label: '0.0.0.0/0 · 12 tables' });
    // The public table is itself (one table), its edge to the internet gateway as in the detail.
    expect(byEnds.get('rtb-pub>igw-1')).toMatchObject({ label: '0.0.0.0/0' });
    expect(byEnds.get('rtb-pub>igw-1')?.count).toBeUndefined();
    const tierA = g.nodes.find((n) => n.kind === 'subnet' && n.data.group && n.data.az === 'us-east-1a');
    expect(byEnds.get(`${tierA?.id}>${classId}`)).toMatchObject({ kind: 'association', count: 12, label: '12 subnets' });
    // Every edge joins two drawn nodes, and parents come before children.
    const seen = new Set<string>();
    for (const n of g.nodes) {
      if (n.parentId !== undefined) expect(seen.has(n.parentId)).toBe(true);
      seen.add(n.id);
    }
    for (const e of g.edges) expect([seen.has(e.source), seen.has(e.target)]).toEqual([true, true]);
    expect(g.groups.get(classId)).toHaveLength(36);
  });

  it('opens a class in place: its tables come back, the tiers now point at each of them', () => {
    const closed = overviewGraph(t, detail, V, []);
    const classId = [...(closed?.groups.keys() ?? [])].find(isClassId) ?? '';
    const open = overviewGraph(t, detail, V, [classId]);
    if (!open) throw new Error('expected an overview');
    expect(open.groups.has(classId)).toBe(false);
    const tables = open.nodes.filter((n) => n.kind === 'routeTable').map((n) => n.id);
    expect(tables).toHaveLength(38);
    expect(tables).toContain('rtb-p1-4');
    const tierB = open.nodes.find((n) => n.kind === 'subnet' && n.data.group && n.data.az === 'us-east-1b');
    expect(open.edges.filter((e) => e.source === tierB?.id).map((e) => e.target)).toHaveLength(12);
    // A table's own edges are the detail's, unchanged.
    expect(open.edges.find((e) => e.id === 'rtb-p1-4->nat-1')).toEqual(detail.edges.find((e) => e.id === 'rtb-p1-4->nat-1'));
  });

  it("gives its gateways, tables, classes and NAT gateways the overview's sizes (room for their names at the fitting zoom), not an open class's members", () => {
    const closed = overviewGraph(t, detail, V, []);
    if (!closed) throw new Error('expected an overview');
    const sized = (g: typeof closed, kind: string) => g.nodes.filter((n) => n.kind === kind).map((n) => n.size);
    expect(sized(closed, 'internetGateway')).toEqual([OVERVIEW_SIZE.internetGateway]);
    expect(sized(closed, 'gatewayEndpoint')).toEqual([OVERVIEW_SIZE.gatewayEndpoint]);
    expect(sized(closed, 'natGateway')).toEqual([OVERVIEW_SIZE.natGateway, OVERVIEW_SIZE.natGateway, OVERVIEW_SIZE.natGateway]);
    expect(sized(closed, 'routeTable')).toEqual([OVERVIEW_SIZE.routeTable, OVERVIEW_SIZE.routeTable, OVERVIEW_SIZE.routeTable]);
    expect(sized(closed, 'interfaceEndpoint')).toEqual([OVERVIEW_SIZE.interfaceEndpoint]);
    expect(sized(closed, 'subnet').every((s) => s === undefined)).toBe(true);
    // The detail is untouched.
    expect(detail.nodes.every((n) => n.size === undefined)).toBe(true);
    const classId = [...closed.groups.keys()].find(isClassId) ?? '';
    const open = overviewGraph(t, detail, V, [classId]);
    const tables = open?.nodes.filter((n) => n.kind === 'routeTable') ?? [];
    expect(tables.filter((n) => n.size === undefined)).toHaveLength(36);
    expect(tables.filter((n) => n.id === 'rtb-main' || n.id === 'rtb-pub').map((n) => n.size)).toEqual([OVERVIEW_SIZE.routeTable, OVERVIEW_SIZE.routeTable]);
  });

  it('labels routes that end on one stretch with the total into their target', () => {
    // Half the private tables also send 10.9.0.0/16 to a peering: two private classes, both routing S3 to one endpoint.
    const t2 = bigVpc();
    t2.routeTables = t2.routeTables.map((rt, i) => (rt.id.startsWith('rtb-p') && rt.id !== 'rtb-pub' && i % 2 === 0 ? { ...rt, routes: [...rt.routes, route('10.9.0.0/16', 'pcx-1', 'pcx')] } : rt));
    const g = overviewGraph(t2, buildGraph(t2, { vpcId: V }), V, []);
    const toS3 = g?.edges.filter((e) => e.target === 'vpce-s3') ?? [];
    expect(toS3.map((e) => e.count).sort()).toEqual([18, 18]);
    expect(toS3.map((e) => e.label)).toEqual(['s3 (pl-s3) · 36 tables', 's3 (pl-s3) · 36 tables']);
  });

  it('opens a tier in place: its subnets, their ENIs and their edges to the class come back', () => {
    const closed = overviewGraph(t, detail, V, []);
    const tierId = [...(closed?.groups.keys() ?? [])].find((id) => id.endsWith('/us-east-1a/private')) ?? '';
    const open = overviewGraph(t, detail, V, [tierId]);
    if (!open) throw new Error('expected an overview');
    const subnets = open.nodes.filter((n) => n.kind === 'subnet' && n.parentId === `${V}/us-east-1a`).map((n) => n.id);
    expect(subnets).toEqual(['subnet-pub-0', ...Array.from({ length: 12 }, (_, i) => `subnet-p0-${i}`)]);
    expect(open.nodes.filter((n) => n.kind === 'endpointEni' && n.data.az === 'us-east-1a')).toHaveLength(30);
    const assoc = open.edges.filter((e) => e.kind === 'association' && e.source === 'subnet-p0-3');
    expect(assoc.map((e) => [e.target.includes('/rtc-'), e.count])).toEqual([[true, 1]]);
  });

  it('keeps the groups a filter empties out of the picture', () => {
    const filtered = buildGraph(t, { vpcId: V, hiddenAzs: ['us-east-1b', 'us-east-1c'] });
    const g = overviewGraph(t, filtered, V, []);
    const tiers = g?.nodes.filter((n) => n.kind === 'subnet' && n.data.group) ?? [];
    expect(tiers.map((n) => n.kind === 'subnet' && n.data.az)).toEqual(['us-east-1a']);
  });

  it('rolls the findings of members up onto their group, at the worst severity', () => {
    const g = overviewGraph(t, detail, V, []);
    const classId = [...(g?.groups.keys() ?? [])].find(isClassId) ?? '';
    const findings = new Map([
      ['rtb-p0-1', { count: 1, severity: 'low' as const }],
      ['rtb-p2-3', { count: 2, severity: 'high' as const }],
      ['vpce-s3', { count: 1, severity: 'medium' as const }],
    ]);
    const rolled = rollUpFindings(findings, g?.groups ?? new Map());
    expect(rolled.get(classId)).toEqual({ count: 3, severity: 'high' });
    expect(rolled.get('vpce-s3')).toEqual({ count: 1, severity: 'medium' });
    expect(rollUpFindings(new Map([['vpce-s3', { count: 1, severity: 'low' as const }]]), g?.groups ?? new Map()).size).toBe(1);
  });

  it('is what the view draws, with the open groups of the view', () => {
    const view = { hiddenKinds: [], hiddenAzs: [], endpointsOnly: false, open: [] };
    expect(viewGraph(t, V, view).nodes.length).toBeLessThan(detail.nodes.length / 4);
    expect(applyOverview(detail, overviewModel(t, V), new Set()).nodes).toEqual(viewGraph(t, V, view).nodes);
  });
});

describe('a resource inside a closed group', () => {
  const t = bigVpc();
  const detail = buildGraph(t, { vpcId: V });
  const view = { hiddenKinds: [], hiddenAzs: [], endpointsOnly: false, open: [] as string[] };

  it.each<[string, string, RegExp, (ids: Set<string>) => boolean]>([
    ['a table is in its class', 'rtb-p1-4', /^\d+ private tables$/, (ids) => ids.has('rtb-p1-4') && ids.has('rtb-p2-0')],
    ['a subnet is in its tier', 'subnet-p2-5', /^\d+ private subnets in us-east-1[abc]$/, (ids) => ids.has('subnet-p2-5') && ids.has('subnet-p2-0') && !ids.has('subnet-p1-0')],
    ['an ENI is in the tier of its subnet', 'eni-3-0', /^\d+ private subnets in us-east-1[abc]$/, (ids) => ids.has('eni-3-0') && ids.has('subnet-p0-3')],
    ['an interface endpoint is in its class', 'vpce-i07', /^\d+ interface endpoints$/, (ids) => ids.has('vpce-i07') && ids.has('vpce-i08')],
  ])('%s: the overview names the group, and a link selecting it opens that group', (_name, selected, title, drawn) => {
    const closed = overviewGraph(t, detail, V, []);
    const holder = closed?.holders.get(selected);
    expect(holder?.title).toMatch(title);
    // Selecting alone opens nothing: the group is still one node.
    expect(closed?.nodes.some((n) => n.id === selected)).toBe(false);
    expect(closed?.nodes.some((n) => n.id === holder?.id)).toBe(true);

    const linked = openSelection(t, V, { ...view, selected });
    expect(linked.open).toEqual([holder?.id]);
    const opened = viewGraph(t, V, linked);
    expect(drawn(new Set(opened.nodes.map((n) => n.id)))).toBe(true);
    expect(overviewGraph(t, detail, V, linked.open)?.holders.has(selected)).toBe(false);
  });

  it('leaves a view alone when its selection is drawn already or is not in a group', () => {
    const none = { ...view, selected: null };
    expect(openSelection(t, V, none)).toBe(none);
    const gateway = { ...view, selected: 'vpce-s3' };
    expect(openSelection(t, V, gateway)).toBe(gateway);
    const open = openSelection(t, V, { ...view, selected: 'rtb-p1-4' });
    expect(openSelection(t, V, open)).toBe(open);
  });
});
