import 'server-only';
import type {
  DnsEntry,
  NetworkInterface,
  ServiceDetail,
  Subnet,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { endpointEniRecord, VPCE_REQUESTER_ID } from '@/lib/aws/ec2-emulation';
import { withoutAwsPrefix } from '@/lib/aws/services';
import { intToIpv4, ipv4ToInt, parseIpv4Cidr } from '@/lib/net/cidr';
import { fail, fromWire, privateDnsNameOf } from './fixture-write-checks';
import type { FixtureRegionData } from './fixture-files';

/**
 * What AWS makes for an interface endpoint, emulated on fixture state: the ENI in each subnet (a free
 * address, a MAC, its private DNS name) and the endpoint's DnsEntries.
 */

// Route 53 zones of the regional `*.vpce.amazonaws.com` names; new regions fall back to what the
// fixture's own endpoints use, else no zone id.
export const VPCE_HOSTED_ZONES: Record<string, string> = {
  'us-east-1': 'Z7HUB22UULQXV',
  'eu-west-1': 'Z38GZ743OKFT7T',
};

export interface WriteEnv {
  region: string;
  now: () => Date;
  /** Lowercase hex of the given length, for ids. */
  randomHex: (chars: number) => string;
  /** Lowercase letters and digits of the given length, for DNS labels. */
  randomLabel: (chars: number) => string;
  /** Whether a new interface endpoint starts `pending` (true) or `available` (false). */
  interfaceStartsPending: boolean;
}

/**
 * A free IPv4 address of the subnet. AWS reserves the first four addresses and the last one of every
 * subnet; the rest are free unless an ENI holds them.
 */
export function freeIpv4(state: FixtureRegionData, subnet: Subnet, env: Pick<WriteEnv, 'randomHex'>): string {
  const cidr = parseIpv4Cidr(subnet.CidrBlock ?? '');
  if (!cidr) fail('InvalidSubnetID.NotFound', `The subnet ID '${subnet.SubnetId}' has no IPv4 CIDR block`);
  const used = new Set<number>();
  for (const n of state.networkInterfaces) {
    if (n.SubnetId !== subnet.SubnetId) continue;
    for (const ip of [n.PrivateIpAddress, ...(n.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress)]) {
      const v = ip ? ipv4ToInt(ip) : null;
      if (v !== null) used.add(v);
    }
  }
  const first = cidr.base + 4;
  const last = cidr.base + cidr.size - 2;
  const span = last - first + 1;
  if (span > 0) {
    // Random like AWS, so new ENIs do not all sit at .4, .5, ...; a full scan when the subnet is crowded.
    for (let i = 0; i < 32; i++) {
      const candidate = first + (parseInt(env.randomHex(8), 16) % span);
      if (!used.has(candidate)) return intToIpv4(candidate);
    }
    for (let a = first; a <= last; a++) if (!used.has(a)) return intToIpv4(a);
  }
  fail('InsufficientFreeAddressesInSubnet', `There are not enough free addresses in subnet '${subnet.SubnetId}' to satisfy the requested number of instances.`);
}

export function expandIpv6(addr: string): number[] | null {
  const [head = '', tail] = addr.split('::');
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

export function randomIpv6In(cidr: string, env: Pick<WriteEnv, 'randomHex'>): string | null {
  const [addr = '', bits] = cidr.split('/');
  const groups = expandIpv6(addr);
  if (!groups || Number(bits) > 64) return null;
  const host = env.randomHex(16).match(/.{4}/g)!.map((g) => parseInt(g, 16));
  return [...groups.slice(0, 4), ...host].map((g) => g.toString(16)).join(':');
}

export function privateDnsHostName(ip: string, region: string): string {
  const label = `ip-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${label}.ec2.internal` : `${label}.${region}.compute.internal`;
}

export function macAddress(env: Pick<WriteEnv, 'randomHex'>): string {
  return ('0e' + env.randomHex(10)).match(/.{2}/g)!.join(':');
}

export function endpointEni(
  state: FixtureRegionData,
  endpoint: VpcEndpoint,
  subnet: Subnet,
  groups: Array<{ GroupId?: string; GroupName?: string }>,
  ipAddressType: string,
  env: WriteEnv,
): NetworkInterface {
  const ipv4 = ipAddressType === 'ipv6' ? null : freeIpv4(state, subnet, env);
  const v6cidr = (subnet.Ipv6CidrBlockAssociationSet ?? []).find((a) => a.Ipv6CidrBlock)?.Ipv6CidrBlock;
  const ipv6 = ipAddressType !== 'ipv4' && v6cidr ? randomIpv6In(v6cidr, env) : null;
  // The fixture's own endpoint ENIs name the requester of this partition; AWS's commercial one otherwise.
  const requester = state.networkInterfaces.find((n) => n.InterfaceType === 'vpc_endpoint' && n.RequesterId)?.RequesterId ?? VPCE_REQUESTER_ID;
  const mac = macAddress(env);
  const eni = fromWire<NetworkInterface>(
    endpointEniRecord({
      id: `eni-${env.randomHex(17)}`,
      endpointId: endpoint.VpcEndpointId ?? '',
      subnet: { id: subnet.SubnetId, vpcId: subnet.VpcId, az: subnet.AvailabilityZone, azId: subnet.AvailabilityZoneId },
      groups: groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
      ownerId: endpoint.OwnerId,
      macAddress: mac,
      ipv4,
      privateDnsName: ipv4 ? privateDnsHostName(ipv4, env.region) : undefined,
      ipv6,
      requesterId: requester,
    }),
  );
  if (ipv4 && typeof subnet.AvailableIpAddressCount === 'number') subnet.AvailableIpAddressCount -= 1;
  return eni;
}

export function removeEnis(state: FixtureRegionData, ids: string[]): void {
  for (const id of ids) {
    const eni = state.networkInterfaces.find((n) => n.NetworkInterfaceId === id);
    if (!eni) continue;
    const subnet = state.subnets.find((s) => s.SubnetId === eni.SubnetId);
    if (subnet && eni.PrivateIpAddress && typeof subnet.AvailableIpAddressCount === 'number') subnet.AvailableIpAddressCount += 1;
  }
  state.networkInterfaces = state.networkInterfaces.filter((n) => !ids.includes(n.NetworkInterfaceId ?? ''));
}

export function vpceHostedZone(state: FixtureRegionData, region: string): string | undefined {
  if (VPCE_HOSTED_ZONES[region]) return VPCE_HOSTED_ZONES[region];
  for (const e of state.vpcEndpoints) {
    const d = (e.DnsEntries ?? []).find((x) => x.DnsName?.endsWith('.vpce.amazonaws.com') && x.HostedZoneId);
    if (d) return d.HostedZoneId;
  }
  return undefined;
}

/** `ssm.us-east-1.vpce.amazonaws.com` for `com.amazonaws.us-east-1.ssm`: the service's own base name when it lists one. */
export function vpceBaseName(offering: ServiceDetail | null, serviceName: string, region: string): string {
  const base = offering?.BaseEndpointDnsNames?.find((n) => n.endsWith('.vpce.amazonaws.com'));
  if (base) return base;
  return `${withoutAwsPrefix(serviceName)}.${region}.vpce.amazonaws.com`;
}

/**
 * DnsEntries in AWS's format: the regional name `vpce-<id>-<random>.<service>.vpce.amazonaws.com`,
 * one zonal name per AZ (`…-<random>-<az>.<service>…`), and the service's private DNS name when
 * private DNS is on.
 */
export function dnsEntries(
  state: FixtureRegionData,
  endpoint: VpcEndpoint,
  azs: string[],
  label: string,
  offering: ServiceDetail | null,
  privateZoneId: string | undefined,
  env: WriteEnv,
): DnsEntry[] {
  const base = vpceBaseName(offering, endpoint.ServiceName ?? '', env.region);
  const zone = vpceHostedZone(state, env.region);
  const out: DnsEntry[] = [{ DnsName: `${endpoint.VpcEndpointId}-${label}.${base}`, HostedZoneId: zone }];
  for (const az of [...azs].sort()) out.push({ DnsName: `${endpoint.VpcEndpointId}-${label}-${az}.${base}`, HostedZoneId: zone });
  const privateName = privateDnsNameOf(offering);
  if (endpoint.PrivateDnsEnabled && privateName) out.push({ DnsName: privateName, HostedZoneId: privateZoneId });
  return out;
}

export function dnsLabelOf(endpoint: VpcEndpoint): string | null {
  const first = endpoint.DnsEntries?.[0]?.DnsName ?? '';
  return new RegExp(`^${endpoint.VpcEndpointId}-([a-z0-9]+)\\.`).exec(first)?.[1] ?? null;
}

export function privateZoneOf(endpoint: VpcEndpoint, offering: ServiceDetail | null, env: WriteEnv): string {
  const name = privateDnsNameOf(offering);
  const existing = (endpoint.DnsEntries ?? []).find((d) => d.DnsName === name)?.HostedZoneId;
  return existing ?? `Z${env.randomHex(20).toUpperCase()}`;
}
