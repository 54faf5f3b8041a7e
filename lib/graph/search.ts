/** Finding nodes by what people type: an id, a Name tag, a CIDR, a service name, or an IP address. */

import { ipv4InCidr, ipv4ToInt } from '@/lib/net/ipv4';
import type { GraphNode } from './types';

/** The texts a node can be found by, lower-cased. */
export function searchTerms(node: GraphNode): string[] {
  const terms: (string | null)[] = [node.id];
  switch (node.kind) {
    case 'vpc':
      terms.push(node.data.name, ...node.data.cidrBlocks, ...node.data.ipv6CidrBlocks);
      break;
    case 'az':
      // Not the group id: it contains the VPC id, and every AZ would match a search for the VPC.
      terms.length = 0;
      terms.push(node.data.az, node.data.azId);
      break;
    case 'subnet':
      terms.push(node.data.name, node.data.cidr);
      break;
    case 'routeTable':
    case 'internetGateway':
      terms.push(node.data.name);
      break;
    case 'natGateway':
      terms.push(node.data.name, node.data.publicIp, node.data.privateIp);
      break;
    case 'gatewayEndpoint':
    case 'interfaceEndpoint':
      terms.push(node.data.name, node.data.service, node.data.serviceName);
      break;
    case 'endpointEni':
      terms.push(node.data.privateIp);
      break;
    case 'external':
      terms.push(node.data.label);
      break;
  }
  return terms.filter((t): t is string => t !== null && t !== '').map((t) => t.toLowerCase());
}

/**
 * Ids of the nodes matching `query`, in graph order: a case-insensitive substring of any search term; an IPv4
 * address also finds the subnets and VPCs whose CIDR contains it.
 */
export function findMatches(nodes: readonly GraphNode[], query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const ip = ipv4ToInt(q) === null ? null : q;
  return nodes
    .filter((node) => {
      if (searchTerms(node).some((t) => t.includes(q))) return true;
      if (ip === null) return false;
      if (node.kind === 'subnet') return ipv4InCidr(ip, node.data.cidr);
      if (node.kind === 'vpc') return node.data.cidrBlocks.some((c) => ipv4InCidr(ip, c));
      return false;
    })
    .map((n) => n.id);
}
