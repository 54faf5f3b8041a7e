import type { Endpoint, Subnet, Vpc } from '@/lib/topology/types';
import type { Destination } from './follow-route';

/**
 * The DNS stage of a path, which decides before any route does: which name a client in the subnet
 * resolves the service to. An interface endpoint with private DNS answers for the service's public
 * name (for S3 and DynamoDB too, over their gateway routes), unless it answers only inbound Resolver
 * endpoints; an IPv6-only subnet can use only what has IPv6 addresses.
 */

/** Services reached through gateway endpoints and route tables. */
export const GATEWAY_SERVICES = ['s3', 'dynamodb'] as const;

export const isGatewayService = (service: string) => (GATEWAY_SERVICES as readonly string[]).includes(service);

/** Services whose interface endpoints are third-party or customer endpoint services, not AWS's. */
export function isAwsServiceName(serviceName: string): boolean {
  return /^(?:com|cn\.com)\.amazonaws\.(?!vpce\.)[a-z0-9-]+\./.test(serviceName);
}

/** `sts` -> `sts.us-east-1.amazonaws.com`: the name SDKs call, which private DNS answers for. */
export function serviceHostname(service: string, region: string): string {
  return `${service}.${region}.amazonaws.com`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An IPv6-only subnet (`Ipv6Native`, or no IPv4 block at all): it reaches services over IPv6 only. */
export function isIpv6Only(subnet: Subnet): boolean {
  return subnet.ipv6Native === true || (!subnet.cidr && subnet.ipv6Cidrs.length > 0);
}

/** An endpoint with IPv6 addresses that its DNS names return (`IpAddressType` ipv6 or dualstack, AAAA records not turned off). */
export function hasIpv6Dns(e: Endpoint): boolean {
  const type = e.ipAddressType;
  return (type === 'ipv6' || type === 'dualstack') && e.dnsOptions?.dnsRecordIpType !== 'ipv4';
}

/** Why an endpoint for the service does not take DNS for its public name, or null when it does. */
export function privateDnsBlocker(vpc: Vpc | undefined, e: Endpoint, label: (id: string) => string): string | null {
  if (!e.privateDnsEnabled) return `private DNS is off on ${label(e.id)}`;
  // Private hosted zones need both attributes; null means the source did not say, taken as on (AWS's default for a new VPC's DNS support).
  if (vpc?.dnsSupport === false) return `the VPC has DNS support off, so private DNS of ${label(e.id)} does not answer`;
  if (vpc?.dnsHostnames === false) return `the VPC has DNS hostnames off, so private DNS of ${label(e.id)} does not answer`;
  if (e.state !== 'available') return `endpoint ${label(e.id)} is ${e.state}`;
  return null;
}

export interface ServiceDns {
  /** The endpoint clients reach by name (private DNS for the public name, or a third-party endpoint's own names); undefined when routes decide. */
  endpoint: Endpoint | undefined;
  /** Why the name resolves to public addresses, opening the detail of a routed path ('' when there is nothing to say). */
  lead: string;
  /** What to route when routes decide. */
  dest: Destination;
  /** Set when nothing answers for the service's names at all: why there is no path. */
  noPath?: string;
}

/**
 * How a subnet's clients resolve a service. `interfaceEps` are the VPC's interface endpoints for it, in
 * topology order; `ipv4Dest` what an IPv4 client routes to (a prefix-list address, or the default route).
 */
export function resolveServiceDns(
  args: { vpc: Vpc | undefined; region: string; service: string; interfaceEps: Endpoint[]; ipv6Only: boolean; dns64: boolean; ipv4Dest: Destination },
  label: (id: string) => string,
): ServiceDns {
  const { vpc, region, service, interfaceEps, ipv6Only, dns64, ipv4Dest } = args;
  const blockers = interfaceEps.map((e) => privateDnsBlocker(vpc, e, label));
  // AWS allows one endpoint per service with private DNS in a VPC (the names would clash).
  let dnsEp = interfaceEps.find((_, i) => blockers[i] === null);
  const notes: string[] = [];
  if (dnsEp?.dnsOptions?.privateDnsOnlyForInboundResolverEndpoint) {
    // AWS, DnsOptionsSpecification.PrivateDnsOnlyForInboundResolverEndpoint: "It routes traffic that originates
    // from the VPC to the gateway endpoint and traffic that originates from on-premises to the interface
    // endpoint." (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html;
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html)
    notes.push(`Private DNS of ${label(dnsEp.id)} answers only inbound Resolver endpoints (on-premises clients), so traffic from the VPC follows the routes.`);
    dnsEp = undefined;
  }
  if (dnsEp && ipv6Only && !hasIpv6Dns(dnsEp)) {
    notes.push(`Endpoint ${label(dnsEp.id)} has IPv4 addresses only (IpAddressType ${dnsEp.ipAddressType ?? 'ipv4'}), which an IPv6-only subnet cannot reach.`);
    dnsEp = undefined;
  }
  const gateway = isGatewayService(service);
  const dest: Destination = ipv6Only ? (dns64 ? { kind: 'nat64', ipv4: ipv4Dest } : { kind: 'ipv6' }) : ipv4Dest;
  if (dnsEp) return { endpoint: dnsEp, lead: '', dest };
  const thirdParty = gateway ? undefined : interfaceEps.find((e) => !isAwsServiceName(e.serviceName) && e.state === 'available');
  if (thirdParty) return { endpoint: thirdParty, lead: '', dest };
  // A partner or customer service has no public name to fall back on: clients use the endpoint's own names.
  const partner = interfaceEps.find((e) => !isAwsServiceName(e.serviceName));
  if (partner && interfaceEps.every((e) => !isAwsServiceName(e.serviceName))) {
    return { endpoint: undefined, lead: '', dest, noPath: `Endpoint ${label(partner.id)} is ${partner.state}, and the service has no other name to call: no path until it is available.` };
  }
  const host = serviceHostname(service, region);
  if (!gateway && !notes.length) {
    const blocked = blockers.filter((x): x is string => x !== null);
    notes.push(blocked.length ? `${cap(blocked[0]!)}: ${host} resolves to public addresses.` : `No interface endpoint for ${service} in the VPC: ${host} resolves to public addresses.`);
  }
  if (ipv6Only) {
    notes.push(
      dns64
        ? `The subnet is IPv6-only with DNS64: ${host} gets a 64:ff9b::/96 address, which a NAT gateway must translate (NAT64).`
        : `The subnet is IPv6-only without DNS64: clients reach the service over IPv6 by its dual-stack name.`,
    );
  }
  return { endpoint: undefined, lead: notes.join(' '), dest };
}
