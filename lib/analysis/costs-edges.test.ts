import { describe, expect, it } from 'vitest';
import { measured, metricsOk } from '@/lib/metrics/test-metrics';
import { analyzeTopology } from './analyze';
import { endpointAzCounts, estimateCosts } from './costs';
import type { Finding } from './findings';
import { gatewayEndpoint, interfaceEndpoint, nat, route, subnet, table, topology, vpc, VPC } from './test-topology';
import { eni } from '@/lib/graph/test-topology';

/** What the cost table shows at its edges: which resources are billed, in which VPC, and on what the savings rest. */

const a = subnet('subnet-a', 'us-east-1a', '10.0.0.0/24');
const b = subnet('subnet-b', 'us-east-1b', '10.0.1.0/24');
const c = subnet('subnet-c', 'us-east-1c', '10.0.2.0/24');

const natFinding = (id: string, vpcId: string, resourceIds: string[], over: Partial<Finding> = {}): Finding => ({
  id,
  rule: 'nat-to-gateway-service',
  severity: 'medium',
  vpcId,
  resourceIds,
  service: 's3',
  title: '',
  detail: '',
  why: '',
  fix: { text: '' },
  docUrl: '',
  ...over,
});

describe('the AZs an interface endpoint is billed in', () => {
  it('its network interfaces’ AZs when known; else its subnets’; a subnet missing from the data counts as its own AZ', () => {
    const t = topology({
      subnets: [a, b, c],
      endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-a']), interfaceEndpoint('vpce-sts', 'sts', ['subnet-a', 'subnet-b', 'subnet-gone']), gatewayEndpoint('vpce-s3', 's3', [])],
      networkInterfaces: [
        eni('eni-1', VPC, 'subnet-a', 'us-east-1a', { endpointId: 'vpce-kms' }),
        eni('eni-2', VPC, 'subnet-b', 'us-east-1b', { endpointId: 'vpce-kms' }),
        eni('eni-3', VPC, 'subnet-c', 'us-east-1c', { endpointId: 'vpce-kms' }),
        eni('eni-4', VPC, 'subnet-c', 'us-east-1c', { endpointId: 'vpce-kms' }),
        // An interface with no AZ recorded, and one of no endpoint: neither counts.
        eni('eni-5', VPC, 'subnet-c', '', { endpointId: 'vpce-sts' }),
        eni('eni-6', VPC, 'subnet-c', 'us-east-1c', { endpointId: null }),
      ],
    });
    expect([...endpointAzCounts(t)]).toEqual([
      ['vpce-kms', 3],
      ['vpce-sts', 3],
    ]);
  });
});

describe('the AZs an interface endpoint is billed in, from its subnets', () => {
  it('two subnets in one AZ bill one AZ; the network interfaces, when listed, win over the subnets', () => {
    const a2 = subnet('subnet-a2', 'us-east-1a', '10.0.3.0/24');
    const t = topology({
      subnets: [a, a2, b],
      endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-a', 'subnet-a2']), interfaceEndpoint('vpce-sts', 'sts', ['subnet-a', 'subnet-b'])],
      // DescribeNetworkInterfaces listed only sts's interface in us-east-1a.
      networkInterfaces: [eni('eni-1', VPC, 'subnet-a', 'us-east-1a', { endpointId: 'vpce-sts' })],
    });
    expect([...endpointAzCounts(t)]).toEqual([
      ['vpce-kms', 1],
      ['vpce-sts', 1],
    ]);
  });
});

describe('estimateCosts, resource by resource', () => {
  const other = 'vpc-0b';
  const t = topology({
    vpcs: [vpc(), vpc({ id: other, name: 'other' })],
    subnets: [a, b],
    endpoints: [
      interfaceEndpoint('vpce-kms', 'kms', ['subnet-a']),
      interfaceEndpoint('vpce-far', 'sts', ['subnet-a'], { vpcId: other }),
      // A gateway endpoint costs nothing and is not listed.
      { ...interfaceEndpoint('vpce-gw', 's3', ['subnet-a']), type: 'Gateway' },
    ],
    natGateways: [nat('nat-a', 'subnet-a'), nat('nat-far', 'subnet-b', { vpcId: other }), nat('nat-gone', 'subnet-b', { state: 'deleting' })],
  });

  it('bills each VPC for its own endpoints and NAT gateways only', () => {
    const report = estimateCosts(t, []);
    expect(report.vpcs.map((v) => [v.vpcId, v.vpcName, v.interfaceEndpoints.map((e) => e.endpointId), v.natGateways.map((g) => g.natGatewayId)])).toEqual([
      [VPC, 'test', ['vpce-kms'], ['nat-a']],
      [other, 'other', ['vpce-far'], ['nat-far']],
    ]);
    expect(report.vpcs[0]).toMatchObject({ interfaceEndpointsDataMonthly: null, natGatewaysDataMonthly: null, trafficBytes: null, interfaceEndpointsMonthly: 7.3, natGatewaysMonthly: 32.85, totalMonthly: 40.15 });
  });

  it('saves per VPC, from its own NAT findings only', () => {
    const findings = [natFinding(`f-${VPC}`, VPC, ['rtb-1', 'subnet-a', 'nat-a']), natFinding(`f-${other}`, other, ['rtb-9', 'nat-far'], { service: undefined }), { ...natFinding('not-nat', VPC, ['nat-a']), rule: 'cross-az-nat' as const }];
    const report = estimateCosts(t, findings, { gbPerMonth: 10 });
    expect(report.vpcs.map((v) => v.natSavings.map((s) => [s.findingId, s.service, s.routeTableIds, s.natGatewayIds]))).toEqual([
      [[`f-${VPC}`, 's3', ['rtb-1'], ['nat-a']]],
      [[`f-${other}`, '', ['rtb-9'], ['nat-far']]],
    ]);
    expect(report.vpcs.map((v) => v.natSavingsMonthly)).toEqual([0.45, 0.45]);
  });

  it('a finding over two NAT gateways is measured only when both are; the bound counts only measured findings', () => {
    const metrics = metricsOk({ 'nat-a': measured('nat-gateway', { BytesInFromSource: 72e9 }) });
    const two = topology({ subnets: [a, b], natGateways: [nat('nat-a', 'subnet-a'), nat('nat-b', 'subnet-b')] });
    const findings = [natFinding('f-both', VPC, ['rtb-1', 'nat-a', 'nat-b']), natFinding('f-a', VPC, ['rtb-2', 'nat-a'], { service: 'dynamodb' })];
    const v = estimateCosts(two, findings, { metrics, gbPerMonth: 10 }).vpcs[0]!;
    // 72 GB in 720 h = 73 GB a month x $0.045 = $3.285 -> $3.29 measured (f-a); f-both assumed: 10 GB x $0.045 = $0.45.
    expect(v.natSavings.map((s) => [s.findingId, s.basis, s.measuredBytes, s.monthly])).toEqual([
      ['f-both', 'assumed', null, 0.45],
      ['f-a', 'measured', 72e9, 3.29],
    ]);
    expect(v.natSavingsMonthly).toBe(3.74);
    expect(v.natGatewaysDataMonthly).toBe(3.29);
    expect(v.interfaceEndpointsDataMonthly).toBeNull();
  });

  it('a finding naming no NAT gateway is assumed', () => {
    const metrics = metricsOk({ 'nat-a': measured('nat-gateway', { BytesInFromSource: 72e9 }) });
    const v = estimateCosts(t, [natFinding('f', VPC, ['rtb-1'])], { metrics, gbPerMonth: 10 }).vpcs[0]!;
    expect(v.natSavings[0]).toMatchObject({ basis: 'assumed', measuredBytes: null, monthly: 0.45 });
  });

  it('says what the charges were measured over', () => {
    const metrics = metricsOk({}, '7d');
    expect(estimateCosts(t, [], { metrics }).traffic).toEqual({ measured: true, period: '7d', words: '7 days', hours: 168, end: '2026-12-01T00:00:00.000Z' });
  });
});

describe('analyzeTopology’s options', () => {
  const parts = {
    subnets: [a, b],
    routeTables: [table('rtb-1', ['subnet-a', 'subnet-b'], [route('0.0.0.0/0', 'nat-a')])],
    natGateways: [nat('nat-a', 'subnet-a')],
    endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-a'])],
  };

  it('counts AZ coverage only where the service is offered, when the zones are given', () => {
    const t = topology(parts);
    const rules = (zones?: string[]) => analyzeTopology(t, zones ? { serviceZones: { byService: new Map([['com.amazonaws.us-east-1.kms', zones]]) } } : {}).findings.map((f) => f.rule);
    expect(rules()).toContain('interface-endpoint-az-coverage');
    expect(rules(['us-east-1a'])).not.toContain('interface-endpoint-az-coverage');
  });

  it('reads traffic findings and per-GB charges from metrics that were read, and says why when they were not', () => {
    const t = topology(parts);
    const ok = analyzeTopology(t, { metrics: metricsOk({ 'vpce-kms': measured('interface-endpoint') }) });
    expect(ok.findings.map((f) => f.rule)).toContain('idle-interface-endpoint');
    expect(ok.costs.traffic.measured).toBe(true);
    const denied = analyzeTopology(t, { metrics: { status: 'unavailable', reason: 'access-denied', message: 'denied: cloudwatch:GetMetricData' } });
    expect(denied.findings.map((f) => f.rule)).not.toContain('idle-interface-endpoint');
    expect(denied.costs.traffic).toEqual({ measured: false, reason: 'denied: cloudwatch:GetMetricData' });
  });

  it('assumes 100 GB a month through the NAT unless told otherwise', () => {
    const t = topology(parts);
    expect(analyzeTopology(t).costs.gbPerMonth).toBe(100);
    expect(analyzeTopology(t, { gbPerMonth: 7 }).costs.gbPerMonth).toBe(7);
    expect(analyzeTopology(t, { gbPerMonth: 0 }).costs.gbPerMonth).toBe(0);
  });
});
