import type { Endpoint, NetworkInterface, Route, RouteTable, Topology } from '@/lib/topology/types';
import type { EndpointPreview } from './preview';

/**
 * A preview (lib/endpoints/preview.ts) applied to a topology, so the graph can draw the change before it is
 * made: the new endpoint, its routes and its network interfaces as a "ghost" over the VPC as it is, and what a
 * change takes away marked on the resources that are still there. Pure: the form calls it as the user chooses.
 */

export interface EndpointGhost {
  /**
   * What to draw: the topology as it is plus what the request adds. What it removes is still there, so that it
   * can be drawn marked (the compare page does the same with its merged topology).
   */
  topology: Topology;
  /** The topology once the request is made: additions in, removals gone. */
  after: Topology;
  /** Graph ids (nodes and edges, as lib/graph/build.ts names them) of what the request creates. */
  added: string[];
  /** Graph ids of what it removes. */
  removed: string[];
  /**
   * The nodes the change touches, to frame on the graph: the endpoint, the route tables it changes, the subnets
   * where it adds or removes interfaces (whole, so their names show).
   */
  focus: string[];
}

/** The id of the network interface a new interface endpoint will get in `subnetId` (AWS names it on create). */
export function ghostEniId(subnetId: string): string {
  return `eni-(new)-${subnetId}`;
}

// Edge ids as lib/graph/build.ts makes them: a route table's edge to a route target, an endpoint's to its ENI.
const routeEdgeId = (routeTableId: string, targetId: string) => `${routeTableId}->${targetId}`;
const eniEdgeId = (endpointId: string, eniId: string) => `${endpointId}->${eniId}`;

// The routes AWS adds for a gateway endpoint (and the fixture backend copies): the prefix list to the endpoint.
function prefixListRoute(destination: string, endpointId: string): Route {
  return { destination, destinationType: 'prefix-list', target: endpointId, targetType: 'vpce', targetKind: 'vpce', state: 'active', origin: 'CreateRoute', propagated: false };
}

/**
 * Applies an endpoint preview to a topology: for a create, a new endpoint (preview.ts's `NEW_ENDPOINT_ID`), a route from the
 * service's prefix list to it in each chosen route table, and a requester-managed `vpc_endpoint` network
 * interface (`ghostEniId`) in each chosen subnet; for a change to an existing endpoint, the routes it adds and a
 * new interface in each subnet it adds; for a change or a delete, the routes, interfaces and endpoint that go
 * away. A create without a service yet changes nothing.
 */
export function applyEndpointPreview(topology: Topology, preview: EndpointPreview): EndpointGhost {
  const endpointId = preview.endpoint.id;
  const creating = preview.action === 'create';
  if (creating && !preview.endpoint.serviceName) return { topology, after: topology, added: [], removed: [], focus: [] };

  const added: string[] = [];
  const removed: string[] = [];

  // A create's interfaces, and those a change of subnets adds to an existing endpoint (one per newly chosen subnet).
  const newEnis: NetworkInterface[] = preview.addNetworkInterfaces.map((n) => ({
    id: ghostEniId(n.subnetId),
    vpcId: preview.vpcId,
    subnetId: n.subnetId,
    az: n.az,
    description: `VPC Endpoint Interface ${endpointId}`,
    interfaceType: 'vpc_endpoint',
    // AWS picks a free address of the subnet when it creates the interface.
    privateIp: null,
    privateIps: [],
    securityGroupIds: [...n.securityGroupIds],
    status: 'in-use',
    requesterManaged: true,
    endpointId,
    tags: {},
  }));
  for (const eni of newEnis) added.push(eni.id, eniEdgeId(endpointId, eni.id));

  const removedEniIds = new Set(preview.removeNetworkInterfaces.flatMap((n) => (n.networkInterfaceId ? [n.networkInterfaceId] : [])));
  for (const id of removedEniIds) removed.push(id, eniEdgeId(endpointId, id));

  const addRouteTables = new Map(preview.addRoutes.map((r) => [r.routeTableId, r]));
  const removeRouteTables = new Map(preview.removeRoutes.map((r) => [r.routeTableId, r]));
  for (const id of addRouteTables.keys()) added.push(routeEdgeId(id, endpointId));
  for (const id of removeRouteTables.keys()) removed.push(routeEdgeId(id, endpointId));

  // A prefix list the region does not list leaves the preview with a description instead of an id: the table is
  // still associated (the endpoint lists it, and the graph draws that), but no route is invented.
  const withAddedRoute = (t: RouteTable): RouteTable => {
    const r = addRouteTables.get(t.id);
    if (!r || !r.destination.startsWith('pl-') || t.routes.some((x) => x.destination === r.destination && x.target === r.target)) return t;
    return { ...t, routes: [...t.routes, prefixListRoute(r.destination, r.target)] };
  };
  const withoutRemovedRoute = (t: RouteTable): RouteTable => {
    const r = removeRouteTables.get(t.id);
    return r ? { ...t, routes: t.routes.filter((x) => !(x.destination === r.destination && x.target === r.target)) } : t;
  };

  let drawnEndpoints = topology.endpoints;
  let afterEndpoints: Endpoint[];
  if (creating) {
    const name = preview.endpoint.name === endpointId ? '' : preview.endpoint.name;
    const endpoint: Endpoint = {
      id: endpointId,
      vpcId: preview.vpcId,
      name,
      type: preview.endpoint.type,
      serviceName: preview.endpoint.serviceName,
      serviceShortName: preview.endpoint.shortName,
      serviceNetworkArn: null,
      resourceConfigurationArn: null,
      serviceRegion: null,
      // Gateway endpoints are available at once; interface endpoints start pending while AWS places the ENIs.
      state: preview.endpoint.type === 'Gateway' ? 'available' : 'pending',
      failureReason: null,
      routeTableIds: [...addRouteTables.keys()],
      subnetIds: preview.addNetworkInterfaces.map((n) => n.subnetId),
      networkInterfaceIds: newEnis.map((n) => n.id),
      securityGroupIds: [...new Set(preview.addNetworkInterfaces.flatMap((n) => n.securityGroupIds))],
      // The preview lists the private DNS name after the endpoint's own `*.vpce.amazonaws.com` names when it is on.
      privateDnsEnabled: preview.dnsNames.some((d) => !d.endsWith('.vpce.amazonaws.com')),
      policy: null,
      dnsEntries: preview.dnsNames.map((dnsName) => ({ dnsName, hostedZoneId: null })),
      dnsOptions: null,
      ipAddressType: null,
      ipv4Prefixes: [],
      ipv6Prefixes: [],
      ownerId: null,
      requesterManaged: false,
      createdAt: null,
      lastError: null,
      tags: name ? { Name: name } : {},
    };
    added.unshift(endpointId);
    drawnEndpoints = [...topology.endpoints.filter((e) => e.id !== endpointId), endpoint];
    afterEndpoints = drawnEndpoints;
  } else {
    const removedSubnetIds = new Set(preview.removeNetworkInterfaces.map((n) => n.subnetId));
    const change = (e: Endpoint, dropRemoved: boolean): Endpoint => {
      const keep = (id: string) => !dropRemoved || !removeRouteTables.has(id);
      return {
        ...e,
        routeTableIds: [...new Set([...e.routeTableIds.filter(keep), ...addRouteTables.keys()])],
        subnetIds: [...new Set([...e.subnetIds.filter((id) => !dropRemoved || !removedSubnetIds.has(id)), ...newEnis.map((n) => n.subnetId)])],
        networkInterfaceIds: [...new Set([...e.networkInterfaceIds.filter((id) => !dropRemoved || !removedEniIds.has(id)), ...newEnis.map((n) => n.id)])],
      };
    };
    drawnEndpoints = topology.endpoints.map((e) => (e.id === endpointId ? change(e, false) : e));
    if (preview.action === 'delete') {
      removed.unshift(endpointId);
      afterEndpoints = topology.endpoints.filter((e) => e.id !== endpointId);
    } else {
      afterEndpoints = topology.endpoints.map((e) => (e.id === endpointId ? change(e, true) : e));
    }
  }

  const drawnTables = topology.routeTables.map(withAddedRoute);
  const drawn: Topology = {
    ...topology,
    endpoints: drawnEndpoints,
    routeTables: drawnTables,
    networkInterfaces: [...topology.networkInterfaces, ...newEnis],
  };
  const after: Topology = {
    ...drawn,
    endpoints: afterEndpoints,
    routeTables: drawnTables.map(withoutRemovedRoute),
    networkInterfaces: drawn.networkInterfaces.filter((n) => !removedEniIds.has(n.id)),
  };
  const focus = [
    ...new Set([
      endpointId,
      ...addRouteTables.keys(),
      ...removeRouteTables.keys(),
      ...preview.addNetworkInterfaces.map((n) => n.subnetId),
      ...preview.removeNetworkInterfaces.map((n) => n.subnetId),
    ]),
  ];
  return { topology: drawn, after, added, removed, focus };
}
