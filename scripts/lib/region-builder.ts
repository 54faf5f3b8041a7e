/**
 * The deterministic region builder behind the fixture generators (`scripts/demo-fixtures.ts`,
 * `scripts/synth.ts`): EC2 state built through calls that check AWS's rules, written as
 * `aws ec2 describe-<x> --output json` files (EC2 API PascalCase, 4-space indent).
 * No randomness: ids, IPs, MACs and timestamps are all derived from names with SHA-256, so a rerun
 * rewrites byte-identical files. Field names are checked against @aws-sdk/client-ec2's model types.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// Type-only, through the project's SDK boundary (lib/ec2/types re-exports @aws-sdk/client-ec2's models).
import type {
  InternetGateway,
  IpPermission,
  NatGateway,
  NetworkInterface,
  PrefixList,
  Route,
  RouteTable,
  RouteTableAssociation,
  SecurityGroup,
  ServiceDetail,
  Subnet,
  Tag,
  Vpc,
  VpcEndpoint,
} from '../../lib/ec2/types';
import { endpointEniRecord, endpointRecord, NAT_REQUESTER_ID, VPCE_REQUESTER_ID, type Wire } from '../../lib/aws/ec2-emulation';

export type { Wire };

// ---------------------------------------------------------------------------------------------
// Wire types: the SDK's model types as they appear in CLI JSON (`Wire`, with what EC2 fills in itself,
// lives in lib/aws/ec2-emulation.ts, shared with the fixture backend's CreateVpcEndpoint).
// ---------------------------------------------------------------------------------------------

export type WVpc = Wire<Vpc>;
export type WSubnet = Wire<Subnet>;
export type WRouteTable = Wire<RouteTable>;
export type WRoute = Wire<Route>;
export type WAssociation = Wire<RouteTableAssociation>;
export type WInternetGateway = Wire<InternetGateway>;
export type WNatGateway = Wire<NatGateway>;
export type WSecurityGroup = Wire<SecurityGroup>;
export type WIpPermission = Wire<IpPermission>;
export type WVpcEndpoint = Wire<VpcEndpoint>;
export type WDnsEntry = Wire<NonNullable<VpcEndpoint['DnsEntries']>[number]>;
export type WNetworkInterface = Wire<NetworkInterface>;
export type WPrefixList = Wire<PrefixList>;
export type WServiceDetail = Wire<ServiceDetail>;
export type WTag = Wire<Tag>;

export const ACCOUNT = '111122223333';

// ---------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------
export function digest(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

export function hashInt(seed: string): number {
  return parseInt(digest(seed).slice(0, 8), 16);
}

/** Lower-case base36 characters derived from a seed (DNS suffixes). */
export function alnum(seed: string, length: number, upper = false): string {
  const alphabet = upper ? '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' : '0123456789abcdefghijklmnopqrstuvwxyz';
  const hex = digest(`alnum|${seed}`);
  let out = '';
  for (let i = 0; out.length < length; i += 2) {
    const byte = parseInt(hex.slice(i % 64, (i % 64) + 2), 16);
    out += alphabet.charAt(byte % alphabet.length);
  }
  return out;
}

/**
 * Hands out real-looking 17-hex-digit resource ids (`vpc-0a1b...`) derived from seeds, and refuses
 * to hand out one twice. Builders that write one fixture set share a registry, so ids are unique
 * across everything that set contains.
 */
export class IdRegistry {
  private readonly used = new Set<string>();

  newId(prefix: string, seed: string): string {
    const id = `${prefix}-0${digest(`${prefix}|${seed}`).slice(0, 16)}`;
    if (this.used.has(id)) throw new Error(`duplicate id ${id} (seed ${seed})`);
    this.used.add(id);
    return id;
  }

  get size(): number {
    return this.used.size;
  }
}

/** An ISO timestamp somewhere in [from, from + days), chosen by the seed. */
export function stamp(seed: string, from: string, days: number): string {
  const start = Date.parse(from);
  if (Number.isNaN(start)) throw new Error(`bad date ${from}`);
  return new Date(start + (hashInt(`t|${seed}`) % (days * 86_400)) * 1000).toISOString();
}

function macAddress(seed: string): string {
  const hex = digest(`mac|${seed}`);
  const bytes = ['0e'];
  for (let i = 0; i < 5; i++) bytes.push(hex.slice(i * 2, i * 2 + 2));
  return bytes.join(':');
}

// ---------------------------------------------------------------------------------------------
// IPv4 helpers
// ---------------------------------------------------------------------------------------------
export function ipToInt(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    throw new Error(`bad IPv4 address ${ip}`);
  }
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export interface Cidr {
  base: number;
  size: number;
}

export function parseCidr(cidr: string): Cidr {
  const [ip, bits] = cidr.split('/');
  const prefix = Number(bits);
  if (ip === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new Error(`bad CIDR ${cidr}`);
  const size = 2 ** (32 - prefix);
  const base = ipToInt(ip);
  if (base % size !== 0) throw new Error(`CIDR ${cidr} is not aligned`);
  return { base, size };
}

export function cidrContains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  return i.base >= o.base && i.base + i.size <= o.base + o.size;
}

export function cidrsOverlap(a: string, b: string): boolean {
  return rangesOverlap(parseCidr(a), parseCidr(b));
}

function rangesOverlap(x: Cidr, y: Cidr): boolean {
  return x.base < y.base + y.size && y.base < x.base + x.size;
}

// ---------------------------------------------------------------------------------------------
// Static per-region data: AZ ids, hosted zones, AWS-managed prefix lists and the service catalog
// ---------------------------------------------------------------------------------------------
export interface RegionInfo {
  name: string;
  /** AZ name -> AZ id, in the order the account sees them. */
  azIds: Record<string, string>;
  /** Hosted zone of `*.vpce.amazonaws.com` names in this region. */
  vpceHostedZoneId: string;
  /** Domain of private DNS names of ENIs. */
  internalDomain: string;
  /** AZs where most interface services are offered (us-east-1e lacks many). */
  interfaceAzs: string[];
  prefixLists: { service: 's3' | 'dynamodb'; id: string; cidrs: string[] }[];
}

export const US_EAST_1: RegionInfo = {
  name: 'us-east-1',
  azIds: {
    'us-east-1a': 'use1-az1',
    'us-east-1b': 'use1-az2',
    'us-east-1c': 'use1-az4',
    'us-east-1d': 'use1-az6',
    'us-east-1e': 'use1-az3',
    'us-east-1f': 'use1-az5',
  },
  vpceHostedZoneId: 'Z7HUB22UULQXV',
  internalDomain: 'ec2.internal',
  interfaceAzs: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1f'],
  prefixLists: [
    {
      service: 's3',
      id: 'pl-63a5400a',
      cidrs: [
        '3.5.0.0/19',
        '16.15.176.0/20',
        '16.182.0.0/16',
        '18.34.0.0/19',
        '18.34.232.0/21',
        '52.216.0.0/15',
        '54.231.0.0/16',
      ],
    },
    {
      service: 'dynamodb',
      id: 'pl-02cd2c6b',
      cidrs: ['3.218.180.0/22', '3.218.184.0/22', '52.94.0.0/22', '52.119.224.0/20'],
    },
  ],
};

export const EU_WEST_1: RegionInfo = {
  name: 'eu-west-1',
  azIds: {
    'eu-west-1a': 'euw1-az1',
    'eu-west-1b': 'euw1-az2',
    'eu-west-1c': 'euw1-az3',
  },
  vpceHostedZoneId: 'Z38GZ743OKFT7T',
  internalDomain: 'eu-west-1.compute.internal',
  interfaceAzs: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  prefixLists: [
    {
      service: 's3',
      id: 'pl-6da54004',
      cidrs: ['3.5.64.0/21', '3.5.72.0/23', '52.92.0.0/17', '52.218.0.0/17'],
    },
    {
      service: 'dynamodb',
      id: 'pl-6fa54006',
      cidrs: ['52.94.24.0/23', '52.119.240.0/21'],
    },
  ],
};

export interface ServiceSpec {
  /** 'ssm', 'ecr.dkr', ... (the part after `com.amazonaws.<region>.`). */
  short: string;
  /** The label used in `*.vpce.amazonaws.com` names: 'dkr.ecr' for ecr.dkr. */
  vpceLabel: string;
  /** Private DNS names with `{r}` for the region; empty when the service has none. */
  privateDns: string[];
  gateway: boolean;
  interface: boolean;
  /** Offered in every AZ of the region (else only in RegionInfo.interfaceAzs). */
  allAzs: boolean;
}

export function iface(short: string, opts: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    short,
    vpceLabel: short,
    privateDns: [`${short}.{r}.amazonaws.com`],
    gateway: false,
    interface: true,
    allAzs: false,
    ...opts,
  };
}

/** The service catalog of the demo fixtures. */
export const SERVICES: ServiceSpec[] = [
  iface('s3', { gateway: true, privateDns: ['*.s3.{r}.amazonaws.com'] }),
  iface('dynamodb', { gateway: true, privateDns: [] }),
  iface('ssm', { allAzs: true }),
  iface('ssmmessages'),
  iface('ec2messages'),
  iface('secretsmanager'),
  iface('logs', { allAzs: true }),
  iface('kms', { allAzs: true }),
  iface('sts', { allAzs: true }),
  iface('ecr.api', { vpceLabel: 'api.ecr', privateDns: ['api.ecr.{r}.amazonaws.com'] }),
  iface('ecr.dkr', { vpceLabel: 'dkr.ecr', privateDns: ['*.dkr.ecr.{r}.amazonaws.com'] }),
  iface('ec2', { allAzs: true }),
  iface('sqs'),
  iface('sns'),
  iface('monitoring', { allAzs: true }),
  iface('lambda'),
  iface('execute-api', { privateDns: ['*.execute-api.{r}.amazonaws.com'] }),
  iface('elasticloadbalancing'),
  iface('kinesis-streams', { vpceLabel: 'kinesis', privateDns: ['kinesis.{r}.amazonaws.com'] }),
  iface('states'),
];

function serviceSpec(short: string, catalog: readonly ServiceSpec[]): ServiceSpec {
  const spec = catalog.find((s) => s.short === short);
  if (!spec) throw new Error(`unknown service ${short}`);
  return spec;
}

function prefixListsFile(region: RegionInfo): { PrefixLists: WPrefixList[] } {
  return {
    PrefixLists: region.prefixLists.map((pl) => ({
      PrefixListId: pl.id,
      PrefixListName: `com.amazonaws.${region.name}.${pl.service}`,
      Cidrs: pl.cidrs,
    })),
  };
}

function servicesFile(
  ids: IdRegistry,
  catalog: readonly ServiceSpec[],
  scope: string,
  region: RegionInfo,
  only?: string[],
): { ServiceNames: string[]; ServiceDetails: WServiceDetail[] } {
  const r = region.name;
  const allAzs = Object.keys(region.azIds);
  const details: WServiceDetail[] = [];
  for (const spec of catalog) {
    if (only && !only.includes(spec.short)) continue;
    const serviceName = `com.amazonaws.${r}.${spec.short}`;
    if (spec.gateway) {
      details.push({
        ServiceName: serviceName,
        ServiceId: ids.newId('vpce-svc', `${scope}|${r}|${spec.short}|Gateway`),
        ServiceType: [{ ServiceType: 'Gateway' }],
        ServiceRegion: r,
        AvailabilityZones: allAzs,
        Owner: 'amazon',
        BaseEndpointDnsNames: [`${spec.short}.${r}.amazonaws.com`],
        VpcEndpointPolicySupported: true,
        AcceptanceRequired: false,
        ManagesVpcEndpoints: false,
        Tags: [],
        SupportedIpAddressTypes: ['ipv4'],
      });
    }
    if (spec.interface) {
      const privateDns = spec.privateDns.map((n) => n.replace('{r}', r));
      details.push({
        ServiceName: serviceName,
        ServiceId: ids.newId('vpce-svc', `${scope}|${r}|${spec.short}|Interface`),
        ServiceType: [{ ServiceType: 'Interface' }],
        ServiceRegion: r,
        AvailabilityZones: spec.allAzs ? allAzs : region.interfaceAzs,
        Owner: 'amazon',
        BaseEndpointDnsNames: [`${spec.vpceLabel}.${r}.vpce.amazonaws.com`],
        PrivateDnsName: privateDns[0],
        PrivateDnsNames: privateDns.length > 0 ? privateDns.map((n) => ({ PrivateDnsName: n })) : undefined,
        VpcEndpointPolicySupported: true,
        AcceptanceRequired: false,
        ManagesVpcEndpoints: false,
        Tags: [],
        PrivateDnsNameVerificationState: privateDns.length > 0 ? 'verified' : undefined,
        SupportedIpAddressTypes: ['ipv4', 'ipv6'],
      });
    }
  }
  details.sort((a, b) => (a.ServiceName ?? '').localeCompare(b.ServiceName ?? ''));
  const names = [...new Set(details.map((d) => d.ServiceName ?? ''))];
  return { ServiceNames: names, ServiceDetails: details };
}

// ---------------------------------------------------------------------------------------------
// Policies (PolicyDocument is a JSON string, kept in the formatting AWS returns)
// ---------------------------------------------------------------------------------------------
export function policy(doc: unknown): string {
  return JSON.stringify(doc);
}

// ---------------------------------------------------------------------------------------------
// Route helpers
// ---------------------------------------------------------------------------------------------
function dest(cidr: string): Pick<WRoute, 'DestinationCidrBlock' | 'DestinationIpv6CidrBlock'> {
  return cidr.includes(':') ? { DestinationIpv6CidrBlock: cidr } : { DestinationCidrBlock: cidr };
}

export const routeTo = {
  local: (cidr: string): WRoute => ({ ...dest(cidr), GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }),
  igw: (cidr: string, igwId: string): WRoute => ({ ...dest(cidr), GatewayId: igwId, Origin: 'CreateRoute', State: 'active' }),
  nat: (cidr: string, natId: string, state = 'active'): WRoute => ({
    ...dest(cidr),
    NatGatewayId: natId,
    Origin: 'CreateRoute',
    State: state,
  }),
  pcx: (cidr: string, pcxId: string): WRoute => ({
    ...dest(cidr),
    Origin: 'CreateRoute',
    State: 'active',
    VpcPeeringConnectionId: pcxId,
  }),
  tgw: (cidr: string, tgwId: string): WRoute => ({
    ...dest(cidr),
    Origin: 'CreateRoute',
    State: 'active',
    TransitGatewayId: tgwId,
  }),
};

// ---------------------------------------------------------------------------------------------
// Security group rule helpers
// ---------------------------------------------------------------------------------------------
export function tcpFromCidrs(port: number, cidrs: [string, string?][]): WIpPermission {
  return {
    IpProtocol: 'tcp',
    FromPort: port,
    ToPort: port,
    UserIdGroupPairs: [],
    IpRanges: cidrs.map(([CidrIp, Description]) => ({ CidrIp, Description })),
    Ipv6Ranges: [],
    PrefixListIds: [],
  };
}

export function tcpFromGroup(port: number, groupId: string, description?: string): WIpPermission {
  return {
    IpProtocol: 'tcp',
    FromPort: port,
    ToPort: port,
    UserIdGroupPairs: [{ Description: description, UserId: ACCOUNT, GroupId: groupId }],
    IpRanges: [],
    Ipv6Ranges: [],
    PrefixListIds: [],
  };
}

export function allTrafficEgress(): WIpPermission {
  return {
    IpProtocol: '-1',
    UserIdGroupPairs: [],
    IpRanges: [{ CidrIp: '0.0.0.0/0' }],
    Ipv6Ranges: [],
    PrefixListIds: [],
  };
}

export function tags(name: string | null, extra: Record<string, string> = {}): WTag[] {
  const out: WTag[] = name === null ? [] : [{ Key: 'Name', Value: name }];
  for (const [Key, Value] of Object.entries(extra)) out.push({ Key, Value });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The region builder
// ---------------------------------------------------------------------------------------------
export interface VpcRec {
  id: string;
  name: string;
  cidrs: string[];
  ipv6: string | null;
  created: string;
  envTags: Record<string, string>;
  dnsHostnames: boolean;
}

export interface SubnetRec {
  id: string;
  name: string;
  vpc: VpcRec;
  az: string;
  cidr: string;
  range: Cidr;
  /** Offsets inside the subnet already taken (network, 3 reserved, broadcast, ENIs). */
  used: Set<number>;
  wire: WSubnet;
}

export interface RtbRec {
  id: string;
  name: string;
  vpc: VpcRec;
  main: boolean;
  routes: WRoute[];
  associations: WAssociation[];
  wire: WRouteTable;
}

export interface SgRec {
  id: string;
  name: string;
  vpc: VpcRec;
}

export interface EndpointRec {
  id: string;
  name: string;
  vpc: VpcRec;
  type: 'Gateway' | 'Interface';
  service: string;
  state: string;
}

export interface NatRec {
  id: string;
  name: string;
  vpc: VpcRec;
}

export interface RegionBuilderOptions {
  /** Only these services appear in describe-vpc-endpoint-services.json, and only they may get endpoints. */
  serviceFilter?: string[];
  /** Shared by every builder of one fixture set; a fresh registry when absent. */
  ids?: IdRegistry;
  /** The services the region offers; the demo catalog when absent. */
  catalog?: readonly ServiceSpec[];
  /** The 12-digit account id that owns every record (OwnerId, ARNs); the demo account when absent. */
  account?: string;
}

/**
 * Builds one region of EC2 state the way the API would describe it, checking AWS's rules as it goes
 * (subnets inside their VPC and not overlapping, one main table per VPC, one endpoint subnet per AZ,
 * services offered in the AZs used), then writes the `describe-*.json` files.
 */
export class RegionBuilder {
  readonly vpcs: VpcRec[] = [];
  readonly vpcWires: WVpc[] = [];
  readonly subnets: SubnetRec[] = [];
  readonly routeTables: RtbRec[] = [];
  readonly igws: WInternetGateway[] = [];
  readonly nats: NatRec[] = [];
  readonly natWires: WNatGateway[] = [];
  readonly sgs: SgRec[] = [];
  readonly sgWires: WSecurityGroup[] = [];
  readonly endpoints: EndpointRec[] = [];
  readonly endpointWires: WVpcEndpoint[] = [];
  readonly enis: WNetworkInterface[] = [];
  private readonly explicitAssociations = new Map<string, string>();
  private readonly dhcpOptionsId: string;
  private readonly serviceFilter: string[] | undefined;
  readonly ids: IdRegistry;
  readonly catalog: readonly ServiceSpec[];
  readonly account: string;

  constructor(
    readonly scope: string,
    readonly region: RegionInfo,
    options: RegionBuilderOptions = {},
  ) {
    this.serviceFilter = options.serviceFilter;
    this.ids = options.ids ?? new IdRegistry();
    this.catalog = options.catalog ?? SERVICES;
    this.account = options.account ?? ACCOUNT;
    this.dhcpOptionsId = this.id('dopt', 'default');
  }

  id(prefix: string, name: string): string {
    return this.ids.newId(prefix, `${this.scope}|${this.region.name}|${name}`);
  }

  private azId(az: string): string {
    const id = this.region.azIds[az];
    if (id === undefined) throw new Error(`unknown AZ ${az} in ${this.region.name}`);
    return id;
  }

  private privateDnsName(ip: string): string {
    return `ip-${ip.replaceAll('.', '-')}.${this.region.internalDomain}`;
  }

  addVpc(opts: {
    name: string;
    cidrs: string[];
    ipv6?: string;
    isDefault?: boolean;
    created: string;
    env?: string;
    /** enableDnsHostnames, written to vpc-attributes.json; true when absent. */
    dnsHostnames?: boolean;
  }): VpcRec {
    const [primary] = opts.cidrs;
    if (primary === undefined) throw new Error(`VPC ${opts.name} needs a CIDR`);
    const isDefault = opts.isDefault ?? false;
    const envTags: Record<string, string> = opts.env === undefined ? {} : { Environment: opts.env };
    const rec: VpcRec = {
      id: this.id('vpc', opts.name),
      name: opts.name,
      cidrs: opts.cidrs,
      ipv6: opts.ipv6 ?? null,
      created: opts.created,
      envTags,
      dnsHostnames: opts.dnsHostnames ?? true,
    };
    this.vpcs.push(rec);
    this.vpcWires.push({
      CidrBlock: primary,
      DhcpOptionsId: this.dhcpOptionsId,
      State: 'available',
      VpcId: rec.id,
      OwnerId: this.account,
      InstanceTenancy: 'default',
      Ipv6CidrBlockAssociationSet: opts.ipv6
        ? [
            {
              AssociationId: this.id('vpc-cidr-assoc', `${opts.name}|${opts.ipv6}`),
              Ipv6CidrBlock: opts.ipv6,
              Ipv6CidrBlockState: { State: 'associated' },
              NetworkBorderGroup: this.region.name,
              Ipv6Pool: 'Amazon',
            },
          ]
        : undefined,
      CidrBlockAssociationSet: opts.cidrs.map((cidr) => ({
        AssociationId: this.id('vpc-cidr-assoc', `${opts.name}|${cidr}`),
        CidrBlock: cidr,
        CidrBlockState: { State: 'associated' },
      })),
      IsDefault: isDefault,
      // Default VPCs carry no tags unless someone adds them; the CLI then omits the key.
      Tags: isDefault ? undefined : tags(opts.name, envTags),
      BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    });
    return rec;
  }

  addSubnet(opts: {
    vpc: VpcRec;
    name: string | null;
    cidr: string;
    az: string;
    public?: boolean;
    defaultForAz?: boolean;
    ipv6?: string;
  }): SubnetRec {
    const { vpc } = opts;
    if (!vpc.cidrs.some((c) => cidrContains(c, opts.cidr))) {
      throw new Error(`subnet ${opts.cidr} is outside VPC ${vpc.name}`);
    }
    const range = parseCidr(opts.cidr);
    for (const other of this.subnets) {
      if (other.vpc === vpc && rangesOverlap(other.range, range)) {
        throw new Error(`subnet ${opts.cidr} overlaps ${other.cidr}`);
      }
    }
    const label = opts.name ?? `default-${opts.az}`;
    const id = this.id('subnet', `${vpc.name}|${label}`);
    // AWS reserves the first four addresses and the last one.
    const used = new Set<number>([0, 1, 2, 3, range.size - 1]);
    const wire: WSubnet = {
      AvailabilityZone: opts.az,
      AvailabilityZoneId: this.azId(opts.az),
      AvailableIpAddressCount: range.size - 5, // recomputed in finish()
      CidrBlock: opts.cidr,
      DefaultForAz: opts.defaultForAz ?? false,
      MapPublicIpOnLaunch: opts.public ?? false,
      MapCustomerOwnedIpOnLaunch: false,
      State: 'available',
      SubnetId: id,
      VpcId: vpc.id,
      OwnerId: this.account,
      AssignIpv6AddressOnCreation: false,
      Ipv6CidrBlockAssociationSet: opts.ipv6
        ? [
            {
              AssociationId: this.id('subnet-cidr-assoc', `${vpc.name}|${label}|${opts.ipv6}`),
              Ipv6CidrBlock: opts.ipv6,
              Ipv6CidrBlockState: { State: 'associated' },
            },
          ]
        : [],
      Tags: opts.name === null ? undefined : tags(opts.name, vpc.envTags),
      SubnetArn: `arn:aws:ec2:${this.region.name}:${this.account}:subnet/${id}`,
      EnableDns64: false,
      Ipv6Native: false,
      PrivateDnsNameOptionsOnLaunch: {
        HostnameType: 'ip-name',
        EnableResourceNameDnsARecord: false,
        EnableResourceNameDnsAAAARecord: false,
      },
      BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    };
    const rec: SubnetRec = { id, name: label, vpc, az: opts.az, cidr: opts.cidr, range, used, wire };
    this.subnets.push(rec);
    return rec;
  }

  /** A free, stable private IP inside the subnet, chosen by the seed. */
  private allocateIp(subnet: SubnetRec, seed: string): string {
    const span = subnet.range.size - 5;
    let offset = 4 + (hashInt(`ip|${subnet.id}|${seed}`) % span);
    while (subnet.used.has(offset)) offset = 4 + ((offset - 4 + 1) % span);
    subnet.used.add(offset);
    return intToIp(subnet.range.base + offset);
  }

  addIgw(vpc: VpcRec, name: string | null): string {
    const id = this.id('igw', vpc.name);
    this.igws.push({
      Attachments: [{ State: 'available', VpcId: vpc.id }],
      InternetGatewayId: id,
      OwnerId: this.account,
      Tags: tags(name, name === null ? {} : vpc.envTags),
    });
    return id;
  }

  addRouteTable(opts: {
    vpc: VpcRec;
    name: string | null;
    main?: boolean;
    subnets?: SubnetRec[];
    routes?: WRoute[];
  }): RtbRec {
    const { vpc } = opts;
    const label = opts.name ?? 'main';
    const main = opts.main ?? false;
    if (main && this.routeTables.some((t) => t.vpc === vpc && t.main)) {
      throw new Error(`VPC ${vpc.name} already has a main route table`);
    }
    const id = this.id('rtb', `${vpc.name}|${label}`);
    const associations: WAssociation[] = [];
    if (main) {
      associations.push({
        Main: true,
        RouteTableAssociationId: this.id('rtbassoc', `${vpc.name}|${label}|main`),
        RouteTableId: id,
        AssociationState: { State: 'associated' },
      });
    }
    for (const subnet of opts.subnets ?? []) {
      if (subnet.vpc !== vpc) throw new Error(`subnet ${subnet.name} is not in VPC ${vpc.name}`);
      const existing = this.explicitAssociations.get(subnet.id);
      if (existing !== undefined) throw new Error(`subnet ${subnet.name} is already associated with ${existing}`);
      this.explicitAssociations.set(subnet.id, id);
      associations.push({
        Main: false,
        RouteTableAssociationId: this.id('rtbassoc', `${vpc.name}|${label}|${subnet.name}`),
        RouteTableId: id,
        SubnetId: subnet.id,
        AssociationState: { State: 'associated' },
      });
    }
    const routes: WRoute[] = vpc.cidrs.map((c) => routeTo.local(c));
    if (vpc.ipv6 !== null) routes.push(routeTo.local(vpc.ipv6));
    routes.push(...(opts.routes ?? []));
    const wire: WRouteTable = {
      Associations: associations,
      PropagatingVgws: [],
      RouteTableId: id,
      Routes: routes,
      Tags: tags(opts.name, opts.name === null ? {} : vpc.envTags),
      VpcId: vpc.id,
      OwnerId: this.account,
    };
    const rec: RtbRec = { id, name: label, vpc, main, routes, associations, wire };
    this.routeTables.push(rec);
    return rec;
  }

  addNat(opts: { name: string; subnet: SubnetRec; publicIp: string; created: string }): string {
    const { subnet } = opts;
    const vpc = subnet.vpc;
    const id = this.id('nat', opts.name);
    const eniId = this.id('eni', `nat|${opts.name}`);
    const allocationId = this.id('eipalloc', opts.name);
    const associationId = this.id('eipassoc', opts.name);
    const privateIp = this.allocateIp(subnet, `nat|${opts.name}`);
    this.nats.push({ id, name: opts.name, vpc });
    this.natWires.push({
      CreateTime: opts.created,
      NatGatewayAddresses: [
        {
          AllocationId: allocationId,
          NetworkInterfaceId: eniId,
          PrivateIp: privateIp,
          PublicIp: opts.publicIp,
          AssociationId: associationId,
          IsPrimary: true,
          Status: 'succeeded',
        },
      ],
      NatGatewayId: id,
      State: 'available',
      SubnetId: subnet.id,
      VpcId: vpc.id,
      Tags: tags(opts.name, vpc.envTags),
      ConnectivityType: 'public',
    });
    const publicDns =
      this.region.name === 'us-east-1'
        ? `ec2-${opts.publicIp.replaceAll('.', '-')}.compute-1.amazonaws.com`
        : `ec2-${opts.publicIp.replaceAll('.', '-')}.${this.region.name}.compute.amazonaws.com`;
    const association = {
      AllocationId: allocationId,
      AssociationId: associationId,
      IpOwnerId: this.account,
      PublicDnsName: publicDns,
      PublicIp: opts.publicIp,
    };
    this.enis.push({
      Association: association,
      AvailabilityZone: subnet.az,
      Description: `Interface for NAT Gateway ${id}`,
      Groups: [],
      InterfaceType: 'nat_gateway',
      Ipv6Addresses: [],
      MacAddress: macAddress(eniId),
      NetworkInterfaceId: eniId,
      OwnerId: this.account,
      PrivateDnsName: this.privateDnsName(privateIp),
      PrivateIpAddress: privateIp,
      PrivateIpAddresses: [
        {
          Association: association,
          Primary: true,
          PrivateDnsName: this.privateDnsName(privateIp),
          PrivateIpAddress: privateIp,
        },
      ],
      RequesterId: NAT_REQUESTER_ID,
      RequesterManaged: true,
      SourceDestCheck: false,
      Status: 'in-use',
      SubnetId: subnet.id,
      TagSet: [],
      VpcId: vpc.id,
      AvailabilityZoneId: this.azId(subnet.az),
    });
    return id;
  }

  addSecurityGroup(opts: {
    vpc: VpcRec;
    name: string;
    description: string;
    ingress: (self: string) => WIpPermission[];
    egress?: WIpPermission[];
  }): SgRec {
    const { vpc } = opts;
    const id = this.id('sg', `${vpc.name}|${opts.name}`);
    const isDefault = opts.name === 'default';
    this.sgs.push({ id, name: opts.name, vpc });
    this.sgWires.push({
      GroupId: id,
      IpPermissionsEgress: opts.egress ?? [allTrafficEgress()],
      Tags: isDefault ? undefined : tags(opts.name, vpc.envTags),
      VpcId: vpc.id,
      SecurityGroupArn: `arn:aws:ec2:${this.region.name}:${this.account}:security-group/${id}`,
      OwnerId: this.account,
      GroupName: opts.name,
      Description: opts.description,
      IpPermissions: opts.ingress(id),
    });
    return { id, name: opts.name, vpc };
  }

  addDefaultSecurityGroup(vpc: VpcRec): SgRec {
    return this.addSecurityGroup({
      vpc,
      name: 'default',
      description: 'default VPC security group',
      ingress: (self) => [
        {
          IpProtocol: '-1',
          UserIdGroupPairs: [{ UserId: this.account, GroupId: self }],
          IpRanges: [],
          Ipv6Ranges: [],
          PrefixListIds: [],
        },
      ],
    });
  }

  private prefixListId(service: 's3' | 'dynamodb'): string {
    const pl = this.region.prefixLists.find((p) => p.service === service);
    if (!pl) throw new Error(`no prefix list for ${service}`);
    return pl.id;
  }

  private checkServiceOffered(service: string, type: 'Gateway' | 'Interface', azs: string[]): void {
    if (this.serviceFilter && !this.serviceFilter.includes(service)) {
      throw new Error(`service ${service} is not in this fixture's service list`);
    }
    const spec = serviceSpec(service, this.catalog);
    if (type === 'Gateway' && !spec.gateway) throw new Error(`${service} has no gateway endpoint`);
    if (type === 'Interface') {
      if (!spec.interface) throw new Error(`${service} has no interface endpoint`);
      const offered = spec.allAzs ? Object.keys(this.region.azIds) : this.region.interfaceAzs;
      for (const az of azs) if (!offered.includes(az)) throw new Error(`${service} is not offered in ${az}`);
    }
  }

  addGatewayEndpoint(opts: {
    vpc: VpcRec;
    name: string;
    service: 's3' | 'dynamodb';
    routeTables: RtbRec[];
    policy?: string;
    created: string;
  }): string {
    const { vpc } = opts;
    this.checkServiceOffered(opts.service, 'Gateway', []);
    const id = this.id('vpce', opts.name);
    const prefixListId = this.prefixListId(opts.service);
    for (const rt of opts.routeTables) {
      if (rt.vpc !== vpc) throw new Error(`route table ${rt.name} is not in VPC ${vpc.name}`);
      rt.routes.push({ DestinationPrefixListId: prefixListId, GatewayId: id, Origin: 'CreateRoute', State: 'active' });
    }
    this.endpoints.push({ id, name: opts.name, vpc, type: 'Gateway', service: opts.service, state: 'available' });
    this.endpointWires.push(
      endpointRecord({
        id,
        type: 'Gateway',
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${this.region.name}.${opts.service}`,
        state: 'available',
        policy: opts.policy ?? null,
        routeTableIds: opts.routeTables.map((rt) => rt.id),
        subnetIds: [],
        groups: [],
        privateDnsEnabled: false,
        networkInterfaceIds: [],
        dnsEntries: [],
        createdAt: opts.created,
        tags: tags(opts.name, vpc.envTags),
        ownerId: this.account,
        region: this.region.name,
      }),
    );
    return id;
  }

  addInterfaceEndpoint(opts: {
    vpc: VpcRec;
    name: string;
    service: string;
    subnets: SubnetRec[];
    groups: SgRec[];
    privateDns?: boolean;
    policy?: string;
    created: string;
    /** 'deleted' endpoints keep their subnets but have no ENIs or DNS entries left. */
    state?: 'available' | 'pending' | 'deleted';
  }): string {
    const { vpc } = opts;
    const state = opts.state ?? 'available';
    const privateDns = opts.privateDns ?? true;
    const r = this.region.name;
    const spec = serviceSpec(opts.service, this.catalog);
    const azs = opts.subnets.map((s) => s.az);
    if (new Set(azs).size !== azs.length) throw new Error(`endpoint ${opts.name} has two subnets in one AZ`);
    this.checkServiceOffered(opts.service, 'Interface', azs);
    const id = this.id('vpce', opts.name);
    const groups = opts.groups.map((g) => {
      if (g.vpc !== vpc) throw new Error(`security group ${g.name} is not in VPC ${vpc.name}`);
      return { GroupId: g.id, GroupName: g.name };
    });

    const eniIds: string[] = [];
    const dnsEntries: WDnsEntry[] = [];
    if (state !== 'deleted') {
      for (const subnet of opts.subnets) {
        if (subnet.vpc !== vpc) throw new Error(`subnet ${subnet.name} is not in VPC ${vpc.name}`);
        const eniId = this.id('eni', `vpce|${opts.name}|${subnet.az}`);
        const ip = this.allocateIp(subnet, `vpce|${opts.name}`);
        eniIds.push(eniId);
        this.enis.push(
          endpointEniRecord({
            id: eniId,
            endpointId: id,
            subnet: { id: subnet.id, vpcId: vpc.id, az: subnet.az, azId: this.azId(subnet.az) },
            groups,
            ownerId: this.account,
            macAddress: macAddress(eniId),
            ipv4: ip,
            privateDnsName: this.privateDnsName(ip),
            ipv6: null,
            requesterId: VPCE_REQUESTER_ID,
          }),
        );
      }
      const suffix = alnum(`dns|${id}`, 8);
      const zone = this.region.vpceHostedZoneId;
      dnsEntries.push({ DnsName: `${id}-${suffix}.${spec.vpceLabel}.${r}.vpce.amazonaws.com`, HostedZoneId: zone });
      for (const subnet of opts.subnets) {
        dnsEntries.push({
          DnsName: `${id}-${suffix}-${subnet.az}.${spec.vpceLabel}.${r}.vpce.amazonaws.com`,
          HostedZoneId: zone,
        });
      }
      if (privateDns) {
        const privateZone = `Z0${alnum(`phz|${id}`, 19, true)}`;
        for (const name of spec.privateDns) dnsEntries.push({ DnsName: name.replace('{r}', r), HostedZoneId: privateZone });
      }
    }

    this.endpoints.push({ id, name: opts.name, vpc, type: 'Interface', service: opts.service, state });
    this.endpointWires.push(
      endpointRecord({
        id,
        type: 'Interface',
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${r}.${opts.service}`,
        state,
        policy: opts.policy ?? null,
        routeTableIds: [],
        subnetIds: opts.subnets.map((s) => s.id),
        groups,
        ipAddressType: 'ipv4',
        privateDnsEnabled: privateDns,
        networkInterfaceIds: eniIds,
        dnsEntries,
        createdAt: opts.created,
        tags: tags(opts.name, vpc.envTags),
        ownerId: this.account,
        region: r,
      }),
    );
    return id;
  }

  addInstance(opts: { subnet: SubnetRec; name: string; groups: SgRec[]; launched: string }): string {
    const { subnet } = opts;
    const instanceId = this.id('i', opts.name);
    const eniId = this.id('eni', `instance|${opts.name}`);
    const ip = this.allocateIp(subnet, `instance|${opts.name}`);
    const groups = opts.groups.map((g) => ({ GroupId: g.id, GroupName: g.name }));
    this.enis.push({
      Attachment: {
        AttachTime: opts.launched,
        AttachmentId: this.id('eni-attach', opts.name),
        DeleteOnTermination: true,
        DeviceIndex: 0,
        NetworkCardIndex: 0,
        InstanceId: instanceId,
        InstanceOwnerId: this.account,
        Status: 'attached',
      },
      AvailabilityZone: subnet.az,
      Description: '',
      Groups: groups,
      InterfaceType: 'interface',
      Ipv6Addresses: [],
      MacAddress: macAddress(eniId),
      NetworkInterfaceId: eniId,
      OwnerId: this.account,
      PrivateDnsName: this.privateDnsName(ip),
      PrivateIpAddress: ip,
      PrivateIpAddresses: [{ Primary: true, PrivateDnsName: this.privateDnsName(ip), PrivateIpAddress: ip }],
      RequesterManaged: false,
      SourceDestCheck: true,
      Status: 'in-use',
      SubnetId: subnet.id,
      TagSet: [],
      VpcId: subnet.vpc.id,
      AvailabilityZoneId: this.azId(subnet.az),
    });
    return instanceId;
  }

  /** Checks invariants, fills derived fields and writes the ten describe-*.json files. */
  finish(outDir: string): void {
    for (const vpc of this.vpcs) {
      const mains = this.routeTables.filter((t) => t.vpc === vpc && t.main);
      if (mains.length !== 1) throw new Error(`VPC ${vpc.name} has ${mains.length} main route tables`);
    }
    for (const subnet of this.subnets) {
      // Addresses in use: everything allocated beyond the five AWS reserves.
      subnet.wire.AvailableIpAddressCount = subnet.range.size - subnet.used.size;
    }
    const region = this.region;
    const files: Record<string, unknown> = {
      'describe-vpcs.json': { Vpcs: this.vpcWires },
      'describe-subnets.json': { Subnets: this.subnets.map((s) => s.wire) },
      'describe-route-tables.json': { RouteTables: this.routeTables.map((t) => t.wire) },
      'describe-internet-gateways.json': { InternetGateways: this.igws },
      'describe-nat-gateways.json': { NatGateways: this.natWires },
      'describe-security-groups.json': { SecurityGroups: this.sgWires },
      'describe-vpc-endpoints.json': { VpcEndpoints: this.endpointWires },
      'describe-network-interfaces.json': { NetworkInterfaces: this.enis },
      'describe-prefix-lists.json': prefixListsFile(region),
      'describe-vpc-endpoint-services.json': servicesFile(this.ids, this.catalog, this.scope, region, this.serviceFilter),
      // DescribeVpcAttribute answers one VPC and attribute per call; fixtures:capture gathers them here.
      'vpc-attributes.json': {
        VpcAttributes: this.vpcs.map((v) => ({
          VpcId: v.id,
          EnableDnsSupport: { Value: true },
          EnableDnsHostnames: { Value: v.dnsHostnames },
        })),
      },
    };
    const dir = join(outDir, region.name);
    mkdirSync(dir, { recursive: true });
    for (const [file, body] of Object.entries(files)) {
      writeFileSync(join(dir, file), `${JSON.stringify(body, null, 4)}\n`);
    }
  }

  summary(): string[] {
    const lines: string[] = [];
    for (const vpc of this.vpcs) {
      const count = <T extends { vpc: VpcRec }>(xs: T[]): number => xs.filter((x) => x.vpc === vpc).length;
      const eps = this.endpoints.filter((e) => e.vpc === vpc && e.state !== 'deleted');
      lines.push(
        `${this.scope}/${this.region.name} ${vpc.name} ${vpc.id}: subnets=${count(this.subnets)} ` +
          `routeTables=${count(this.routeTables)} gatewayEndpoints=${eps.filter((e) => e.type === 'Gateway').length} ` +
          `interfaceEndpoints=${eps.filter((e) => e.type === 'Interface').length} nats=${count(this.nats)}`,
      );
    }
    return lines;
  }
}
