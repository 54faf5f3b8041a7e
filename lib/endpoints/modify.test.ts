import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/topology/types';
import {
  changeBetween,
  changeFieldErrors,
  changesSomething,
  checkEndpointChange,
  currentOf,
  EndpointChange,
  isDefaultPolicy,
  previewEndpointChange,
  samePolicy,
  toModifyEndpointRequest,
} from './modify';
import { demoRegion, IDS, KMS_POLICY as POLICY, kmsChange as change } from './test-data';

const { topology, services } = await demoRegion();

const { prodKms: KMS, prodAppB: PROD_APP_B, prodAppC: PROD_APP_C, prodHttpsSg: PROD_HTTPS_SG, prodEcrSg: PROD_ECR_SG } = IDS;
const PROD_APP_SG = 'sg-0b90751ce8541ecf0'; // admits 8080 only
const STAGING_SSM = 'vpce-026883e822431f6f4'; // private DNS on, staging has enableDnsHostnames off
const STAGING_HTTPS_SG = 'sg-0cd476733886eea0f';

const endpoint = (id: string): Endpoint => topology.endpoints.find((e) => e.id === id)!;
const check = (over: Partial<EndpointChange> = {}, id = over.endpointId ?? KMS) => checkEndpointChange(endpoint(id), change(over), { topology, services });

describe('EndpointChange (zod)', () => {
  it('parses a change and fills the lists in', () => {
    const c = EndpointChange.parse({ region: 'us-east-1', endpointId: KMS, addSubnetIds: [PROD_APP_C] });
    expect(c).toMatchObject({ addSubnetIds: [PROD_APP_C], removeSubnetIds: [], addSecurityGroupIds: [], removeSecurityGroupIds: [] });
  });

  it('refuses a change that changes nothing, in a sentence for the whole form', () => {
    const r = EndpointChange.safeParse({ region: 'us-east-1', endpointId: KMS });
    expect(r.success).toBe(false);
    expect(changeFieldErrors(r.error!)).toEqual({ form: ['Nothing would change: change a subnet, a security group, private DNS or the policy first.'] });
  });

  it('puts malformed ids under the field they belong to', () => {
    const r = EndpointChange.safeParse({ region: 'us-east-1', endpointId: KMS, addSubnetIds: ['subnet-no pe'], removeSecurityGroupIds: ['sg-1;'] });
    const errors = changeFieldErrors(r.error!);
    expect(errors.subnetIds).toEqual(['a subnet id must look like subnet-0a1b2c3d4e5f60718 (added item 1)']);
    expect(errors.securityGroupIds).toEqual(['a security group id must look like sg-0a1b2c3d4e5f60718 (removed item 1)']);
  });

  it('refuses a subnet both added and removed, or listed twice', () => {
    const r = EndpointChange.safeParse({ region: 'us-east-1', endpointId: KMS, addSubnetIds: [PROD_APP_C, PROD_APP_C], removeSubnetIds: [PROD_APP_C] });
    const errors = changeFieldErrors(r.error!);
    expect(errors.subnetIds).toEqual(expect.arrayContaining(['a subnet is listed twice', `${PROD_APP_C} is both added and removed; a subnet is added or removed, not both.`]));
  });

  it('refuses an endpoint id that is not one', () => {
    expect(EndpointChange.safeParse({ region: 'us-east-1', endpointId: 'vpce-x/..', policy: '' }).success).toBe(false);
  });
});

describe('changeBetween', () => {
  it('is empty for the endpoint as it is, whatever the layout of its policy', () => {
    const e = endpoint(KMS);
    const c = changeBetween(e, currentOf(e));
    expect(changesSomething(c)).toBe(false);
  });

  it('lists added and removed subnets and groups, private DNS and the policy', () => {
    const e = endpoint(KMS);
    const c = changeBetween(e, { subnetIds: [IDS.prodAppA, PROD_APP_C], securityGroupIds: [PROD_ECR_SG], privateDnsEnabled: false, policy: POLICY });
    expect(c).toEqual({
      endpointId: KMS,
      addSubnetIds: [PROD_APP_C],
      removeSubnetIds: [PROD_APP_B],
      addSecurityGroupIds: [PROD_ECR_SG],
      removeSecurityGroupIds: [PROD_HTTPS_SG],
      privateDnsEnabled: false,
      policy: POLICY,
    });
  });

  it('clearing the policy asks for AWS’s default, unless it already is the default', () => {
    const e = { ...endpoint(KMS), policy: POLICY };
    expect(changeBetween(e, { ...currentOf(e), policy: '' }).policy).toBe('');
    const d = { ...e, policy: '{"Statement":[{"Action":"*","Effect":"Allow","Principal":"*","Resource":"*"}]}' };
    expect(changeBetween(d, { ...currentOf(d), policy: '' }).policy).toBeUndefined();
  });

  it('compares policies as JSON', () => {
    expect(samePolicy('{"a": 1}', '{\n  "a": 1\n}')).toBe(true);
    expect(samePolicy('{"a": 1}', '{"a": 2}')).toBe(false);
    expect(samePolicy('{"a": 1', '{"a": 1')).toBe(true);
    expect(isDefaultPolicy('{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}')).toBe(true);
    expect(isDefaultPolicy(POLICY)).toBe(false);
  });
});

describe('checkEndpointChange', () => {
  it('accepts a subnet in a third AZ, and a valid policy', () => {
    const r = check({ addSubnetIds: [PROD_APP_C], policy: POLICY });
    expect(r.fieldErrors).toEqual({});
    // prod's secondary CIDR is not in prod-vpce-https's rule: worth knowing, not an error.
    expect(r.warnings).toEqual({
      securityGroupIds: [
        'None of the chosen security groups admits TCP 443 from 100.64.0.0/16: clients there cannot reach the endpoint. Choose a group that allows HTTPS from the VPC, or add that inbound rule.',
      ],
    });
  });

  it('names the two subnets that would share an AZ, and says how to move the interface', () => {
    const r = check({ addSubnetIds: [IDS.prodDataA] });
    expect(r.fieldErrors.subnetIds).toEqual([
      `${IDS.prodDataA} (prod-data-a) is in us-east-1a, where the endpoint already has ${IDS.prodAppA} (prod-app-a): an interface endpoint takes one subnet per AZ. Remove prod-app-a in the same change to move the interface, or leave prod-data-a out.`,
    ]);
    // Moving it is fine.
    expect(check({ addSubnetIds: [IDS.prodDataA], removeSubnetIds: [IDS.prodAppA] }).fieldErrors).toEqual({});
  });

  it('refuses two added subnets in one AZ', () => {
    const r = check({ addSubnetIds: [IDS.prodDataA, IDS.prodAppA].reverse(), removeSubnetIds: [IDS.prodAppA] });
    expect(r.fieldErrors.subnetIds?.join(' ')).toMatch(/already has a network interface|both in us-east-1a/);
  });

  it('refuses an AZ the service does not offer, with the AZs it does', () => {
    // The default VPC has a subnet in us-east-1e, where SQS has no endpoint.
    const id = 'vpce-0aaaaaaaaaaaaaaaa';
    const e: Endpoint = { ...endpoint(KMS), id, vpcId: IDS.defaultVpc, serviceName: 'com.amazonaws.us-east-1.sqs', serviceShortName: 'sqs', subnetIds: ['subnet-0abe0435dfe0205c1'], securityGroupIds: ['sg-0a9df605c32bf3af6'], networkInterfaceIds: [] };
    const t = { ...topology, endpoints: [...topology.endpoints, e] };
    const r = checkEndpointChange(e, change({ endpointId: id, addSubnetIds: ['subnet-0f5f28a8006813771'] }), { topology: t, services });
    expect(r.fieldErrors.subnetIds).toEqual([
      'subnet-0f5f28a8006813771 is in us-east-1e, where sqs has no endpoint (it is offered in us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1f).',
    ]);
  });

  it('refuses subnets of another VPC, unknown subnets, and removing one the endpoint does not have', () => {
    const r = check({ addSubnetIds: [IDS.sharedA, 'subnet-0000000000000000f'], removeSubnetIds: [PROD_APP_C] });
    expect(r.fieldErrors.subnetIds).toEqual([
      `${IDS.sharedA} (shared-private-a) belongs to ${IDS.shared}, not to the endpoint’s VPC ${IDS.prod}.`,
      'subnet-0000000000000000f does not exist (any more). Reload the page to see the current subnets.',
      `${PROD_APP_C} (prod-app-c) is not one of the endpoint’s subnets, so it cannot be removed. Reload the page to see the endpoint as it is.`,
    ]);
  });

  it('keeps at least one subnet', () => {
    const r = check({ removeSubnetIds: [IDS.prodAppA, PROD_APP_B] });
    expect(r.fieldErrors.subnetIds).toEqual(['An interface endpoint keeps at least one subnet. To take it out of every subnet, delete the endpoint instead.']);
  });

  it('a subnet without free addresses cannot take the interface', () => {
    const t = { ...topology, subnets: topology.subnets.map((s) => (s.id === PROD_APP_C ? { ...s, availableIps: 0 } : s)) };
    const r = checkEndpointChange(endpoint(KMS), change({ addSubnetIds: [PROD_APP_C] }), { topology: t, services });
    expect(r.fieldErrors.subnetIds).toEqual([`${PROD_APP_C} (prod-app-c) has no free IP address for the endpoint’s network interface.`]);
  });

  it('security groups: of the VPC, known, at least one; a warning when none admits HTTPS from the VPC', () => {
    expect(check({ addSecurityGroupIds: [IDS.sharedHttpsSg] }).fieldErrors.securityGroupIds).toEqual([
      `${IDS.sharedHttpsSg} (shared-vpce-https) belongs to ${IDS.shared}, not to the endpoint’s VPC ${IDS.prod}.`,
    ]);
    expect(check({ addSecurityGroupIds: ['sg-0000000000000000f'] }).fieldErrors.securityGroupIds?.[0]).toMatch(/does not exist/);
    expect(check({ removeSecurityGroupIds: [PROD_HTTPS_SG] }).fieldErrors.securityGroupIds).toEqual([
      'An interface endpoint keeps at least one security group: tick the one it should use instead before unticking the last.',
    ]);
    const swap = check({ addSecurityGroupIds: [PROD_APP_SG], removeSecurityGroupIds: [PROD_HTTPS_SG] });
    expect(swap.fieldErrors).toEqual({});
    expect(swap.warnings.securityGroupIds?.[0]).toMatch(/^None of the chosen security groups admits TCP 443 from 10\.0\.0\.0\/16, 100\.64\.0\.0\/16/);
    expect(check({ addSecurityGroupIds: [PROD_ECR_SG], removeSecurityGroupIds: [PROD_HTTPS_SG] }).warnings).toEqual({});
  });

  it('private DNS: cannot be turned on when the VPC lacks enableDnsHostnames; turning it off is fine', () => {
    const ssm = endpoint(STAGING_SSM);
    const off = { ...ssm, privateDnsEnabled: false };
    const t = { ...topology, endpoints: topology.endpoints.map((e) => (e.id === ssm.id ? off : e)) };
    const r = checkEndpointChange(off, change({ endpointId: ssm.id, privateDnsEnabled: true }), { topology: t, services });
    expect(r.fieldErrors.privateDnsEnabled?.[0]).toMatch(/^Private DNS cannot be turned on: staging has enableDnsHostnames off\. Turn on DNS hostnames/);
    expect(check({ endpointId: ssm.id, privateDnsEnabled: false }).fieldErrors).toEqual({});
  });

  it('policy: the editor’s checks, under the policy field', () => {
    expect(check({ policy: '{"Statement": [' }).fieldErrors.policy?.[0]).toMatch(/^Not valid JSON at line 1/);
    expect(check({ policy: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' }).fieldErrors.policy?.[0]).toMatch(/needs a Principal/);
    expect(check({ policy: '' }).fieldErrors).toEqual({});
  });

  it('gateway endpoints: a policy, but no subnets, groups or private DNS', () => {
    expect(check({ endpointId: IDS.prodS3, policy: POLICY.replace('kms:Decrypt', 's3:GetObject') })).toEqual({ fieldErrors: {}, warnings: {} });
    const r = check({ endpointId: IDS.prodS3, addSubnetIds: [PROD_APP_C], addSecurityGroupIds: [PROD_ECR_SG], privateDnsEnabled: true });
    expect(Object.keys(r.fieldErrors).sort()).toEqual(['privateDnsEnabled', 'securityGroupIds', 'subnetIds']);
  });

  it('waits for an endpoint AWS is still working on, and checks the region', () => {
    const pending = { ...endpoint(KMS), state: 'pending' };
    const r = checkEndpointChange(pending, change({ region: 'eu-west-1', policy: POLICY }), { topology, services });
    expect(r.fieldErrors.form).toEqual([`${KMS} is pending: AWS changes an endpoint once it is available. Wait for that, then try again.`]);
    expect(r.fieldErrors.region).toEqual(['The change was for eu-west-1 but the data is of us-east-1.']);
  });
});

describe('previewEndpointChange', () => {
  it('names the interfaces created and deleted by subnet and AZ, and the cost before and after', () => {
    const p = previewEndpointChange(endpoint(KMS), change({ addSubnetIds: [PROD_APP_C], removeSubnetIds: [PROD_APP_B] }), topology, { services });
    expect(p.preview.addNetworkInterfaces).toEqual([expect.objectContaining({ subnetId: PROD_APP_C, subnetName: 'prod-app-c', az: 'us-east-1c', networkInterfaceId: null })]);
    const removed = p.preview.removeNetworkInterfaces[0]!;
    expect(removed).toMatchObject({ subnetId: PROD_APP_B, subnetName: 'prod-app-b', az: 'us-east-1b' });
    expect(removed.networkInterfaceId).toMatch(/^eni-/);
    expect(p.summary[0]).toBe(`Creates a network interface in prod-app-c (${PROD_APP_C}), us-east-1c.`);
    expect(p.summary[1]).toMatch(new RegExp(`^Deletes ${removed.networkInterfaceId} \\(10\\.0\\.\\d+\\.\\d+\\) in prod-app-b \\(${PROD_APP_B}\\), us-east-1b\\.$`));
    expect(p.cost).toMatchObject({ before: { kind: 'hourly', azs: 2, monthly: 14.6 }, after: { kind: 'hourly', azs: 2, monthly: 14.6 } });
    const third = previewEndpointChange(endpoint(KMS), change({ addSubnetIds: [PROD_APP_C] }), topology, { services });
    expect(third.cost).toMatchObject({ before: { monthly: 14.6 }, after: { azs: 3, monthly: 21.9 } });
  });

  it('says what happens to groups, private DNS and the policy', () => {
    const p = previewEndpointChange(endpoint(KMS), change({ addSecurityGroupIds: [PROD_ECR_SG], removeSecurityGroupIds: [PROD_HTTPS_SG], privateDnsEnabled: false, policy: '' }), topology, {
      services,
    });
    expect(p.addGroups).toEqual([{ id: PROD_ECR_SG, name: 'prod-vpce-ecr-open' }]);
    expect(p.removeGroups).toEqual([{ id: PROD_HTTPS_SG, name: 'prod-vpce-https' }]);
    expect(p.privateDns).toEqual({ to: false, name: 'kms.us-east-1.amazonaws.com' });
    expect(p.policy).toBe('reset');
    expect(p.summary).toContain('Turns private DNS off: kms.us-east-1.amazonaws.com resolves to the public service endpoint again; clients must use the endpoint’s own DNS names.');
    expect(previewEndpointChange(endpoint(IDS.prodS3), change({ endpointId: IDS.prodS3, policy: POLICY }), topology, { services }).cost).toBeNull();
  });
});

describe('toModifyEndpointRequest', () => {
  it('sends only what changes; an empty policy is ResetPolicy', () => {
    expect(toModifyEndpointRequest(change({ addSubnetIds: [PROD_APP_C], removeSecurityGroupIds: [PROD_HTTPS_SG], addSecurityGroupIds: [PROD_ECR_SG] }), true)).toEqual({
      VpcEndpointId: KMS,
      AddSubnetIds: [PROD_APP_C],
      AddSecurityGroupIds: [PROD_ECR_SG],
      RemoveSecurityGroupIds: [PROD_HTTPS_SG],
      DryRun: true,
    });
    expect(toModifyEndpointRequest(change({ policy: '', privateDnsEnabled: false }))).toEqual({ VpcEndpointId: KMS, ResetPolicy: true, PrivateDnsEnabled: false });
    expect(toModifyEndpointRequest(change({ policy: POLICY }))).toEqual({ VpcEndpointId: KMS, PolicyDocument: POLICY });
  });
});

describe('STAGING ids still match the demo', () => {
  it('staging-vpce-https is the SSM endpoint’s group', () => {
    expect(endpoint(STAGING_SSM).securityGroupIds).toEqual([STAGING_HTTPS_SG]);
  });
});
