import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule, Topology } from '@/lib/topology/types';
import {
  checkEndpointInput,
  checkRouteTableChange,
  cidrsWithoutHttps,
  effectiveSecurityGroups,
  ipAddressTypes,
  privateDnsState,
  routeTableOptions,
  subnetGroups,
} from './rules';
import type { GatewayEndpointInput, InterfaceEndpointInput } from './schemas';
import { demoRegion, gatewayInput as gateway, IDS, interfaceInput as iface, S3_SERVICE as S3 } from './test-data';
import type { ServiceOffering } from './types';

/**
 * The endpoint rules at their edges, on the demo account (us-east-1) and on copies of it changed in one place: the
 * messages a form shows for each refusal, the order of the form's lists, and the boundaries of the CIDR and port
 * checks. rules.test.ts has the main cases.
 */

const { topology, services } = await demoRegion();

const offering = (shortName: string, type: 'Gateway' | 'Interface' = 'Interface') => services.find((s) => s.shortName === shortName && s.type === type)!;
const vpcOf = (id: string, t: Topology = topology) => t.vpcs.find((v) => v.id === id)!;
/** A copy of the demo topology, changed by `edit`. */
const changed = (edit: (t: Topology) => void): Topology => {
  const t = structuredClone(topology);
  edit(t);
  return t;
};
const withServices = (edit: (s: ServiceOffering) => ServiceOffering) => services.map((s) => (s.shortName === 'sqs' ? edit(s) : s));

const PROD_PUBLIC_A = 'subnet-0732c484ee14f368f';
const PROD_PUBLIC_B = 'subnet-0b2ae9a1571dbd3dd';
const PROD_MAIN = 'rtb-05cc25379a7544dd4';
const PROD_DEFAULT_SG = 'sg-04bf54f167b103ecd';
const SHARED_STS = 'vpce-006701cd24a409a61';

const check = (input: GatewayEndpointInput | InterfaceEndpointInput, t: Topology = topology, s: ServiceOffering[] = services) =>
  checkEndpointInput(input, { topology: t, services: s });

describe('the form’s lists', () => {
  it('lists the main route table first, then the others by name, each with the subnets it serves', () => {
    const options = routeTableOptions(topology, IDS.prod, S3);
    expect(options.map((o) => o.name)).toEqual([PROD_MAIN, 'prod-data', 'prod-private-a', 'prod-private-b', 'prod-private-c', 'prod-public']);
    expect(options[0]).toEqual({ id: PROD_MAIN, name: PROD_MAIN, main: true, subnets: [], disabledReason: null });
    expect(options.find((o) => o.name === 'prod-private-c')).toEqual({
      id: 'rtb-0c308cb081b784055',
      name: 'prod-private-c',
      main: false,
      subnets: [{ id: IDS.prodAppC, name: 'prod-app-c', az: 'us-east-1c', public: false }],
      disabledReason: null,
    });
    expect(options.find((o) => o.name === 'prod-data')?.disabledReason).toMatch(/^Already routes s3 \(pl-63a5400a\) to vpce-0775e1b3d7bdb0442/);
    expect(routeTableOptions(topology, IDS.prod, null).every((o) => o.disabledReason === null)).toBe(true);
  });

  it('leaves out a subnet a route table names that is not in the data', () => {
    const t = changed((x) => x.routeTables.find((r) => r.id === 'rtb-0c308cb081b784055')!.effectiveSubnetIds.push('subnet-0000000000000000f'));
    expect(routeTableOptions(t, IDS.prod, S3).find((o) => o.name === 'prod-private-c')?.subnets.map((s) => s.id)).toEqual([IDS.prodAppC]);
  });

  it('groups the subnets by AZ in AZ order, every AZ offered when the service is not chosen or lists no AZs', () => {
    const reversed = changed((x) => x.subnets.reverse());
    const groups = subnetGroups(reversed, IDS.prod, undefined);
    expect(groups.map((g) => [g.az, g.offered, g.subnets.length])).toEqual([
      ['us-east-1a', true, 3],
      ['us-east-1b', true, 3],
      ['us-east-1c', true, 3],
    ]);
    expect(subnetGroups(topology, IDS.prod, undefined)[0]).toEqual({
      az: 'us-east-1a',
      offered: true,
      subnets: [
        { id: PROD_PUBLIC_A, name: 'prod-public-a', cidr: '10.0.0.0/24', public: true, availableIps: 250 },
        { id: IDS.prodAppA, name: 'prod-app-a', cidr: '10.0.16.0/20', public: false, availableIps: 4081 },
        { id: IDS.prodDataA, name: 'prod-data-a', cidr: '10.0.64.0/22', public: false, availableIps: 1018 },
      ],
    });
    expect(subnetGroups(topology, IDS.prod, { ...offering('sqs'), azs: [] }).every((g) => g.offered)).toBe(true);
  });

  it('uses the VPC’s default security group when none is chosen, and the chosen ones otherwise', () => {
    expect(effectiveSecurityGroups(topology, IDS.prod, []).map((g) => g.id)).toEqual([PROD_DEFAULT_SG]);
    expect(effectiveSecurityGroups(topology, IDS.prod, [IDS.prodEcrSg, IDS.prodHttpsSg]).map((g) => g.id)).toEqual([IDS.prodHttpsSg, IDS.prodEcrSg]);
  });
});

describe('which CIDRs a security group admits HTTPS from', () => {
  const shared = vpcOf(IDS.shared);
  const rule: SecurityGroupRule = { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.2.0.0/16'], ipv6Cidrs: [], prefixListIds: [], securityGroupIds: [], description: null };
  const admits = (over: Partial<SecurityGroupRule>, vpc = shared) => cidrsWithoutHttps([{ ...topology.securityGroups[0]!, inbound: [{ ...rule, ...over }] }], vpc).length === 0;

  it('counts only a rule CIDR that holds the whole VPC CIDR', () => {
    expect(admits({ cidrs: ['10.2.0.0/16'] })).toBe(true);
    expect(admits({ cidrs: ['10.2.0.0/24'] })).toBe(false);
    expect(admits({ cidrs: ['10.3.0.0/16'] })).toBe(false);
    expect(admits({ cidrs: ['10.1.0.0/16'] })).toBe(false);
    expect(admits({ cidrs: ['10.0.0.0/15'] })).toBe(false);
    expect(admits({ cidrs: ['10.2.0.0/15'] })).toBe(true);
  });

  it('counts no CIDR it cannot read, on either side', () => {
    expect(admits({ cidrs: ['10.2.0.0/33'] })).toBe(false);
    expect(admits({ cidrs: ['0.0.0.0/0'] }, { ...shared, cidrBlocks: ['10.2.0.0'] })).toBe(false);
  });

  it('counts any-protocol rules ("-1" and "all") and TCP by name or number, not UDP', () => {
    expect(admits({ protocol: 'all', fromPort: null, toPort: null })).toBe(true);
    expect(admits({ protocol: '6' })).toBe(true);
    expect(admits({ protocol: 'udp' })).toBe(false);
    expect(admits({ protocol: '17' })).toBe(false);
  });

  it('counts a TCP range only when 443 is in it; no ports means all of them', () => {
    expect(admits({ fromPort: 400, toPort: 500 })).toBe(true);
    expect(admits({ fromPort: 444, toPort: 500 })).toBe(false);
    expect(admits({ fromPort: 1, toPort: 442 })).toBe(false);
    expect(admits({ fromPort: null, toPort: null })).toBe(true);
  });

  it('is satisfied when any one of the groups admits it', () => {
    const open = { ...topology.securityGroups[0]!, inbound: [rule] };
    const closed = { ...topology.securityGroups[0]!, inbound: [] };
    expect(cidrsWithoutHttps([closed, open], shared)).toEqual([]);
    expect(cidrsWithoutHttps([closed], shared)).toEqual(['10.2.0.0/16']);
  });
});

describe('private DNS', () => {
  const shared = vpcOf(IDS.shared);
  const prod = vpcOf(IDS.prod);

  it('is allowed with no service chosen yet, naming nothing', () => {
    expect(privateDnsState(topology, shared, undefined)).toEqual({ available: true, reason: null, name: null });
  });

  it('is refused for a service without a private DNS name, and in a VPC with enableDnsSupport off', () => {
    expect(privateDnsState(topology, shared, offering('dynamodb'))).toEqual({
      available: false,
      reason: 'dynamodb has no private DNS name: clients use the endpoint’s own DNS names.',
      name: null,
    });
    expect(privateDnsState(topology, { ...shared, dnsSupport: false }, offering('sqs')).reason).toBe(
      'shared-services has enableDnsSupport off. Turn on DNS resolution (VPC › Actions › Edit VPC settings) to use private DNS.',
    );
  });

  it('counts only an interface endpoint of the same service in the same VPC with private DNS on, other than the one being edited', () => {
    expect(privateDnsState(topology, shared, offering('sts'), SHARED_STS).available).toBe(true);
    // prod has its own STS endpoint, with private DNS off.
    expect(privateDnsState(topology, prod, offering('sts')).available).toBe(true);
    expect(privateDnsState(topology, prod, offering('sns')).available).toBe(true);
    const asGateway = changed((t) => (t.endpoints.find((e) => e.id === SHARED_STS)!.type = 'Gateway'));
    expect(privateDnsState(asGateway, shared, offering('sts')).available).toBe(true);
  });

  it('is allowed for S3 in a VPC that has an S3 gateway endpoint, refused where the only gateway endpoint is DynamoDB’s', () => {
    expect(privateDnsState(topology, prod, offering('s3'))).toEqual({ available: true, reason: null, name: '*.s3.us-east-1.amazonaws.com' });
    const noS3Gateway = changed((t) => (t.endpoints = t.endpoints.filter((e) => e.id !== IDS.prodS3)));
    expect(privateDnsState(noS3Gateway, prod, offering('s3')).reason).toMatch(/^S3 private DNS needs an S3 gateway endpoint/);
    // An S3 interface endpoint (private DNS off) is not the gateway endpoint S3 private DNS needs.
    const s3Interface = changed((t) => t.endpoints.push({ ...t.endpoints.find((e) => e.id === SHARED_STS)!, id: 'vpce-0000000000000000f', serviceName: S3, privateDnsEnabled: false }));
    expect(privateDnsState(s3Interface, shared, offering('s3')).reason).toMatch(/^S3 private DNS needs an S3 gateway endpoint/);
  });
});

describe('IP address types', () => {
  const subnet = (id: string) => topology.subnets.find((s) => s.id === id)!;
  const publicAB = [subnet(PROD_PUBLIC_A), subnet(PROD_PUBLIC_B)];

  it('allows dual-stack on subnets with IPv6 blocks, and IPv6 only on IPv6-only subnets', () => {
    const ipv6Only = [{ ...subnet(PROD_PUBLIC_A), cidr: '' }];
    for (const o of [undefined, offering('sqs'), { ...offering('sqs'), ipAddressTypes: [] }]) {
      expect(ipAddressTypes(o, publicAB)).toEqual([
        { type: 'ipv4', reason: null },
        { type: 'dualstack', reason: null },
        { type: 'ipv6', reason: 'ipv6 needs IPv6-only subnets; the chosen ones have IPv4 CIDR blocks.' },
      ]);
      expect(ipAddressTypes(o, ipv6Only).map((x) => x.reason)).toEqual([null, null, null]);
    }
    expect(ipAddressTypes(undefined, [...ipv6Only, subnet(PROD_PUBLIC_B)])[2]?.reason).toBe('ipv6 needs IPv6-only subnets; the chosen ones have IPv4 CIDR blocks.');
  });

  it('names the service that supports IPv4 only, and the subnets without an IPv6 block', () => {
    const v4 = 'dynamodb supports IPv4 only.';
    expect(ipAddressTypes(offering('dynamodb', 'Gateway'), publicAB).map((x) => x.reason)).toEqual([null, v4, v4]);
    expect(ipAddressTypes(offering('sqs'), [subnet(IDS.prodAppA)])[1]?.reason).toBe(`${IDS.prodAppA} (prod-app-a) has no IPv6 CIDR block.`);
    expect(ipAddressTypes(offering('sqs'), [subnet(IDS.prodAppA), subnet(PROD_PUBLIC_B), subnet(IDS.prodAppB)])[1]?.reason).toBe(
      `${IDS.prodAppA} (prod-app-a), ${IDS.prodAppB} (prod-app-b) have no IPv6 CIDR block.`,
    );
  });

  it('accepts a dual-stack request on subnets with IPv6 blocks', () => {
    const r = check(iface({ vpcId: IDS.prod, subnetIds: [PROD_PUBLIC_A, PROD_PUBLIC_B], securityGroupIds: [IDS.prodHttpsSg], ipAddressType: 'dualstack' }));
    expect(r.fieldErrors).toEqual({});
  });
});

describe('create requests: what each field is told', () => {
  it('refuses a request for another region', () => {
    expect(check(gateway({ region: 'eu-west-1' })).fieldErrors.region).toEqual(['The form was for eu-west-1 but the data is of us-east-1.']);
  });

  it('ignores a policy of white space only, and refuses a policy for a service that takes none', () => {
    expect(check(gateway({ policy: ' \n\t ' }))).toEqual({ fieldErrors: {}, warnings: {} });
    const noPolicies = withServices((s) => ({ ...s, policySupported: false }));
    expect(check(iface({ policy: '  ' }), topology, noPolicies)).toEqual({ fieldErrors: {}, warnings: {} });
    expect(check(iface({ policy: '{"Statement": []}' }), topology, noPolicies).fieldErrors.policy).toEqual([
      'sqs does not support endpoint policies; leave the policy empty.',
    ]);
  });

  it('passes a policy’s warnings on under policy', () => {
    const r = check(gateway({ policy: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}' }));
    expect(r.fieldErrors).toEqual({});
    expect(r.warnings.policy).toEqual([expect.stringMatching(/has no Resource; AWS reads that as every resource of the action\.$/)]);
  });

  it('refuses a gateway service whose prefix list the region does not list', () => {
    const noLists = changed((t) => (t.prefixLists = []));
    expect(check(gateway(), noLists).fieldErrors).toEqual({
      serviceName: [`No prefix list named ${S3} in this region’s DescribePrefixLists: the route cannot be made.`],
    });
  });

  it('names an unknown subnet, a full one, and the AZs a service is offered in', () => {
    expect(check(iface({ subnetIds: ['subnet-0000000000000000f'] })).fieldErrors.subnetIds).toEqual([
      'subnet-0000000000000000f does not exist (any more). Reload the page to see the current subnets.',
    ]);
    const full = changed((t) => (t.subnets.find((s) => s.id === IDS.sharedA)!.availableIps = 0));
    expect(check(iface(), full).fieldErrors.subnetIds).toEqual([`${IDS.sharedA} (shared-private-a) has no free IP address for the endpoint’s network interface.`]);
    const twoAzs = withServices((s) => ({ ...s, azs: ['us-east-1b', 'us-east-1c'] }));
    expect(check(iface(), topology, twoAzs).fieldErrors.subnetIds).toEqual([
      `${IDS.sharedA} (shared-private-a) is in us-east-1a, where sqs has no endpoint (it is offered in us-east-1b, us-east-1c).`,
    ]);
  });

  it('checks no AZ for a service that lists none, or for an unknown service', () => {
    expect(check(iface(), topology, withServices((s) => ({ ...s, azs: [] })))).toEqual({ fieldErrors: {}, warnings: {} });
    expect(check(iface({ serviceName: 'com.amazonaws.us-east-1.nope' })).fieldErrors).toEqual({
      serviceName: ['com.amazonaws.us-east-1.nope is not an endpoint service of us-east-1.'],
    });
  });

  it('names an unknown security group and one of another VPC, without a warning about HTTPS', () => {
    const r = check(iface({ securityGroupIds: ['sg-0000000000000000f', IDS.prodHttpsSg] }));
    expect(r.fieldErrors.securityGroupIds).toEqual([
      'sg-0000000000000000f does not exist (any more).',
      `${IDS.prodHttpsSg} (prod-vpce-https) belongs to ${IDS.prod}, not to ${IDS.shared}.`,
    ]);
    expect(r.warnings).toEqual({});
  });

  it('lists every VPC CIDR the groups do not admit HTTPS from', () => {
    const r = check(iface({ vpcId: IDS.prod, subnetIds: [IDS.prodAppA], securityGroupIds: [] }));
    expect(r.warnings.securityGroupIds?.[0]).toMatch(/^The VPC’s default security group \(used when none is chosen\) admits TCP 443 from 10\.0\.0\.0\/16, 100\.64\.0\.0\/16: /);
  });

  it('checks nothing that needs the VPC when the VPC is unknown', () => {
    const r = check(iface({ vpcId: 'vpc-0000000000000000f', subnetIds: [], securityGroupIds: [] }));
    expect(r.fieldErrors).toEqual({ vpcId: ['vpc-0000000000000000f is not a VPC of us-east-1 (any more). Pick one from the list.'] });
    expect(r.warnings).toEqual({});
  });
});

describe('route table changes of an existing endpoint', () => {
  const prodS3 = topology.endpoints.find((e) => e.id === IDS.prodS3)!;

  it('refuses them for an interface endpoint, and names unknown tables and tables of another VPC', () => {
    const kms = topology.endpoints.find((e) => e.id === IDS.prodKms)!;
    expect(checkRouteTableChange(kms, [], [], topology)).toEqual({ routeTableIds: ['Only gateway endpoints have route tables.'] });
    expect(checkRouteTableChange(prodS3, ['rtb-0000000000000000f', IDS.sharedMain], [], topology)).toEqual({
      routeTableIds: ['rtb-0000000000000000f does not exist (any more).', `${IDS.sharedMain} is in another VPC.`],
    });
  });

  it('names the endpoint a table already routes the prefix list to, by the service’s short name or else the list’s name', () => {
    const second = { ...prodS3, id: 'vpce-0000000000000000f', routeTableIds: [] };
    const conflict = `${IDS.prodPrivateA} (prod-private-a): Already routes s3 (pl-63a5400a) to ${IDS.prodS3}`;
    expect(checkRouteTableChange(second, [IDS.prodPrivateA], [], topology).routeTableIds?.[0]).toMatch(new RegExp(`^${conflict.replace(/[()]/g, '\\$&')}`));
    const unnamed = changed((t) => (t.prefixLists.find((p) => p.id === 'pl-63a5400a')!.serviceShortName = ''));
    expect(checkRouteTableChange(second, [IDS.prodPrivateA], [], unnamed).routeTableIds?.[0]).toContain(`Already routes ${S3} (pl-63a5400a)`);
    expect(checkRouteTableChange(second, [PROD_MAIN], [], topology)).toEqual({});
  });

  it('checks no prefix list route where the region lists no prefix list for the service', () => {
    const second = { ...prodS3, id: 'vpce-0000000000000000f', routeTableIds: [] };
    expect(checkRouteTableChange(second, [IDS.prodPrivateA], [], changed((t) => (t.prefixLists = [])))).toEqual({});
  });

  it('allows removing a table the endpoint uses', () => {
    expect(checkRouteTableChange(prodS3, [], [IDS.prodPrivateA], topology)).toEqual({});
  });
});
