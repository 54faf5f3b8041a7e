import type { Route, RouteTable } from '@/lib/topology/types';
import { byId, details, field, label, listField } from './format';
import type { ChangeKind, DiffContext, Push } from './types';

/** Route tables, and their routes by destination. */

function routeTarget(r: Route): string {
  return r.state === 'blackhole' ? `${r.target} (blackhole)` : r.target;
}

/** The id `buildGraph` gives a route's edge; blackholes get their own edge. */
function routeEdgeId(rtId: string, r: Route): string {
  const blackhole = r.state === 'blackhole' || r.targetType === 'blackhole';
  return `${rtId}->${r.target}${blackhole ? '!blackhole' : ''}`;
}

export function diffRouteTables({ before, after, push, edges, subnetName }: DiffContext): void {
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
    const changed = details(
      field('name', old.name, rt.name),
      field('main', old.main ? 'yes' : 'no', rt.main ? 'yes' : 'no'),
      listField('explicit subnets', old.subnetIds, rt.subnetIds, subnetName),
    );
    if (changed.length) push({ change: 'changed', resource: 'routeTable', id, nodeId: id, vpcId: rt.vpcId, description: `Route table ${label(rt)} changed`, details: changed });
    diffRoutes(old, rt, push, edges, dest);
  }
  for (const [id, rt] of rb) {
    if (ra.has(id)) continue;
    push({ change: 'removed', resource: 'routeTable', id, nodeId: id, vpcId: rt.vpcId, description: `Route table ${label(rt)} removed` });
    for (const r of rt.routes) if (r.targetType !== 'local') edges.removed.add(routeEdgeId(id, r));
  }
}

function diffRoutes(old: RouteTable, rt: RouteTable, push: Push, edges: Record<ChangeKind, Set<string>>, dest: (destination: string) => string): void {
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
          details: details(field('target', routeTarget(o), routeTarget(r))),
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
