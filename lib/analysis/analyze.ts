import type { MetricsResult } from '@/lib/metrics/types';
import { scopeToVpc } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import { DEFAULT_GB_PER_MONTH, estimateCosts, type CostReport } from './costs';
import { findIssues, type Finding, type ServiceZones } from './findings';
import { resolvePaths, type SubnetPath } from './paths';

export type { CostReport } from './costs';
export type { Finding, FindingRule, Severity } from './findings';
export type { PathVia, SubnetPath } from './paths';

export interface AnalyzeOptions {
  /** Only this VPC (its subnets, findings and costs); the rest of the region is ignored. */
  vpcId?: string;
  /** Assumed traffic volume for the NAT savings estimate, GB per month, where no metric exists. */
  gbPerMonth?: number;
  /** CloudWatch's measurements of the endpoints and NAT gateways: per-GB costs, and the traffic findings. */
  metrics?: MetricsResult;
  /** The zones each endpoint service is offered in (DescribeVpcEndpointServices), for the AZ coverage findings. */
  serviceZones?: ServiceZones;
}

export interface Analysis {
  paths: SubnetPath[];
  findings: Finding[];
  costs: CostReport;
}

/**
 * Paths from every subnet to the services of interest, the findings they and the topology raise, and
 * the monthly costs. Pure: the same topology gives the same analysis. A `vpcId` not in the topology
 * gives an empty analysis.
 */
export function analyzeTopology(topology: Topology, options: AnalyzeOptions = {}): Analysis {
  const scoped = options.vpcId ? scopeToVpc(topology, options.vpcId) : topology;
  const paths = resolvePaths(scoped);
  const findings = findIssues(scoped, paths, {
    ...(options.serviceZones ? { serviceZones: options.serviceZones } : {}),
    ...(options.metrics?.status === 'ok' ? { metrics: options.metrics } : {}),
  });
  const costs = estimateCosts(scoped, findings, { gbPerMonth: options.gbPerMonth ?? DEFAULT_GB_PER_MONTH, ...(options.metrics ? { metrics: options.metrics } : {}) });
  return { paths, findings, costs };
}
