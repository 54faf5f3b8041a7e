import { DESCRIBE_OPERATION, type RawRegion } from '@/lib/ec2/api';
import { checkConsistency } from './consistency';
import { awsState, byId, byText, cidrComparer, DataWarnings, listOf, nameOf, sorted, tagsOf, type Origin } from './normalize-common';
import { normalizeEndpoints } from './normalize-endpoints';
import {
  normalizeCarrierGateways,
  normalizeEgressOnlyInternetGateways,
  normalizeInternetGateways,
  normalizeNatGateways,
  normalizePrefixLists,
  normalizeTransitGatewayAttachments,
  normalizeZones,
} from './normalize-gateways';
import { defaultRoutes, normalizeRouteTables } from './normalize-routes';
import type { NetworkInterface, RouteTable, SecurityGroup, SecurityGroupRule, Source, Subnet, Topology, Vpc } from './types';

export { classifyRoute, defaultRoutes } from './normalize-routes';
export { arnName, endpointLabel, serviceShortName } from './normalize-endpoints';

/**
 * The one place where EC2's shapes become ours, for live and fixture data alike. Pure: the same raw input always
 * gives the same topology (every list sorted by a stable key). Structure only: a record needs its id (and the
 * VPC it belongs to); every other field is optional, `null` reads as absent, enum values AWS adds later are
 * carried as they are, and a record that cannot be read is skipped with a warning naming where it came from.
 */

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

function ruleOf(p: NonNullable<RawRegion['securityGroups'][number]['IpPermissions']>[number]): SecurityGroupRule {
  const ranges = listOf(p.IpRanges);
  const v6 = listOf(p.Ipv6Ranges);
  const pairs = listOf(p.UserIdGroupPairs);
  return {
    protocol: str(p.IpProtocol) ?? '-1',
    fromPort: typeof p.FromPort === 'number' ? p.FromPort : null,
    toPort: typeof p.ToPort === 'number' ? p.ToPort : null,
    cidrs: sorted(ranges.map((r) => r?.CidrIp)),
    ipv6Cidrs: sorted(v6.map((r) => r?.CidrIpv6)),
    prefixListIds: sorted(listOf(p.PrefixListIds).map((r) => r?.PrefixListId)),
    securityGroupIds: sorted(pairs.map((r) => r?.GroupId)),
    description: ranges.find((r) => r?.Description)?.Description ?? v6.find((r) => r?.Description)?.Description ?? pairs.find((r) => r?.Description)?.Description ?? null,
  };
}

export interface NormalizeOptions {
  source: Source;
  fetchedAt: string;
}

/** Names a record by its file and index (fixture data), else by the Describe call and index it came from. */
function originOf(raw: RawRegion): Origin {
  return (record, index, list) => {
    const known = record && typeof record === 'object' ? raw.origins?.get(record) : undefined;
    if (known) return known;
    // The list itself, not a search for the entry: a string or null entry can sit in several lists.
    const key = (Object.keys(DESCRIBE_OPERATION) as Array<keyof typeof DESCRIBE_OPERATION>).find((k) => raw[k] === list);
    return { file: `${raw.region} ${key ? DESCRIBE_OPERATION[key] : 'Describe'}`, index };
  };
}

function normalizeVpcs(raw: RawRegion, w: DataWarnings): Vpc[] {
  const compareCidrs = cidrComparer();
  return w
    .each(raw.vpcs, (v) => v.VpcId, (v) => v.VpcId, (v, id): Vpc => {
      const tags = tagsOf(v.Tags);
      const assoc = listOf(v.CidrBlockAssociationSet)
        .filter((a) => a && (!a.CidrBlockState?.State || ['associated', 'associating'].includes(a.CidrBlockState.State)))
        .map((a) => a.CidrBlock);
      const cidrBlocks = sorted(assoc.length ? assoc : [v.CidrBlock]).sort(compareCidrs);
      // The primary CIDR first, as the console lists it.
      if (v.CidrBlock && cidrBlocks.includes(v.CidrBlock)) {
        cidrBlocks.splice(cidrBlocks.indexOf(v.CidrBlock), 1);
        cidrBlocks.unshift(v.CidrBlock);
      }
      const dns = raw.vpcDns?.[id];
      return {
        id,
        name: nameOf(tags, id),
        cidrBlocks,
        ipv6CidrBlocks: sorted(
          listOf(v.Ipv6CidrBlockAssociationSet)
            .filter((a) => a && (!a.Ipv6CidrBlockState?.State || a.Ipv6CidrBlockState.State === 'associated'))
            .map((a) => a.Ipv6CidrBlock),
        ),
        isDefault: v.IsDefault === true,
        dnsSupport: dns?.dnsSupport ?? null,
        dnsHostnames: dns?.dnsHostnames ?? null,
        state: awsState(v.State, 'available'),
        ownerId: str(v.OwnerId),
        tags,
      };
    })
    .sort(byId);
}

/**
 * Subnets with their effective route table (the explicit association, else the VPC's main table) and whether
 * they are public: their table sends a default route to an internet gateway, directly or through a Gateway Load
 * Balancer endpoint whose own subnet does (the inspection appliance's traffic then leaves through the IGW).
 * An association with a table of another VPC cannot exist in EC2; in data that says so it is not used.
 */
function normalizeSubnets(raw: RawRegion, w: DataWarnings, routeTables: RouteTable[]): Subnet[] {
  const compareCidrs = cidrComparer();
  const mainByVpc = new Map<string, RouteTable>();
  const explicitBySubnet = new Map<string, RouteTable>();
  for (const rt of routeTables) {
    if (rt.main) {
      const first = mainByVpc.get(rt.vpcId);
      if (first) w.add('inconsistent', rt.vpcId, `VPC ${rt.vpcId} has more than one main route table (${first.id}, ${rt.id}); using ${first.id}.`);
      else mainByVpc.set(rt.vpcId, rt);
    }
    for (const s of rt.subnetIds) if (!explicitBySubnet.has(s)) explicitBySubnet.set(s, rt);
  }
  const subnets = w.each(raw.subnets, (s) => s.SubnetId, (s) => s.VpcId, (s, id): Subnet => {
    if (!str(s.VpcId)) throw new Error('it names no VPC');
    const vpcId = s.VpcId!;
    const tags = tagsOf(s.Tags);
    let explicit = explicitBySubnet.get(id);
    if (explicit && explicit.vpcId !== vpcId) {
      const message = `Route table ${explicit.id} (VPC ${explicit.vpcId}) is associated with subnet ${id} of VPC ${vpcId}; a table can only serve its own VPC's subnets, so the association is ignored.`;
      w.add('inconsistent', vpcId, message);
      w.add('inconsistent', explicit.vpcId, message);
      explicit = undefined;
    }
    const effective = explicit ?? mainByVpc.get(vpcId);
    let cidr = str(s.CidrBlock) ?? '';
    const ipv6 = listOf(s.Ipv6CidrBlockAssociationSet)
      .filter((a) => a && (!a.Ipv6CidrBlockState?.State || ['associated', 'associating'].includes(a.Ipv6CidrBlockState.State)))
      .map((a) => a.Ipv6CidrBlock);
    if (cidr.includes(':')) {
      w.add('inconsistent', vpcId, `Subnet ${id} has an IPv6 block (${cidr}) in CidrBlock, where only IPv4 belongs; it is shown as its IPv6 block.`);
      ipv6.push(cidr);
      cidr = '';
    }
    const ipv6Cidrs = sorted(ipv6);
    const az = str(s.AvailabilityZone) ?? 'unknown';
    return {
      id,
      vpcId,
      name: nameOf(tags, id),
      cidr,
      ipv6Cidrs,
      az,
      azId: str(s.AvailabilityZoneId),
      routeTableId: effective?.id ?? null,
      explicitRouteTable: explicit !== undefined,
      public: false,
      availableIps: typeof s.AvailableIpAddressCount === 'number' ? s.AvailableIpAddressCount : null,
      mapPublicIpOnLaunch: s.MapPublicIpOnLaunch === true,
      ipv6Native: s.Ipv6Native === true || (!cidr && ipv6Cidrs.length > 0),
      enableDns64: s.EnableDns64 === true,
      zoneType: 'availability-zone',
      outpostArn: str(s.OutpostArn),
      state: awsState(s.State, 'available'),
      tags,
    };
  });
  subnets.sort((a, b) => byText(a.vpcId, b.vpcId) || byText(a.az, b.az) || compareCidrs(a.cidr, b.cidr) || byId(a, b));
  return subnets;
}

/** Sets each subnet's zone type and `public`, and each table's effective subnets. */
function settleSubnets(subnets: Subnet[], routeTables: RouteTable[], zones: Topology['zones'], raw: RawRegion, w: DataWarnings, vpcIds: Set<string>): void {
  const tableById = new Map(routeTables.map((rt) => [rt.id, rt]));
  const subnetById = new Map(subnets.map((s) => [s.id, s]));
  const gwlbSubnets = new Map<string, string[]>();
  for (const e of listOf(raw.vpcEndpoints)) if (e?.VpcEndpointId && e.VpcEndpointType === 'GatewayLoadBalancer') gwlbSubnets.set(e.VpcEndpointId, listOf(e.SubnetIds) as string[]);
  const zoneType = new Map(zones.map((z) => [z.name, z.zoneType]));
  const reachesIgw = (table: RouteTable | undefined) => defaultRoutes(table?.routes ?? []).some((r) => r.targetType === 'igw');
  for (const s of subnets) {
    s.zoneType = s.outpostArn ? 'outpost' : (zoneType.get(s.az) ?? 'availability-zone');
    const table = s.routeTableId ? tableById.get(s.routeTableId) : undefined;
    if (!table) {
      // A subnet of a VPC missing from the data is said once with that VPC's other records (consistency.ts).
      if (vpcIds.has(s.vpcId)) w.add('inconsistent', s.vpcId, `Subnet ${s.id} has no route table (its VPC has no main route table in the data).`);
      continue;
    }
    table.effectiveSubnetIds.push(s.id);
    s.public =
      reachesIgw(table) ||
      defaultRoutes(table.routes).some(
        (r) =>
          r.targetType === 'vpce' &&
          (gwlbSubnets.get(r.target) ?? []).some((sub) => {
            const next = subnetById.get(sub)?.routeTableId;
            return next !== undefined && next !== table.id && reachesIgw(tableById.get(next ?? ''));
          }),
      );
  }
}

function normalizeNetworkInterfaces(raw: RawRegion, w: DataWarnings, endpoints: Topology['endpoints']): NetworkInterface[] {
  const endpointByEni = new Map<string, string>();
  for (const e of endpoints) for (const n of e.networkInterfaceIds) endpointByEni.set(n, e.id);
  const endpointIds = new Set(endpoints.map((e) => e.id));
  return w
    .each(raw.networkInterfaces, (n) => n.NetworkInterfaceId, (n) => n.VpcId, (n, id): NetworkInterface => {
      const tags = tagsOf(n.TagSet);
      const description = str(n.Description) ?? '';
      const described = /VPC Endpoint Interface (vpce-[0-9a-z]+)/.exec(description)?.[1] ?? null;
      return {
        id,
        vpcId: str(n.VpcId) ?? '',
        subnetId: str(n.SubnetId) ?? '',
        az: str(n.AvailabilityZone) ?? '',
        description,
        interfaceType: str(n.InterfaceType) ?? 'interface',
        privateIp: str(n.PrivateIpAddress),
        privateIps: sorted(listOf(n.PrivateIpAddresses).map((a) => a?.PrivateIpAddress)),
        securityGroupIds: sorted(listOf(n.Groups).map((g) => g?.GroupId)),
        status: str(n.Status) ?? 'unknown',
        requesterManaged: n.RequesterManaged === true,
        // The endpoint's own list is authoritative; the description is the fallback AWS also writes.
        endpointId: endpointByEni.get(id) ?? (described && endpointIds.has(described) ? described : null),
        tags,
      };
    })
    .sort(byId);
}

function normalizeSecurityGroups(raw: RawRegion, w: DataWarnings): SecurityGroup[] {
  return w
    .each(raw.securityGroups, (g) => g.GroupId, (g) => g.VpcId, (g, id): SecurityGroup => {
      const tags = tagsOf(g.Tags);
      return {
        id,
        vpcId: str(g.VpcId) ?? '',
        name: tags.Name?.trim() || str(g.GroupName) || id,
        groupName: str(g.GroupName) ?? '',
        description: str(g.Description) ?? '',
        inbound: listOf(g.IpPermissions).filter(Boolean).map(ruleOf),
        outbound: listOf(g.IpPermissionsEgress).filter(Boolean).map(ruleOf),
        tags,
      };
    })
    .sort(byId);
}

/**
 * Turns one region's raw Describe results into the topology contract. Rules (each unit-tested): effective route
 * table = explicit association, else the VPC's main table; `public` = the effective table sends a default route
 * to an internet gateway (directly or through a GWLB endpoint); deleted endpoints and NAT gateways no route
 * points to are left out (said in `dataWarnings`); Name tags become names (the id when absent).
 */
export function normalizeTopology(raw: RawRegion, options: NormalizeOptions): Topology {
  const w = new DataWarnings(originOf(raw));
  const vpcs = normalizeVpcs(raw, w);
  const routeTables = normalizeRouteTables(raw, w);
  const subnets = normalizeSubnets(raw, w, routeTables);
  const zones = normalizeZones(raw, w);
  settleSubnets(subnets, routeTables, zones, raw, w, new Set(vpcs.map((v) => v.id)));
  const endpoints = normalizeEndpoints(raw, w);
  const topology: Topology = {
    source: options.source,
    region: raw.region,
    fetchedAt: options.fetchedAt,
    vpcs,
    subnets,
    routeTables,
    endpoints,
    internetGateways: normalizeInternetGateways(raw, w),
    natGateways: normalizeNatGateways(raw, w, routeTables.flatMap((rt) => rt.routes)),
    securityGroups: normalizeSecurityGroups(raw, w),
    prefixLists: normalizePrefixLists(raw, w),
    networkInterfaces: normalizeNetworkInterfaces(raw, w, endpoints),
    egressOnlyInternetGateways: normalizeEgressOnlyInternetGateways(raw, w),
    carrierGateways: normalizeCarrierGateways(raw, w),
    transitGatewayAttachments: normalizeTransitGatewayAttachments(raw, w),
    zones,
    warnings: [...listOf(raw.warnings)],
    dataWarnings: [],
    ...(raw.unread?.length ? { unread: [...raw.unread] } : {}),
  };
  checkConsistency(topology, w);
  topology.dataWarnings = [...listOf(raw.dataWarnings), ...w.list];
  return topology;
}

/** The part of a region's topology that belongs to one VPC (prefix lists and zones are regional and kept). */
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
    egressOnlyInternetGateways: t.egressOnlyInternetGateways.filter((g) => g.vpcIds.includes(vpcId)),
    carrierGateways: t.carrierGateways.filter((g) => g.vpcId === vpcId),
    transitGatewayAttachments: t.transitGatewayAttachments.filter((a) => a.vpcId === vpcId),
    dataWarnings: t.dataWarnings.filter((d) => d.vpcId === vpcId),
  };
}
