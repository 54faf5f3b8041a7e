import { parseIpv4Cidr } from '@/lib/net/cidr';
import type { Endpoint, RouteTable, SecurityGroup, SecurityGroupRule, Subnet, Topology, Vpc } from '@/lib/topology/types';
import { pushTo } from './group';
import { GATEWAY_SERVICES, pathEndpointId, type SubnetPath } from './paths';

/**
 * Checks that turn the best practices for VPC endpoints into findings: each says what is wrong,
 * on which resources, why it matters, how to fix it, and the AWS page it rests on.
 */

export type Severity = 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

export type FindingRule =
  | 'nat-to-gateway-service'
  | 'interface-endpoint-az-coverage'
  | 'endpoint-sg-open-to-world'
  | 'endpoint-sg-no-https-from-vpc'
  | 'private-dns-off'
  | 'private-dns-without-vpc-dns'
  | 'endpoint-policy-allows-all'
  | 'endpoint-not-available'
  | 'gateway-endpoint-no-route-tables'
  | 'duplicate-interface-endpoint'
  | 'blackhole-route'
  | 'implicit-main-route-table';

export const FINDING_RULES: readonly FindingRule[] = [
  'nat-to-gateway-service',
  'interface-endpoint-az-coverage',
  'endpoint-sg-open-to-world',
  'endpoint-sg-no-https-from-vpc',
  'private-dns-off',
  'private-dns-without-vpc-dns',
  'endpoint-policy-allows-all',
  'endpoint-not-available',
  'gateway-endpoint-no-route-tables',
  'duplicate-interface-endpoint',
  'blackhole-route',
  'implicit-main-route-table',
];

export interface FindingFix {
  text: string;
  /** An app link that does (or starts) the fix: a pre-filled form, or the resource on its VPC page. */
  href?: string;
}

export interface Finding {
  /** Stable for the same topology: `<rule>:<key resource ids>`. */
  id: string;
  rule: FindingRule;
  severity: Severity;
  vpcId: string;
  /** The resources concerned, the one to act on first. */
  resourceIds: string[];
  title: string;
  detail: string;
  why: string;
  fix: FindingFix;
  docUrl: string;
  /** For service-specific findings: `s3`, `kms`, ... */
  service?: string;
}

export const DOCS = {
  gatewayEndpoints: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  s3GatewayEndpoint: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html',
  dynamodbGatewayEndpoint: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-ddb.html',
  interfaceEndpoints: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
  privateDns: 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html',
  vpcDns: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html',
  endpointPolicies: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
  routeTables: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html',
} as const;

/** `/vpcs/<vpc>?region=R&selected=<id>`: the resource, selected on its VPC's page. */
export function resourceHref(region: string, vpcId: string, resourceId: string): string {
  return `/vpcs/${encodeURIComponent(vpcId)}?region=${encodeURIComponent(region)}&selected=${encodeURIComponent(resourceId)}`;
}

/**
 * The gateway endpoint form, pre-filled. Route table ids are joined with literal commas, the way the
 * form reads them: `/endpoints/new?region=R&vpc=ID&type=gateway&service=com.amazonaws.R.s3&routeTables=rtb-1,rtb-2`.
 */
export function gatewayEndpointFormHref(region: string, vpcId: string, service: string, routeTableIds: string[]): string {
  const e = encodeURIComponent;
  return `/endpoints/new?region=${e(region)}&vpc=${e(vpcId)}&type=gateway&service=${e(`com.amazonaws.${region}.${service}`)}&routeTables=${routeTableIds.map(e).join(',')}`;
}

// ---------------------------------------------------------------- helpers

const SERVICE_TITLES: Record<string, string> = { s3: 'S3', dynamodb: 'DynamoDB' };
const serviceTitle = (s: string) => SERVICE_TITLES[s] ?? s;

class Names {
  private readonly map = new Map<string, string>();
  constructor(t: Topology) {
    for (const xs of [t.vpcs, t.subnets, t.routeTables, t.endpoints, t.natGateways, t.internetGateways, t.securityGroups]) {
      for (const x of xs) if (x.name && x.name !== x.id) this.map.set(x.id, x.name);
    }
  }
  /** The name when there is one, else the id. */
  short(id: string): string {
    return this.map.get(id) ?? id;
  }
  /** `name (id)`, or the id. */
  label(id: string): string {
    const n = this.map.get(id);
    return n ? `${n} (${id})` : id;
  }
  /** Up to three names, then “and N more”. */
  list(ids: string[]): string {
    const names = ids.map((id) => this.short(id));
    if (names.length <= 3) return joinWords(names);
    return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  }
}

function joinWords(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

const uniq = (xs: string[]) => [...new Set(xs)];
/** “an S3 …”, “a DynamoDB …”: the two gateway services, read aloud. */
const article = (serviceTitle: string) => (serviceTitle === 'S3' ? 'an' : 'a');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function isAwsService(e: Endpoint): boolean {
  return /^(?:com|cn\.com)\.amazonaws\.(?!vpce\.)[a-z0-9-]+\./.test(e.serviceName);
}

function cidrsOverlap(a: string, b: string): boolean {
  const x = parseIpv4Cidr(a);
  const y = parseIpv4Cidr(b);
  if (!x || !y) return false;
  return x.base < y.base + y.size && y.base < x.base + x.size;
}

function ruleCoversHttps(r: SecurityGroupRule): boolean {
  const p = r.protocol.toLowerCase();
  if (p === '-1' || p === 'all') return true;
  if (p !== 'tcp' && p !== '6') return false;
  if (r.fromPort === null || r.toPort === null) return true;
  return r.fromPort <= 443 && 443 <= r.toPort;
}

const WORLD_V4 = '0.0.0.0/0';
const WORLD_V6 = '::/0';

/** Whether some inbound rule of the groups lets TCP 443 in from addresses inside the VPC. */
function admitsHttpsFromVpc(groups: SecurityGroup[], vpc: Vpc): boolean {
  return groups.some((g) =>
    g.inbound.some(
      (r) =>
        ruleCoversHttps(r) &&
        (r.cidrs.some((c) => vpc.cidrBlocks.some((v) => cidrsOverlap(c, v))) ||
          // A group reference or a prefix list admits its members; they may well be in the VPC.
          r.securityGroupIds.length > 0 ||
          r.prefixListIds.length > 0 ||
          (vpc.ipv6CidrBlocks.length > 0 && r.ipv6Cidrs.length > 0)),
    ),
  );
}

function asArray(x: unknown): unknown[] {
  return Array.isArray(x) ? x : x === undefined ? [] : [x];
}

/**
 * Whether an endpoint policy document allows everything: a statement with Effect Allow, Principal
 * `*` (or `{"AWS": "*"}`), Action `*` and Resource `*`, and no Condition. False for a document that is
 * not JSON.
 */
export function policyAllowsAll(policy: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    return false;
  }
  if (!doc || typeof doc !== 'object') return false;
  return asArray((doc as { Statement?: unknown }).Statement).some((s) => {
    if (!s || typeof s !== 'object') return false;
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' || st.Condition !== undefined) return false;
    const p = st.Principal;
    const anyPrincipal = p === '*' || (!!p && typeof p === 'object' && asArray((p as Record<string, unknown>).AWS).includes('*'));
    return anyPrincipal && asArray(st.Action).includes('*') && asArray(st.Resource).includes('*');
  });
}

// ---------------------------------------------------------------- rules

interface Ctx {
  t: Topology;
  paths: SubnetPath[];
  names: Names;
  vpcs: Map<string, Vpc>;
  sgs: Map<string, SecurityGroup>;
}

function natToGatewayService({ t, paths, names }: Ctx): Finding[] {
  const out: Finding[] = [];
  const subnetVpc = new Map(t.subnets.map((s) => [s.id, s.vpcId]));
  for (const service of GATEWAY_SERVICES) {
    const byVpc = new Map<string, SubnetPath[]>();
    for (const p of paths) {
      if (p.service !== service || p.via !== 'nat') continue;
      const vpcId = subnetVpc.get(p.subnetId);
      if (vpcId) pushTo(byVpc, vpcId, p);
    }
    for (const [vpcId, ps] of byVpc) {
      const tables = uniq(ps.map((p) => p.routeTableId).filter((x): x is string => !!x)).sort();
      const subnets = ps.map((p) => p.subnetId);
      const nats = uniq(ps.map((p) => p.hops[2]).filter((x): x is string => !!x?.startsWith('nat-'))).sort((a, b) => names.short(a).localeCompare(names.short(b)));
      const existing = t.endpoints.filter((e) => e.vpcId === vpcId && e.type === 'Gateway' && e.serviceShortName === service);
      const svc = serviceTitle(service);
      const href = gatewayEndpointFormHref(t.region, vpcId, service, tables);
      const where = `${tables.length === 1 ? 'Route table' : 'Route tables'} ${names.list(tables)}`;
      out.push({
        id: `nat-to-gateway-service:${vpcId}:${service}`,
        rule: 'nat-to-gateway-service',
        severity: 'medium',
        vpcId,
        resourceIds: uniq([...tables, ...subnets, ...nats, ...existing.map((e) => e.id)]),
        service,
        title: `${svc} traffic from ${names.list(subnets)} goes through a NAT gateway`,
        detail: existing.length
          ? `${where} ${tables.length === 1 ? 'is' : 'are'} not on gateway endpoint ${names.list(existing.map((e) => e.id))}, so ${svc} traffic from ${plural(subnets.length, 'subnet')} takes the default route to ${names.list(nats)}.`
          : `The VPC has no ${svc} gateway endpoint, so ${svc} traffic from ${plural(subnets.length, 'subnet')} on ${where.toLowerCase()} takes the default route to ${names.list(nats)}.`,
        why: `A NAT gateway bills every GB it processes; a gateway endpoint for ${svc} costs nothing, keeps the traffic off the NAT and lets an endpoint policy limit what can be reached.`,
        fix: {
          text: existing.length
            ? `Add ${names.list(tables)} to ${names.short(existing[0]!.id)}'s route tables, or create ${article(svc)} ${svc} gateway endpoint for ${tables.length === 1 ? 'it' : 'them'}.`
            : `Create ${article(svc)} ${svc} gateway endpoint on ${names.list(tables)}.`,
          href,
        },
        docUrl: service === 's3' ? DOCS.s3GatewayEndpoint : DOCS.dynamodbGatewayEndpoint,
      });
    }
  }
  return out;
}

/**
 * Subnets use an endpoint with private DNS from every AZ of the VPC; one with private DNS held back
 * by the VPC's DNS attributes counts too (that is its own finding, and fixing it exposes this one).
 */
function azCoverage({ t, paths, names, vpcs }: Ctx): Finding[] {
  const out: Finding[] = [];
  const subnetById = new Map(t.subnets.map((s) => [s.id, s]));
  // One pass over the ENIs and the paths, not one per endpoint: an XL account has 750 endpoint ENIs
  // and 52,000 paths for its 250 interface endpoints.
  const eniAzs = new Map<string, string[]>();
  const listedEnis = new Map<string, string[]>();
  for (const e of t.endpoints) for (const n of e.networkInterfaceIds) pushTo(listedEnis, n, e.id);
  for (const n of t.networkInterfaces) {
    for (const endpointId of new Set([...(n.endpointId ? [n.endpointId] : []), ...(listedEnis.get(n.id) ?? [])])) pushTo(eniAzs, endpointId, n.az);
  }
  const crossingByEndpoint = new Map<string, string[]>();
  for (const p of paths) {
    if (p.via !== 'interface-endpoint-cross-az') continue;
    const endpointId = pathEndpointId(p);
    if (endpointId) pushTo(crossingByEndpoint, endpointId, p.subnetId);
  }
  const subnetsByVpc = new Map<string, Subnet[]>();
  for (const s of t.subnets) pushTo(subnetsByVpc, s.vpcId, s);
  for (const e of t.endpoints) {
    if (e.type !== 'Interface' || e.state !== 'available') continue;
    const have = uniq((eniAzs.get(e.id) ?? []).concat(e.subnetIds.map((s) => subnetById.get(s)?.az ?? '')))
      .filter(Boolean)
      .sort();
    const crossing = crossingByEndpoint.get(e.id) ?? [];
    const vpc = vpcs.get(e.vpcId);
    const dnsBlocked = e.privateDnsEnabled && isAwsService(e) && (vpc?.dnsSupport === false || vpc?.dnsHostnames === false);
    const waiting = dnsBlocked ? (subnetsByVpc.get(e.vpcId) ?? []).filter((s) => !have.includes(s.az)).map((s) => s.id) : [];
    const subnetIds = uniq([...crossing, ...waiting]);
    if (!subnetIds.length) continue;
    const missing = uniq(subnetIds.map((s) => subnetById.get(s)?.az ?? '').filter(Boolean)).sort();
    const n = subnetIds.length;
    const use = crossing.length
      ? `${n === 1 ? 'reaches' : 'reach'} it across Availability Zones`
      : 'will cross Availability Zones to reach it once the VPC’s DNS attributes let private DNS answer';
    out.push({
      id: `interface-endpoint-az-coverage:${e.id}`,
      rule: 'interface-endpoint-az-coverage',
      severity: 'medium',
      vpcId: e.vpcId,
      resourceIds: [e.id, ...subnetIds],
      service: e.serviceShortName,
      title: `${e.serviceShortName} endpoint has no network interface in ${joinWords(missing)}`,
      detail: `${names.label(e.id)} is in ${have.length ? joinWords(have) : 'no Availability Zone'}; ${plural(n, 'subnet')} in ${joinWords(missing)} (${names.list(subnetIds)}) ${use}.`,
      why: 'Cross-AZ traffic is billed per GB in each direction, and if the endpoint’s zones fail, the subnets in other zones lose the service too.',
      fix: {
        text: `Add a subnet in ${joinWords(missing)} to ${names.short(e.id)} (one subnet per Availability Zone).`,
        href: resourceHref(t.region, e.vpcId, e.id),
      },
      docUrl: DOCS.interfaceEndpoints,
    });
  }
  return out;
}

function securityGroups({ t, names, vpcs, sgs }: Ctx): Finding[] {
  const out: Finding[] = [];
  const interfaceEps = t.endpoints.filter((e) => e.type === 'Interface');
  const openBy = new Map<string, Endpoint[]>();
  for (const e of interfaceEps) {
    for (const id of e.securityGroupIds) {
      const g = sgs.get(id);
      if (!g) continue;
      if (g.inbound.some((r) => r.cidrs.includes(WORLD_V4) || r.ipv6Cidrs.includes(WORLD_V6))) pushTo(openBy, id, e);
    }
  }
  for (const [sgId, eps] of openBy) {
    const g = sgs.get(sgId)!;
    const open = g.inbound.filter((r) => r.cidrs.includes(WORLD_V4) || r.ipv6Cidrs.includes(WORLD_V6));
    const sources = uniq(open.flatMap((r) => [...r.cidrs, ...r.ipv6Cidrs].filter((c) => c === WORLD_V4 || c === WORLD_V6)));
    const ports = uniq(open.map((r) => (r.protocol === '-1' ? 'all traffic' : r.fromPort === r.toPort ? `${r.protocol.toUpperCase()} ${r.fromPort ?? 'all'}` : `${r.protocol.toUpperCase()} ${r.fromPort}-${r.toPort}`)));
    const services = uniq(eps.map((e) => e.serviceShortName));
    out.push({
      id: `endpoint-sg-open-to-world:${sgId}`,
      rule: 'endpoint-sg-open-to-world',
      severity: 'high',
      vpcId: g.vpcId || eps[0]!.vpcId,
      resourceIds: [sgId, ...eps.map((e) => e.id)],
      title: `Security group ${names.short(sgId)} admits ${joinWords(sources)} to the ${joinWords(services)} ${eps.length === 1 ? 'endpoint' : 'endpoints'}`,
      detail: `${names.label(sgId)} allows ${joinWords(ports)} from ${joinWords(sources)} on ${names.list(eps.map((e) => e.id))}.`,
      why: 'An endpoint’s security group decides who may use it; 0.0.0.0/0 admits every network that can route to it (peered VPCs, transit gateways, VPNs), not just this VPC.',
      fix: {
        text: `Replace ${joinWords(sources)} in ${names.short(sgId)} with the VPC’s CIDR blocks (TCP 443), or with the security groups of the clients.`,
        href: resourceHref(t.region, g.vpcId || eps[0]!.vpcId, sgId),
      },
      docUrl: DOCS.interfaceEndpoints,
    });
  }
  for (const e of interfaceEps) {
    const vpc = vpcs.get(e.vpcId);
    if (!vpc) continue;
    const groups = e.securityGroupIds.map((id) => sgs.get(id)).filter((g): g is SecurityGroup => !!g);
    // Without the groups in the data there is nothing to judge.
    if (groups.length === 0 || groups.length < e.securityGroupIds.length) continue;
    if (admitsHttpsFromVpc(groups, vpc)) continue;
    out.push({
      id: `endpoint-sg-no-https-from-vpc:${e.id}`,
      rule: 'endpoint-sg-no-https-from-vpc',
      severity: 'high',
      vpcId: e.vpcId,
      resourceIds: [e.id, ...e.securityGroupIds],
      service: e.serviceShortName,
      title: `${e.serviceShortName} endpoint admits no HTTPS from the VPC`,
      detail: `No inbound rule of ${names.list(e.securityGroupIds)} allows TCP 443 from ${joinWords(vpc.cidrBlocks)}, so clients in the VPC cannot connect to ${names.label(e.id)}.`,
      why: 'AWS service endpoints listen on HTTPS (TCP 443); requests blocked by the endpoint’s security group time out, and SDKs retry until they give up.',
      fix: {
        text: `Add an inbound rule for TCP 443 from ${joinWords(vpc.cidrBlocks)} to ${names.short(e.securityGroupIds[0]!)}.`,
        href: resourceHref(t.region, e.vpcId, e.securityGroupIds[0]!),
      },
      docUrl: DOCS.interfaceEndpoints,
    });
  }
  return out;
}

function privateDns({ t, names, vpcs }: Ctx): Finding[] {
  const out: Finding[] = [];
  const gatewayFor = (vpcId: string, service: string) =>
    t.endpoints.some((g) => g.vpcId === vpcId && g.type === 'Gateway' && g.serviceShortName === service);
  for (const e of t.endpoints) {
    if (e.type !== 'Interface' || !isAwsService(e) || e.privateDnsEnabled) continue;
    // An S3 or DynamoDB interface endpoint beside a gateway endpoint is usually meant to be called by its own names.
    if ((GATEWAY_SERVICES as readonly string[]).includes(e.serviceShortName) && gatewayFor(e.vpcId, e.serviceShortName)) continue;
    const host = `${e.serviceShortName}.${t.region}.amazonaws.com`;
    out.push({
      id: `private-dns-off:${e.id}`,
      rule: 'private-dns-off',
      severity: 'medium',
      vpcId: e.vpcId,
      resourceIds: [e.id],
      service: e.serviceShortName,
      title: `Private DNS is off on the ${e.serviceShortName} endpoint`,
      detail: `${names.label(e.id)} does not answer for ${host}; clients that call the service by its usual name still resolve public addresses and leave through the NAT or internet gateway.`,
      why: 'SDKs and the CLI call the regional name; without private DNS the endpoint is only used by clients configured with its endpoint-specific DNS name, so it costs money and is mostly bypassed.',
      fix: { text: `Turn on private DNS for ${names.short(e.id)} (ModifyVpcEndpoint --private-dns-enabled).`, href: resourceHref(t.region, e.vpcId, e.id) },
      docUrl: DOCS.privateDns,
    });
  }
  for (const vpc of vpcs.values()) {
    if (vpc.dnsSupport !== false && vpc.dnsHostnames !== false) continue;
    const eps = t.endpoints.filter((e) => e.vpcId === vpc.id && e.type === 'Interface' && e.privateDnsEnabled);
    if (!eps.length) continue;
    const off = [vpc.dnsSupport === false ? 'DNS resolution' : null, vpc.dnsHostnames === false ? 'DNS hostnames' : null].filter((x): x is string => !!x);
    const attrs = [vpc.dnsSupport === false ? 'enableDnsSupport' : null, vpc.dnsHostnames === false ? 'enableDnsHostnames' : null].filter((x): x is string => !!x);
    out.push({
      id: `private-dns-without-vpc-dns:${vpc.id}`,
      rule: 'private-dns-without-vpc-dns',
      severity: 'high',
      vpcId: vpc.id,
      resourceIds: [vpc.id, ...eps.map((e) => e.id)],
      title: `Private DNS is on for ${plural(eps.length, 'endpoint')} but ${names.short(vpc.id)} has ${joinWords(off)} off`,
      detail: `${names.list(eps.map((e) => e.id))} (${joinWords(uniq(eps.map((e) => e.serviceShortName)))}) ${eps.length === 1 ? 'has' : 'have'} private DNS on, but ${names.label(vpc.id)} has ${joinWords(attrs)} set to false, so the private names do not resolve to the endpoints.`,
      why: 'Private DNS for interface endpoints needs both VPC attributes; without them clients resolve the public addresses and the endpoints are paid for but unused.',
      fix: { text: `Set ${joinWords(attrs)} to true on ${names.short(vpc.id)} (ModifyVpcAttribute).`, href: resourceHref(t.region, vpc.id, vpc.id) },
      docUrl: DOCS.vpcDns,
    });
  }
  return out;
}

function policies({ t, names }: Ctx): Finding[] {
  const out: Finding[] = [];
  const open = t.endpoints.filter((e) => e.policy !== null && policyAllowsAll(e.policy));
  for (const e of open.filter((x) => x.type === 'Gateway')) {
    const svc = serviceTitle(e.serviceShortName);
    out.push({
      id: `endpoint-policy-allows-all:${e.id}`,
      rule: 'endpoint-policy-allows-all',
      severity: 'low',
      vpcId: e.vpcId,
      resourceIds: [e.id],
      service: e.serviceShortName,
      title: `${svc} gateway endpoint policy allows everything`,
      detail: `The policy of ${names.label(e.id)} allows any principal every action on every resource.`,
      why: `A gateway endpoint policy is where a VPC can limit ${svc} to the account’s own ${e.serviceShortName === 's3' ? 'buckets' : 'tables'}; a full-access policy lets a compromised workload copy data anywhere in ${svc}.`,
      fix: { text: `Restrict the policy to the ${e.serviceShortName === 's3' ? 'buckets' : 'tables'} this VPC uses (Resource) or to your organization (aws:ResourceOrgID).`, href: resourceHref(t.region, e.vpcId, e.id) },
      docUrl: DOCS.endpointPolicies,
    });
  }
  const byVpc = new Map<string, Endpoint[]>();
  for (const e of open.filter((x) => x.type === 'Interface')) pushTo(byVpc, e.vpcId, e);
  for (const [vpcId, eps] of byVpc) {
    out.push({
      id: `endpoint-policy-allows-all:${vpcId}:interface`,
      rule: 'endpoint-policy-allows-all',
      severity: 'info',
      vpcId,
      resourceIds: eps.map((e) => e.id),
      title: `${plural(eps.length, 'interface endpoint')} in ${names.short(vpcId)} ${eps.length === 1 ? 'has' : 'have'} the full-access policy`,
      detail: `${joinWords(eps.map((e) => e.serviceShortName))}: the default policy allows any principal every action on every resource.`,
      why: 'The default policy leaves all control to IAM; an endpoint policy adds a network-side limit, such as only your organization’s principals and resources.',
      fix: { text: 'Where it matters (kms, secretsmanager, sts), limit the policy to your account or organization (aws:PrincipalOrgID, aws:ResourceOrgID).', href: resourceHref(t.region, vpcId, eps[0]!.id) },
      docUrl: DOCS.endpointPolicies,
    });
  }
  return out;
}

function notAvailable({ t, names }: Ctx): Finding[] {
  const hard = new Set(['failed', 'rejected', 'expired']);
  return t.endpoints
    .filter((e) => e.state !== 'available')
    .map((e) => {
      const err = e.lastError ? ` Last error: ${e.lastError.code}${e.lastError.message ? ` — ${e.lastError.message}` : ''}.` : '';
      return {
        id: `endpoint-not-available:${e.id}`,
        rule: 'endpoint-not-available' as const,
        severity: hard.has(e.state.toLowerCase()) ? ('high' as const) : ('medium' as const),
        vpcId: e.vpcId,
        resourceIds: [e.id],
        service: e.serviceShortName,
        title: `${e.serviceShortName} endpoint is ${e.state}`,
        detail: `${names.label(e.id)} is in state ${e.state}, so it carries no traffic.${err}`,
        why: 'Until an endpoint is available, traffic that should use it goes the public way or nowhere.',
        fix: {
          text:
            e.state === 'pendingAcceptance'
              ? 'Ask the endpoint service’s owner to accept the connection.'
              : hard.has(e.state.toLowerCase())
                ? 'Fix the cause in the last error, delete the endpoint and create it again.'
                : 'Wait for the endpoint to become available; if it stays pending, check its last error.',
          href: resourceHref(t.region, e.vpcId, e.id),
        },
        docUrl: DOCS.interfaceEndpoints,
      };
    });
}

function gatewayWithoutTables({ t, names }: Ctx): Finding[] {
  return t.endpoints
    .filter((e) => e.type === 'Gateway' && e.routeTableIds.length === 0 && e.state === 'available')
    .map((e) => ({
      id: `gateway-endpoint-no-route-tables:${e.id}`,
      rule: 'gateway-endpoint-no-route-tables' as const,
      severity: 'medium' as const,
      vpcId: e.vpcId,
      resourceIds: [e.id],
      service: e.serviceShortName,
      title: `${serviceTitle(e.serviceShortName)} gateway endpoint is on no route table`,
      detail: `${names.label(e.id)} has no route tables, so no subnet sends traffic to it.`,
      why: 'A gateway endpoint only works through the routes it adds to route tables; without any it changes nothing.',
      fix: { text: `Add the private subnets’ route tables to ${names.short(e.id)}, or delete it.`, href: resourceHref(t.region, e.vpcId, e.id) },
      docUrl: DOCS.gatewayEndpoints,
    }));
}

function duplicates({ t, names }: Ctx): Finding[] {
  const groups = new Map<string, Endpoint[]>();
  for (const e of t.endpoints) {
    if (e.type !== 'Interface') continue;
    const k = `${e.vpcId}|${e.serviceName}`;
    pushTo(groups, k, e);
  }
  return [...groups.values()]
    .filter((eps) => eps.length > 1)
    .map((eps) => ({
      id: `duplicate-interface-endpoint:${eps[0]!.vpcId}:${eps[0]!.serviceShortName}`,
      rule: 'duplicate-interface-endpoint' as const,
      severity: 'medium' as const,
      vpcId: eps[0]!.vpcId,
      resourceIds: eps.map((e) => e.id),
      service: eps[0]!.serviceShortName,
      title: `${eps.length} interface endpoints for ${eps[0]!.serviceShortName} in ${names.short(eps[0]!.vpcId)}`,
      detail: `${names.list(eps.map((e) => e.id))} all connect ${names.short(eps[0]!.vpcId)} to ${eps[0]!.serviceName}.`,
      why: 'Each one is billed per AZ-hour, and only one of them can hold the private DNS name, so the others are used only by clients that name them.',
      fix: { text: 'Keep one endpoint (with private DNS and a subnet in each AZ) and delete the others.', href: resourceHref(t.region, eps[0]!.vpcId, eps[1]!.id) },
      docUrl: DOCS.interfaceEndpoints,
    }));
}

function blackholes({ t, names }: Ctx): Finding[] {
  const out: Finding[] = [];
  const plName = new Map(t.prefixLists.map((p) => [p.id, p.name]));
  for (const rt of t.routeTables) {
    for (const r of rt.routes) {
      if (r.state !== 'blackhole' && r.targetType !== 'blackhole') continue;
      const broad = r.destination === WORLD_V4 || r.destination === WORLD_V6 || r.destinationType === 'prefix-list';
      const used = rt.effectiveSubnetIds.length > 0;
      const dest = r.destinationType === 'prefix-list' ? `${r.destination} (${plName.get(r.destination) ?? 'prefix list'})` : r.destination;
      out.push({
        id: `blackhole-route:${rt.id}:${r.destination}`,
        rule: 'blackhole-route',
        severity: used ? (broad ? 'high' : 'medium') : 'low',
        vpcId: rt.vpcId,
        resourceIds: [rt.id, ...rt.effectiveSubnetIds],
        title: `Blackhole route ${dest} in ${names.short(rt.id)}`,
        detail: `${names.label(rt.id)} sends ${dest} to ${r.target}, which no longer exists; ${used ? `traffic from ${names.list(rt.effectiveSubnetIds)} to it is dropped` : 'no subnet uses this table'}.`,
        why: 'A route whose target was deleted (a NAT gateway, an instance, a detached gateway) silently drops the traffic it matches; nothing else takes over.',
        fix: { text: `Point ${dest} in ${names.short(rt.id)} at a live target (ReplaceRoute), or delete the route.`, href: resourceHref(t.region, rt.vpcId, rt.id) },
        docUrl: DOCS.routeTables,
      });
    }
  }
  return out;
}

/** Subnets left on the main table in a VPC whose other subnets have explicit tables: usually forgotten. */
function implicitMain({ t, names }: Ctx): Finding[] {
  const out: Finding[] = [];
  for (const vpc of t.vpcs) {
    const subnets = t.subnets.filter((s) => s.vpcId === vpc.id);
    const implicit = subnets.filter((s) => !s.explicitRouteTable && s.routeTableId);
    if (!implicit.length || implicit.length === subnets.length) continue;
    const main = t.routeTables.find((r: RouteTable) => r.id === implicit[0]!.routeTableId);
    const def = main?.routes.find((r) => r.destination === WORLD_V4);
    const consequence = !def
      ? `it has no default route, so ${implicit.length === 1 ? 'the subnet reaches' : 'they reach'} nothing outside the VPC`
      : def.targetType === 'igw'
        ? `it sends 0.0.0.0/0 to an internet gateway, so ${implicit.length === 1 ? 'the subnet is' : 'they are'} public`
        : `it sends 0.0.0.0/0 to ${def.target}`;
    out.push({
      id: `implicit-main-route-table:${vpc.id}`,
      rule: 'implicit-main-route-table',
      severity: 'low',
      vpcId: vpc.id,
      resourceIds: [...implicit.map((s) => s.id), ...(main ? [main.id] : [])],
      title: `${names.list(implicit.map((s) => s.id))} ${implicit.length === 1 ? 'uses' : 'use'} the main route table implicitly`,
      detail: `${plural(implicit.length, 'subnet')} in ${names.short(vpc.id)} ${implicit.length === 1 ? 'has no route table association and falls' : 'have no route table association and fall'} back to ${main ? names.label(main.id) : 'the main table'}; ${consequence}.`,
      why: 'The other subnets of the VPC have explicit tables; one left on the main table usually lost its association by accident, and changes to the main table reach it silently.',
      fix: { text: `Associate ${names.list(implicit.map((s) => s.id))} with the route table meant for ${implicit.length === 1 ? 'it' : 'them'}.`, href: resourceHref(t.region, vpc.id, implicit[0]!.id) },
      docUrl: DOCS.routeTables,
    });
  }
  return out;
}

const RULES: ((ctx: Ctx) => Finding[])[] = [
  natToGatewayService,
  azCoverage,
  securityGroups,
  privateDns,
  policies,
  notAvailable,
  gatewayWithoutTables,
  duplicates,
  blackholes,
  implicitMain,
];

/**
 * Every finding for a topology, most severe first. `paths` are the topology's subnet paths
 * (`resolvePaths`); the NAT and cross-AZ rules read them.
 */
export function findIssues(topology: Topology, paths: SubnetPath[]): Finding[] {
  const ctx: Ctx = {
    t: topology,
    paths,
    names: new Names(topology),
    vpcs: new Map(topology.vpcs.map((v) => [v.id, v])),
    sgs: new Map(topology.securityGroups.map((g) => [g.id, g])),
  };
  const sev = (s: Severity) => SEVERITIES.indexOf(s);
  const rule = (r: FindingRule) => FINDING_RULES.indexOf(r);
  return RULES.flatMap((r) => r(ctx)).sort(
    (a, b) => sev(a.severity) - sev(b.severity) || rule(a.rule) - rule(b.rule) || (a.vpcId < b.vpcId ? -1 : a.vpcId > b.vpcId ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
