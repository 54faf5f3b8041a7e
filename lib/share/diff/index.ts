/**
 * What changed between two topologies: "what changed in our network since last week?".
 *
 * Compared: VPCs, subnets, subnet -> route table associations, route tables, routes (per route table, by
 * destination), VPC endpoints, internet and NAT gateways. Left out on purpose: `fetchedAt`, free IP counts
 * (they move with every instance launch), security groups, prefix lists and plain network interfaces, and tags
 * other than Name. An endpoint's network interfaces come and go with the endpoint and are marked with it.
 *
 * One file per kind compares it (`network.ts`: VPCs, subnets and associations; `routes.ts`; `endpoints.ts`;
 * `gateways.ts`); `format.ts` says how a change reads; `merge.ts` builds the topology a comparison is drawn on.
 *
 * Pure: plain data in, plain data out; the same two topologies always give the same list in the same order.
 */

import type { Topology } from '@/lib/topology/types';
import { diffEndpoints } from './endpoints';
import { label } from './format';
import { diffInternetGateways, diffNatGateways } from './gateways';
import { diffSubnets, diffVpcs } from './network';
import { diffRouteTables } from './routes';
import type { Change, ChangedResource, ChangeKind, DiffContext, DiffMarks, Push, TopologyDiff } from './types';

export type { Change, ChangedResource, ChangeKind, DiffMarks, TopologyDiff } from './types';
export { mergeTopologies } from './merge';

const RESOURCE_ORDER: ChangedResource[] = ['vpc', 'subnet', 'association', 'routeTable', 'route', 'endpoint', 'internetGateway', 'natGateway'];
const CHANGE_ORDER: ChangeKind[] = ['removed', 'added', 'changed'];

/** Each kind's comparison, in the order of the list above. */
const KINDS: ReadonlyArray<(cx: DiffContext) => void> = [diffVpcs, diffSubnets, diffRouteTables, diffEndpoints, diffInternetGateways, diffNatGateways];

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

  const cx: DiffContext = { before, after, push, nodes, edges, rtName, subnetName };
  for (const diffKind of KINDS) diffKind(cx);

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
