import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/graph/build';
import { endpoint, eni, natGateway, route, routeTable, sampleTopology, subnet } from '@/lib/graph/test-topology';
import type { Topology } from '@/lib/topology/types';
import { diffTopologies, graphDiff, mergeTopologies } from './diff';

function edit(t: Topology, fn: (t: Topology) => void): Topology {
  const copy = structuredClone(t);
  fn(copy);
  return copy;
}

describe('diffTopologies', () => {
  it('finds nothing between a topology and itself, even fetched at another time with other free IP counts', () => {
    const before = sampleTopology();
    const after = edit(before, (t) => {
      t.fetchedAt = '2030-01-01T00:00:00.000Z';
      t.subnets[0]!.availableIps = 3;
      t.securityGroups = [];
    });
    const d = diffTopologies(before, after);
    expect(d.changes).toEqual([]);
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(d.nodes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports an added interface endpoint with its subnets, and marks its network interfaces', () => {
    const before = sampleTopology();
    const after = edit(before, (t) => {
      t.endpoints.push(
        endpoint('vpce-ecr', 'vpc-0a1', {
          type: 'Interface',
          serviceName: 'com.amazonaws.us-east-1.ecr.dkr',
          serviceShortName: 'ecr.dkr',
          subnetIds: ['subnet-priv-a'],
          networkInterfaceIds: ['eni-ecr'],
        }),
      );
      t.networkInterfaces.push(eni('eni-ecr', 'vpc-0a1', 'subnet-priv-a', 'us-east-1a', { endpointId: 'vpce-ecr' }));
    });
    const d = diffTopologies(before, after);
    expect(d.changes).toEqual([
      {
        change: 'added',
        resource: 'endpoint',
        id: 'vpce-ecr',
        nodeId: 'vpce-ecr',
        vpcId: 'vpc-0a1',
        description: 'Interface endpoint ecr.dkr (vpce-ecr) added in private-a (subnet-priv-a)',
        details: [],
      },
    ]);
    expect(d.nodes.added).toEqual(['eni-ecr', 'vpce-ecr']);
    expect(d.counts.added).toBe(1);
  });

  it('reports removed and changed endpoints with what changed', () => {
    const before = sampleTopology();
    const after = edit(before, (t) => {
      t.endpoints = t.endpoints.filter((e) => e.id !== 'vpce-ssm');
      t.networkInterfaces = t.networkInterfaces.filter((n) => n.endpointId !== 'vpce-ssm');
      const s3 = t.endpoints.find((e) => e.id === 'vpce-s3')!;
      s3.routeTableIds = ['rtb-private', 'rtb-public'];
      s3.state = 'pending';
    });
    const d = diffTopologies(before, after);
    const removed = d.changes.find((c) => c.change === 'removed');
    expect(removed).toMatchObject({ resource: 'endpoint', id: 'vpce-ssm', description: 'Interface endpoint ssm (vpce-ssm) removed' });
    const changed = d.changes.find((c) => c.change === 'changed' && c.resource === 'endpoint');
    expect(changed?.description).toBe('Gateway endpoint s3-gw (vpce-s3, s3) changed');
    expect(changed?.details).toEqual(['state: available → pending', 'route tables: added public (rtb-public); removed main (rtb-main)']);
    expect(d.nodes.removed).toEqual(['eni-a', 'eni-b', 'vpce-ssm']);
    expect(d.nodes.changed).toEqual(['vpce-s3']);
    expect(d.edges.added).toContain('rtb-public->vpce-s3');
    expect(d.edges.removed).toContain('rtb-main->vpce-s3');
  });

  it('compares routes per route table by destination: added, removed, retargeted, blackholed', () => {
    const before = sampleTopology();
    const after = edit(before, (t) => {
      const priv = t.routeTables.find((r) => r.id === 'rtb-private')!;
      priv.routes = priv.routes.filter((r) => r.destination !== '192.168.0.0/16');
      priv.routes.find((r) => r.destination === '0.0.0.0/0')!.target = 'nat-2';
      priv.routes.push(route('10.50.0.0/16', 'tgw-1', 'tgw'));
      const pub = t.routeTables.find((r) => r.id === 'rtb-public')!;
      Object.assign(pub.routes.find((r) => r.destination === '0.0.0.0/0')!, { state: 'blackhole' });
    });
    const d = diffTopologies(before, after);
    const routes = d.changes.filter((c) => c.resource === 'route').map((c) => [c.change, c.description]);
    expect(routes).toEqual([
      ['removed', 'Route 192.168.0.0/16 → pcx-1 removed from private (rtb-private)'],
      ['added', 'Route 10.50.0.0/16 → tgw-1 added to private (rtb-private)'],
      ['changed', 'Route 0.0.0.0/0 in private (rtb-private) now goes to nat-2 instead of nat-1'],
      ['changed', 'Route 0.0.0.0/0 in public (rtb-public) now goes to igw-1 (blackhole) instead of igw-1'],
    ]);
    // Route changes colour their table, not a node of their own.
    expect(d.nodes.changed).toEqual(['rtb-private', 'rtb-public']);
    expect(d.nodes.added).toEqual([]);
    expect(d.edges.added).toEqual(expect.arrayContaining(['rtb-private->tgw-1', 'rtb-private->nat-2', 'rtb-public->igw-1!blackhole']));
    expect(d.edges.removed).toEqual(expect.arrayContaining(['rtb-private->pcx-1', 'rtb-private->nat-1', 'rtb-public->igw-1']));
  });

  it('reports a subnet that moved to another route table as an association change', () => {
    const before = sampleTopology();
    const after = edit(before, (t) => {
      const s = t.subnets.find((x) => x.id === 'subnet-priv-b')!;
      s.routeTableId = 'rtb-private';
      s.explicitRouteTable = true;
    });
    const d = diffTopologies(before, after);
    expect(d.changes).toEqual([
      expect.objectContaining({
        change: 'changed',
        resource: 'association',
        nodeId: 'subnet-priv-b',
        description: 'Subnet private-b (subnet-priv-b) now routes through private (rtb-private) instead of main (rtb-main) (main, implicit)',
      }),
    ]);
    expect(d.edges).toEqual({ added: ['subnet-priv-b->rtb-private'], removed: ['subnet-priv-b->rtb-main'], changed: [] });
  });

  it('reports added and removed subnets, route tables and gateways, in a stable order', () => {
    const before = sampleTopology();
    const after = edit(before, (t) => {
      t.subnets.push(subnet('subnet-new', 'vpc-0a1', 'us-east-1c', '10.0.20.0/24', { name: 'data-c', routeTableId: 'rtb-data', explicitRouteTable: true }));
      t.routeTables.push(routeTable('rtb-data', 'vpc-0a1', { name: 'data', subnetIds: ['subnet-new'], routes: [route('10.0.0.0/16', 'local', 'local')] }));
      t.subnets = t.subnets.filter((s) => s.id !== 'subnet-other');
      t.routeTables = t.routeTables.filter((r) => r.id !== 'rtb-other');
      t.natGateways = [];
      t.natGateways.push(natGateway('nat-2', 'vpc-0a1', 'subnet-pub-a'));
      t.internetGateways[0]!.vpcIds = [];
    });
    const d = diffTopologies(before, after);
    expect(d.changes.map((c) => `${c.change} ${c.resource} ${c.id}`)).toEqual([
      // By VPC (a detached gateway stays with the VPC it left), then kind of resource, then removed/added/changed.
      'added subnet subnet-new',
      'added routeTable rtb-data',
      'changed internetGateway igw-1',
      'removed natGateway nat-1',
      'added natGateway nat-2',
      'removed subnet subnet-other',
      'removed routeTable rtb-other',
    ]);
    expect(d.changes.find((c) => c.id === 'subnet-new')?.description).toBe('Subnet data-c (subnet-new) added in us-east-1c (10.0.20.0/24)');
    expect(d.changes.find((c) => c.id === 'rtb-data')?.description).toBe('Route table data (rtb-data) added with 1 route');
    expect(d.changes.find((c) => c.id === 'igw-1')?.details).toEqual(['attached to: removed vpc-0a1']);
    expect(d.counts).toEqual({ added: 3, removed: 3, changed: 1 });
  });

  it('reports a VPC that is gone, and one whose CIDRs grew', () => {
    const before = sampleTopology();
    const after = edit(before, (t) => {
      t.vpcs = t.vpcs.filter((v) => v.id !== 'vpc-0b2');
      t.vpcs[0]!.cidrBlocks.push('10.2.0.0/16');
    });
    const d = diffTopologies(before, after);
    expect(d.changes.filter((c) => c.resource === 'vpc').map((c) => [c.change, c.description, c.details])).toEqual([
      ['changed', 'VPC prod (vpc-0a1) changed', ['CIDR blocks: added 10.2.0.0/16']],
      ['removed', 'VPC other (vpc-0b2) removed', []],
    ]);
  });
});

describe('mergeTopologies', () => {
  it('keeps what is gone so it can be drawn in red, and the graph can be built from it', () => {
    const before = sampleTopology();
    const after = edit(before, (t) => {
      t.endpoints = t.endpoints.filter((e) => e.id !== 'vpce-ssm');
      t.networkInterfaces = t.networkInterfaces.filter((n) => n.endpointId !== 'vpce-ssm');
      const priv = t.routeTables.find((r) => r.id === 'rtb-private')!;
      priv.routes = priv.routes.filter((r) => r.destination !== '192.168.0.0/16');
      t.endpoints.push(endpoint('vpce-new', 'vpc-0a1', { routeTableIds: ['rtb-public'] }));
    });
    const merged = mergeTopologies(before, after);
    expect(merged.endpoints.map((e) => e.id).sort()).toEqual(['vpce-new', 'vpce-s3', 'vpce-ssm']);
    expect(merged.networkInterfaces.map((n) => n.id).sort()).toEqual(['eni-a', 'eni-app', 'eni-b']);
    expect(merged.routeTables.find((r) => r.id === 'rtb-private')?.routes.map((r) => r.destination)).toContain('192.168.0.0/16');

    const d = diffTopologies(before, after);
    const graph = buildGraph(merged, { vpcId: 'vpc-0a1' });
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const edgeIds = new Set(graph.edges.map((e) => e.id));
    // Every id the diff marks is one the graph draws, so the colours land on something.
    for (const id of [...d.nodes.added, ...d.nodes.removed, ...d.nodes.changed]) expect(nodeIds).toContain(id);
    for (const id of [...d.edges.added, ...d.edges.removed, ...d.edges.changed]) expect(edgeIds).toContain(id);

    // The canvas gets nodes and edges in one list per kind: the removed endpoint, its ENIs and its link to them.
    const marks = graphDiff(d);
    expect(marks.removed).toEqual(expect.arrayContaining(['vpce-ssm', 'vpce-ssm->eni-a']));
    expect(marks.added).toEqual(expect.arrayContaining(['vpce-new', 'rtb-public->vpce-new']));
    expect(marks.changed).toContain('rtb-private');
    expect(marks.added.filter((id) => marks.removed.includes(id))).toEqual([]);
  });
});

describe('route descriptions', () => {
  it('name prefix-list destinations by their service', () => {
    const before = sampleTopology();
    const after = edit(before, (t) => {
      t.routeTables.find((r) => r.id === 'rtb-public')!.routes.push(route('pl-02cd2c6b', 'vpce-ddb', 'vpce'));
    });
    expect(diffTopologies(before, after).changes[0]?.description).toBe('Route dynamodb (pl-02cd2c6b) → vpce-ddb added to public (rtb-public)');
  });
});
