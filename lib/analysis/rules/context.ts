import type { MetricsOk } from '@/lib/metrics/types';
import type { Endpoint, SecurityGroup, Topology, Vpc } from '@/lib/topology/types';
import type { SubnetPath } from '../paths';
import { isAwsServiceName } from '../service-dns';
import { serviceLabel } from '@/lib/aws/services';

/**
 * What every finding rule shares: the shape of a finding, the context a check reads, the AWS pages
 * findings cite, and the words for naming resources. A rule is one file in this folder exporting
 * `{ id, severity, label, check }`; `findings.ts` lists the rules once.
 */

export type Severity = 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

export interface FindingFix {
  text: string;
  /** An app link that does (or starts) the fix: a pre-filled form, or the resource on its VPC page. */
  href?: string;
}

/** What a check reports; `findIssues` adds the rule's id, and its severity unless the check set one. */
export interface RuleFinding {
  /** Stable for the same topology: `<rule>:<key resource ids>`. */
  id: string;
  /** Set when this finding is more or less severe than the rule's usual severity. */
  severity?: Severity;
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

/** Where AZ-specific facts come from: the zones that can hold an interface endpoint, and each service's zones. */
export interface ServiceZones {
  /** Service name (`com.amazonaws.us-east-1.kms`) -> the Availability Zones DescribeVpcEndpointServices lists for it. */
  byService: ReadonlyMap<string, readonly string[]>;
}

export interface RuleContext {
  t: Topology;
  paths: SubnetPath[];
  names: Names;
  vpcs: Map<string, Vpc>;
  sgs: Map<string, SecurityGroup>;
  /** The offered zones per service, when the caller read them; without them every zone counts as offered. */
  serviceZones?: ServiceZones;
  /** CloudWatch's measurements over a period, when they were read; the traffic rules find nothing without them. */
  metrics?: MetricsOk;
}

/** One finding rule: adding a rule is one file exporting this, added to the list in `findings.ts`. */
export interface FindingRuleDef<Id extends string = string> {
  id: Id;
  /** The usual severity; a check may set another on a finding (a blackhole no subnet uses is low). */
  severity: Severity;
  /** A few words for filters and headings. */
  label: string;
  check(ctx: RuleContext): RuleFinding[];
}

/**
 * A rule as its file exports it, its id kept as a literal type (`FindingRule` is read from the list). A call and
 * not `{ ... } as const satisfies FindingRuleDef`: Stryker skips everything inside an `as` expression, so rules
 * written that way had no mutants at all (docs/mutation.md).
 */
export function defineRule<const Id extends string>(rule: FindingRuleDef<Id>): FindingRuleDef<Id> {
  return rule;
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

export const serviceTitle = serviceLabel;

/** Display names by id; a resource without a name (or with a blank one) is called by its id. */
export class Names {
  private readonly map = new Map<string, string>();
  constructor(t: Topology) {
    for (const xs of [t.vpcs, t.subnets, t.routeTables, t.endpoints, t.natGateways, t.internetGateways, t.securityGroups]) {
      for (const x of xs) if (x.name.trim() && x.name !== x.id) this.map.set(x.id, x.name);
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

export function joinWords(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

export const uniq = (xs: string[]) => [...new Set(xs)];
/** “an S3 …”, “a DynamoDB …”: the two gateway services, read aloud. */
export const article = (serviceTitle: string) => (serviceTitle === 'S3' ? 'an' : 'a');
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const isAwsService = (e: Endpoint) => isAwsServiceName(e.serviceName);

/**
 * What an endpoint connects to, in words that are never blank: an AWS service's short name (`kms`);
 * for a PrivateLink partner or customer service, and for VPC Lattice endpoints (no `ServiceName`),
 * the endpoint's Name tag, else its id.
 */
export function endpointService(e: Endpoint, names: Names): string {
  return (isAwsService(e) && e.serviceShortName.trim()) || names.short(e.id);
}

export const WORLD_V4 = '0.0.0.0/0';
export const WORLD_V6 = '::/0';
