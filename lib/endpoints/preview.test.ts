import { describe, expect, it } from 'vitest';
import { NEW_ENDPOINT_ID, previewCreate, previewDelete, previewRouteTableChange } from './preview';
import { demoRegion, IDS } from './test-data';

const { topology, services } = await demoRegion();

describe('previews', () => {
  it('a gateway create adds a pl- → vpce-(new) route to each chosen table', () => {
    const p = previewCreate({ type: 'gateway', vpcId: IDS.shared, serviceName: 'com.amazonaws.us-east-1.s3', routeTableIds: [IDS.sharedMain, IDS.sharedPrivate] }, topology, services);
    expect(p.endpoint).toMatchObject({ id: NEW_ENDPOINT_ID, type: 'Gateway', shortName: 's3' });
    expect(p.addRoutes.map((r) => [r.routeTableId, r.destination, r.target])).toEqual([
      [IDS.sharedMain, 'pl-63a5400a', NEW_ENDPOINT_ID],
      [IDS.sharedPrivate, 'pl-63a5400a', NEW_ENDPOINT_ID],
    ]);
    expect(p.summary[1]).toBe(`Adds the route pl-63a5400a → ${NEW_ENDPOINT_ID} to ${IDS.sharedMain}, used by 0 subnets.`);
  });

  it('an interface create adds an ENI in each chosen subnet with the effective security groups', () => {
    const p = previewCreate(
      { type: 'interface', vpcId: IDS.shared, serviceName: 'com.amazonaws.us-east-1.ecr.api', subnetIds: [IDS.sharedA, IDS.sharedB], securityGroupIds: [], privateDnsEnabled: true },
      topology,
      services,
    );
    expect(p.addNetworkInterfaces.map((n) => [n.subnetId, n.az, n.securityGroupIds])).toEqual([
      [IDS.sharedA, 'us-east-1a', ['sg-002ca648f02d3fe5d']],
      [IDS.sharedB, 'us-east-1b', ['sg-002ca648f02d3fe5d']],
    ]);
    expect(p.dnsNames).toEqual(['vpce-…-….api.ecr.us-east-1.vpce.amazonaws.com', 'api.ecr.us-east-1.amazonaws.com']);
  });

  it('a delete names the routes or the ENIs that go away', () => {
    const gw = previewDelete(topology.endpoints.find((e) => e.id === IDS.prodS3)!, topology);
    expect(gw.removeRoutes.map((r) => r.routeTableName)).toEqual(['prod-data', 'prod-private-a', 'prod-private-b']);
    const ssm = previewDelete(topology.endpoints.find((e) => e.serviceShortName === 'ssm' && e.vpcId === IDS.prod)!, topology);
    expect(ssm.removeNetworkInterfaces).toHaveLength(3);
    expect(ssm.removeNetworkInterfaces[0]!.networkInterfaceId).toMatch(/^eni-/);
    expect(ssm.summary.at(-1)).toBe('ssm.us-east-1.amazonaws.com resolves to the public service endpoint again for this VPC.');
  });

  it('a route table change adds and removes routes of the existing endpoint', () => {
    const e = topology.endpoints.find((x) => x.id === IDS.prodS3)!;
    const p = previewRouteTableChange(e, ['rtb-0c308cb081b784055'], [IDS.prodPrivateA], topology);
    expect(p.addRoutes.map((r) => r.routeTableName)).toEqual(['prod-private-c']);
    expect(p.removeRoutes.map((r) => r.routeTableName)).toEqual(['prod-private-a']);
    expect(p.addRoutes[0]!.target).toBe(IDS.prodS3);
  });
});
