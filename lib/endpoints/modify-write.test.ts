import { afterEach, describe, expect, it } from 'vitest';
import { FixtureApiError, type FixtureEc2Api } from '@/lib/ec2/fixture';
import type { FixtureRegionData } from '@/lib/ec2/fixture-files';
import { toModifyEndpointRequest, type EndpointChange } from './modify';
import { demoApi, demoSeed, IDS, KMS_POLICY as POLICY, kmsChange as change } from './test-data';

/**
 * A rejected ModifyVpcEndpoint changes nothing on the fixture backend, wherever in the request AWS's
 * rule fails: first thing (the policy), in the middle (one subnet per AZ), or last, after the draft
 * has already dropped an interface (no free address for the new one).
 */

const KMS = IDS.prodKms;
const { prodAppB: APP_B, prodAppC: APP_C, prodDataA: DATA_A, prodHttpsSg: HTTPS_SG, prodEcrSg: ECR_SG } = IDS;

const apis: FixtureEc2Api[] = [];
async function api(data?: FixtureRegionData): Promise<FixtureEc2Api> {
  const a = await demoApi(data);
  apis.push(a);
  return a;
}
afterEach(async () => {
  await Promise.all(apis.splice(0).map((a) => a.close()));
});

async function refused(a: FixtureEc2Api, c: EndpointChange, code: string) {
  const before = a.snapshot();
  const err = await a.modifyVpcEndpoint(toModifyEndpointRequest(c)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FixtureApiError);
  expect((err as FixtureApiError).Code).toBe(code);
  expect(a.snapshot()).toEqual(before);
}

describe('ModifyVpcEndpoint through toModifyEndpointRequest, on the fixture backend', () => {
  it('applies subnets, groups and policy together', async () => {
    const a = await api();
    await a.modifyVpcEndpoint(toModifyEndpointRequest(change({ addSubnetIds: [APP_C], addSecurityGroupIds: [ECR_SG], removeSecurityGroupIds: [HTTPS_SG], policy: POLICY })));
    const e = (await a.describeVpcEndpoints({ VpcEndpointIds: [KMS] })).VpcEndpoints![0]!;
    expect(e.SubnetIds).toContain(APP_C);
    expect(e.NetworkInterfaceIds).toHaveLength(3);
    expect(e.Groups).toEqual([{ GroupId: ECR_SG, GroupName: 'prod-vpce-ecr-open' }]);
    expect(e.PolicyDocument).toBe(POLICY);
  });

  it('a bad policy in an otherwise good request: InvalidPolicyDocument, nothing changed', async () => {
    await refused(await api(), change({ addSubnetIds: [APP_C], addSecurityGroupIds: [ECR_SG], policy: '{"Statement": [' }), 'InvalidPolicyDocument');
  });

  it('a second subnet in an AZ: DuplicateSubnetsInSameZone, nothing changed (not the groups, not the policy)', async () => {
    await refused(await api(), change({ addSubnetIds: [APP_C, DATA_A], addSecurityGroupIds: [ECR_SG], policy: POLICY }), 'DuplicateSubnetsInSameZone');
  });

  it('an unknown group: InvalidSecurityGroupID.NotFound, nothing changed', async () => {
    await refused(await api(), change({ addSubnetIds: [APP_C], addSecurityGroupIds: ['sg-0000000000000000f'] }), 'InvalidSecurityGroupID.NotFound');
  });

  it('no free address for the new interface, found after an old one was dropped: nothing changed, the old interface still there', async () => {
    const data = await demoSeed();
    // prod-app-c as a /30: AWS reserves its first four addresses, so none is left for an interface.
    const full = data.subnets.find((s) => s.SubnetId === APP_C)!;
    full.CidrBlock = '10.0.18.0/30';
    const a = await api(data);
    const before = (await a.describeVpcEndpoints({ VpcEndpointIds: [KMS] })).VpcEndpoints![0]!;
    await refused(a, change({ removeSubnetIds: [APP_B], addSubnetIds: [APP_C], policy: POLICY }), 'InsufficientFreeAddressesInSubnet');
    const after = (await a.describeVpcEndpoints({ VpcEndpointIds: [KMS] })).VpcEndpoints![0]!;
    expect(after.NetworkInterfaceIds).toEqual(before.NetworkInterfaceIds);
    expect((await a.describeNetworkInterfaces({ NetworkInterfaceIds: before.NetworkInterfaceIds })).NetworkInterfaces).toHaveLength(2);
  });

  it('a DryRun validates all of it and changes nothing', async () => {
    const a = await api();
    const before = a.snapshot();
    const err = await a.modifyVpcEndpoint(toModifyEndpointRequest(change({ addSubnetIds: [APP_C], policy: POLICY }), true)).catch((e: unknown) => e);
    expect((err as FixtureApiError).Code).toBe('DryRunOperation');
    expect(a.snapshot()).toEqual(before);
  });
});
