import 'server-only';
import { DESCRIBE_OPERATION, type Ec2Api, type RawRegion } from './api';
import { Ec2Error, toEc2Error } from './errors';
import type { UnreadList } from '@/lib/topology/types';
import type { FixtureReadNotes } from './fixture-files';
import type { PrefixListEntry } from './types';
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
  egressOnlyInternetGateways(): Promise<NonNullable<Items<'egressOnlyInternetGateways'>>>;
  carrierGateways(): Promise<NonNullable<Items<'carrierGateways'>>>;
  transitGatewayVpcAttachments(): Promise<NonNullable<Items<'transitGatewayVpcAttachments'>>>;
  availabilityZones(): Promise<NonNullable<Items<'availabilityZones'>>>;
  managedPrefixLists(): Promise<NonNullable<Items<'managedPrefixLists'>>>;
  /** GetManagedPrefixListEntries, all pages, for one list. */
  prefixListEntries(prefixListId: string): Promise<PrefixListEntry[]>;
}

/** The lists every load has read since the start (DescribeVpcs aside, which must succeed). */
type FirstList = 'subnets' | 'routeTables' | 'vpcEndpoints' | 'networkInterfaces' | 'securityGroups' | 'internetGateways' | 'natGateways' | 'prefixLists';

/** The lists of a load beside the first nine: added later, so a source that does not know them (an older
 * LocalStack, a policy written before) leaves them unread instead of failing the region. */
const LATER_LISTS = ['egressOnlyInternetGateways', 'carrierGateways', 'transitGatewayVpcAttachments', 'availabilityZones', 'managedPrefixLists'] as const;

/** The topology's name for each later list left unread (customer prefix lists have none: AWS's are read apart). */
const LATER_UNREAD: Record<(typeof LATER_LISTS)[number], UnreadList | null> = {
  egressOnlyInternetGateways: 'egressOnlyInternetGateways',
  carrierGateways: 'carrierGateways',
  transitGatewayVpcAttachments: 'transitGatewayAttachments',
  availabilityZones: 'zones',
  managedPrefixLists: null,
};

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
    egressOnlyInternetGateways: () =>
      all((NextToken) => api.describeEgressOnlyInternetGateways({ NextToken }), (p) => p.EgressOnlyInternetGateways),
    carrierGateways: () => all((NextToken) => api.describeCarrierGateways({ NextToken }), (p) => p.CarrierGateways),
    transitGatewayVpcAttachments: () =>
      all((NextToken) => api.describeTransitGatewayVpcAttachments({ NextToken }), (p) => p.TransitGatewayVpcAttachments),
    availabilityZones: async () => (await api.describeAvailabilityZones({})).AvailabilityZones ?? [],
    managedPrefixLists: () => all((NextToken) => api.describeManagedPrefixLists({ NextToken }), (p) => p.PrefixLists),
    prefixListEntries: (PrefixListId) => all((NextToken) => api.getManagedPrefixListEntries({ PrefixListId, NextToken }), (p) => p.Entries),
  };
}

const OPERATION: Record<keyof Pager, string> = { ...DESCRIBE_OPERATION, prefixListEntries: 'GetManagedPrefixListEntries' };

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
  egressOnlyInternetGateways: 'Egress-only internet gateways',
  carrierGateways: 'Carrier gateways',
  transitGatewayVpcAttachments: 'Transit gateway attachments',
  availabilityZones: 'Zone types (Local Zone, Wavelength)',
  managedPrefixLists: 'Customer-managed prefix lists',
  prefixListEntries: 'Prefix list entries',
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
export async function readRegion(api: Ec2Api & { pager?: Pager; readNotes?: FixtureReadNotes }): Promise<RawRegion> {
  const pager = api.pager ?? nextTokenPager(api);
  const warnings: string[] = [];
  const unread: UnreadList[] = [];

  async function optional<K extends FirstList>(key: K): Promise<Awaited<ReturnType<Pager[K]>>> {
    try {
      return (await pager[key]()) as Awaited<ReturnType<Pager[K]>>;
    } catch (err) {
      const e = toEc2Error(err, OPERATION[key]);
      if (e.kind === 'access-denied') {
        warnings.push(`Missing permission ec2:${OPERATION[key]}: ${WHAT[key]} are not shown.`);
        unread.push(key === 'vpcEndpoints' ? 'endpoints' : (key as Exclude<FirstList, 'vpcEndpoints'>));
        return [] as Awaited<ReturnType<Pager[K]>>;
      }
      throw e;
    }
  }

  /** A list added later: denied or unknown to the source (an emulator), it is unread, and the load goes on. */
  async function later(key: (typeof LATER_LISTS)[number]): Promise<unknown[] | undefined> {
    try {
      return await pager[key]();
    } catch (err) {
      const e = toEc2Error(err, OPERATION[key]);
      if (e.kind === 'access-denied') warnings.push(`Missing permission ec2:${OPERATION[key]}: ${WHAT[key]} are not shown.`);
      else if (!/InvalidAction|NotImplemented|Unsupported|UnknownOperation/i.test(e.code)) throw e;
      const name = LATER_UNREAD[key];
      if (name) unread.push(name);
      return undefined;
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
  const [[vpcs, subnets, routeTables, vpcEndpoints, networkInterfaces, securityGroups, internetGateways, natGateways, prefixLists], laterLists] =
    await Promise.all([
      Promise.all([
        vpcsRead,
        optional('subnets'),
        optional('routeTables'),
        optional('vpcEndpoints'),
        optional('networkInterfaces'),
        optional('securityGroups'),
        optional('internetGateways'),
        optional('natGateways'),
        optional('prefixLists'),
      ]),
      Promise.all(LATER_LISTS.map((key) => later(key))),
    ]);
  const [egressOnlyInternetGateways, carrierGateways, transitGatewayVpcAttachments, availabilityZones, managedLists] = laterLists as [
    RawRegion['egressOnlyInternetGateways'],
    RawRegion['carrierGateways'],
    RawRegion['transitGatewayVpcAttachments'],
    RawRegion['availabilityZones'],
    RawRegion['managedPrefixLists'],
  ];
  const managedPrefixLists = managedLists ? await withEntries(pager, managedLists, warnings) : undefined;
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
    ...(egressOnlyInternetGateways ? { egressOnlyInternetGateways } : {}),
    ...(carrierGateways ? { carrierGateways } : {}),
    ...(transitGatewayVpcAttachments ? { transitGatewayVpcAttachments } : {}),
    ...(availabilityZones ? { availabilityZones } : {}),
    ...(managedPrefixLists ? { managedPrefixLists } : {}),
    ...(api.readNotes ? { dataWarnings: [...api.readNotes.dataWarnings], origins: api.readNotes.origins } : {}),
    warnings,
    ...(unread.length ? { unread: unread.sort() } : {}),
  };
}

/** How many customer-managed prefix lists get their entries read; GetManagedPrefixListEntries takes one list per call. */
const PREFIX_LIST_ENTRY_LIMIT = 50;

/** Customer-managed prefix lists with their entries; a list whose entries could not be read has none (unknown, not empty). */
async function withEntries(pager: Pager, lists: NonNullable<RawRegion['managedPrefixLists']>, warnings: string[]): Promise<NonNullable<RawRegion['managedPrefixLists']>> {
  let denied = false;
  const customer = lists.filter((l) => l.OwnerId !== 'AWS' && l.PrefixListId).slice(0, PREFIX_LIST_ENTRY_LIMIT);
  const entries = new Map<string, PrefixListEntry[]>();
  await Promise.all(
    customer.map(async (l) => {
      try {
        entries.set(l.PrefixListId!, await pager.prefixListEntries(l.PrefixListId!));
      } catch (err) {
        const e = toEc2Error(err, 'GetManagedPrefixListEntries');
        if (e.kind !== 'access-denied') throw e;
        denied = true;
      }
    }),
  );
  if (denied) warnings.push('Missing permission ec2:GetManagedPrefixListEntries: customer-managed prefix lists are named, their addresses unknown.');
  return lists.map((l) => (l.PrefixListId && entries.has(l.PrefixListId) ? { ...l, Entries: entries.get(l.PrefixListId) } : l));
}
