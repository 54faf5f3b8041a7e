import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { collapseAzs } from './collapse';
import { absoluteBoxes, nearestInHeading } from './geometry';
import { relatedTo } from './highlight';
import { findMatches } from './search';
import { sampleTopology } from './test-topology';
import { indexTopology } from './topology-index';

const graph = buildGraph(sampleTopology(), { vpcId: 'vpc-0a1', direction: 'RIGHT' });

describe('findMatches', () => {
  it('finds by id, Name, CIDR and service name, case-insensitively', () => {
    expect(findMatches(graph.nodes, 'S3')).toEqual(['vpce-s3']);
    expect(findMatches(graph.nodes, 'private-a')).toEqual(['subnet-priv-a']);
    expect(findMatches(graph.nodes, '10.0.10.0/24')).toEqual(['subnet-priv-b']);
    expect(findMatches(graph.nodes, 'pcx-1')).toEqual(['pcx-1']);
    expect(findMatches(graph.nodes, 'ssm')).toEqual(['vpce-ssm']);
  });

  it('finds the subnet, VPC and ENI of an IP address', () => {
    expect(findMatches(graph.nodes, '10.0.2.50')).toEqual(['vpc-0a1', 'subnet-priv-a', 'eni-a']);
  });

  it('does not match every AZ when searching for the VPC id', () => {
    expect(findMatches(graph.nodes, 'vpc-0a1')).toEqual(['vpc-0a1']);
    expect(findMatches(graph.nodes, 'us-east-1b')).toEqual(['vpc-0a1/us-east-1b']);
  });

  it('matches nothing for blank text', () => {
    expect(findMatches(graph.nodes, '  ')).toEqual([]);
  });
});

describe('relatedTo', () => {
  it('lights the node, its contents, its neighbours and their groups', () => {
    const r = relatedTo(graph, 'subnet-priv-a');
    expect([...r.nodes].sort()).toEqual(
      ['subnet-priv-a', 'eni-a', 'rtb-private', 'vpce-ssm', 'vpc-0a1', 'vpc-0a1/us-east-1a'].sort(),
    );
    expect([...r.edges].sort()).toEqual(['subnet-priv-a->rtb-private', 'vpce-ssm->eni-a'].sort());
  });

  it('is empty for an unknown id', () => {
    expect(relatedTo(graph, 'nope').nodes.size).toBe(0);
  });
});

describe('collapseAzs', () => {
  it('hides what is inside AZs and moves edges to the AZ boxes', () => {
    const c = collapseAzs(graph);
    expect(c.hidden.has('subnet-priv-a')).toBe(true);
    expect(c.hidden.has('eni-a')).toBe(true);
    expect(c.hidden.has('vpc-0a1/us-east-1a')).toBe(false);
    const ids = c.edges.map((e) => e.id);
    expect(ids).toContain('vpc-0a1/us-east-1a->rtb-private~association');
    expect(ids).toContain('vpce-ssm->vpc-0a1/us-east-1a~endpointEni');
    // The route to the NAT gateway now points at the AZ that holds it.
    expect(ids).toContain('rtb-private->vpc-0a1/us-east-1a~route');
    expect(ids).toContain('rtb-public->igw-1');
    expect(c.edges.every((e) => !c.hidden.has(e.source) && !c.hidden.has(e.target))).toBe(true);
  });

  it('leaves expanded AZs alone', () => {
    const c = collapseAzs(graph, new Set(['vpc-0a1/us-east-1a']));
    expect(c.hidden.has('subnet-priv-a')).toBe(false);
    expect(c.hidden.has('subnet-priv-b')).toBe(true);
  });
});

describe('nearestInHeading', () => {
  const boxes = absoluteBoxes([
    { id: 'a', x: 0, y: 0, width: 10, height: 10 },
    { id: 'b', x: 100, y: 0, width: 10, height: 10 },
    { id: 'c', x: 50, y: 200, width: 10, height: 10 },
    { id: 'd', x: 5, y: 5, width: 2, height: 2, parentId: 'b' },
  ]);
  it('moves to the nearest box that way', () => {
    expect(boxes.get('d')).toEqual({ x: 105, y: 5, width: 2, height: 2 });
    expect(nearestInHeading(boxes, 'a', 'right', ['b', 'c'])).toBe('b');
    expect(nearestInHeading(boxes, 'a', 'down', ['b', 'c'])).toBe('c');
    expect(nearestInHeading(boxes, 'a', 'left', ['b', 'c'])).toBeNull();
  });
});

describe('indexTopology', () => {
  it('knows what routes to a target and which subnets use a table', () => {
    const index = indexTopology(sampleTopology());
    expect(index.routesTo.get('vpce-s3')?.map((r) => r.routeTable.id).sort()).toEqual(['rtb-main', 'rtb-private']);
    expect(index.subnetsByTable.get('rtb-main')?.map((s) => s.id)).toEqual(['subnet-priv-b']);
    expect(index.routesTo.has('local')).toBe(false);
  });
});
