/** The words and orders of the graph: stable sorting, AZ group ids, labels of route targets and destinations. */

import { compareIpv4Cidrs } from '@/lib/net/ipv4';
import type { PrefixList, Route, RouteTargetType, Subnet } from '@/lib/topology/types';

/** Plain code-unit order, not locale order: the same in Node, every browser and every worker. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Subnets by VPC, then AZ, then CIDR numerically (10.0.2.0/24 before 10.0.10.0/24; IPv6-only subnets, whose `cidr` is '', after), then id. */
export function compareSubnets(a: Subnet, b: Subnet): number {
  return (
    compareText(a.vpcId, b.vpcId) || compareText(a.az, b.az) || compareIpv4Cidrs(a.cidr, b.cidr) || compareText(a.id, b.id)
  );
}

/** The id of the group box for one AZ of one VPC. */
export function azGroupId(vpcId: string, az: string): string {
  return `${vpcId}/${az}`;
}

/**
 * The title of an endpoint ENI's chip: the service of its endpoint (`ecr.dkr`, `access-analyzer`), which is what
 * tells the chips in a subnet apart (the subnet says the AZ; the address is the chip's second line); the ENI's id
 * where the endpoint names no service (a service network or resource endpoint).
 */
export function endpointEniTitle(service: string | null, id: string): string {
  return service || id;
}

const EXTERNAL_LABELS: Partial<Record<RouteTargetType, string>> = {
  pcx: 'Peering connection',
  tgw: 'Transit gateway',
  eigw: 'Egress-only internet gateway',
  cagw: 'Carrier gateway',
  lgw: 'Local gateway',
  'core-network': 'Cloud WAN core network',
  vgw: 'Virtual private gateway',
  eni: 'Network interface',
  instance: 'Instance',
  igw: 'Internet gateway',
  nat: 'NAT gateway',
  vpce: 'VPC endpoint',
};

// Targets that `targetType: 'other'` covers; the id prefix is the only thing that tells them apart.
const OTHER_PREFIX_LABELS: [prefix: string, label: string][] = [
  ['eigw-', 'Egress-only internet gateway'],
  ['lgw-', 'Local gateway'],
  ['cagw-', 'Carrier gateway'],
  ['vpce-', 'VPC endpoint'],
  ['tgw-', 'Transit gateway'],
  ['pcx-', 'Peering connection'],
  ['vgw-', 'Virtual private gateway'],
  ['eni-', 'Network interface'],
  ['i-', 'Instance'],
];

/** What to call a route target outside the VPC: by its type, or by its id's prefix when the type is `other`. */
export function externalLabel(targetType: RouteTargetType, id: string): string {
  const byType = EXTERNAL_LABELS[targetType];
  if (byType) return byType;
  const byPrefix = OTHER_PREFIX_LABELS.find(([prefix]) => id.startsWith(prefix));
  return byPrefix ? byPrefix[1] : 'Route target';
}

/** Shorter names of route targets whose full name has a word too long for an overview's card (two lines of 42 px). */
const SHORT_EXTERNAL_LABELS: Readonly<Record<string, string>> = {
  'Peering connection': 'Peering',
  'Egress-only internet gateway': 'Egress-only gateway',
  'Cloud WAN core network': 'Cloud WAN',
  'Virtual private gateway': 'VPN gateway',
  'Network interface': 'ENI',
};

/** What an overview zoomed out to a region calls a route target outside the VPC (`externalLabel`'s words). */
export function externalShortLabel(label: string): string {
  return SHORT_EXTERNAL_LABELS[label] ?? label;
}

/** `s3 (pl-63a5400a)` for an AWS-managed prefix list; the bare id when the list is unknown. */
export function prefixListLabel(prefixListId: string, prefixLists: ReadonlyMap<string, PrefixList>): string {
  const pl = prefixLists.get(prefixListId);
  const service = pl?.serviceShortName || pl?.name;
  return service ? `${service} (${prefixListId})` : prefixListId;
}

/** A route's destination as drawn: the CIDR, or the prefix list with its service. */
export function routeDestinationLabel(route: Route, prefixLists: ReadonlyMap<string, PrefixList>): string {
  return route.destinationType === 'prefix-list' ? prefixListLabel(route.destination, prefixLists) : route.destination;
}

/** First two destinations, then a count, so a table with many routes to one target keeps a short label. */
export function formatDestinations(destinations: readonly string[]): string {
  if (destinations.length <= 2) return destinations.join(', ');
  return `${destinations.slice(0, 2).join(', ')} +${destinations.length - 2}`;
}

/**
 * The zone type of an AZ group other than a Region AZ: a Local or Wavelength Zone its subnets say. An Outpost sits in
 * a Region AZ, so its subnets mark only themselves, unless every subnet of the group is on one.
 */
export function zoneTypeOf(subnets: readonly Subnet[]): string | undefined {
  const zone = subnets.map((s) => s.zoneType).find((t) => t !== 'availability-zone' && t !== 'outpost');
  if (zone) return zone;
  return subnets.length > 0 && subnets.every((s) => s.zoneType === 'outpost') ? 'outpost' : undefined;
}

/** A route whose target is gone (AWS's state, or a target this app could not name). */
export function isBlackhole(route: Route): boolean {
  return route.state === 'blackhole' || route.targetType === 'blackhole';
}
