import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { readAllServiceDetails, shortServiceName, toServiceOfferings } from './services';

describe('endpoint services', () => {
  it('reads every page of DescribeVpcEndpointServices', async () => {
    const data = await readFixtureRegion(path.resolve(__dirname, '../../fixtures/demo'), 'us-east-1');
    const api = new FixtureEc2Api(data);
    let calls = 0;
    const counting = { describeVpcEndpointServices: (i: Parameters<FixtureEc2Api['describeVpcEndpointServices']>[0]) => (calls++, api.describeVpcEndpointServices(i)) };
    const all = await readAllServiceDetails(counting, 5);
    expect(all).toHaveLength(data.services.length);
    expect(calls).toBe(Math.ceil(data.services.length / 5));
  });

  it('makes one offering per name and type, with its own AZs', async () => {
    const data = await readFixtureRegion(path.resolve(__dirname, '../../fixtures/demo'), 'us-east-1');
    const offerings = toServiceOfferings(data.services);
    const s3 = offerings.filter((o) => o.shortName === 's3');
    expect(s3.map((o) => o.type)).toEqual(['Gateway', 'Interface']);
    expect(s3[0]!.azs).toContain('us-east-1e');
    expect(s3[1]!.azs).not.toContain('us-east-1e');
    expect(offerings.find((o) => o.shortName === 'ssm')).toMatchObject({ type: 'Interface', privateDnsName: 'ssm.us-east-1.amazonaws.com', vpceDnsName: 'ssm.us-east-1.vpce.amazonaws.com' });
  });

  it('shortens AWS service names', () => {
    expect(shortServiceName('com.amazonaws.us-east-1.ecr.dkr')).toBe('ecr.dkr');
    expect(shortServiceName('com.amazonaws.vpce.us-east-1.vpce-svc-0123')).toBe('vpce-svc-0123');
  });
});
