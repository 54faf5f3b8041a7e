import { describe, expect, it } from 'vitest';
import { estimateCosts } from './costs';
import type { Finding } from './findings';
import { estimateMonthlyCost } from '@/lib/endpoints/cost';
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
    const report = estimateCosts(t, [natFinding('s3', ['rtb-c']), natFinding('dynamodb', ['rtb-a', 'rtb-b'])], 250);
    const v = report.vpcs[0]!;
    expect(v.natSavings).toEqual([
      { findingId: `nat-to-gateway-service:${VPC}:s3`, service: 's3', routeTableIds: ['rtb-c'], gbPerMonth: 250, perGb: 0.045, monthly: 11.25 },
      { findingId: `nat-to-gateway-service:${VPC}:dynamodb`, service: 'dynamodb', routeTableIds: ['rtb-a', 'rtb-b'], gbPerMonth: 250, perGb: 0.045, monthly: 11.25 },
    ]);
    expect(v.natSavingsMonthly).toBe(22.5);
    expect(estimateCosts(t, [natFinding('s3', ['rtb-c'])], 0).vpcs[0]!.natSavingsMonthly).toBe(0);
  });

  it('uses 100 GB a month when no volume is given', () => {
    expect(estimateCosts(topology({ subnets }), [natFinding('s3', ['rtb-c'])]).vpcs[0]!.natSavings[0]!.monthly).toBe(4.5);
  });
});

describe('ratesFor', () => {
  it('has the rates the issue names', () => {
    expect(ratesFor('us-east-1').rates).toEqual({ interfaceEndpointPerAzHour: 0.01, interfaceEndpointPerGb: 0.01, natGatewayPerHour: 0.045, natGatewayPerGb: 0.045 });
    expect(ratesFor('eu-west-1').rates).toMatchObject({ interfaceEndpointPerAzHour: 0.011, natGatewayPerHour: 0.048 });
  });

  it('reads the table the endpoint forms quote from: a recorded region is priced as recorded, not estimated', () => {
    expect(ratesFor('eu-central-1')).toEqual({ rates: recordedRatesFor('eu-central-1'), rateRegion: 'eu-central-1', estimated: false });
    expect(estimateMonthlyCost('interface', 'eu-central-1', 1)).toMatchObject({ hourlyPerAz: ratesFor('eu-central-1').rates.interfaceEndpointPerAzHour });
    expect(recordedRatesFor('ap-south-9')).toBeNull();
    expect(ratesFor('ap-south-9')).toMatchObject({ rateRegion: 'us-east-1', estimated: true });
  });
});
