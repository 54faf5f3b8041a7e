/**
 * Traffic metrics against moto's CloudWatch, through the real SDK over HTTP: a VPC with an interface endpoint
 * and a NAT gateway is built in moto's EC2, known datapoints are put for them (and for a NAT gateway of
 * another VPC), and GET /api/metrics answers exactly those sums, maxima and sparkline buckets.
 */
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { AllocateAddressCommand, CreateNatGatewayCommand, CreateSubnetCommand, CreateVpcCommand, CreateVpcEndpointCommand, EC2Client } from '@aws-sdk/client-ec2';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stubDemoEnv } from '@/lib/test/demo-env';
import type { MetricsOk } from './types';

const REGION = 'us-east-1';
const motoUrl = inject('motoUrl');
afterAll(stubDemoEnv({ liveEndpoint: motoUrl }));
const { GET } = await import('@/app/api/metrics/route');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Whole minutes, as the read's window is (it may end a minute later: no datapoint sits near a bucket's edge). */
const now = Math.floor(Date.now() / MINUTE) * MINUTE;
const ago = (ms: number) => new Date(now - ms);

let vpcId = '';
let endpointId = '';
let natId = '';
let otherNatId = '';
let serviceName = '';

async function createNat(ec2: EC2Client, subnetId: string): Promise<string> {
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: eip.AllocationId }));
  return nat.NatGateway!.NatGatewayId!;
}

async function createVpcWithSubnet(ec2: EC2Client, cidr: string): Promise<{ vpcId: string; subnetId: string }> {
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }));
  const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: cidr.replace('.0.0/16', '.1.0/24'), AvailabilityZone: `${REGION}a` }));
  return { vpcId: vpc.Vpc!.VpcId!, subnetId: subnet.Subnet!.SubnetId! };
}

beforeAll(async () => {
  const ec2 = new EC2Client({ region: REGION, endpoint: motoUrl, maxAttempts: 1 });
  const mine = await createVpcWithSubnet(ec2, '10.61.0.0/16');
  vpcId = mine.vpcId;
  serviceName = `com.amazonaws.${REGION}.ssm`;
  const endpoint = await ec2.send(
    new CreateVpcEndpointCommand({ VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: serviceName, SubnetIds: [mine.subnetId] }),
  );
  endpointId = endpoint.VpcEndpoint!.VpcEndpointId!;
  natId = await createNat(ec2, mine.subnetId);
  otherNatId = await createNat(ec2, (await createVpcWithSubnet(ec2, '10.62.0.0/16')).subnetId);

  const cw = new CloudWatchClient({ region: REGION, endpoint: motoUrl, maxAttempts: 1 });
  const endpointDims = [
    { Name: 'Endpoint Type', Value: 'Interface' },
    { Name: 'Service Name', Value: serviceName },
    { Name: 'VPC Endpoint Id', Value: endpointId },
    { Name: 'VPC Id', Value: vpcId },
  ];
  const at = (MetricName: string, Dimensions: MetricDatum['Dimensions'], Value: number, when: Date, Unit: MetricDatum['Unit']): MetricDatum => ({
    MetricName,
    Dimensions,
    Value,
    Timestamp: when,
    Unit,
  });
  await cw.send(
    new PutMetricDataCommand({
      Namespace: 'AWS/PrivateLinkEndpoints',
      MetricData: [
        at('BytesProcessed', endpointDims, 1_500_000, ago(2 * HOUR + 10 * MINUTE), 'Bytes'),
        at('BytesProcessed', endpointDims, 250_000, ago(2 * HOUR + 20 * MINUTE), 'Bytes'),
        at('BytesProcessed', endpointDims, 4_000_000, ago(30 * HOUR), 'Bytes'),
        at('ActiveConnections', endpointDims, 3, ago(2 * HOUR + 10 * MINUTE), 'Count'),
        at('ActiveConnections', endpointDims, 9, ago(5 * HOUR), 'Count'),
        at('PacketsDropped', endpointDims, 2, ago(5 * HOUR), 'Count'),
      ],
    }),
  );
  const natDims = (id: string) => [{ Name: 'NatGatewayId', Value: id }];
  await cw.send(
    new PutMetricDataCommand({
      Namespace: 'AWS/NATGateway',
      MetricData: [
        at('BytesOutToDestination', natDims(natId), 7_000_000_000, ago(20 * HOUR), 'Bytes'),
        at('BytesOutToDestination', natDims(natId), 3_000_000_000, ago(6 * 24 * HOUR - HOUR), 'Bytes'),
        at('BytesInFromDestination', natDims(natId), 123_456, ago(20 * HOUR), 'Bytes'),
        at('ErrorPortAllocation', natDims(natId), 4, ago(1 * HOUR), 'Count'),
        at('BytesOutToDestination', natDims(otherNatId), 999, ago(20 * HOUR), 'Bytes'),
      ],
    }),
  );
});

async function metrics(query: string): Promise<{ status: number; body: MetricsOk }> {
  const res = await GET(new NextRequest(`http://127.0.0.1/api/metrics?source=live&region=${REGION}&vpc=${vpcId}${query}`));
  return { status: res.status, body: (await res.json()) as MetricsOk };
}

describe('GET /api/metrics against moto CloudWatch', () => {
  it('answers the put datapoints of the VPC’s endpoint and NAT gateway over 24 hours', async () => {
    const { status, body } = await metrics('&period=24h');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', region: REGION, vpcId, period: '24h', stepSeconds: 3600, calls: 1 });
    // Only this VPC's resources: the other VPC's NAT gateway is not read.
    expect(Object.keys(body.resources).sort()).toEqual([endpointId, natId].sort());

    const endpoint = body.resources[endpointId]!;
    expect(endpoint.kind).toBe('interface-endpoint');
    // The datapoint 30 hours ago is outside the day.
    expect(endpoint.metrics.BytesProcessed).toMatchObject({ unit: 'Bytes', sum: 1_750_000 });
    const bytes = endpoint.metrics.BytesProcessed!.series;
    expect(bytes).toHaveLength(24);
    // The window ends at `now` (a whole minute): two hours and a bit ago is the third bucket from the end.
    expect(bytes[21]).toBe(1_750_000);
    expect(bytes.reduce((a, b) => a + b, 0)).toBe(1_750_000);
    expect(endpoint.metrics.ActiveConnections).toMatchObject({ unit: 'Count', sum: 12, max: 9 });
    expect(endpoint.metrics.PacketsDropped!.sum).toBe(2);
    expect(endpoint.metrics.NewConnections!.sum).toBe(0);

    const nat = body.resources[natId]!;
    expect(nat.kind).toBe('nat-gateway');
    expect(nat.metrics.BytesOutToDestination!.sum).toBe(7_000_000_000);
    expect(nat.metrics.BytesInFromDestination!.sum).toBe(123_456);
    expect(nat.metrics.ErrorPortAllocation!.sum).toBe(4);
    expect(nat.metrics.ActiveConnectionCount).toMatchObject({ sum: 0, max: 0 });
  });

  it('widens to 7 days: the older datapoints count and the buckets are 6 hours', async () => {
    const { status, body } = await metrics('&period=7d');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', period: '7d', stepSeconds: 6 * 3600 });
    expect(body.resources[endpointId]!.metrics.BytesProcessed!.sum).toBe(5_750_000);
    const nat = body.resources[natId]!.metrics.BytesOutToDestination!;
    expect(nat.sum).toBe(10_000_000_000);
    expect(nat.series).toHaveLength(28);
    // 5 days 23 hours ago is the fifth bucket of the week (25 hours in); 20 hours ago the fourth from the end.
    expect(nat.series[4]).toBe(3_000_000_000);
    expect(nat.series[24]).toBe(7_000_000_000);
  });
});
