/**
 * What changed between two topologies: "what changed in our network since last week?".
 *
 * Compared: VPCs, subnets, subnet -> route table associations, route tables, routes (per route table, by
 * destination), VPC endpoints, internet and NAT gateways. Left out on purpose: `fetchedAt`, free IP counts
 * (they move with every instance launch), security groups, prefix lists and plain network interfaces, and tags
 * other than Name. An endpoint's network interfaces come and go with the endpoint and are marked with it.
 *
 * Pure: plain data in, plain data out; the same two topologies always give the same list in the same order.
 */

import type { Endpoint, NetworkInterface, Route, RouteTable, Subnet, Topology } from '@/lib/topology/types';

export type ChangeKind = 'added' | 'removed' | 'changed';

export type ChangedResource = 'vpc' | 'subnet' | 'association' | 'routeTable' | 'route' | 'endpoint' | 'internetGateway' | 'natGateway';

export interface Change {
  change: ChangeKind;
  resource: ChangedResource;
  /** The changed resource's id; for a route `${routeTableId} ${destination}`, for an association the subnet id. */
  id: string;
  /** The graph node that shows the change: the resource itself, a route's table, an association's subnet. */
  nodeId: string;
  vpcId: string;
  /** One sentence a person can read: "Route 0.0.0.0/0 → nat-1 added to private (rtb-1)". */
  description: string;
  /** For `changed`: what changed, one line per field ("state: pending → available"). */
  details: string[];
}

/** Ids to colour: the `diff` a graph needs. Node ids are AWS ids, as `lib/graph/build.ts` uses them. */
export interface DiffMarks {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface TopologyDiff {
  changes: Change[];
  counts: Record<ChangeKind, number>;
  /** Graph nodes to mark. A node that was added or removed is not also listed as changed. */
  nodes: DiffMarks;
  /**
   * Graph edges to mark, with the ids `buildGraph` gives them: `${subnetId}->${routeTableId}` for associations,
   * `${routeTableId}->${targetId}` for routes.
   */
  edges: DiffMarks;
}

const RESOURCE_ORDER: ChangedResource[] = ['vpc', 'subnet', 'association', 'routeTable', 'route', 'endpoint', 'internetGateway', 'natGateway'];
const CHANGE_ORDER: ChangeKind[] = ['removed', 'added', 'changed'];

/** `name (id)`, or the id alone when the resource has no Name tag. */
function label(r: { id: string; name?: string }): string {
  return r.name && r.name !== r.id ? `${r.name} (${r.id})` : r.id;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

function setDelta(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: [...a].filter((x) => !b.has(x)).sort(), removed: [...b].filter((x) => !a.has(x)).sort() };
}

function field(name: string, before: unknown, after: unknown): string | null {
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : String(v));
  return show(before) === show(after) ? null : `${name}: ${show(before)} → ${show(after)}`;
}

function listField(name: string, before: readonly string[], after: readonly string[], names?: (id: string) => string): string | null {
  if (sameSet(before, after)) return null;
  const d = setDelta(before, after);
  const show = (ids: string[]) => ids.map((id) => (names ? names(id) : id)).join(', ');
  const parts = [d.added.length ? `added ${show(d.added)}` : '', d.removed.length ? `removed ${show(d.removed)}` : ''].filter(Boolean);
  return `${name}: ${parts.join('; ')}`;
}

function routeTarget(r: Route): string {
  return r.state === 'blackhole' ? `${r.target} (blackhole)` : r.target;
}

/** The id `buildGraph` gives a route's edge; blackholes get their own edge. */
function routeEdgeId(rtId: string, r: Route): string {
  const blackhole = r.state === 'blackhole' || r.targetType === 'blackhole';
  return `${rtId}->${r.target}${blackhole ? '!blackhole' : ''}`;
}

function endpointLabel(e: Endpoint): string {
  const service = e.serviceShortName || e.serviceName;
  return e.name && e.name !== e.id ? `${e.name} (${e.id}, ${service})` : `${service} (${e.id})`;
}

/**
 * Compares two topologies. `before` is the older one (a snapshot), `after` the newer (another snapshot, or now).
 */
export function diffTopologies(before: Topology, after: Topology): TopologyDiff {
  const changes: Change[] = [];
  const nodes = { added: new Set<string>(), removed: new Set<string>(), changed: new Set<string>() };
  const edges = { added: new Set<string>(), removed: new Set<string>(), changed: new Set<string>() };
  const push: Push = (c, markAs = c.change) => {
    changes.push({ ...c, details: c.details ?? [] });
    nodes[markAs].add(c.nodeId);
  };

  const rtNames = new Map<string, string>();
  for (const rt of [...before.routeTables, ...after.routeTables]) rtNames.set(rt.id, label(rt));
  const rtName = (id: string | null) => (id === null ? 'none' : (rtNames.get(id) ?? id));
  const subnetNames = new Map<string, string>();
  for (const s of [...before.subnets, ...after.subnets]) subnetNames.set(s.id, label(s));
  const subnetName = (id: string) => subnetNames.get(id) ?? id;

  // VPCs
  const vb = byId(before.vpcs);
  const va = byId(after.vpcs);
  for (const [id, v] of va) {
    const old = vb.get(id);
    if (!old) {
      push({ change: 'added', resource: 'vpc', id, nodeId: id, vpcId: id, description: `VPC ${label(v)} added (${v.cidrBlocks.join(', ')})` });
      continue;
    }
    const details = [field('name', old.name, v.name), listField('CIDR blocks', [...old.cidrBlocks, ...old.ipv6CidrBlocks], [...v.cidrBlocks, ...v.ipv6CidrBlocks])].filter(
      (d): d is string => d !== null,
    );
    if (details.length) push({ change: 'changed', resource: 'vpc', id, nodeId: id, vpcId: id, description: `VPC ${label(v)} changed`, details });
  }
  for (const [id, v] of vb) {
    if (!va.has(id)) push({ change: 'removed', resource: 'vpc', id, nodeId: id, vpcId: id, description: `VPC ${label(v)} removed` });
  }

  // Subnets and their associations
  const sb = byId(before.subnets);
  const sa = byId(after.subnets);
  for (const [id, s] of sa) {
    const old = sb.get(id);
    if (!old) {
      push({ change: 'added', resource: 'subnet', id, nodeId: id, vpcId: s.vpcId, description: `Subnet ${label(s)} added in ${s.az} (${s.cidr})` });
      if (s.routeTableId) edges.added.add(`${id}->${s.routeTableId}`);
      continue;
    }
    const details = [
      field('name', old.name, s.name),
      listField('IPv6 CIDRs', old.ipv6Cidrs, s.ipv6Cidrs),
      field('reach', old.public ? 'public' : 'private', s.public ? 'public' : 'private'),
      field('auto-assign public IP', old.mapPublicIpOnLaunch ? 'on' : 'off', s.mapPublicIpOnLaunch ? 'on' : 'off'),
    ].filter((d): d is string => d !== null);
    if (details.length) push({ change: 'changed', resource: 'subnet', id, nodeId: id, vpcId: s.vpcId, description: `Subnet ${label(s)} changed`, details });
    if (old.routeTableId !== s.routeTableId || old.explicitRouteTable !== s.explicitRouteTable) {
      push({
        change: 'changed',
        resource: 'association',
        id,
        nodeId: id,
        vpcId: s.vpcId,
        description: describeAssociation(old, s, rtName),
        details: [field('route table', describeTable(old, rtName), describeTable(s, rtName))].filter((d): d is string => d !== null),
      });
      if (old.routeTableId !== s.routeTableId) {
        if (old.routeTableId) edges.removed.add(`${id}->${old.routeTableId}`);
        if (s.routeTableId) edges.added.add(`${id}->${s.routeTableId}`);
      } else if (s.routeTableId) edges.changed.add(`${id}->${s.routeTableId}`);
    }
  }
  for (const [id, s] of sb) {
    if (sa.has(id)) continue;
    push({ change: 'removed', resource: 'subnet', id, nodeId: id, vpcId: s.vpcId, description: `Subnet ${label(s)} removed from ${s.az} (${s.cidr})` });
    if (s.routeTableId) edges.removed.add(`${id}->${s.routeTableId}`);
  }

  // Route tables and their routes
  const plNames = new Map<string, string>();
  for (const pl of [...before.prefixLists, ...after.prefixLists]) plNames.set(pl.id, pl.serviceShortName || pl.name);
  const dest = (d: string) => (plNames.has(d) ? `${plNames.get(d)} (${d})` : d);
  const rb = byId(before.routeTables);
  const ra = byId(after.routeTables);
  for (const [id, rt] of ra) {
    const old = rb.get(id);
    if (!old) {
      push({
        change: 'added',
        resource: 'routeTable',
        id,
        nodeId: id,
        vpcId: rt.vpcId,
        description: `Route table ${label(rt)} added${rt.main ? ' as the main table' : ''} with ${rt.routes.length} route${rt.routes.length === 1 ? '' : 's'}`,
      });
      for (const r of rt.routes) if (r.targetType !== 'local') edges.added.add(routeEdgeId(id, r));
      continue;
    }
    const details = [
      field('name', old.name, rt.name),
      field('main', old.main ? 'yes' : 'no', rt.main ? 'yes' : 'no'),
      listField('explicit subnets', old.subnetIds, rt.subnetIds, subnetName),
    ].filter((d): d is string => d !== null);
    if (details.length) push({ change: 'changed', resource: 'routeTable', id, nodeId: id, vpcId: rt.vpcId, description: `Route table ${label(rt)} changed`, details });
    diffRoutes(old, rt, push, edges, dest);
  }
  for (const [id, rt] of rb) {
    if (ra.has(id)) continue;
    push({ change: 'removed', resource: 'routeTable', id, nodeId: id, vpcId: rt.vpcId, description: `Route table ${label(rt)} removed` });
    for (const r of rt.routes) if (r.targetType !== 'local') edges.removed.add(routeEdgeId(id, r));
  }

  // Endpoints, with their network interfaces
  const eb = byId(before.endpoints);
  const ea = byId(after.endpoints);
  const enisOf = (t: Topology, e: Endpoint): string[] => {
    const own = new Set(e.networkInterfaceIds);
    for (const n of t.networkInterfaces) if (n.endpointId === e.id) own.add(n.id);
    return [...own];
  };
  for (const [id, e] of ea) {
    const old = eb.get(id);
    if (!old) {
      const where =
        e.type === 'Gateway'
          ? `on ${e.routeTableIds.map(rtName).join(', ') || 'no route tables'}`
          : `in ${e.subnetIds.map(subnetName).join(', ') || 'no subnets'}`;
      push({ change: 'added', resource: 'endpoint', id, nodeId: id, vpcId: e.vpcId, description: `${e.type} endpoint ${endpointLabel(e)} added ${where}` });
      for (const n of enisOf(after, e)) {
        nodes.added.add(n);
        edges.added.add(`${id}->${n}`);
      }
      for (const rt of e.routeTableIds) edges.added.add(`${rt}->${id}`);
      continue;
    }
    const details = [
      field('name', old.name, e.name),
      field('state', old.state, e.state),
      listField('route tables', old.routeTableIds, e.routeTableIds, rtName),
      listField('subnets', old.subnetIds, e.subnetIds, subnetName),
      listField('security groups', old.securityGroupIds, e.securityGroupIds),
      field('private DNS', old.privateDnsEnabled ? 'on' : 'off', e.privateDnsEnabled ? 'on' : 'off'),
      old.policy === e.policy ? null : 'policy: changed',
    ].filter((d): d is string => d !== null);
    if (details.length) push({ change: 'changed', resource: 'endpoint', id, nodeId: id, vpcId: e.vpcId, description: `${e.type} endpoint ${endpointLabel(e)} changed`, details });
    const eniDelta = setDelta(enisOf(before, old), enisOf(after, e));
    for (const n of eniDelta.added) {
      nodes.added.add(n);
      edges.added.add(`${id}->${n}`);
    }
    for (const n of eniDelta.removed) {
      nodes.removed.add(n);
      edges.removed.add(`${id}->${n}`);
    }
    const rtDelta = setDelta(old.routeTableIds, e.routeTableIds);
    for (const rt of rtDelta.added) edges.added.add(`${rt}->${id}`);
    for (const rt of rtDelta.removed) edges.removed.add(`${rt}->${id}`);
  }
  for (const [id, e] of eb) {
    if (ea.has(id)) continue;
    push({ change: 'removed', resource: 'endpoint', id, nodeId: id, vpcId: e.vpcId, description: `${e.type} endpoint ${endpointLabel(e)} removed` });
    for (const n of enisOf(before, e)) {
      nodes.removed.add(n);
      edges.removed.add(`${id}->${n}`);
    }
    for (const rt of e.routeTableIds) edges.removed.add(`${rt}->${id}`);
  }

  // Internet gateways
  const ib = byId(before.internetGateways);
  const ia = byId(after.internetGateways);
  for (const [id, g] of ia) {
    const old = ib.get(id);
    const vpcId = g.vpcIds[0] ?? old?.vpcIds[0] ?? '';
    if (!old) push({ change: 'added', resource: 'internetGateway', id, nodeId: id, vpcId, description: `Internet gateway ${label(g)} added` });
    else {
      const details = [field('name', old.name, g.name), listField('attached to', old.vpcIds, g.vpcIds)].filter((d): d is string => d !== null);
      if (details.length) push({ change: 'changed', resource: 'internetGateway', id, nodeId: id, vpcId, description: `Internet gateway ${label(g)} changed`, details });
    }
  }
  for (const [id, g] of ib) {
    if (!ia.has(id)) push({ change: 'removed', resource: 'internetGateway', id, nodeId: id, vpcId: g.vpcIds[0] ?? '', description: `Internet gateway ${label(g)} removed` });
  }

  // NAT gateways
  const nb = byId(before.natGateways);
  const na = byId(after.natGateways);
  for (const [id, g] of na) {
    const old = nb.get(id);
    if (!old) {
      push({ change: 'added', resource: 'natGateway', id, nodeId: id, vpcId: g.vpcId, description: `NAT gateway ${label(g)} added in ${subnetName(g.subnetId)}` });
      continue;
    }
    const details = [field('name', old.name, g.name), field('state', old.state, g.state), listField('public IPs', old.publicIps, g.publicIps)].filter(
      (d): d is string => d !== null,
    );
    if (details.length) push({ change: 'changed', resource: 'natGateway', id, nodeId: id, vpcId: g.vpcId, description: `NAT gateway ${label(g)} changed`, details });
  }
  for (const [id, g] of nb) {
    if (!na.has(id)) push({ change: 'removed', resource: 'natGateway', id, nodeId: id, vpcId: g.vpcId, description: `NAT gateway ${label(g)} removed` });
  }

  changes.sort(
    (a, b) =>
      (a.vpcId < b.vpcId ? -1 : a.vpcId > b.vpcId ? 1 : 0) ||
      RESOURCE_ORDER.indexOf(a.resource) - RESOURCE_ORDER.indexOf(b.resource) ||
      CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // An added or removed node is coloured for that; "changed" is for nodes that exist on both sides.
  for (const id of [...nodes.added, ...nodes.removed]) nodes.changed.delete(id);
  for (const id of [...edges.added, ...edges.removed]) edges.changed.delete(id);
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    changes,
    counts: {
      added: changes.filter((c) => c.change === 'added').length,
      removed: changes.filter((c) => c.change === 'removed').length,
      changed: changes.filter((c) => c.change === 'changed').length,
    },
    nodes: { added: sorted(nodes.added), removed: sorted(nodes.removed), changed: sorted(nodes.changed) },
    edges: { added: sorted(edges.added), removed: sorted(edges.removed), changed: sorted(edges.changed) },
  };
}

/**
 * What the canvas marks (its `diff` prop): the nodes and the edges of a comparison, one list per kind. Edge ids
 * (`a->b`) never look like AWS ids, so one list holds both.
 */
export function graphDiff(diff: Pick<TopologyDiff, 'nodes' | 'edges'>): DiffMarks {
  return {
    added: [...diff.nodes.added, ...diff.edges.added],
    removed: [...diff.nodes.removed, ...diff.edges.removed],
    changed: [...diff.nodes.changed, ...diff.edges.changed],
  };
}

function describeTable(s: Subnet, rtName: (id: string | null) => string): string {
  return s.routeTableId === null ? 'none' : `${rtName(s.routeTableId)}${s.explicitRouteTable ? '' : ' (main, implicit)'}`;
}

function describeAssociation(old: Subnet, s: Subnet, rtName: (id: string | null) => string): string {
  if (old.routeTableId === s.routeTableId) {
    return s.explicitRouteTable
      ? `Subnet ${label(s)} is now explicitly associated with ${rtName(s.routeTableId)}`
      : `Subnet ${label(s)} now uses ${rtName(s.routeTableId)} only as the main table (implicit)`;
  }
  return `Subnet ${label(s)} now routes through ${describeTable(s, rtName)} instead of ${describeTable(old, rtName)}`;
}

type Push = (c: Omit<Change, 'details'> & { details?: string[] }, markAs?: ChangeKind) => void;

function diffRoutes(
  old: RouteTable,
  rt: RouteTable,
  push: Push,
  edges: Record<ChangeKind, Set<string>>,
  dest: (destination: string) => string,
): void {
  const rb = new Map(old.routes.map((r) => [r.destination, r]));
  const ra = new Map(rt.routes.map((r) => [r.destination, r]));
  // One edge carries every route of a table to one target, so an edge is added or removed only when its last
  // route is; otherwise it is changed.
  const edgesBefore = new Set(old.routes.filter((r) => r.targetType !== 'local').map((r) => routeEdgeId(rt.id, r)));
  const edgesAfter = new Set(rt.routes.filter((r) => r.targetType !== 'local').map((r) => routeEdgeId(rt.id, r)));
  const markEdge = (r: Route) => {
    if (r.targetType === 'local') return;
    const e = routeEdgeId(rt.id, r);
    if (!edgesBefore.has(e)) edges.added.add(e);
    else if (!edgesAfter.has(e)) edges.removed.add(e);
    else edges.changed.add(e);
  };
  // The list says the route was added or removed; on the graph the table that holds it is changed.
  const base = { resource: 'route' as const, nodeId: rt.id, vpcId: rt.vpcId };
  for (const [d, r] of ra) {
    const o = rb.get(d);
    if (!o) {
      push({ ...base, change: 'added', id: `${rt.id} ${d}`, description: `Route ${dest(d)} → ${routeTarget(r)} added to ${label(rt)}` }, 'changed');
      markEdge(r);
    } else if (o.target !== r.target || o.state !== r.state) {
      push(
        {
          ...base,
          change: 'changed',
          id: `${rt.id} ${d}`,
          description: `Route ${dest(d)} in ${label(rt)} now goes to ${routeTarget(r)} instead of ${routeTarget(o)}`,
          details: [field('target', routeTarget(o), routeTarget(r))].filter((d): d is string => d !== null),
        },
        'changed',
      );
      markEdge(o);
      markEdge(r);
    }
  }
  for (const [d, o] of rb) {
    if (ra.has(d)) continue;
    push({ ...base, change: 'removed', id: `${rt.id} ${d}`, description: `Route ${dest(d)} → ${routeTarget(o)} removed from ${label(rt)}` }, 'changed');
    markEdge(o);
  }
}

/**
 * One topology to draw a comparison on: everything in `after`, plus what `before` had and `after` lost (removed
 * subnets, route tables, routes, endpoints and their interfaces, gateways, VPCs), so removed things can be shown
 * in place, in red. Where both have a resource, `after`'s version wins.
 */
export function mergeTopologies(before: Topology, after: Topology): Topology {
  const union = <T extends { id: string }>(a: readonly T[], b: readonly T[]): T[] => {
    const have = new Set(a.map((x) => x.id));
    return [...a, ...b.filter((x) => !have.has(x.id))];
  };
  const oldTables = byId(before.routeTables);
  const routeTables = union(
    after.routeTables.map((rt) => {
      const old = oldTables.get(rt.id);
      if (!old) return rt;
      const dests = new Set(rt.routes.map((r) => r.destination));
      const lost = old.routes.filter((r) => !dests.has(r.destination));
      return lost.length ? { ...rt, routes: [...rt.routes, ...lost] } : rt;
    }),
    before.routeTables,
  );
  const subnets = union(after.subnets, before.subnets);
  const subnetIds = new Set(subnets.map((s) => s.id));
  const networkInterfaces: NetworkInterface[] = union(after.networkInterfaces, before.networkInterfaces).filter((n) => subnetIds.has(n.subnetId));
  return {
    ...after,
    vpcs: union(after.vpcs, before.vpcs),
    subnets,
    routeTables,
    endpoints: union(after.endpoints, before.endpoints),
    internetGateways: union(after.internetGateways, before.internetGateways),
    natGateways: union(after.natGateways, before.natGateways),
    securityGroups: union(after.securityGroups, before.securityGroups),
    prefixLists: union(after.prefixLists, before.prefixLists),
    networkInterfaces,
  };
}
