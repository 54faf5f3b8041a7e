import 'server-only';
import { DESCRIBE_OPERATION, type Ec2Api, type RawRegion } from './api';
import { Ec2Error, toEc2Error } from './errors';
import type { UnreadList } from '@/lib/topology/types';
import { appendAll } from '@/lib/arrays';

type Items<K extends keyof RawRegion> = RawRegion[K];

/** All pages of each Describe call a region load needs. */
export interface Pager {
  vpcs(): Promise<Items<'vpcs'>>;
  subnets(): Promise<Items<'subnets'>>;
  routeTables(): Promise<Items<'routeTables'>>;
  vpcEndpoints(): Promise<Items<'vpcEndpoints'>>;
  networkInterfaces(): Promise<Items<'networkInterfaces'>>;
  securityGroups(): Promise<Items<'securityGroups'>>;
  internetGateways(): Promise<Items<'internetGateways'>>;
  natGateways(): Promise<Items<'natGateways'>>;
  prefixLists(): Promise<Items<'prefixLists'>>;
}

/**
 * A Pager that follows NextToken itself, for backends without SDK paginators.
 * AWS documents that a missing or empty NextToken means the last page.
 */
export function nextTokenPager(api: Ec2Api): Pager {
  async function all<P extends { NextToken?: string }, I>(
    page: (token: string | undefined) => Promise<P>,
    items: (p: P) => I[] | undefined,
  ): Promise<I[]> {
    const out: I[] = [];
    let token: string | undefined;
    for (let i = 0; i < 100_000; i++) {
      const p = await page(token);
      appendAll(out, items(p));
      token = p.NextToken || undefined;
      if (!token) return out;
    }
    throw new Ec2Error('malformed-response', 'PaginationLoop', 'The EC2 API kept returning NextToken without end.');
  }
  return {
    vpcs: () => all((NextToken) => api.describeVpcs({ NextToken }), (p) => p.Vpcs),
    subnets: () => all((NextToken) => api.describeSubnets({ NextToken }), (p) => p.Subnets),
    routeTables: () => all((NextToken) => api.describeRouteTables({ NextToken }), (p) => p.RouteTables),
    vpcEndpoints: () => all((NextToken) => api.describeVpcEndpoints({ NextToken }), (p) => p.VpcEndpoints),
    networkInterfaces: () =>
      all((NextToken) => api.describeNetworkInterfaces({ NextToken }), (p) => p.NetworkInterfaces),
    securityGroups: () => all((NextToken) => api.describeSecurityGroups({ NextToken }), (p) => p.SecurityGroups),
    internetGateways: () =>
      all((NextToken) => api.describeInternetGateways({ NextToken }), (p) => p.InternetGateways),
    natGateways: () => all((NextToken) => api.describeNatGateways({ NextToken }), (p) => p.NatGateways),
    prefixLists: () => all((NextToken) => api.describePrefixLists({ NextToken }), (p) => p.PrefixLists),
  };
}

const OPERATION: Record<keyof Pager, string> = DESCRIBE_OPERATION;

/** What a person calls each list, for the missing-permission banner. */
const WHAT: Record<keyof Pager, string> = {
  vpcs: 'VPCs',
  subnets: 'Subnets',
  routeTables: 'Route tables',
  vpcEndpoints: 'VPC endpoints',
  networkInterfaces: 'Network interfaces',
  securityGroups: 'Security groups',
  internetGateways: 'Internet gateways',
  natGateways: 'NAT gateways',
  prefixLists: 'Prefix lists',
};

/** How many VPCs get their DNS attributes read; DescribeVpcAttribute takes one VPC and one attribute per call. */
const DNS_ATTRIBUTE_VPC_LIMIT = 50;

/** The DNS attributes of these VPCs, two DescribeVpcAttribute calls each, all at once; null where unreadable. */
async function readVpcDns(api: Ec2Api, vpcIds: string[]): Promise<{ vpcDns: RawRegion['vpcDns']; dnsDenied: boolean }> {
  const vpcDns: RawRegion['vpcDns'] = {};
  let dnsDenied = false;
  await Promise.all(
    vpcIds.map(async (VpcId) => {
      const read = async (Attribute: 'enableDnsSupport' | 'enableDnsHostnames') => {
        try {
          const out = await api.describeVpcAttribute({ VpcId, Attribute });
          const v = Attribute === 'enableDnsSupport' ? out.EnableDnsSupport?.Value : out.EnableDnsHostnames?.Value;
          return typeof v === 'boolean' ? v : null;
        } catch (err) {
          const e = toEc2Error(err, 'DescribeVpcAttribute');
          if (e.kind === 'access-denied') dnsDenied = true;
          return null;
        }
      };
      const [dnsSupport, dnsHostnames] = await Promise.all([read('enableDnsSupport'), read('enableDnsHostnames')]);
      vpcDns[VpcId] = { dnsSupport, dnsHostnames };
    }),
  );
  return { vpcDns, dnsDenied };
}

/**
 * Reads everything one region's topology needs, all Describe calls in parallel.
 * DescribeVpcs must succeed; any other call that is denied leaves its list empty and adds a
 * warning naming the missing permission, so a read-only role that lacks one still gets a picture.
 */
export async function readRegion(api: Ec2Api & { pager?: Pager }): Promise<RawRegion> {
  const pager = api.pager ?? nextTokenPager(api);
  const warnings: string[] = [];
  const unread: UnreadList[] = [];

  async function optional<K extends keyof Pager>(key: K): Promise<Awaited<ReturnType<Pager[K]>>> {
    try {
      return (await pager[key]()) as Awaited<ReturnType<Pager[K]>>;
    } catch (err) {
      const e = toEc2Error(err, OPERATION[key]);
      if (e.kind === 'access-denied') {
        warnings.push(`Missing permission ec2:${OPERATION[key]}: ${WHAT[key]} are not shown.`);
        unread.push(key === 'vpcEndpoints' ? 'endpoints' : (key as Exclude<keyof Pager, 'vpcs' | 'vpcEndpoints'>));
        return [] as Awaited<ReturnType<Pager[K]>>;
      }
      throw e;
    }
  }

  // DescribeVpcAttribute takes one VPC per call: those calls start as soon as the VPCs are known, beside the
  // other lists, instead of after all of them (one more round trip on every load).
  const vpcsRead = pager.vpcs().catch((err: unknown) => {
    throw toEc2Error(err, 'DescribeVpcs');
  });
  const dnsRead = vpcsRead.then((vpcs) => readVpcDns(api, vpcs.slice(0, DNS_ATTRIBUTE_VPC_LIMIT).flatMap((v) => (v.VpcId ? [v.VpcId] : []))));
  // When DescribeVpcs fails, the Promise.all below throws its error; this one is then never awaited.
  dnsRead.catch(() => undefined);
  const [vpcs, subnets, routeTables, vpcEndpoints, networkInterfaces, securityGroups, internetGateways, natGateways, prefixLists] =
    await Promise.all([
      vpcsRead,
      optional('subnets'),
      optional('routeTables'),
      optional('vpcEndpoints'),
      optional('networkInterfaces'),
      optional('securityGroups'),
      optional('internetGateways'),
      optional('natGateways'),
      optional('prefixLists'),
    ]);
  const { vpcDns, dnsDenied } = await dnsRead;
  if (dnsDenied) warnings.push('Missing permission ec2:DescribeVpcAttribute: VPC DNS settings are shown as unknown.');
  if (vpcs.length > DNS_ATTRIBUTE_VPC_LIMIT) {
    warnings.push(`DNS settings were read for the first ${DNS_ATTRIBUTE_VPC_LIMIT} VPCs only.`);
  }

  return {
    region: api.region,
    vpcs,
    vpcDns,
    subnets,
    routeTables,
    vpcEndpoints,
    networkInterfaces,
    securityGroups,
    internetGateways,
    natGateways,
    prefixLists,
    warnings,
    ...(unread.length ? { unread: unread.sort() } : {}),
  };
}
