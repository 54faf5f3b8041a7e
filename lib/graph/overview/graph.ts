/**
 * The detailed graph -> the overview graph: each closed group of two or more members is drawn as one node of its
 * members' kind (a class of route tables is a route table to the layout, a tier a subnet, an endpoint class an
 * interface endpoint), so the overview and the detail are laid out by the same engine, and opening a group puts
 * its members back in place. Edges are redrawn between what is drawn, merged, and carry how many they stand for.
 */

import { formatDestinations } from '@/lib/graph/build-labels';
import type { Graph, GraphEdge, GraphNode, GroupData, InterfaceEndpointData, RouteTableData, SubnetData } from '@/lib/graph/types';
import { OVERVIEW_SIZE } from '@/lib/graph/sizes';
import { classTitle, type RouteClass } from './classes';
import type { EndpointClass, Tier, VpcOverview } from './model';

export interface OverviewGraph extends Graph {
  /** Every group drawn as one node, by its id: the members it stands for. */
  groups: Map<string, string[]>;
  /** The groups of `open` that the graph has, drawn as their members, with their titles (to close them again). */
  opened: OverviewGroupRef[];
  /**
   * What is inside a closed group, by id: its tables, subnets and endpoints, and the endpoint ENIs of a closed tier's
   * subnets. Search finds them there, and the inspector and a link into one say which group to open.
   */
  holders: Map<string, OverviewGroupRef>;
}

/** An overview group as the user reads it: its id, title (`8 private subnets in us-east-1a`) and members. */
export interface OverviewGroupRef {
  id: string;
  title: string;
  members: string[];
}

/** A group of the model with the members the graph holds (filters may have left some out). */
interface Present {
  id: string;
  members: string[];
  data: (members: readonly GraphNode[]) => GraphNode['data'];
  /** Said after the title where the title alone is ambiguous (`in us-east-1a` for a tier). */
  where?: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function classGroup(c: RouteClass): Present['data'] {
  return (members) => {
    const tables = members.filter((m) => m.kind === 'routeTable').map((m) => m.data as RouteTableData);
    const title = classTitle(c.role, tables.length);
    const group: GroupData = { count: tables.length, title, short: `${tables.length} ${c.role}`, lines: c.lines.length > 0 ? c.lines : ['local routes only'], ...(c.lines.length > 0 ? { glance: c.glance } : {}), summary: `${title}: ${c.lines.join(', ') || 'local routes only'}`, members: members.map((m) => m.id) };
    const data: RouteTableData = {
      name: title,
      main: c.role === 'main',
      routeCount: tables[0]?.routeCount ?? 0,
      subnetCount: tables.reduce((sum, t) => sum + t.subnetCount, 0),
      blackholeCount: tables.reduce((sum, t) => sum + t.blackholeCount, 0),
      group,
    };
    return data;
  };
}

function tierGroup(t: Tier, classes: ReadonlyMap<string, RouteClass>): Present['data'] {
  return (members) => {
    const subnets = members.filter((m) => m.kind === 'subnet').map((m) => m.data as SubnetData);
    const title = plural(subnets.length, t.public ? 'public subnet' : 'private subnet');
    const cidrs = subnets.map((s) => s.cidr || s.ipv6Cidrs?.[0] || '').filter(Boolean);
    const span = cidrs.length > 1 ? `${cidrs[0]} … ${cidrs[cidrs.length - 1]}` : (cidrs[0] ?? '');
    const c = t.classId ? classes.get(t.classId) : undefined;
    const routes = c ? (c.lines.length > 0 ? c.lines.join('; ') : 'local routes only') : 'no route table';
    const lines = [span, routes].filter(Boolean);
    const free = subnets.map((s) => s.availableIps);
    const group: GroupData = { count: subnets.length, title, short: `${subnets.length} ${t.public ? 'public' : 'private'}`, lines, summary: `${title} in ${t.az}: ${lines.join(', ')}`, members: members.map((m) => m.id) };
    const data: SubnetData = {
      name: title,
      cidr: span,
      az: t.az,
      public: t.public,
      availableIps: free.every((n) => n !== null) ? free.reduce<number>((sum, n) => sum + (n ?? 0), 0) : null,
      routeTableId: t.classId,
      explicitRouteTable: true,
      group,
    };
    return data;
  };
}

function endpointGroup(e: EndpointClass): Present['data'] {
  return (members) => {
    const endpoints = members.filter((m) => m.kind === 'interfaceEndpoint').map((m) => m.data as InterfaceEndpointData);
    const word = e.type === 'Interface' ? 'interface endpoint' : `${e.type} endpoint`;
    const title = plural(endpoints.length, word);
    const services = [...new Set(endpoints.map((d) => d.service || d.label || d.name))].sort();
    const where = e.azs.length > 0 ? `in ${plural(e.azs.length, 'AZ')}: ${e.azs.join(', ')}` : 'in no AZ';
    const shown = services.length > 6 ? `${services.slice(0, 6).join(', ')} +${services.length - 6}` : services.join(', ');
    const lines = [where, shown];
    const group: GroupData = { count: endpoints.length, title, short: plural(endpoints.length, 'endpoint'), lines, summary: `${title} ${where}: ${services.join(', ')}`, members: members.map((m) => m.id) };
    const data: InterfaceEndpointData = {
      name: title,
      label: title,
      service: services[0] ?? '',
      serviceName: '',
      endpointType: e.type,
      azs: [...e.azs],
      privateDnsEnabled: endpoints.every((d) => d.privateDnsEnabled),
      state: endpoints.every((d) => d.state === endpoints[0]?.state) ? (endpoints[0]?.state ?? '') : 'mixed',
      eniCount: endpoints.reduce((sum, d) => sum + d.eniCount, 0),
      group,
    };
    return data;
  };
}

/**
 * Edge labels of the overview: what the edge carries and how many edges of the detail stand behind it. Routes into
 * one target with the same destinations end on one stretch, labelled once by the canvas, so each of them says the
 * total into that target (`s3 (pl-63a5400a) · 178 tables`); an association says how many subnets it carries.
 */
function overviewLabel(edge: GraphEdge, count: number): string | undefined {
  if (edge.kind === 'association') return count > 1 ? plural(count, 'subnet') : undefined;
  if (edge.kind !== 'route') return undefined;
  const what = `${formatDestinations(edge.destinations)}${edge.blackhole ? ' (blackhole)' : ''}`;
  return count > 1 ? `${what} · ${count} tables` : what;
}

/** The key under which route edges into one target share their label. */
function stretchKey(edge: GraphEdge): string {
  return `${edge.target}|${edge.blackhole ? '!' : ''}${edge.destinations.join(',')}`;
}

/**
 * Gives the nodes of the VPCs in `overviewed`, and the targets outside every VPC, their overview size, which holds
 * their title at the size that reads at the zoom fitting the whole picture (`OVERVIEW_SIZE`). A small VPC drawn
 * beside big ones keeps its detail's sizes, and so do the members of an open group (`opened`): they are drawn where
 * the group was, at the zoom it was looked at, to be read one by one.
 */
function sizeForOverview(nodes: GraphNode[], overviewed: ReadonlySet<string>, opened: ReadonlySet<string>): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const vpcOf = (n: GraphNode): string | undefined => {
    let cur: GraphNode | undefined = n;
    while (cur && cur.kind !== 'vpc') cur = cur.parentId === undefined ? undefined : byId.get(cur.parentId);
    return cur?.id;
  };
  nodes.forEach((n, i) => {
    const size = OVERVIEW_SIZE[n.kind];
    if (!size || opened.has(n.id)) return;
    const vpc = vpcOf(n);
    if (vpc === undefined ? n.parentId === undefined : overviewed.has(vpc)) nodes[i] = { ...n, size };
  });
}

/**
 * Draws each closed group of `overviews` that has two or more members in `graph` as one node. `open` holds the ids
 * of the groups drawn as their members. Endpoint ENIs are left out wherever their subnet is inside a closed tier: an
 * endpoint (or its class) says which AZs it covers. Selecting something inside a closed group opens it (search,
 * links, the inspector: `holders`); a group the user closes over the selection is drawn as the selection.
 */
export function applyOverview(graph: Graph, overviews: readonly VpcOverview[], open: ReadonlySet<string>): OverviewGraph {
  const present = new Set(graph.nodes.map((n) => n.id));
  const classes = new Map(overviews.flatMap((o) => o.classes.map((c) => [c.id, c] as const)));
  const candidates: Present[] = overviews.flatMap((o) => [
    ...o.classes.map((c) => ({ id: c.id, members: c.tableIds, data: classGroup(c) })),
    ...o.tiers.map((t) => ({ id: t.id, members: t.subnetIds, data: tierGroup(t, classes), where: `in ${t.az}` })),
    ...o.endpointClasses.map((e) => ({ id: e.id, members: e.endpointIds, data: endpointGroup(e) })),
  ]);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rep = new Map<string, Present>();
  const opened: OverviewGraph['opened'] = [];
  const closed: OverviewGroupRef[] = [];
  const refOf = (g: Present, members: string[]): OverviewGroupRef => {
    const data = g.data(members.flatMap((id) => byId.get(id) ?? []));
    const title = 'group' in data && data.group ? data.group.title : g.id;
    return { id: g.id, title: g.where ? `${title} ${g.where}` : title, members };
  };
  for (const g of candidates) {
    const members = g.members.filter((id) => present.has(id));
    if (members.length < 2) continue;
    if (open.has(g.id)) {
      opened.push(refOf(g, members));
      continue;
    }
    closed.push(refOf(g, members));
    for (const m of members) rep.set(m, g);
  }
  const holders = new Map<string, OverviewGroupRef>();
  for (const ref of closed) for (const m of ref.members) holders.set(m, ref);

  const dropped = new Set<string>();
  for (const n of graph.nodes) {
    if (n.kind === 'endpointEni' && n.parentId !== undefined && rep.has(n.parentId)) {
      dropped.add(n.id);
      const holder = holders.get(n.parentId);
      if (holder) holders.set(n.id, holder);
    }
  }
  const drawnAs = (id: string): string => rep.get(id)?.id ?? id;

  const nodes: GraphNode[] = [];
  const groups = new Map<string, string[]>();
  const membersOf = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const g = rep.get(n.id);
    if (g) {
      const list = membersOf.get(g.id);
      if (list) list.push(n);
      else membersOf.set(g.id, [n]);
    }
  }
  for (const n of graph.nodes) {
    if (dropped.has(n.id)) continue;
    const g = rep.get(n.id);
    if (g) {
      if (groups.has(g.id)) continue;
      const members = membersOf.get(g.id) ?? [n];
      groups.set(g.id, members.map((m) => m.id));
      const parentId = n.parentId === undefined ? undefined : drawnAs(n.parentId);
      nodes.push({ id: g.id, kind: n.kind, ...(parentId === undefined ? {} : { parentId }), data: g.data(members) } as GraphNode);
      continue;
    }
    const parentId = n.parentId === undefined ? undefined : drawnAs(n.parentId);
    nodes.push(parentId === n.parentId ? n : ({ ...n, parentId } as GraphNode));
  }

  sizeForOverview(nodes, new Set(overviews.map((o) => o.vpcId)), new Set(opened.flatMap((g) => g.members)));

  const edges: GraphEdge[] = [];
  const merged = new Map<string, { edge: GraphEdge; count: number }>();
  for (const e of graph.edges) {
    if (dropped.has(e.source) || dropped.has(e.target)) continue;
    const source = drawnAs(e.source);
    const target = drawnAs(e.target);
    if (source === e.source && target === e.target) {
      edges.push(e);
      continue;
    }
    const id = `${source}->${target}${e.blackhole ? '!blackhole' : ''}`;
    const hit = merged.get(id);
    if (hit) {
      hit.count += 1;
      hit.edge.dashed &&= e.dashed;
      for (const d of e.destinations) if (!hit.edge.destinations.includes(d)) hit.edge.destinations.push(d);
      continue;
    }
    const edge: GraphEdge = { id, source, target, kind: e.kind, dashed: e.dashed, blackhole: e.blackhole, destinations: [...e.destinations] };
    merged.set(id, { edge, count: 1 });
    edges.push(edge);
  }
  const intoTarget = new Map<string, number>();
  for (const e of edges) {
    if (e.kind !== 'route') continue;
    const k = stretchKey(e);
    intoTarget.set(k, (intoTarget.get(k) ?? 0) + (merged.get(e.id)?.count ?? 1));
  }
  for (const { edge, count } of merged.values()) {
    edge.count = count;
    const label = overviewLabel(edge, edge.kind === 'route' ? (intoTarget.get(stretchKey(edge)) ?? count) : count);
    if (label) edge.label = label;
  }
  return { nodes, edges, groups, opened, holders };
}
