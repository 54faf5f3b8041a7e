/**
 * Route-table classes: the tables of a VPC that send the same destinations to the same targets, apart from the
 * `local` route every table has. An engineer draws them as one box on a whiteboard ("180 private tables:
 * 0.0.0.0/0 -> NAT of their AZ, S3 + DynamoDB -> gateway endpoints"), and so does the overview.
 *
 * "The same target" is read by role where the role is what the design means: a table whose default route goes to
 * the NAT gateway in its own AZ (the per-AZ NAT design AWS recommends, one private table per AZ) is in the same
 * class as the tables of the other AZs doing the same with theirs. Everything else is compared by id: two tables
 * sending 10.1.0.0/16 to two different peering connections are not the same.
 */

import { serviceLabel } from '@/lib/aws/services';
import { compareText } from '@/lib/graph/build-labels';
import { hashString } from '@/lib/graph/layout-key';
import type { Endpoint, NatGateway, PrefixList, Route, RouteTable, Subnet, Topology } from '@/lib/topology/types';

/** What the default route of a class leads to, in the words people use for the tier. */
export type ClassRole = 'public' | 'private' | 'isolated' | 'main';

export interface RouteClass {
  /** `${vpcId}/rtc-<hash of the routes>`: the same routes in the same VPC give the same id on every load. */
  id: string;
  vpcId: string;
  role: ClassRole;
  /** Member tables, in id order. */
  tableIds: string[];
  /** `0.0.0.0/0 -> NAT of their AZ`, one line per target, default route first. */
  lines: string[];
  /** The lines in fewer words, for a card at the middle zoom: `S3 + DynamoDB -> vpce`, `0.0.0.0/0 -> IGW`. */
  glance: string[];
  /** `180 private tables: 0.0.0.0/0 -> NAT of their AZ, S3 + DynamoDB -> gateway endpoints`. */
  summary: string;
}

/** One route as a class compares it: where to and to what role. */
interface RouteKey {
  /** `0.0.0.0/0`, or the service of a prefix list (`s3`) so a route and a bare association read the same. */
  destination: string;
  /** What is shown for the destination: `0.0.0.0/0`, `S3`. */
  destinationLabel: string;
  /** `nat:own-az`, `igw:igw-1`, `vpce:vpce-1`, ... */
  target: string;
  /** `NAT of their AZ`, `internet gateway`, `gateway endpoint`, ... */
  targetLabel: string;
}

const DEFAULT_ROUTES = new Set(['0.0.0.0/0', '::/0']);

/** Facts about the VPC's resources that a route's target is read against. */
export interface TargetFacts {
  natAz: ReadonlyMap<string, string>;
  natName: ReadonlyMap<string, string>;
  gatewayEndpoints: ReadonlyMap<string, Endpoint>;
  /** The gateway endpoints that list each route table, by table id (looked up once per table, not searched). */
  gatewayEndpointsByTable: ReadonlyMap<string, readonly Endpoint[]>;
  prefixLists: ReadonlyMap<string, PrefixList>;
  subnetAz: ReadonlyMap<string, string>;
}

/** The lookups `routeClasses` reads a topology's routes against. */
export function targetFacts(topology: Pick<Topology, 'natGateways' | 'endpoints' | 'prefixLists' | 'subnets'>): TargetFacts {
  const subnetAz = new Map(topology.subnets.map((s: Subnet) => [s.id, s.az]));
  const natAz = new Map<string, string>();
  const natName = new Map<string, string>();
  for (const n of topology.natGateways as readonly NatGateway[]) {
    natName.set(n.id, n.name || n.id);
    // A regional NAT gateway serves several AZs: it is nobody's "NAT of their AZ".
    const az = n.availabilityMode === 'regional' ? undefined : (subnetAz.get(n.subnetId) ?? (n.azs.length === 1 ? n.azs[0] : undefined));
    if (az) natAz.set(n.id, az);
  }
  const gateways = topology.endpoints.filter((e) => e.type === 'Gateway');
  const gatewayEndpointsByTable = new Map<string, Endpoint[]>();
  for (const ep of gateways) {
    for (const rt of new Set(ep.routeTableIds)) {
      const list = gatewayEndpointsByTable.get(rt);
      if (list) list.push(ep);
      else gatewayEndpointsByTable.set(rt, [ep]);
    }
  }
  return {
    natAz,
    natName,
    gatewayEndpoints: new Map(gateways.map((e) => [e.id, e])),
    gatewayEndpointsByTable,
    prefixLists: new Map(topology.prefixLists.map((p) => [p.id, p])),
    subnetAz,
  };
}

/** The one AZ of a table's subnets, or null when it has none or several. */
function tableAz(rt: RouteTable, facts: TargetFacts): string | null {
  const azs = new Set(rt.effectiveSubnetIds.map((id) => facts.subnetAz.get(id)).filter((az): az is string => az !== undefined));
  return azs.size === 1 ? ([...azs][0] ?? null) : null;
}

function routeKey(route: Route, rt: RouteTable, facts: TargetFacts): RouteKey {
  let destination = route.destination;
  let destinationLabel = route.destination;
  if (route.destinationType === 'prefix-list') {
    const service = facts.prefixLists.get(route.destination)?.serviceShortName;
    if (service) {
      destination = service;
      destinationLabel = serviceLabel(service);
    }
  }
  const blackhole = route.state === 'blackhole' || route.targetType === 'blackhole';
  if (blackhole) return { destination, destinationLabel, target: `blackhole:${route.target}`, targetLabel: 'blackhole' };
  switch (route.targetType) {
    case 'nat': {
      const own = facts.natAz.get(route.target);
      if (own !== undefined && own === tableAz(rt, facts)) return { destination, destinationLabel, target: 'nat:own-az', targetLabel: 'NAT of their AZ' };
      return { destination, destinationLabel, target: `nat:${route.target}`, targetLabel: `NAT ${facts.natName.get(route.target) ?? route.target}` };
    }
    case 'igw':
      return { destination, destinationLabel, target: `igw:${route.target}`, targetLabel: 'internet gateway' };
    case 'vpce':
      if (facts.gatewayEndpoints.has(route.target)) return { destination, destinationLabel, target: `vpce:${route.target}`, targetLabel: 'gateway endpoint' };
      return { destination, destinationLabel, target: `vpce:${route.target}`, targetLabel: `endpoint ${route.target}` };
    default:
      return { destination, destinationLabel, target: `${route.targetType}:${route.target}`, targetLabel: `${TARGET_WORDS[route.targetType] ?? route.targetType} ${route.target}` };
  }
}

const TARGET_WORDS: Partial<Record<Route['targetType'], string>> = {
  tgw: 'transit gateway',
  pcx: 'peering',
  eigw: 'egress-only IGW',
  vgw: 'VPN gateway',
  'core-network': 'Cloud WAN',
  eni: 'ENI',
  instance: 'instance',
  lgw: 'local gateway',
  cagw: 'carrier gateway',
};

/**
 * The routes of a table as a class compares them: every non-local route, plus the gateway endpoints that list the
 * table (an association whose prefix-list route is missing still sends the service there), sorted.
 */
export function routeKeys(rt: RouteTable, facts: TargetFacts): RouteKey[] {
  const keys = new Map<string, RouteKey>();
  for (const route of rt.routes) {
    if (route.targetType === 'local') continue;
    const k = routeKey(route, rt, facts);
    keys.set(`${k.destination}>${k.target}`, k);
  }
  for (const ep of facts.gatewayEndpointsByTable.get(rt.id) ?? []) {
    const k: RouteKey = { destination: ep.serviceShortName, destinationLabel: serviceLabel(ep.serviceShortName), target: `vpce:${ep.id}`, targetLabel: 'gateway endpoint' };
    keys.set(`${k.destination}>${k.target}`, k);
  }
  return [...keys.values()].sort((a, b) => compareDestinations(a.destination, b.destination) || compareText(a.target, b.target));
}

/** Default routes first, then the gateway-endpoint services as people list them (S3 before DynamoDB), then the rest. */
function destinationRank(d: string): number {
  if (DEFAULT_ROUTES.has(d)) return 0;
  if (d === 's3') return 1;
  if (d === 'dynamodb') return 2;
  return 3;
}

function compareDestinations(a: string, b: string): number {
  return destinationRank(a) - destinationRank(b) || compareText(a, b);
}

function roleOf(keys: readonly RouteKey[], main: boolean): ClassRole {
  if (main) return 'main';
  const defaults = keys.filter((k) => DEFAULT_ROUTES.has(k.destination));
  if (defaults.some((k) => k.target.startsWith('igw:'))) return 'public';
  if (keys.length === 0) return 'isolated';
  return 'private';
}

/** A target in fewer words (`describeRoutes`' `glance`): AWS's abbreviations, without the ids. */
function glanceLabel(k: RouteKey): string {
  if (k.target.startsWith('igw:')) return 'IGW';
  if (k.target.startsWith('tgw:')) return 'TGW';
  if (k.target.startsWith('vpce:') && k.targetLabel === 'gateway endpoint') return 'vpce';
  return k.targetLabel;
}

/**
 * `0.0.0.0/0 -> NAT of their AZ`, `S3 + DynamoDB -> gateway endpoints`: one line per target label, in route order;
 * with `glance`, in fewer words (`S3 + DynamoDB -> vpce`).
 */
export function describeRoutes(keys: readonly RouteKey[], glance = false): string[] {
  const byLabel = new Map<string, { destinations: string[]; targets: Set<string> }>();
  for (const k of keys) {
    const label = glance ? glanceLabel(k) : k.targetLabel;
    let entry = byLabel.get(label);
    if (!entry) {
      entry = { destinations: [], targets: new Set() };
      byLabel.set(label, entry);
    }
    if (!entry.destinations.includes(k.destinationLabel)) entry.destinations.push(k.destinationLabel);
    entry.targets.add(k.target);
  }
  return [...byLabel].map(([label, { destinations, targets }]) => {
    const plural = targets.size > 1 && label === 'gateway endpoint' ? 'gateway endpoints' : label;
    return `${destinations.join(' + ')} -> ${plural}`;
  });
}

const ROLE_WORD: Record<ClassRole, [one: string, many: string]> = {
  public: ['public table', 'public tables'],
  private: ['private table', 'private tables'],
  isolated: ['isolated table', 'isolated tables'],
  main: ['main table', 'main tables'],
};

/** `180 private tables`, `1 main table`. */
export function classTitle(role: ClassRole, count: number): string {
  return `${count} ${ROLE_WORD[role][count === 1 ? 0 : 1]}`;
}

/**
 * The route-table classes of one VPC, in the order of their first table's id. The main table is a class of its
 * own: it also decides where every subnet without an association goes.
 */
export function routeClasses(vpcId: string, routeTables: readonly RouteTable[], facts: TargetFacts): RouteClass[] {
  const bySignature = new Map<string, { keys: RouteKey[]; main: boolean; tableIds: string[] }>();
  for (const rt of [...routeTables].filter((t) => t.vpcId === vpcId).sort((a, b) => compareText(a.id, b.id))) {
    const keys = routeKeys(rt, facts);
    const signature = `${rt.main ? 'main|' : ''}${keys.map((k) => `${k.destination}>${k.target}`).join('|')}`;
    const entry = bySignature.get(signature);
    if (entry) entry.tableIds.push(rt.id);
    else bySignature.set(signature, { keys, main: rt.main, tableIds: [rt.id] });
  }
  return [...bySignature].map(([signature, { keys, main, tableIds }]) => {
    const role = roleOf(keys, main);
    const lines = describeRoutes(keys);
    const glance = describeRoutes(keys, true);
    const title = classTitle(role, tableIds.length);
    return {
      id: `${vpcId}/rtc-${hashString(`${vpcId}#${signature}`)}`,
      vpcId,
      role,
      tableIds,
      lines,
      glance,
      summary: `${title}: ${lines.length > 0 ? lines.join(', ') : 'local routes only'}`,
    };
  });
}
