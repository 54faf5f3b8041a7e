import type { RawRegion } from '@/lib/ec2/api';
import type { Route as SdkRoute, Tag } from '@/lib/ec2/types';
import { parseIpv4Cidr, type Ipv4Cidr } from '@/lib/net/cidr';
import type {
  Endpoint,
  EndpointType,
  InternetGateway,
  NatGateway,
  NetworkInterface,
  PrefixList,
  Route,
  RouteTable,
  RouteTargetType,
  SecurityGroup,
  SecurityGroupRule,
  Source,
  Subnet,
  Tags,
  Topology,
  Vpc,
} from './types';

/**
 * The one place where EC2's shapes become ours. Pure: the same raw input always gives the same
 * topology (every list sorted by a stable key), whichever backend produced it.
 */

function tagsOf(tags: Tag[] | undefined): Tags {
  const out: Tags = {};
  for (const t of tags ?? []) if (t.Key) out[t.Key] = t.Value ?? '';
  return out;
}

/** The Name tag, else the id: what the console shows too. */
function nameOf(tags: Tags, id: string): string {
  const n = tags.Name?.trim();
  return n ? n : id;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `compareCidrs` (numeric address, then prefix; text that is not IPv4 after, by text) with each string
 * parsed once: sorting an XL account's 1,000 subnets and its route tables' routes otherwise parses the
 * same few thousand CIDRs tens of thousands of times.
 */
function cidrComparer(): (a: string, b: string) => number {
  const parsed = new Map<string, Ipv4Cidr | null>();
  const parse = (cidr: string) => {
    let c = parsed.get(cidr);
    if (c === undefined) {
      c = parseIpv4Cidr(cidr);
      parsed.set(cidr, c);
    }
    return c;
  };
  return (a, b) => {
    const ca = parse(a);
    const cb = parse(b);
    if (ca && cb) return ca.base - cb.base || ca.prefix - cb.prefix;
    if (ca) return -1;
    if (cb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}
const sorted = (xs: Iterable<string | undefined>) =>
  [...new Set([...xs].filter((x): x is string => typeof x === 'string' && x.length > 0))].sort();

/** `com.amazonaws.us-east-1.ecr.dkr` -> `ecr.dkr`; other service names keep their last label. */
export function serviceShortName(serviceName: string, region?: string): string {
  const aws = /^(?:com|cn\.com)\.amazonaws\.([a-z0-9-]+)\.(.+)$/.exec(serviceName);
  if (aws && aws[1] !== 'vpce' && (!region || aws[1] === region || /\d$/.test(aws[1] ?? ''))) return aws[2] ?? serviceName;
  const parts = serviceName.split('.');
  return parts[parts.length - 1] ?? serviceName;
}

/** Classifies a route's target and names it, following the fields DescribeRouteTables fills. */
export function classifyRoute(r: SdkRoute): Route {
  const destination = r.DestinationPrefixListId ?? r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? '';
  const destinationType: Route['destinationType'] = r.DestinationPrefixListId
    ? 'prefix-list'
    : r.DestinationIpv6CidrBlock && !r.DestinationCidrBlock
      ? 'ipv6'
      : 'ipv4';
  let target = '';
  let targetType: RouteTargetType = 'other';
  const gw = r.GatewayId;
  if (gw === 'local') {
    target = 'local';
    targetType = 'local';
  } else if (gw?.startsWith('igw-')) {
    target = gw;
    targetType = 'igw';
  } else if (gw?.startsWith('vpce-')) {
    target = gw;
    targetType = 'vpce';
  } else if (gw?.startsWith('vgw-')) {
    target = gw;
    targetType = 'vgw';
  } else if (r.NatGatewayId) {
    target = r.NatGatewayId;
    targetType = 'nat';
  } else if (r.VpcPeeringConnectionId) {
    target = r.VpcPeeringConnectionId;
    targetType = 'pcx';
  } else if (r.TransitGatewayId) {
    target = r.TransitGatewayId;
    targetType = 'tgw';
  } else if (r.InstanceId) {
    target = r.InstanceId;
    targetType = 'instance';
  } else if (r.NetworkInterfaceId) {
    target = r.NetworkInterfaceId;
    targetType = 'eni';
  } else {
    target =
      gw ??
      r.EgressOnlyInternetGatewayId ??
      r.CarrierGatewayId ??
      r.LocalGatewayId ??
      r.CoreNetworkArn ??
      'unknown';
    targetType = 'other';
  }
  const state = r.State ?? 'active';
  // A blackhole route's target is gone (a deleted NAT gateway, a detached gateway); it drops traffic.
  if (state === 'blackhole') targetType = 'blackhole';
  return { destination, destinationType, target, targetType, state, origin: r.Origin ?? null };
}

function ruleOf(p: NonNullable<RawRegion['securityGroups'][number]['IpPermissions']>[number]): SecurityGroupRule {
  return {
    protocol: p.IpProtocol ?? '-1',
    fromPort: p.FromPort ?? null,
    toPort: p.ToPort ?? null,
    cidrs: sorted((p.IpRanges ?? []).map((r) => r.CidrIp)),
    ipv6Cidrs: sorted((p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6)),
    prefixListIds: sorted((p.PrefixListIds ?? []).map((r) => r.PrefixListId)),
    securityGroupIds: sorted((p.UserIdGroupPairs ?? []).map((r) => r.GroupId)),
    description:
      p.IpRanges?.find((r) => r.Description)?.Description ??
      p.Ipv6Ranges?.find((r) => r.Description)?.Description ??
      p.UserIdGroupPairs?.find((r) => r.Description)?.Description ??
      null,
  };
}

const ENDPOINT_TYPES: ReadonlySet<string> = new Set(['Gateway', 'Interface', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork']);

export interface NormalizeOptions {
  source: Source;
  fetchedAt: string;
}

/**
 * Turns one region's raw Describe results into the topology contract.
 * Rules (each unit-tested): effective route table = explicit association, else the VPC's main
 * table; `public` = the effective table sends 0.0.0.0/0 or ::/0 to an internet gateway; endpoints
 * in state `deleted` are left out; Name tags become names (the id when absent).
 */
export function normalizeTopology(raw: RawRegion, options: NormalizeOptions): Topology {
  const warnings = [...raw.warnings];
  const compareCidrs = cidrComparer();

  const vpcs: Vpc[] = raw.vpcs
    .filter((v) => v.VpcId)
    .map((v) => {
      const tags = tagsOf(v.Tags);
      const assoc = (v.CidrBlockAssociationSet ?? [])
        .filter((a) => !a.CidrBlockState?.State || ['associated', 'associating'].includes(a.CidrBlockState.State))
        .map((a) => a.CidrBlock);
      const cidrBlocks = sorted(assoc.length ? assoc : [v.CidrBlock]).sort(compareCidrs);
      // The primary CIDR first, as the console lists it.
      if (v.CidrBlock && cidrBlocks.includes(v.CidrBlock)) {
        cidrBlocks.splice(cidrBlocks.indexOf(v.CidrBlock), 1);
        cidrBlocks.unshift(v.CidrBlock);
      }
      const dns = raw.vpcDns[v.VpcId!];
      return {
        id: v.VpcId!,
        name: nameOf(tags, v.VpcId!),
        cidrBlocks,
        ipv6CidrBlocks: sorted(
          (v.Ipv6CidrBlockAssociationSet ?? [])
            .filter((a) => !a.Ipv6CidrBlockState?.State || a.Ipv6CidrBlockState.State === 'associated')
            .map((a) => a.Ipv6CidrBlock),
        ),
        isDefault: v.IsDefault ?? false,
        dnsSupport: dns?.dnsSupport ?? null,
        dnsHostnames: dns?.dnsHostnames ?? null,
        state: v.State ?? 'available',
        ownerId: v.OwnerId ?? null,
        tags,
      };
    })
    .sort(byId);
  const vpcIds = new Set(vpcs.map((v) => v.id));

  const routeTables: RouteTable[] = raw.routeTables
    .filter((rt) => rt.RouteTableId && rt.VpcId)
    .map((rt) => {
      const tags = tagsOf(rt.Tags);
      const assocs = rt.Associations ?? [];
      const live = assocs.filter((a) => !a.AssociationState?.State || a.AssociationState.State === 'associated');
      return {
        id: rt.RouteTableId!,
        vpcId: rt.VpcId!,
        name: nameOf(tags, rt.RouteTableId!),
        main: live.some((a) => a.Main === true),
        subnetIds: sorted(live.map((a) => a.SubnetId)),
        effectiveSubnetIds: [],
        gatewayIds: sorted(live.map((a) => a.GatewayId)),
        routes: (rt.Routes ?? []).map(classifyRoute).sort((a, b) => compareCidrs(a.destination, b.destination) || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)),
        tags,
      };
    })
    .sort(byId);

  const mainByVpc = new Map<string, RouteTable>();
  const explicitBySubnet = new Map<string, RouteTable>();
  for (const rt of routeTables) {
    if (rt.main) {
      if (mainByVpc.has(rt.vpcId)) warnings.push(`VPC ${rt.vpcId} has more than one main route table; using ${mainByVpc.get(rt.vpcId)!.id}.`);
      else mainByVpc.set(rt.vpcId, rt);
    }
    for (const s of rt.subnetIds) explicitBySubnet.set(s, rt);
  }

  const subnets: Subnet[] = raw.subnets
    .filter((s) => s.SubnetId && s.VpcId)
    .map((s) => {
      const tags = tagsOf(s.Tags);
      const explicit = explicitBySubnet.get(s.SubnetId!);
      const effective = explicit ?? mainByVpc.get(s.VpcId!);
      const isPublic = (effective?.routes ?? []).some(
        (r) => r.targetType === 'igw' && (r.destination === '0.0.0.0/0' || r.destination === '::/0'),
      );
      return {
        id: s.SubnetId!,
        vpcId: s.VpcId!,
        name: nameOf(tags, s.SubnetId!),
        cidr: s.CidrBlock ?? '',
        ipv6Cidrs: sorted((s.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock)),
        az: s.AvailabilityZone ?? 'unknown',
        azId: s.AvailabilityZoneId ?? null,
        routeTableId: effective?.id ?? null,
        explicitRouteTable: explicit !== undefined,
        public: isPublic,
        availableIps: s.AvailableIpAddressCount ?? null,
        mapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
        tags,
      };
    })
    .sort((a, b) => (a.vpcId < b.vpcId ? -1 : a.vpcId > b.vpcId ? 1 : 0) || (a.az < b.az ? -1 : a.az > b.az ? 1 : 0) || compareCidrs(a.cidr, b.cidr) || byId(a, b));

  const routeTableById = new Map<string, RouteTable>();
  for (const rt of routeTables) if (!routeTableById.has(rt.id)) routeTableById.set(rt.id, rt);
  for (const s of subnets) {
    if (!s.routeTableId) warnings.push(`Subnet ${s.id} has no route table (its VPC has no main route table in the data).`);
    else routeTableById.get(s.routeTableId)?.effectiveSubnetIds.push(s.id);
  }

  const endpoints: Endpoint[] = raw.vpcEndpoints
    // Deleted endpoints linger in DescribeVpcEndpoints for a while; they route nothing.
    .filter((e) => e.VpcEndpointId && e.VpcId && (e.State ?? '').toLowerCase() !== 'deleted')
    .map((e) => {
      const tags = tagsOf(e.Tags);
      const type = (ENDPOINT_TYPES.has(e.VpcEndpointType ?? '') ? e.VpcEndpointType : 'Gateway') as EndpointType;
      return {
        id: e.VpcEndpointId!,
        vpcId: e.VpcId!,
        name: nameOf(tags, e.VpcEndpointId!),
        type,
        serviceName: e.ServiceName ?? '',
        serviceShortName: serviceShortName(e.ServiceName ?? '', raw.region),
        state: (e.State ?? 'unknown').toLowerCase(),
        routeTableIds: sorted(e.RouteTableIds ?? []),
        subnetIds: sorted(e.SubnetIds ?? []),
        networkInterfaceIds: sorted(e.NetworkInterfaceIds ?? []),
        securityGroupIds: sorted((e.Groups ?? []).map((g) => g.GroupId)),
        privateDnsEnabled: e.PrivateDnsEnabled ?? false,
        policy: e.PolicyDocument ?? null,
        dnsEntries: (e.DnsEntries ?? [])
          .filter((d) => d.DnsName)
          .map((d) => ({ dnsName: d.DnsName!, hostedZoneId: d.HostedZoneId ?? null })),
        ipAddressType: e.IpAddressType ?? null,
        createdAt: e.CreationTimestamp ? new Date(e.CreationTimestamp).toISOString() : null,
        lastError: e.LastError?.Code ? { code: e.LastError.Code, message: e.LastError.Message ?? '' } : null,
        tags,
      };
    })
    .sort(byId);

  const endpointByEni = new Map<string, string>();
  for (const e of endpoints) for (const n of e.networkInterfaceIds) endpointByEni.set(n, e.id);
  const endpointIds = new Set(endpoints.map((e) => e.id));

  const networkInterfaces: NetworkInterface[] = raw.networkInterfaces
    .filter((n) => n.NetworkInterfaceId)
    .map((n) => {
      const tags = tagsOf(n.TagSet);
      const described = /VPC Endpoint Interface (vpce-[0-9a-f]+)/.exec(n.Description ?? '')?.[1] ?? null;
      return {
        id: n.NetworkInterfaceId!,
        vpcId: n.VpcId ?? '',
        subnetId: n.SubnetId ?? '',
        az: n.AvailabilityZone ?? '',
        description: n.Description ?? '',
        interfaceType: n.InterfaceType ?? 'interface',
        privateIp: n.PrivateIpAddress ?? null,
        privateIps: sorted((n.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress)),
        securityGroupIds: sorted((n.Groups ?? []).map((g) => g.GroupId)),
        status: n.Status ?? 'unknown',
        requesterManaged: n.RequesterManaged ?? false,
        // The endpoint's own list is authoritative; the description is the fallback AWS also writes.
        endpointId: endpointByEni.get(n.NetworkInterfaceId!) ?? (described && endpointIds.has(described) ? described : null),
        tags,
      };
    })
    .sort(byId);

  const internetGateways: InternetGateway[] = raw.internetGateways
    .filter((g) => g.InternetGatewayId)
    .map((g) => {
      const tags = tagsOf(g.Tags);
      return {
        id: g.InternetGatewayId!,
        name: nameOf(tags, g.InternetGatewayId!),
        vpcIds: sorted((g.Attachments ?? []).filter((a) => a.State !== 'detached').map((a) => a.VpcId)),
        tags,
      };
    })
    .sort(byId);

  const natGateways: NatGateway[] = raw.natGateways
    // Deleted NAT gateways stay listed for about an hour; routes to them are already blackholes.
    .filter((g) => g.NatGatewayId && g.State !== 'deleted')
    .map((g) => {
      const tags = tagsOf(g.Tags);
      return {
        id: g.NatGatewayId!,
        name: nameOf(tags, g.NatGatewayId!),
        vpcId: g.VpcId ?? '',
        subnetId: g.SubnetId ?? '',
        state: g.State ?? 'available',
        connectivityType: g.ConnectivityType ?? 'public',
        publicIps: sorted((g.NatGatewayAddresses ?? []).map((a) => a.PublicIp)),
        privateIps: sorted((g.NatGatewayAddresses ?? []).map((a) => a.PrivateIp)),
        tags,
      };
    })
    .sort(byId);

  const securityGroups: SecurityGroup[] = raw.securityGroups
    .filter((g) => g.GroupId)
    .map((g) => {
      const tags = tagsOf(g.Tags);
      return {
        id: g.GroupId!,
        vpcId: g.VpcId ?? '',
        name: tags.Name?.trim() || g.GroupName || g.GroupId!,
        groupName: g.GroupName ?? '',
        description: g.Description ?? '',
        inbound: (g.IpPermissions ?? []).map(ruleOf),
        outbound: (g.IpPermissionsEgress ?? []).map(ruleOf),
        tags,
      };
    })
    .sort(byId);

  const prefixLists: PrefixList[] = raw.prefixLists
    .filter((p) => p.PrefixListId)
    .map((p) => ({
      id: p.PrefixListId!,
      name: p.PrefixListName ?? p.PrefixListId!,
      serviceShortName: serviceShortName(p.PrefixListName ?? p.PrefixListId!, raw.region),
      cidrs: [...(p.Cidrs ?? [])].sort(compareCidrs),
    }))
    .sort(byId);

  for (const s of subnets) if (!vpcIds.has(s.vpcId)) warnings.push(`Subnet ${s.id} names VPC ${s.vpcId}, which was not found.`);

  return {
    source: options.source,
    region: raw.region,
    fetchedAt: options.fetchedAt,
    vpcs,
    subnets,
    routeTables,
    endpoints,
    internetGateways,
    natGateways,
    securityGroups,
    prefixLists,
    networkInterfaces,
    warnings,
    ...(raw.unread?.length ? { unread: [...raw.unread] } : {}),
  };
}

/** The part of a region's topology that belongs to one VPC (prefix lists are regional and kept). */
export function scopeToVpc(t: Topology, vpcId: string): Topology {
  return {
    ...t,
    vpcs: t.vpcs.filter((v) => v.id === vpcId),
    subnets: t.subnets.filter((s) => s.vpcId === vpcId),
    routeTables: t.routeTables.filter((r) => r.vpcId === vpcId),
    endpoints: t.endpoints.filter((e) => e.vpcId === vpcId),
    internetGateways: t.internetGateways.filter((g) => g.vpcIds.includes(vpcId)),
    natGateways: t.natGateways.filter((g) => g.vpcId === vpcId),
    securityGroups: t.securityGroups.filter((g) => g.vpcId === vpcId),
    networkInterfaces: t.networkInterfaces.filter((n) => n.vpcId === vpcId),
  };
}
