import type { Endpoint, Topology } from '@/lib/topology/types';
import { effectiveSecurityGroups, findOffering, prefixListOf } from './rules';
import type { ServiceOffering } from './types';
import { appendAll } from '@/lib/arrays';
import { withoutAwsPrefix } from '@/lib/aws/services';

/**
 * What a request will change, as data: the routes it adds or removes, the network interfaces it
 * creates or deletes, the DNS names it brings. The form lists it in words; the graph can draw it as a
 * ghost (dashed nodes and edges keyed by the same ids as the topology), see `EndpointPreview`.
 */

/** The id the preview gives the endpoint AWS has not named yet. */
export const NEW_ENDPOINT_ID = 'vpce-(new)';

export interface PreviewRoute {
  routeTableId: string;
  routeTableName: string;
  /** The prefix list id (`pl-63a5400a`), the route's destination. */
  destination: string;
  /** `com.amazonaws.us-east-1.s3`. */
  destinationName: string;
  /** The endpoint the route targets: NEW_ENDPOINT_ID for a new one. */
  target: string;
  /** The subnets whose traffic follows this route (they use the table). */
  subnetIds: string[];
}

export interface PreviewNetworkInterface {
  subnetId: string;
  subnetName: string;
  az: string;
  /** An existing ENI (being deleted) has an id; a new one has none yet. */
  networkInterfaceId: string | null;
  privateIp: string | null;
  securityGroupIds: string[];
}

/**
 * The change a request makes to the topology. For the graph's ghost layer:
 * - `endpoint` is a node to draw (id NEW_ENDPOINT_ID for a create) in `vpcId`;
 * - each of `addRoutes` is an edge routeTableId -> endpoint.id (each of `removeRoutes` one that goes away);
 * - each of `addNetworkInterfaces` is a node in its subnet with an edge from the endpoint (`removeNetworkInterfaces`: go away).
 */
export interface EndpointPreview {
  action: 'create' | 'modify' | 'delete';
  vpcId: string;
  endpoint: { id: string; type: 'Gateway' | 'Interface'; serviceName: string; shortName: string; name: string };
  addRoutes: PreviewRoute[];
  removeRoutes: PreviewRoute[];
  addNetworkInterfaces: PreviewNetworkInterface[];
  removeNetworkInterfaces: PreviewNetworkInterface[];
  /** DNS names clients will use; for a new interface endpoint the random part is shown as `…`. */
  dnsNames: string[];
  /** The change in sentences, for the page and for screen readers. */
  summary: string[];
}

export interface PreviewRequest {
  type: 'gateway' | 'interface';
  vpcId: string;
  serviceName: string;
  name?: string;
  routeTableIds?: string[];
  subnetIds?: string[];
  securityGroupIds?: string[];
  privateDnsEnabled?: boolean;
}

const shortOf = withoutAwsPrefix;

function routesFor(topology: Topology, serviceName: string, tableIds: string[], target: string): PreviewRoute[] {
  const pl = prefixListOf(topology, serviceName);
  return tableIds.flatMap((id) => {
    const t = topology.routeTables.find((x) => x.id === id);
    if (!t) return [];
    return [{ routeTableId: t.id, routeTableName: t.name, destination: pl?.id ?? `(prefix list of ${serviceName})`, destinationName: serviceName, target, subnetIds: t.effectiveSubnetIds }];
  });
}

function routeSentence(r: PreviewRoute, verb: 'Adds' | 'Removes'): string {
  const n = r.subnetIds.length;
  return `${verb} the route ${r.destination} → ${r.target} ${verb === 'Adds' ? 'to' : 'from'} ${r.routeTableName === r.routeTableId ? r.routeTableId : `${r.routeTableName} (${r.routeTableId})`}, used by ${n} subnet${n === 1 ? '' : 's'}.`;
}

function eniSentence(n: PreviewNetworkInterface, verb: 'Creates' | 'Deletes'): string {
  const what = n.networkInterfaceId ? `${n.networkInterfaceId}${n.privateIp ? ` (${n.privateIp})` : ''}` : 'a network interface';
  return `${verb} ${what} in ${n.subnetName === n.subnetId ? n.subnetId : `${n.subnetName} (${n.subnetId})`}, ${n.az}.`;
}

/** The preview of a create request, from the form's current (possibly incomplete) values. */
export function previewCreate(request: PreviewRequest, topology: Topology, services: ServiceOffering[]): EndpointPreview {
  const type = request.type === 'gateway' ? 'Gateway' : 'Interface';
  const offering = findOffering(services, request.serviceName, type);
  const shortName = offering?.shortName ?? shortOf(request.serviceName);
  const preview = blankPreview('create', request.vpcId, { id: NEW_ENDPOINT_ID, type, serviceName: request.serviceName, shortName, name: request.name?.trim() || NEW_ENDPOINT_ID });
  if (!request.serviceName) return preview;
  preview.summary.push(`Creates a ${type.toLowerCase()} endpoint for ${shortName} in ${request.vpcId}.`);
  if (type === 'Gateway') {
    preview.addRoutes = routesFor(topology, request.serviceName, request.routeTableIds ?? [], NEW_ENDPOINT_ID);
    appendAll(preview.summary, preview.addRoutes.map((r) => routeSentence(r, 'Adds')));
    return preview;
  }
  const groups = effectiveSecurityGroups(topology, request.vpcId, request.securityGroupIds ?? []).map((g) => g.id);
  preview.addNetworkInterfaces = (request.subnetIds ?? []).flatMap((id) => {
    const s = topology.subnets.find((x) => x.id === id);
    return s ? [{ subnetId: s.id, subnetName: s.name, az: s.az, networkInterfaceId: null, privateIp: null, securityGroupIds: groups }] : [];
  });
  appendAll(preview.summary, preview.addNetworkInterfaces.map((n) => eniSentence(n, 'Creates')));
  preview.dnsNames = [`vpce-…-….${offering?.vpceDnsName ?? `${shortName}.${topology.region}.vpce.amazonaws.com`}`];
  if (request.privateDnsEnabled && offering?.privateDnsName) preview.dnsNames.push(offering.privateDnsName);
  return preview;
}

type PreviewParts = Partial<Omit<EndpointPreview, 'action' | 'vpcId' | 'endpoint'>>;

/** A preview that changes nothing yet; `parts` fills in what the change does. */
function blankPreview(action: EndpointPreview['action'], vpcId: string, endpoint: EndpointPreview['endpoint'], parts: PreviewParts = {}): EndpointPreview {
  return { action, vpcId, endpoint, addRoutes: [], removeRoutes: [], addNetworkInterfaces: [], removeNetworkInterfaces: [], dnsNames: [], summary: [], ...parts };
}

/**
 * The preview of a change to an existing endpoint; without `parts`, no change at all: the endpoint as it is, for
 * the graph to frame.
 */
export function endpointPreview(endpoint: Endpoint, action: 'modify' | 'delete' = 'modify', parts: PreviewParts = {}): EndpointPreview {
  const type = endpoint.type === 'Gateway' ? 'Gateway' : 'Interface';
  return blankPreview(action, endpoint.vpcId, { id: endpoint.id, type, serviceName: endpoint.serviceName, shortName: endpoint.serviceShortName, name: endpoint.name }, parts);
}

/** The preview of adding and removing route tables of a gateway endpoint. */
export function previewRouteTableChange(endpoint: Endpoint, add: string[], remove: string[], topology: Topology): EndpointPreview {
  const addRoutes = routesFor(topology, endpoint.serviceName, add, endpoint.id);
  const removeRoutes = routesFor(topology, endpoint.serviceName, remove, endpoint.id);
  return endpointPreview(endpoint, 'modify', {
    addRoutes,
    removeRoutes,
    summary: [...addRoutes.map((r) => routeSentence(r, 'Adds')), ...removeRoutes.map((r) => routeSentence(r, 'Removes'))],
  });
}

/** What deleting an endpoint takes away: its routes (gateway) or its network interfaces (interface). */
export function previewDelete(endpoint: Endpoint, topology: Topology): EndpointPreview {
  const removeRoutes = endpoint.type === 'Gateway' ? routesFor(topology, endpoint.serviceName, endpoint.routeTableIds, endpoint.id) : [];
  const removeNetworkInterfaces = endpoint.networkInterfaceIds.flatMap((id) => {
    const n = topology.networkInterfaces.find((x) => x.id === id);
    const s = topology.subnets.find((x) => x.id === n?.subnetId);
    return n ? [{ subnetId: n.subnetId, subnetName: s?.name ?? n.subnetId, az: n.az, networkInterfaceId: n.id, privateIp: n.privateIp, securityGroupIds: n.securityGroupIds }] : [];
  });
  const summary = [...removeRoutes.map((r) => routeSentence(r, 'Removes')), ...removeNetworkInterfaces.map((n) => eniSentence(n, 'Deletes'))];
  if (endpoint.type === 'Interface' && endpoint.privateDnsEnabled) {
    const name = endpoint.dnsEntries.find((d) => !d.dnsName.endsWith('.vpce.amazonaws.com'))?.dnsName;
    if (name) summary.push(`${name} resolves to the public service endpoint again for this VPC.`);
  }
  return endpointPreview(endpoint, 'delete', { removeRoutes, removeNetworkInterfaces, dnsNames: endpoint.dnsEntries.map((d) => d.dnsName), summary });
}
