/** The view's filters on a built graph (AZs, endpoints only, kinds), and the options a view gives `buildGraph`. */

import type { AzGraphNode, BuildGraphOptions, Graph, GraphNode, NodeKind } from './types';

/**
 * Applies the AZ, endpoints-only and kind filters to a complete graph.
 * Hiding an AZ removes everything inside it; hiding a kind removes only those nodes and moves their children
 * up to the nearest remaining group (hiding subnets keeps their NAT gateways and ENIs, inside the AZ).
 */
export function applyFilters(graph: Graph, options: BuildGraphOptions): Graph {
  const hiddenAzs = new Set(options.hiddenAzs ?? []);
  const hiddenKinds = new Set<NodeKind>(options.hiddenKinds ?? []);
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parentId]));

  const removed = new Set<string>();
  for (const node of graph.nodes) {
    const parentRemoved = node.parentId !== undefined && removed.has(node.parentId);
    if (parentRemoved || (node.kind === 'az' && hiddenAzs.has(node.data.az))) removed.add(node.id);
  }

  if (options.endpointsOnly) {
    const keep = new Set<string>();
    const endpointIds = new Set(
      graph.nodes.filter((n) => n.kind === 'gatewayEndpoint' || n.kind === 'interfaceEndpoint').map((n) => n.id),
    );
    for (const id of endpointIds) keep.add(id);
    for (const e of graph.edges) {
      if (e.kind === 'route' && endpointIds.has(e.target)) keep.add(e.source);
      if (e.kind === 'endpointEni') keep.add(e.target);
    }
    // Subnets whose table leads to a gateway endpoint: they are who reaches the service through it.
    for (const e of graph.edges) {
      if (e.kind === 'association' && keep.has(e.target)) keep.add(e.source);
    }
    for (const id of [...keep]) {
      for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) keep.add(p);
    }
    for (const node of graph.nodes) {
      if (!keep.has(node.id) && node.kind !== 'vpc') removed.add(node.id);
    }
  }

  const dropped = (id: string) => removed.has(id) || hiddenKindOf(id);
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  function hiddenKindOf(id: string): boolean {
    const kind = kindOf.get(id);
    return kind !== undefined && hiddenKinds.has(kind);
  }
  const nearestKeptParent = (id: string): string | undefined => {
    let p = parentOf.get(id);
    while (p !== undefined && dropped(p)) p = parentOf.get(p);
    return p;
  };

  let nodes: GraphNode[] = graph.nodes
    .filter((n) => !dropped(n.id))
    .map((n) => {
      const parentId = nearestKeptParent(n.id);
      if (parentId === n.parentId) return n;
      const moved = { ...n };
      if (parentId === undefined) delete moved.parentId;
      else moved.parentId = parentId;
      return moved;
    });

  // AZ boxes exist only to group what is inside them; an emptied one would be a blank frame.
  const parentsWithChildren = new Set(nodes.map((n) => n.parentId).filter((p): p is string => p !== undefined));
  nodes = nodes.filter((n) => n.kind !== 'az' || parentsWithChildren.has(n.id));
  nodes = nodes.map((n) => (n.kind === 'az' ? withAzCounts(n, nodes) : n));

  const kept = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return { nodes, edges };
}

/** Counts of what is drawn inside an AZ box, for its collapsed summary. */
function withAzCounts(az: AzGraphNode, nodes: readonly GraphNode[]): AzGraphNode {
  const inside = new Set<string>([az.id]);
  let subnetCount = 0;
  let publicSubnetCount = 0;
  let natGatewayCount = 0;
  let endpointEniCount = 0;
  // Parents precede children, so one pass finds every descendant.
  for (const n of nodes) {
    if (n.parentId === undefined || !inside.has(n.parentId)) continue;
    inside.add(n.id);
    if (n.kind === 'subnet') {
      subnetCount += 1;
      if (n.data.public) publicSubnetCount += 1;
    } else if (n.kind === 'natGateway') natGatewayCount += 1;
    else if (n.kind === 'endpointEni') endpointEniCount += 1;
  }
  return { ...az, data: { ...az.data, subnetCount, publicSubnetCount, natGatewayCount, endpointEniCount } };
}

/**
 * What `buildGraph` is given for a view of the canvas: the VPC (or the whole region) and the view's filters,
 * left out when none is set. The server page lays out the first view with it and the canvas builds its graph with
 * it, so the two graphs, and their layout keys, are the same.
 */
export function viewGraphOptions(
  vpcId: string | undefined,
  view: { hiddenKinds: readonly NodeKind[]; hiddenAzs: readonly string[]; endpointsOnly: boolean },
): BuildGraphOptions {
  const scope = vpcId === undefined ? {} : { vpcId };
  if (view.hiddenKinds.length === 0 && view.hiddenAzs.length === 0 && !view.endpointsOnly) return scope;
  return { ...scope, hiddenKinds: view.hiddenKinds, hiddenAzs: view.hiddenAzs, endpointsOnly: view.endpointsOnly };
}
