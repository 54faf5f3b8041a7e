import type { MetricsOk } from '@/lib/metrics/types';
import type { Topology } from '@/lib/topology/types';
import type { SubnetPath } from './paths';
import { blackholeRoute } from './rules/blackhole-route';
import { crossAzNat } from './rules/cross-az-nat';
import { Names, SEVERITIES, type RuleFinding, type ServiceZones, type Severity } from './rules/context';
import { duplicateInterfaceEndpoint } from './rules/duplicate-interface-endpoint';
import { endpointNotAvailable } from './rules/endpoint-not-available';
import { endpointPolicyAllowsAll } from './rules/endpoint-policy-allows-all';
import { endpointSgNoHttpsFromVpc } from './rules/endpoint-sg-no-https-from-vpc';
import { endpointSgOpenToWorld } from './rules/endpoint-sg-open-to-world';
import { gatewayEndpointNoRouteTables } from './rules/gateway-endpoint-no-route-tables';
import { idleInterfaceEndpoint } from './rules/idle-interface-endpoint';
import { implicitMainRouteTable } from './rules/implicit-main-route-table';
import { interfaceEndpointAzCoverage } from './rules/interface-endpoint-az-coverage';
import { natToGatewayService } from './rules/nat-to-gateway-service';
import { privateDnsOff } from './rules/private-dns-off';
import { privateDnsWithoutVpcDns } from './rules/private-dns-without-vpc-dns';
import { trafficDrops } from './rules/traffic-drops';

/**
 * Checks that turn the best practices for VPC endpoints into findings: each says what is wrong,
 * on which resources, why it matters, how to fix it, and the AWS page it rests on. One rule per file
 * in `rules/`; this list is the only place that names them all, in the order findings of one
 * severity are shown, and the rule ids' type is read from it.
 */
const RULES = [
  natToGatewayService,
  trafficDrops,
  interfaceEndpointAzCoverage,
  endpointSgOpenToWorld,
  endpointSgNoHttpsFromVpc,
  privateDnsOff,
  privateDnsWithoutVpcDns,
  endpointPolicyAllowsAll,
  endpointNotAvailable,
  gatewayEndpointNoRouteTables,
  duplicateInterfaceEndpoint,
  idleInterfaceEndpoint,
  crossAzNat,
  blackholeRoute,
  implicitMainRouteTable,
] as const;

export type FindingRule = (typeof RULES)[number]['id'];
export const FINDING_RULES: readonly FindingRule[] = RULES.map((r) => r.id);
/** A few words per rule, for filters and headings. */
export const FINDING_RULE_LABELS = Object.fromEntries(RULES.map((r) => [r.id, r.label])) as Record<FindingRule, string>;

export { DOCS, gatewayEndpointFormHref, resourceHref, SEVERITIES, type FindingFix, type ServiceZones, type Severity } from './rules/context';
export { policyAllowsAll } from './rules/endpoint-policy-allows-all';

export interface Finding extends Omit<RuleFinding, 'severity'> {
  rule: FindingRule;
  severity: Severity;
}

export interface FindIssuesOptions {
  /** The zones each service is offered in (DescribeVpcEndpointServices); AZ coverage counts only those. */
  serviceZones?: ServiceZones;
  /** CloudWatch's measurements: the traffic rules (idle endpoints, drops, cross-AZ NAT) need them. */
  metrics?: MetricsOk;
}

/**
 * Every finding for a topology, most severe first. `paths` are the topology's subnet paths
 * (`resolvePaths`); the NAT and cross-AZ rules read them.
 */
export function findIssues(topology: Topology, paths: SubnetPath[], options: FindIssuesOptions = {}): Finding[] {
  const ctx = {
    t: topology,
    paths,
    names: new Names(topology),
    vpcs: new Map(topology.vpcs.map((v) => [v.id, v])),
    sgs: new Map(topology.securityGroups.map((g) => [g.id, g])),
    ...(options.serviceZones ? { serviceZones: options.serviceZones } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  const sev = (s: Severity) => SEVERITIES.indexOf(s);
  const rule = (r: FindingRule) => FINDING_RULES.indexOf(r);
  return RULES.flatMap((r) =>
    r.check(ctx).map(({ id, severity, ...rest }): Finding => ({ id, rule: r.id, severity: severity ?? r.severity, ...rest })),
  ).sort(
    (a, b) => sev(a.severity) - sev(b.severity) || rule(a.rule) - rule(b.rule) || (a.vpcId < b.vpcId ? -1 : a.vpcId > b.vpcId ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
