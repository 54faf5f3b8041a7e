import type { RawRegion } from '@/lib/ec2/api';
import type { Route as SdkRoute } from '@/lib/ec2/types';
import { byId, cidrComparer, listOf, nameOf, sorted, tagsOf, type DataWarnings } from './normalize-common';
import type { Route, RouteTable, RouteTargetType } from './types';

type Kind = Exclude<RouteTargetType, 'blackhole'>;

/** GatewayId carries internet, virtual private and endpoint gateways (and `local`); told apart by prefix. */
const GATEWAY_PREFIX: ReadonlyArray<readonly [string, Kind]> = [
  ['igw-', 'igw'],
  ['vgw-', 'vgw'],
  ['vpce-', 'vpce'],
  // Some producers put these ids in GatewayId too (older CLI output, hand-written dumps).
  ['eigw-', 'eigw'],
  ['cagw-', 'cagw'],
  ['lgw-', 'lgw'],
  ['tgw-', 'tgw'],
];

/** The target fields of DescribeRouteTables' Route other than GatewayId, in the order they are checked. */
const TARGET_FIELDS: ReadonlyArray<readonly [keyof SdkRoute, Kind]> = [
  ['NatGatewayId', 'nat'],
  ['EgressOnlyInternetGatewayId', 'eigw'],
  ['TransitGatewayId', 'tgw'],
  ['CoreNetworkArn', 'core-network'],
  ['VpcPeeringConnectionId', 'pcx'],
  ['CarrierGatewayId', 'cagw'],
  ['LocalGatewayId', 'lgw'],
  ['InstanceId', 'instance'],
  ['NetworkInterfaceId', 'eni'],
  ['OdbNetworkArn' as keyof SdkRoute, 'other'],
];

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Route fields that end like a target's (`...Id`, `...Arn`) but are not one. */
const NOT_TARGETS: ReadonlySet<string> = new Set(['DestinationPrefixListId', 'InstanceOwnerId']);

/**
 * A target field AWS added after this app was written (say `FooGatewayId`), found by its shape: the first
 * string field named `...Id` or `...Arn` that is not a known one. Its value names the target.
 */
function unknownTargetField(r: SdkRoute): string | undefined {
  const known = new Set<string>(TARGET_FIELDS.map(([f]) => f as string));
  for (const [key, value] of Object.entries(r as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (known.has(key) || NOT_TARGETS.has(key) || key === 'GatewayId') continue;
    if (/(Id|Arn)$/.test(key) && text(value)) return text(value);
  }
  return undefined;
}

/** Classifies a route's target and names it, following the fields DescribeRouteTables fills. */
export function classifyRoute(r: SdkRoute): Route {
  const destination = text(r.DestinationPrefixListId) ?? text(r.DestinationCidrBlock) ?? text(r.DestinationIpv6CidrBlock) ?? '';
  const destinationType: Route['destinationType'] = text(r.DestinationPrefixListId)
    ? 'prefix-list'
    : (text(r.DestinationIpv6CidrBlock) && !text(r.DestinationCidrBlock)) || destination.includes(':')
      ? 'ipv6'
      : 'ipv4';
  let target = 'unknown';
  let kind: Kind = 'other';
  const gw = text(r.GatewayId);
  if (gw === 'local') {
    target = 'local';
    kind = 'local';
  } else {
    const byGateway = gw ? GATEWAY_PREFIX.find(([prefix]) => gw.startsWith(prefix)) : undefined;
    // An instance route also carries the instance's ENI: the instance is the target a person named.
    const field = byGateway ? undefined : TARGET_FIELDS.find(([f]) => text(r[f]));
    if (byGateway) {
      target = gw!;
      kind = byGateway[1];
    } else if (field) {
      target = text(r[field[0]])!;
      kind = field[1];
    } else if (gw) {
      target = gw;
    } else if (text((r as { IpAddress?: string }).IpAddress)) {
      // A Route Server next hop: propagated into the table with only an IP address.
      target = (r as { IpAddress: string }).IpAddress;
    } else {
      target = unknownTargetField(r) ?? target;
    }
  }
  const state = text(r.State) ?? 'active';
  const origin = text(r.Origin) ?? null;
  return {
    destination,
    destinationType,
    target,
    // A blackhole route's target is gone (a deleted NAT gateway, a detached gateway); it drops traffic.
    targetType: state === 'blackhole' ? 'blackhole' : kind,
    targetKind: kind,
    state,
    origin,
    propagated: origin === 'EnableVgwRoutePropagation',
  };
}

/**
 * Routes whose target type this app does not know (an ODB network, a Route Server next hop, a field AWS added
 * later) are kept, and said per VPC: a path through one says the traffic leaves there, not what happens next.
 */
function noteUnrecognised(tableId: string, vpcId: string, routes: Route[], w: DataWarnings): Route[] {
  for (const r of routes) {
    if (r.targetKind !== 'other') continue;
    const target = r.target === 'unknown' ? 'a target with no id' : r.target;
    w.add('unrecognised', vpcId, `Route ${r.destination || '(no destination)'} in ${tableId} goes to ${target}, a target type vpc-atlas does not recognise: paths through it stop there.`);
  }
  return routes;
}

/** Route tables with their routes sorted by destination; associations in states other than associated do not count. */
export function normalizeRouteTables(raw: RawRegion, w: DataWarnings): RouteTable[] {
  const compareCidrs = cidrComparer();
  return w
    .each(
    raw.routeTables,
    (rt) => rt.RouteTableId,
    (rt) => rt.VpcId,
    (rt, id) => {
      if (!text(rt.VpcId)) throw new Error('it names no VPC');
      const tags = tagsOf(rt.Tags);
      const live = listOf(rt.Associations).filter(
        (a) => a && (!a.AssociationState?.State || a.AssociationState.State === 'associated' || a.AssociationState.State === 'associating'),
      );
      return {
        id,
        vpcId: rt.VpcId!,
        name: nameOf(tags, id),
        main: live.some((a) => a.Main === true),
        subnetIds: sorted(live.map((a) => a.SubnetId)),
        effectiveSubnetIds: [],
        gatewayIds: sorted(live.map((a) => a.GatewayId)),
        routes: noteUnrecognised(
          id,
          rt.VpcId!,
          listOf(rt.Routes)
            .filter((r) => r && typeof r === 'object')
            .map(classifyRoute)
            .sort((a, b) => compareCidrs(a.destination, b.destination) || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)),
          w,
        ),
        tags,
      };
    },
  )
    .sort(byId);
}

const DEFAULT_HALVES: Record<string, readonly string[]> = {
  ipv4: ['0.0.0.0/1', '128.0.0.0/1'],
  ipv6: ['::/1', '8000::/1'],
};

/**
 * The routes of a table that carry all of IPv4 or all of IPv6 to one target kind: `0.0.0.0/0` / `::/0`, or both
 * halves of a split default (`0.0.0.0/1` + `128.0.0.0/1`, which VPN clients and appliances install).
 */
export function defaultRoutes(routes: readonly Route[]): Route[] {
  const out: Route[] = [];
  for (const r of routes) if (r.destination === '0.0.0.0/0' || r.destination === '::/0') out.push(r);
  for (const halves of Object.values(DEFAULT_HALVES)) {
    const found = halves.map((h) => routes.find((r) => r.destination === h));
    if (found.every((r) => r && r.targetType === found[0]!.targetType)) out.push(...(found as Route[]));
  }
  return out;
}
