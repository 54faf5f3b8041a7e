import type { RawRegion } from '@/lib/ec2/api';
import { awsState, byId, cidrComparer, listOf, nameOf, sorted, tagsOf, type DataWarnings } from './normalize-common';
import { serviceShortName } from './normalize-endpoints';
import type {
  CarrierGateway,
  EgressOnlyInternetGateway,
  InternetGateway,
  NatGateway,
  PrefixList,
  Route,
  TransitGatewayAttachment,
  Zone,
  ZoneType,
} from './types';

/** Gateways and regional lists: internet, egress-only, carrier and NAT gateways, transit gateway attachments, prefix lists, zones. */

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** Attachments that are gone (`detached`) no longer connect their VPC. */
function attachedVpcs(attachments: ReadonlyArray<{ VpcId?: string; State?: string }> | undefined | null): string[] {
  return sorted(listOf(attachments).filter((a) => a && a.State !== 'detached').map((a) => a.VpcId));
}

export function normalizeInternetGateways(raw: RawRegion, w: DataWarnings): InternetGateway[] {
  return w
    .each(raw.internetGateways, (g) => g.InternetGatewayId, (g) => listOf(g.Attachments)[0]?.VpcId, (g, id) => {
      const tags = tagsOf(g.Tags);
      return { id, name: nameOf(tags, id), vpcIds: attachedVpcs(g.Attachments), tags };
    })
    .sort(byId);
}

export function normalizeEgressOnlyInternetGateways(raw: RawRegion, w: DataWarnings): EgressOnlyInternetGateway[] {
  return w
    .each(raw.egressOnlyInternetGateways, (g) => g.EgressOnlyInternetGatewayId, (g) => listOf(g.Attachments)[0]?.VpcId, (g, id) => {
      const tags = tagsOf(g.Tags);
      return { id, name: nameOf(tags, id), vpcIds: attachedVpcs(g.Attachments), tags };
    })
    .sort(byId);
}

export function normalizeCarrierGateways(raw: RawRegion, w: DataWarnings): CarrierGateway[] {
  return w
    .each(raw.carrierGateways, (g) => g.CarrierGatewayId, (g) => g.VpcId, (g, id): CarrierGateway | null => {
      const state = awsState(g.State, 'available');
      if (state === 'deleted') return null;
      const tags = tagsOf(g.Tags);
      return { id, name: nameOf(tags, id), vpcId: str(g.VpcId) ?? '', state, tags };
    })
    .sort(byId);
}

export function normalizeTransitGatewayAttachments(raw: RawRegion, w: DataWarnings): TransitGatewayAttachment[] {
  return w
    .each(raw.transitGatewayVpcAttachments, (a) => a.TransitGatewayAttachmentId, (a) => a.VpcId, (a, id): TransitGatewayAttachment | null => {
      const state = awsState(a.State, 'available');
      if (state === 'deleted') return null;
      const tags = tagsOf(a.Tags);
      return {
        id,
        name: nameOf(tags, id),
        transitGatewayId: str(a.TransitGatewayId) ?? '',
        vpcId: str(a.VpcId) ?? '',
        subnetIds: sorted(listOf(a.SubnetIds)),
        state,
        tags,
      };
    })
    .sort(byId);
}

/**
 * NAT gateways, zonal and regional. Deleted ones stay listed by AWS for about an hour: one a route still points
 * to is kept (its routes are blackholes, and the graph shows what they pointed to); others are left out.
 */
export function normalizeNatGateways(raw: RawRegion, w: DataWarnings, routes: readonly Route[]): NatGateway[] {
  const routedTo = new Set(routes.filter((r) => r.targetKind === 'nat').map((r) => r.target));
  const zoneOfSubnet = new Map<string, string>();
  for (const s of listOf(raw.subnets)) if (s?.SubnetId && s.AvailabilityZone) zoneOfSubnet.set(s.SubnetId, s.AvailabilityZone);
  return w
    .each(raw.natGateways, (g) => g.NatGatewayId, (g) => g.VpcId, (g, id): NatGateway | null => {
      const state = awsState(g.State, 'available');
      if (state === 'deleted' && !routedTo.has(id)) {
        w.add('left-out', str(g.VpcId), `NAT gateway ${id} is deleted and no route points to it; it is left out.`);
        return null;
      }
      const tags = tagsOf(g.Tags);
      const addresses = listOf(g.NatGatewayAddresses)
        .filter((a) => a && typeof a === 'object')
        .map((a) => ({
          publicIp: str(a.PublicIp),
          privateIp: str(a.PrivateIp),
          networkInterfaceId: str(a.NetworkInterfaceId),
          az: str(a.AvailabilityZone),
          status: str(a.Status),
        }));
      const subnetId = str(g.SubnetId) ?? '';
      const availabilityMode = str(g.AvailabilityMode) ?? (subnetId ? 'zonal' : 'regional');
      const subnetZone = zoneOfSubnet.get(subnetId);
      return {
        id,
        name: nameOf(tags, id),
        vpcId: str(g.VpcId) ?? '',
        subnetId,
        availabilityMode,
        routeTableId: str(g.RouteTableId),
        state,
        connectivityType: str(g.ConnectivityType) ?? 'public',
        publicIps: sorted(addresses.map((a) => a.publicIp)),
        privateIps: sorted(addresses.map((a) => a.privateIp)),
        addresses,
        azs: sorted(subnetZone ? [subnetZone, ...addresses.map((a) => a.az)] : addresses.map((a) => a.az)),
        failure: str(g.FailureCode) ? { code: g.FailureCode!, message: str(g.FailureMessage) ?? '' } : null,
        tags,
      };
    })
    .sort(byId);
}

/**
 * AWS-managed prefix lists (DescribePrefixLists: the addresses of gateway endpoint services) and managed prefix
 * lists (DescribeManagedPrefixLists: customer-managed ones, and AWS-managed ones such as CloudFront's), with
 * their entries when GetManagedPrefixListEntries could read them.
 */
export function normalizePrefixLists(raw: RawRegion, w: DataWarnings): PrefixList[] {
  const compareCidrs = cidrComparer();
  const aws = w.each(raw.prefixLists, (p) => p.PrefixListId, () => null, (p, id): PrefixList => {
    const name = str(p.PrefixListName) ?? id;
    return {
      id,
      name,
      serviceShortName: serviceShortName(name, raw.region),
      cidrs: [...listOf(p.Cidrs).filter((c) => typeof c === 'string')].sort(compareCidrs),
      owner: 'aws',
      entriesKnown: true,
      addressFamily: null,
    };
  });
  const known = new Set(aws.map((p) => p.id));
  const managed = w.each(raw.managedPrefixLists, (p) => p.PrefixListId, () => null, (p, id): PrefixList | null => {
    if (known.has(id)) return null;
    const name = str(p.PrefixListName) ?? id;
    const owner = p.OwnerId === 'AWS' ? 'aws' : 'customer';
    return {
      id,
      name,
      serviceShortName: owner === 'aws' ? serviceShortName(name, raw.region) : '',
      cidrs: sorted(listOf(p.Entries).map((e) => e?.Cidr)).sort(compareCidrs),
      owner,
      entriesKnown: Array.isArray(p.Entries),
      addressFamily: str(p.AddressFamily),
    };
  });
  return [...aws, ...managed].sort(byId);
}

/**
 * A zone's type from its name when DescribeAvailabilityZones was not read: Wavelength Zones are named
 * `<region>-wl1-<city>-wlz-1`, Local Zones `<region>-<city>-1a`, AZs `<region><letter>`.
 */
export function zoneTypeFromName(zone: string, region: string): ZoneType {
  if (/-wlz-\d+$/.test(zone)) return 'wavelength-zone';
  if (zone.startsWith(`${region}-`)) return 'local-zone';
  return 'availability-zone';
}

/** The region's zones: DescribeAvailabilityZones when read, else those the subnets name, typed by name. */
export function normalizeZones(raw: RawRegion, w: DataWarnings): Zone[] {
  const zones = new Map<string, Zone>();
  w.each(raw.availabilityZones, (z) => z.ZoneName, () => null, (z, name) => {
    zones.set(name, { name, id: str(z.ZoneId), zoneType: str(z.ZoneType) ?? zoneTypeFromName(name, raw.region), parentZoneName: str(z.ParentZoneName) });
    return { id: name };
  });
  for (const s of listOf(raw.subnets)) {
    const name = str(s?.AvailabilityZone);
    if (name && !zones.has(name)) zones.set(name, { name, id: str(s.AvailabilityZoneId), zoneType: zoneTypeFromName(name, raw.region), parentZoneName: null });
  }
  return [...zones.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
