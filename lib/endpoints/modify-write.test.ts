import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FixtureApiError, FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion, type FixtureRegionData } from '@/lib/ec2/fixture-files';
import { toModifyEndpointRequest, type EndpointChange } from './modify';

/**
 * A rejected ModifyVpcEndpoint changes nothing on the fixture backend, wherever in the request AWS's
 * rule fails: first thing (the policy), in the middle (one subnet per AZ), or last, after the draft
 * has already dropped an interface (no free address for the new one).
 */

let seed: FixtureRegionData;
beforeAll(async () => {
  seed = await readFixtureRegion(path.resolve(__dirname, '../../fixtures/demo'), 'us-east-1');
});

const KMS = 'vpce-00b7208297c48f525'; // prod: prod-app-a, prod-app-b
const APP_B = 'subnet-03ce21eb23529fa47';
const APP_C = 'subnet-017faca83fb6ad4e7';
const DATA_A = 'subnet-03b4aacbb33a6d5d6';
const HTTPS_SG = 'sg-00508616eb284f6b5';
const ECR_SG = 'sg-084b65076a99de2c0';
const POLICY = '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}]}';

const apis: FixtureEc2Api[] = [];
function api(data: FixtureRegionData = structuredClone(seed)): FixtureEc2Api {
  const a = new FixtureEc2Api(data);
  apis.push(a);
  return a;
}
afterEach(async () => {
  await Promise.all(apis.splice(0).map((a) => a.close()));
});

const change = (over: Partial<EndpointChange>): EndpointChange => ({
  region: 'us-east-1',
  endpointId: KMS,
  addSubnetIds: [],
  removeSubnetIds: [],
  addSecurityGroupIds: [],
  removeSecurityGroupIds: [],
  ...over,
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
    const a = api();
    await a.modifyVpcEndpoint(toModifyEndpointRequest(change({ addSubnetIds: [APP_C], addSecurityGroupIds: [ECR_SG], removeSecurityGroupIds: [HTTPS_SG], policy: POLICY })));
    const e = (await a.describeVpcEndpoints({ VpcEndpointIds: [KMS] })).VpcEndpoints![0]!;
    expect(e.SubnetIds).toContain(APP_C);
    expect(e.NetworkInterfaceIds).toHaveLength(3);
    expect(e.Groups).toEqual([{ GroupId: ECR_SG, GroupName: 'prod-vpce-ecr-open' }]);
    expect(e.PolicyDocument).toBe(POLICY);
  });

  it('a bad policy in an otherwise good request: InvalidPolicyDocument, nothing changed', async () => {
    await refused(api(), change({ addSubnetIds: [APP_C], addSecurityGroupIds: [ECR_SG], policy: '{"Statement": [' }), 'InvalidPolicyDocument');
  });

  it('a second subnet in an AZ: DuplicateSubnetsInSameZone, nothing changed (not the groups, not the policy)', async () => {
    await refused(api(), change({ addSubnetIds: [APP_C, DATA_A], addSecurityGroupIds: [ECR_SG], policy: POLICY }), 'DuplicateSubnetsInSameZone');
  });

  it('an unknown group: InvalidSecurityGroupID.NotFound, nothing changed', async () => {
    await refused(api(), change({ addSubnetIds: [APP_C], addSecurityGroupIds: ['sg-0000000000000000f'] }), 'InvalidSecurityGroupID.NotFound');
  });

  it('no free address for the new interface, found after an old one was dropped: nothing changed, the old interface still there', async () => {
    const data = structuredClone(seed);
    // prod-app-c as a /30: AWS reserves its first four addresses, so none is left for an interface.
    const full = data.subnets.find((s) => s.SubnetId === APP_C)!;
    full.CidrBlock = '10.0.18.0/30';
    const a = api(data);
    const before = (await a.describeVpcEndpoints({ VpcEndpointIds: [KMS] })).VpcEndpoints![0]!;
    await refused(a, change({ removeSubnetIds: [APP_B], addSubnetIds: [APP_C], policy: POLICY }), 'InsufficientFreeAddressesInSubnet');
    const after = (await a.describeVpcEndpoints({ VpcEndpointIds: [KMS] })).VpcEndpoints![0]!;
    expect(after.NetworkInterfaceIds).toEqual(before.NetworkInterfaceIds);
    expect((await a.describeNetworkInterfaces({ NetworkInterfaceIds: before.NetworkInterfaceIds })).NetworkInterfaces).toHaveLength(2);
  });

  it('a DryRun validates all of it and changes nothing', async () => {
    const a = api();
    const before = a.snapshot();
    const err = await a.modifyVpcEndpoint(toModifyEndpointRequest(change({ addSubnetIds: [APP_C], policy: POLICY }), true)).catch((e: unknown) => e);
    expect((err as FixtureApiError).Code).toBe('DryRunOperation');
    expect(a.snapshot()).toEqual(before);
  });
});
