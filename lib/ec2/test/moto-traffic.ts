/**
 * The moto set-up of the traffic tests (lib/metrics/costs.live.test.ts, e2e/live-metrics.spec.ts): a VPC with an
 * interface endpoint and a NAT gateway, and CloudWatch datapoints put for them with the dimensions AWS publishes
 * (AWS/PrivateLinkEndpoints, AWS/NATGateway). Plain Node; only the moto server on loopback is contacted.
 */
import { CloudWatchClient, PutMetricDataCommand, type Dimension, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { AllocateAddressCommand, CreateNatGatewayCommand, CreateSubnetCommand, CreateVpcCommand, CreateVpcEndpointCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { Keys } from './moto-org';

export interface TrafficVpc {
  vpcId: string;
  subnetId: string;
  endpointId: string;
  natId: string;
  /** The interface endpoint's service (`com.amazonaws.<region>.<service>`). */
  serviceName: string;
  /** The endpoint's dimensions in AWS/PrivateLinkEndpoints. */
  endpointDimensions: Dimension[];
  /** The NAT gateway's dimensions in AWS/NATGateway. */
  natDimensions: Dimension[];
}

const clientOf = (motoUrl: string, region: string, credentials?: Keys) => ({ region, endpoint: motoUrl, maxAttempts: 1, ...(credentials ? { credentials } : {}) });

/** A VPC (10.<second>.0.0/16) with one subnet, an interface endpoint of `service` in it, and a NAT gateway. */
export async function buildTrafficVpc(motoUrl: string, region: string, options: { second: number; service: string; credentials?: Keys }): Promise<TrafficVpc> {
  const ec2 = new EC2Client(clientOf(motoUrl, region, options.credentials));
  try {
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${options.second}.0.0/16` }))).Vpc!.VpcId!;
    const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.${options.second}.1.0/24`, AvailabilityZone: `${region}a` }))).Subnet!.SubnetId!;
    const serviceName = `com.amazonaws.${region}.${options.service}`;
    const endpointId = (await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: serviceName, SubnetIds: [subnetId] })))
      .VpcEndpoint!.VpcEndpointId!;
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const natId = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: eip.AllocationId }))).NatGateway!.NatGatewayId!;
    return {
      vpcId,
      subnetId,
      endpointId,
      natId,
      serviceName,
      endpointDimensions: [
        { Name: 'Endpoint Type', Value: 'Interface' },
        { Name: 'Service Name', Value: serviceName },
        { Name: 'VPC Endpoint Id', Value: endpointId },
        { Name: 'VPC Id', Value: vpcId },
      ],
      natDimensions: [{ Name: 'NatGatewayId', Value: natId }],
    };
  } finally {
    ec2.destroy();
  }
}

/** A datapoint `hoursAgo` before `now`. */
export function datum(MetricName: string, Dimensions: Dimension[], Value: number, hoursAgo: number, Unit: MetricDatum['Unit'], now = Date.now()): MetricDatum {
  return { MetricName, Dimensions, Value, Unit, Timestamp: new Date(now - hoursAgo * 3600_000) };
}

/** Puts datapoints into a namespace of moto's CloudWatch. */
export async function putMetrics(motoUrl: string, region: string, Namespace: string, MetricData: MetricDatum[], credentials?: Keys): Promise<void> {
  const cw = new CloudWatchClient(clientOf(motoUrl, region, credentials));
  try {
    await cw.send(new PutMetricDataCommand({ Namespace, MetricData }));
  } finally {
    cw.destroy();
  }
}
