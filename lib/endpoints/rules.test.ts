import { describe, expect, it } from 'vitest';
import type { Topology } from '@/lib/topology/types';
import {
  checkEndpointInput,
  checkRouteTableChange,
  cidrsWithoutHttps,
  ipAddressTypes,
  privateDnsState,
  routeTableOptions,
  securityGroupOptions,
  subnetGroups,
} from './rules';
import type { GatewayEndpointInput, InterfaceEndpointInput } from './schemas';
import { demoRegion, gatewayInput as gateway, IDS, interfaceInput as iface, S3_SERVICE as S3 } from './test-data';

const { topology, services } = await demoRegion();

const check = (input: GatewayEndpointInput | InterfaceEndpointInput) => checkEndpointInput(input, { topology, services });

describe('gateway rules', () => {
  it('accepts a valid request', () => {
    expect(check(gateway())).toEqual({ fieldErrors: {}, warnings: {} });
  });

  it('names the route table that already routes the prefix list, and where to', () => {
    const r = check(gateway({ vpcId: IDS.staging, routeTableIds: [IDS.stagingPublic, IDS.stagingPrivate] }));
    expect(r.fieldErrors.routeTableIds).toEqual([
      `${IDS.stagingPrivate} (staging-private): Already routes s3 (pl-63a5400a) to ${IDS.stagingS3} (staging-s3). A route table sends a prefix list to one endpoint only: remove it there first, or leave this table out.`,
    ]);
  });

  it('refuses a route table of another VPC and an unknown one', () => {
    const r = check(gateway({ routeTableIds: [IDS.prodPrivateA, 'rtb-0000000000000000f'] }));
    expect(r.fieldErrors.routeTableIds).toEqual([
      `${IDS.prodPrivateA} (prod-private-a) belongs to ${IDS.prod}, not to ${IDS.shared}.`,
      'rtb-0000000000000000f does not exist (any more). Reload the page to see the current route tables.',
    ]);
  });

  it('says to switch type when the service has no gateway offering', () => {
    expect(check(gateway({ serviceName: 'com.amazonaws.us-east-1.ssm' })).fieldErrors.serviceName).toEqual([
      'ssm offers Interface endpoints only here; switch the type to interface.',
    ]);
  });

  it('refuses an unknown VPC and an unknown service', () => {
    const r = check(gateway({ vpcId: 'vpc-0000000000000000f', serviceName: 'com.amazonaws.us-east-1.nope' }));
    expect(r.fieldErrors.vpcId?.[0]).toMatch(/is not a VPC of us-east-1/);
    expect(r.fieldErrors.serviceName?.[0]).toMatch(/is not an endpoint service of us-east-1/);
  });

  it('reports policy errors under policy', () => {
    expect(check(gateway({ policy: '{"Statement": [' })).fieldErrors.policy?.[0]).toMatch(/^Not valid JSON at line 1, column 16/);
  });

  it('lists route tables with the subnets they serve, disabled with the reason when they already route the service', () => {
    const options = routeTableOptions(topology, IDS.staging, S3);
    const main = options.find((o) => o.main)!;
    expect(main.subnets.map((s) => s.name)).toEqual(['staging-private-b']);
    expect(main.disabledReason).toBeNull();
    expect(options.find((o) => o.id === IDS.stagingPrivate)!.disabledReason).toMatch(/^Already routes s3/);
  });
});

describe('interface rules', () => {
  it('accepts a valid request', () => {
    expect(check(iface())).toEqual({ fieldErrors: {}, warnings: {} });
  });

  it('names the two subnets that share an AZ', () => {
    const r = check(iface({ vpcId: IDS.prod, serviceName: 'com.amazonaws.us-east-1.sns', subnetIds: [IDS.prodAppA, IDS.prodDataA], securityGroupIds: [] }));
    expect(r.fieldErrors.subnetIds).toEqual([
      `${IDS.prodAppA} (prod-app-a) and ${IDS.prodDataA} (prod-data-a) are both in us-east-1a: an interface endpoint takes one subnet per AZ. Keep one of them.`,
    ]);
  });

  it('names the AZs the service offers when a subnet is elsewhere', () => {
    const lambda = services.map((s) => (s.shortName === 'sqs' ? { ...s, azs: ['us-east-1b'] } : s));
    const r = checkEndpointInput(iface(), { topology, services: lambda });
    expect(r.fieldErrors.subnetIds).toEqual([`${IDS.sharedA} (shared-private-a) is in us-east-1a, where sqs has no endpoint (it is offered in us-east-1b).`]);
    expect(subnetGroups(topology, IDS.shared, lambda.find((s) => s.shortName === 'sqs' && s.type === 'Interface'))).toEqual([
      expect.objectContaining({ az: 'us-east-1a', offered: false }),
      expect.objectContaining({ az: 'us-east-1b', offered: true }),
    ]);
  });

  it('warns when no security group admits TCP 443 from the VPC’s CIDRs', () => {
    const r = check(iface({ securityGroupIds: [IDS.sharedToolsSg] }));
    expect(r.fieldErrors).toEqual({});
    expect(r.warnings.securityGroupIds?.[0]).toMatch(/^None of the chosen security groups admits TCP 443 from 10\.2\.0\.0\/16/);
    expect(check(iface({ securityGroupIds: [] })).warnings.securityGroupIds?.[0]).toMatch(/^The VPC’s default security group/);
    const opts = securityGroupOptions(topology, topology.vpcs.find((v) => v.id === IDS.shared)!);
    expect(opts[0]).toMatchObject({ id: IDS.sharedHttpsSg, admitsHttpsFromVpc: true });
  });

  it('counts a rule from a wider CIDR and any-protocol rules, not rules that name other groups', () => {
    const vpc = topology.vpcs.find((v) => v.id === IDS.shared)!;
    const group = (inbound: Topology['securityGroups'][number]['inbound']) => ({ ...topology.securityGroups[0]!, inbound });
    const rule = { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [], ipv6Cidrs: [], prefixListIds: [], securityGroupIds: [], description: null };
    expect(cidrsWithoutHttps([group([{ ...rule, cidrs: ['10.0.0.0/8'] }])], vpc)).toEqual([]);
    expect(cidrsWithoutHttps([group([{ ...rule, protocol: '-1', fromPort: null, toPort: null, cidrs: ['0.0.0.0/0'] }])], vpc)).toEqual([]);
    expect(cidrsWithoutHttps([group([{ ...rule, securityGroupIds: ['sg-1'] }])], vpc)).toEqual(['10.2.0.0/16']);
    expect(cidrsWithoutHttps([group([{ ...rule, fromPort: 80, toPort: 80, cidrs: ['10.2.0.0/16'] }])], vpc)).toEqual(['10.2.0.0/16']);
  });

  it('refuses private DNS when the VPC lacks enableDnsHostnames, saying what to change', () => {
    const r = check(iface({ vpcId: IDS.staging, subnetIds: [IDS.stagingA], securityGroupIds: [] }));
    expect(r.fieldErrors.privateDnsEnabled).toEqual([
      'Private DNS cannot be on: staging has enableDnsHostnames off. Turn on DNS hostnames (VPC › Actions › Edit VPC settings) to use private DNS.',
    ]);
    expect(check(iface({ vpcId: IDS.staging, subnetIds: [IDS.stagingA], securityGroupIds: [], privateDnsEnabled: false })).fieldErrors).toEqual({});
  });

  it('refuses private DNS when another endpoint of the VPC owns the name, and for S3 without a gateway endpoint', () => {
    const vpc = topology.vpcs.find((v) => v.id === IDS.shared)!;
    const sts = services.find((s) => s.shortName === 'sts')!;
    expect(privateDnsState(topology, vpc, sts).reason).toMatch(/^vpce-006701cd24a409a61 \(.*\) already answers for sts\.us-east-1\.amazonaws\.com/);
    const s3 = services.find((s) => s.shortName === 's3' && s.type === 'Interface')!;
    expect(privateDnsState(topology, vpc, s3).reason).toMatch(/S3 gateway endpoint/);
    expect(privateDnsState(topology, vpc, services.find((s) => s.shortName === 'sqs')!)).toEqual({ available: true, reason: null, name: 'sqs.us-east-1.amazonaws.com' });
  });

  it('refuses IPv6 types without IPv6 subnets', () => {
    const subnets = topology.subnets.filter((s) => s.vpcId === IDS.shared);
    const options = ipAddressTypes(services.find((s) => s.shortName === 'dynamodb' && s.type === 'Interface'), subnets);
    expect(options.find((o) => o.type === 'dualstack')!.reason).toMatch(/no IPv6 CIDR block/);
    expect(check(iface({ ipAddressType: 'dualstack' })).fieldErrors.ipAddressType?.[0]).toMatch(/^dualstack is not possible: .*no IPv6 CIDR block/);
  });

  it('refuses subnets of another VPC', () => {
    expect(check(iface({ subnetIds: [IDS.sharedA, IDS.stagingA] })).fieldErrors.subnetIds?.[0]).toMatch(/belongs to vpc-0661f838a98aac5f6/);
  });
});

describe('route table changes', () => {
  it('refuses a table that routes the prefix list elsewhere and a removal of a table the endpoint lacks', () => {
    const endpoint = topology.endpoints.find((e) => e.id === IDS.stagingS3)!;
    const errors = checkRouteTableChange(endpoint, [IDS.stagingPrivate], [IDS.stagingPublic], topology);
    expect(errors.routeTableIds).toEqual([
      `${IDS.stagingPrivate} (staging-private) already uses this endpoint.`,
      `${IDS.stagingPublic} does not use this endpoint, so it cannot be removed.`,
    ]);
    const prod = topology.endpoints.find((e) => e.id === IDS.prodS3)!;
    expect(checkRouteTableChange(prod, ['rtb-0c308cb081b784055'], [], topology)).toEqual({});
  });
});
