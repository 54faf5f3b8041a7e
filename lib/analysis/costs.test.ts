import { describe, expect, it } from 'vitest';
import { estimateCosts } from './costs';
import type { Finding } from './findings';
import { estimateMonthlyCost } from '@/lib/endpoints/cost';
import { measured, metricsOk } from '@/lib/metrics/test-metrics';
import { ratesFor, recordedRatesFor } from './rates';
import { interfaceEndpoint, nat, subnet, topology, VPC } from './test-topology';

const subnets = [subnet('subnet-a', 'us-east-1a', '10.0.0.0/24'), subnet('subnet-b', 'us-east-1b', '10.0.1.0/24'), subnet('subnet-b2', 'us-east-1b', '10.0.2.0/24')];

const natFinding = (service: string, routeTableIds: string[]): Finding => ({
  id: `nat-to-gateway-service:${VPC}:${service}`,
  rule: 'nat-to-gateway-service',
  severity: 'medium',
  vpcId: VPC,
  resourceIds: [...routeTableIds, 'subnet-a', 'nat-a'],
  service,
  title: '',
  detail: '',
  why: '',
  fix: { text: '' },
  docUrl: '',
});

describe('estimateCosts', () => {
  it.each([
    // region, interface endpoint AZ-hour, NAT hour: 2 endpoint-AZs + 1 endpoint-AZ, 2 NAT gateways
    ['us-east-1', 3 * 730 * 0.01, 2 * 730 * 0.045, false],
    ['eu-west-1', 3 * 730 * 0.011, 2 * 730 * 0.048, false],
    ['ap-south-9', 3 * 730 * 0.01, 2 * 730 * 0.045, true],
  ])('prices endpoints x AZs x 730 h and NAT gateways x 730 h in %s', (region, endpoints, nats, estimated) => {
    const t = topology({
      region,
      subnets,
      endpoints: [
        // Two subnets in one AZ bill one AZ.
        interfaceEndpoint('vpce-kms', 'kms', ['subnet-a', 'subnet-b', 'subnet-b2']),
        interfaceEndpoint('vpce-sts', 'sts', ['subnet-a']),
        // Not billed until available.
        interfaceEndpoint('vpce-ssm', 'ssm', ['subnet-a', 'subnet-b'], { state: 'pendingAcceptance' }),
      ],
      natGateways: [nat('nat-a', 'subnet-a'), nat('nat-b', 'subnet-b', { state: 'pending' }), nat('nat-old', 'subnet-b', { state: 'failed' })],
    });
    const report = estimateCosts(t, []);
    expect(report).toMatchObject({ region, ratesEstimated: estimated, rateRegion: estimated ? 'us-east-1' : region, hoursPerMonth: 730 });
    const v = report.vpcs[0]!;
    expect(v.interfaceEndpoints.map((e) => [e.endpointId, e.azCount])).toEqual([
      ['vpce-kms', 2],
      ['vpce-sts', 1],
    ]);
    expect(v.interfaceEndpointsMonthly).toBeCloseTo(endpoints, 2);
    expect(v.natGateways.map((g) => g.natGatewayId)).toEqual(['nat-a', 'nat-b']);
    expect(v.natGatewaysMonthly).toBeCloseTo(nats, 2);
    expect(v.totalMonthly).toBeCloseTo(endpoints + nats, 2);
  });

  it('saves NAT processing per GB for each NAT-to-S3/DynamoDB finding', () => {
    const t = topology({ subnets, natGateways: [nat('nat-a', 'subnet-a')] });
    const report = estimateCosts(t, [natFinding('s3', ['rtb-c']), natFinding('dynamodb', ['rtb-a', 'rtb-b'])], { gbPerMonth: 250 });
    const v = report.vpcs[0]!;
    const assumed = { natGatewayIds: ['nat-a'], basis: 'assumed', measuredBytes: null, gbPerMonth: 250, perGb: 0.045, monthly: 11.25 };
    expect(v.natSavings).toEqual([
      { findingId: `nat-to-gateway-service:${VPC}:s3`, service: 's3', routeTableIds: ['rtb-c'], ...assumed },
      { findingId: `nat-to-gateway-service:${VPC}:dynamodb`, service: 'dynamodb', routeTableIds: ['rtb-a', 'rtb-b'], ...assumed },
    ]);
    expect(v.natSavingsMonthly).toBe(22.5);
    expect(report.traffic).toEqual({ measured: false, reason: 'No traffic metrics were read.' });
    expect(estimateCosts(t, [natFinding('s3', ['rtb-c'])], { gbPerMonth: 0 }).vpcs[0]!.natSavingsMonthly).toBe(0);
  });

  it('uses 100 GB a month when no volume is given', () => {
    expect(estimateCosts(topology({ subnets }), [natFinding('s3', ['rtb-c'])]).vpcs[0]!.natSavings[0]!.monthly).toBe(4.5);
  });
});

describe('estimateCosts from measured traffic', () => {
  const t = topology({
    subnets,
    endpoints: [interfaceEndpoint('vpce-kms', 'kms', ['subnet-a', 'subnet-b']), interfaceEndpoint('vpce-sts', 'sts', ['subnet-a'])],
    natGateways: [nat('nat-a', 'subnet-a'), nat('nat-b', 'subnet-b')],
  });

  it.each([
    // period, hours in it, then 360 GB through kms's endpoint x 730/hours x $0.01 and 72 GB through nat-a x 730/hours x $0.045.
    ['30d', 720, 3.65, 3.29],
    ['7d', 168, 15.64, 14.08],
    ['24h', 24, 109.5, 98.55],
  ] as const)('charges interface endpoint and NAT data processing per GB on the bytes measured over %s', (period, hours, kmsData, natData) => {
    const metrics = metricsOk(
      {
        'vpce-kms': measured('interface-endpoint', { BytesProcessed: 360_000_000_000 }),
        'vpce-sts': measured('interface-endpoint'),
        // Processed = in from source + in from destination; bytes out are the same bytes leaving.
        'nat-a': measured('nat-gateway', { BytesInFromSource: 50_000_000_000, BytesInFromDestination: 22_000_000_000, BytesOutToDestination: 50_000_000_000 }),
      },
      period,
    );
    const v = estimateCosts(t, [], { metrics }).vpcs[0]!;
    // PrivateLink: $0.01 per GB processed (first PB); VPC pricing: $0.045 per GB a NAT gateway processes, in us-east-1.
    expect(kmsData).toBeCloseTo((360 * 730 * 0.01) / hours, 2);
    expect(v.interfaceEndpoints.map((e) => [e.endpointId, e.bytes, e.dataMonthly])).toEqual([
      ['vpce-kms', 360_000_000_000, kmsData],
      ['vpce-sts', 0, 0],
    ]);
    // nat-b was not in the read: its data charge is unknown, not zero.
    expect(v.natGateways.map((g) => [g.natGatewayId, g.bytes, g.dataMonthly])).toEqual([
      ['nat-a', 72_000_000_000, natData],
      ['nat-b', null, null],
    ]);
    expect(v.interfaceEndpointsDataMonthly).toBe(kmsData);
    expect(v.interfaceEndpointsMonthly).toBeCloseTo(3 * 730 * 0.01 + kmsData, 2);
    expect(v.natGatewaysMonthly).toBeCloseTo(2 * 730 * 0.045 + natData, 2);
    expect(v.totalMonthly).toBeCloseTo(3 * 730 * 0.01 + kmsData + 2 * 730 * 0.045 + natData, 2);
    expect(v.trafficBytes).toBe(432_000_000_000);
  });

  it('prices 1,000 GB through a NAT gateway in 30 days to the cent, half a cent rounding up', () => {
    // 1,000 GB in 720 hours is 1,013.888... GB in 730: x $0.045 = $45.625, billed as $45.63.
    const metrics = metricsOk({ 'nat-a': measured('nat-gateway', { BytesInFromSource: 1e12 }) });
    expect(estimateCosts(t, [], { metrics }).vpcs[0]!.natGateways[0]!.dataMonthly).toBe(45.63);
  });

  it('bounds the S3 / DynamoDB saving by what the NAT gateway processed, once for both findings', () => {
    const metrics = metricsOk({ 'nat-a': measured('nat-gateway', { BytesInFromSource: 144_000_000_000 }) });
    const v = estimateCosts(t, [natFinding('s3', ['rtb-c']), natFinding('dynamodb', ['rtb-a'])], { metrics, gbPerMonth: 5 }).vpcs[0]!;
    // 144 GB in 720 h = 146 GB a month x $0.045 = $6.57 at most, for each finding and for both together.
    expect(v.natSavings.map((s) => [s.service, s.basis, s.measuredBytes, s.gbPerMonth, s.monthly])).toEqual([
      ['s3', 'measured', 144_000_000_000, 146, 6.57],
      ['dynamodb', 'measured', 144_000_000_000, 146, 6.57],
    ]);
    expect(v.natSavingsMonthly).toBe(6.57);
  });

  it('keeps the assumed volume where the NAT gateway has no metric, and says why nothing was measured', () => {
    const v = estimateCosts(t, [natFinding('s3', ['rtb-c'])], { metrics: metricsOk({}), gbPerMonth: 10 }).vpcs[0]!;
    expect(v.natSavings[0]).toMatchObject({ basis: 'assumed', gbPerMonth: 10, monthly: 0.45 });
    expect(v.trafficBytes).toBeNull();
    const denied = estimateCosts(t, [], { metrics: { status: 'unavailable', reason: 'access-denied', message: 'Traffic metrics need cloudwatch:GetMetricData.' } });
    expect(denied.traffic).toEqual({ measured: false, reason: 'Traffic metrics need cloudwatch:GetMetricData.' });
    expect(denied.vpcs[0]!.natGatewaysDataMonthly).toBeNull();
  });
});

describe('ratesFor', () => {
  it('has the rates the issue names', () => {
    expect(ratesFor('us-east-1').rates).toEqual({ interfaceEndpointPerAzHour: 0.01, interfaceEndpointPerGb: 0.01, natGatewayPerHour: 0.045, natGatewayPerGb: 0.045, crossAzPerGb: 0.01 });
    expect(ratesFor('eu-west-1').rates).toMatchObject({ interfaceEndpointPerAzHour: 0.011, natGatewayPerHour: 0.048 });
  });

  it('reads the table the endpoint forms quote from: a recorded region is priced as recorded, not estimated', () => {
    expect(ratesFor('eu-central-1')).toEqual({ rates: recordedRatesFor('eu-central-1'), rateRegion: 'eu-central-1', estimated: false });
    expect(estimateMonthlyCost('interface', 'eu-central-1', 1)).toMatchObject({ hourlyPerAz: ratesFor('eu-central-1').rates.interfaceEndpointPerAzHour });
    expect(recordedRatesFor('ap-south-9')).toBeNull();
    expect(ratesFor('ap-south-9')).toMatchObject({ rateRegion: 'us-east-1', estimated: true });
  });
});
