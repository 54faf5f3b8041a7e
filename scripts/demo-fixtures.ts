/**
 * Deterministic generator for the embedded fixture data:
 *   fixtures/demo/<region>/describe-*.json     a realistic account (111122223333, us-east-1 + eu-west-1)
 *   fixtures/awkward/us-east-1/describe-*.json a small, tricky set for UI tests
 * Every file is shaped like `aws ec2 describe-<x> --output json` (EC2 API PascalCase, 4-space indent).
 * No randomness: ids, IPs, MACs and timestamps are all derived from names with SHA-256, so a rerun
 * rewrites byte-identical files. Field names are checked against @aws-sdk/client-ec2's model types.
 *
 * Run from anywhere: npx tsx scripts/demo-fixtures.ts
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
} from '../lib/ec2/types';

// ---------------------------------------------------------------------------------------------
// Wire types: the SDK's model types as they appear in CLI JSON. Dates are ISO strings, and enum
// members are widened to string because the wire values differ from some SDK enum spellings
// (the API returns VpcEndpoint State "available" and InterfaceType "nat_gateway", while the SDK's
// enums say "Available" and "natGateway").
// ---------------------------------------------------------------------------------------------
type Wire<T> = T extends Date
  ? string
  : T extends string
    ? string
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

type WVpc = Wire<Vpc>;
type WSubnet = Wire<Subnet>;
type WRouteTable = Wire<RouteTable>;
type WRoute = Wire<Route>;
type WAssociation = Wire<RouteTableAssociation>;
type WInternetGateway = Wire<InternetGateway>;
type WNatGateway = Wire<NatGateway>;
type WSecurityGroup = Wire<SecurityGroup>;
type WIpPermission = Wire<IpPermission>;
type WVpcEndpoint = Wire<VpcEndpoint>;
type WDnsEntry = Wire<NonNullable<VpcEndpoint['DnsEntries']>[number]>;
type WNetworkInterface = Wire<NetworkInterface>;
type WPrefixList = Wire<PrefixList>;
type WServiceDetail = Wire<ServiceDetail>;
type WTag = Wire<Tag>;

const ACCOUNT = '111122223333';
/** The AWS-owned requester shown on interface-endpoint ENIs. */
const VPCE_REQUESTER_ID = '727180483921';
/** The AWS-owned requester shown on NAT gateway ENIs. */
const NAT_REQUESTER_ID = '440350482917';

// ---------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------
function digest(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

function hashInt(seed: string): number {
  return parseInt(digest(seed).slice(0, 8), 16);
}

/** Lower-case base36 characters derived from a seed (DNS suffixes). */
function alnum(seed: string, length: number, upper = false): string {
  const alphabet = upper ? '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' : '0123456789abcdefghijklmnopqrstuvwxyz';
  const hex = digest(`alnum|${seed}`);
  let out = '';
  for (let i = 0; out.length < length; i += 2) {
    const byte = parseInt(hex.slice(i % 64, (i % 64) + 2), 16);
    out += alphabet.charAt(byte % alphabet.length);
  }
  return out;
}

const usedIds = new Set<string>();

/** A real-looking 17-hex-digit resource id (`vpc-0a1b...`), unique across everything generated. */
function newId(prefix: string, seed: string): string {
  const id = `${prefix}-0${digest(`${prefix}|${seed}`).slice(0, 16)}`;
  if (usedIds.has(id)) throw new Error(`duplicate id ${id} (seed ${seed})`);
  usedIds.add(id);
  return id;
}

/** An ISO timestamp somewhere in [from, from + days), chosen by the seed. */
function stamp(seed: string, from: string, days: number): string {
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
function ipToInt(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    throw new Error(`bad IPv4 address ${ip}`);
  }
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

interface Cidr {
  base: number;
  size: number;
}

function parseCidr(cidr: string): Cidr {
  const [ip, bits] = cidr.split('/');
  const prefix = Number(bits);
  if (ip === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new Error(`bad CIDR ${cidr}`);
  const size = 2 ** (32 - prefix);
  const base = ipToInt(ip);
  if (base % size !== 0) throw new Error(`CIDR ${cidr} is not aligned`);
  return { base, size };
}

function cidrContains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  return i.base >= o.base && i.base + i.size <= o.base + o.size;
}

function cidrsOverlap(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x.base < y.base + y.size && y.base < x.base + x.size;
}

// ---------------------------------------------------------------------------------------------
// Static per-region data: AZ ids, hosted zones, AWS-managed prefix lists and the service catalog
// ---------------------------------------------------------------------------------------------
interface RegionInfo {
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

const US_EAST_1: RegionInfo = {
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

const EU_WEST_1: RegionInfo = {
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

interface ServiceSpec {
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

function iface(short: string, opts: Partial<ServiceSpec> = {}): ServiceSpec {
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

const SERVICES: ServiceSpec[] = [
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

function serviceSpec(short: string): ServiceSpec {
  const spec = SERVICES.find((s) => s.short === short);
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
  scope: string,
  region: RegionInfo,
  only?: string[],
): { ServiceNames: string[]; ServiceDetails: WServiceDetail[] } {
  const r = region.name;
  const allAzs = Object.keys(region.azIds);
  const details: WServiceDetail[] = [];
  for (const spec of SERVICES) {
    if (only && !only.includes(spec.short)) continue;
    const serviceName = `com.amazonaws.${r}.${spec.short}`;
    if (spec.gateway) {
      details.push({
        ServiceName: serviceName,
        ServiceId: newId('vpce-svc', `${scope}|${r}|${spec.short}|Gateway`),
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
        ServiceId: newId('vpce-svc', `${scope}|${r}|${spec.short}|Interface`),
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
/** The default policy of an interface endpoint, exactly as AWS returns it (pretty, with ", \n"). */
const INTERFACE_DEFAULT_POLICY =
  '{\n  "Statement": [\n    {\n      "Action": "*", \n      "Effect": "Allow", \n      "Principal": "*", \n      "Resource": "*"\n    }\n  ]\n}';
/** The default policy of a gateway endpoint, as AWS returns it. */
const GATEWAY_DEFAULT_POLICY =
  '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}';

function policy(doc: unknown): string {
  return JSON.stringify(doc);
}

// ---------------------------------------------------------------------------------------------
// Route helpers
// ---------------------------------------------------------------------------------------------
function dest(cidr: string): Pick<WRoute, 'DestinationCidrBlock' | 'DestinationIpv6CidrBlock'> {
  return cidr.includes(':') ? { DestinationIpv6CidrBlock: cidr } : { DestinationCidrBlock: cidr };
}

const routeTo = {
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
function tcpFromCidrs(port: number, cidrs: [string, string?][]): WIpPermission {
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

function tcpFromGroup(port: number, groupId: string, description?: string): WIpPermission {
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

function allTrafficEgress(): WIpPermission {
  return {
    IpProtocol: '-1',
    UserIdGroupPairs: [],
    IpRanges: [{ CidrIp: '0.0.0.0/0' }],
    Ipv6Ranges: [],
    PrefixListIds: [],
  };
}

function tags(name: string | null, extra: Record<string, string> = {}): WTag[] {
  const out: WTag[] = name === null ? [] : [{ Key: 'Name', Value: name }];
  for (const [Key, Value] of Object.entries(extra)) out.push({ Key, Value });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The region builder
// ---------------------------------------------------------------------------------------------
interface VpcRec {
  id: string;
  name: string;
  cidrs: string[];
  ipv6: string | null;
  created: string;
  envTags: Record<string, string>;
}

interface SubnetRec {
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

interface RtbRec {
  id: string;
  name: string;
  vpc: VpcRec;
  main: boolean;
  routes: WRoute[];
  associations: WAssociation[];
  wire: WRouteTable;
}

interface SgRec {
  id: string;
  name: string;
  vpc: VpcRec;
}

interface EndpointRec {
  id: string;
  name: string;
  vpc: VpcRec;
  type: 'Gateway' | 'Interface';
  service: string;
  state: string;
}

interface NatRec {
  id: string;
  name: string;
  vpc: VpcRec;
}

class RegionBuilder {
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

  constructor(
    readonly scope: string,
    readonly region: RegionInfo,
    private readonly serviceFilter?: string[],
  ) {
    this.dhcpOptionsId = this.id('dopt', 'default');
  }

  id(prefix: string, name: string): string {
    return newId(prefix, `${this.scope}|${this.region.name}|${name}`);
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
    };
    this.vpcs.push(rec);
    this.vpcWires.push({
      CidrBlock: primary,
      DhcpOptionsId: this.dhcpOptionsId,
      State: 'available',
      VpcId: rec.id,
      OwnerId: ACCOUNT,
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
    for (const other of this.subnets) {
      if (other.vpc === vpc && cidrsOverlap(other.cidr, opts.cidr)) {
        throw new Error(`subnet ${opts.cidr} overlaps ${other.cidr}`);
      }
    }
    const label = opts.name ?? `default-${opts.az}`;
    const id = this.id('subnet', `${vpc.name}|${label}`);
    const range = parseCidr(opts.cidr);
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
      OwnerId: ACCOUNT,
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
      SubnetArn: `arn:aws:ec2:${this.region.name}:${ACCOUNT}:subnet/${id}`,
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
      OwnerId: ACCOUNT,
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
      OwnerId: ACCOUNT,
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
      IpOwnerId: ACCOUNT,
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
      OwnerId: ACCOUNT,
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
      SecurityGroupArn: `arn:aws:ec2:${this.region.name}:${ACCOUNT}:security-group/${id}`,
      OwnerId: ACCOUNT,
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
          UserIdGroupPairs: [{ UserId: ACCOUNT, GroupId: self }],
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
    const spec = serviceSpec(service);
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
    this.endpointWires.push({
      VpcEndpointId: id,
      VpcEndpointType: 'Gateway',
      VpcId: vpc.id,
      ServiceName: `com.amazonaws.${this.region.name}.${opts.service}`,
      State: 'available',
      PolicyDocument: opts.policy ?? GATEWAY_DEFAULT_POLICY,
      RouteTableIds: opts.routeTables.map((rt) => rt.id),
      SubnetIds: [],
      Groups: [],
      PrivateDnsEnabled: false,
      RequesterManaged: false,
      NetworkInterfaceIds: [],
      DnsEntries: [],
      CreationTimestamp: opts.created,
      Tags: tags(opts.name, vpc.envTags),
      OwnerId: ACCOUNT,
      ServiceRegion: this.region.name,
    });
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
    const spec = serviceSpec(opts.service);
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
        this.enis.push({
          AvailabilityZone: subnet.az,
          Description: `VPC Endpoint Interface ${id}`,
          Groups: groups,
          InterfaceType: 'vpc_endpoint',
          Ipv6Addresses: [],
          MacAddress: macAddress(eniId),
          NetworkInterfaceId: eniId,
          OwnerId: ACCOUNT,
          PrivateDnsName: this.privateDnsName(ip),
          PrivateIpAddress: ip,
          PrivateIpAddresses: [{ Primary: true, PrivateDnsName: this.privateDnsName(ip), PrivateIpAddress: ip }],
          RequesterId: VPCE_REQUESTER_ID,
          RequesterManaged: true,
          SourceDestCheck: true,
          Status: 'in-use',
          SubnetId: subnet.id,
          TagSet: [],
          VpcId: vpc.id,
          AvailabilityZoneId: this.azId(subnet.az),
        });
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
    this.endpointWires.push({
      VpcEndpointId: id,
      VpcEndpointType: 'Interface',
      VpcId: vpc.id,
      ServiceName: `com.amazonaws.${r}.${opts.service}`,
      State: state,
      PolicyDocument: opts.policy ?? INTERFACE_DEFAULT_POLICY,
      RouteTableIds: [],
      SubnetIds: opts.subnets.map((s) => s.id),
      Groups: groups,
      IpAddressType: 'ipv4',
      DnsOptions: { DnsRecordIpType: 'ipv4' },
      PrivateDnsEnabled: privateDns,
      RequesterManaged: false,
      NetworkInterfaceIds: eniIds,
      DnsEntries: dnsEntries,
      CreationTimestamp: opts.created,
      Tags: tags(opts.name, vpc.envTags),
      OwnerId: ACCOUNT,
      ServiceRegion: r,
    });
    return id;
  }

  addInstance(opts: { subnet: SubnetRec; name: string; groups: SgRec[]; launched: string }): string {
    const { subnet } = opts;
    const instanceId = newId('i', `${this.scope}|${this.region.name}|${opts.name}`);
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
        InstanceOwnerId: ACCOUNT,
        Status: 'attached',
      },
      AvailabilityZone: subnet.az,
      Description: '',
      Groups: groups,
      InterfaceType: 'interface',
      Ipv6Addresses: [],
      MacAddress: macAddress(eniId),
      NetworkInterfaceId: eniId,
      OwnerId: ACCOUNT,
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
      'describe-vpc-endpoint-services.json': servicesFile(this.scope, region, this.serviceFilter),
      // DescribeVpcAttribute answers one VPC and attribute per call; fixtures:capture gathers them here.
      // Staging lacks DNS hostnames on purpose: its private-DNS endpoints then resolve nothing.
      'vpc-attributes.json': {
        VpcAttributes: this.vpcWires.map((v) => ({
          VpcId: v.VpcId,
          EnableDnsSupport: { Value: true },
          EnableDnsHostnames: { Value: !(v.Tags ?? []).some((t) => t.Key === 'Name' && t.Value === 'staging') },
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

// ---------------------------------------------------------------------------------------------
// fixtures/demo: us-east-1
// ---------------------------------------------------------------------------------------------
function demoUsEast1(): RegionBuilder {
  const b = new RegionBuilder('demo', US_EAST_1);
  const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;
  const letter = (az: string): string => az.slice(-1);
  const pcxId = b.id('pcx', 'prod<->shared-services');
  const tgwId = b.id('tgw', 'corp-network');

  // --- prod --------------------------------------------------------------------------------
  const prod = b.addVpc({
    name: 'prod',
    cidrs: ['10.0.0.0/16', '100.64.0.0/16'],
    ipv6: '2600:1f18:4a3c:6e00::/56',
    created: '2022-03-14T09:26:53.000Z',
    env: 'prod',
  });
  const prodPublic = AZS.map((az, i) =>
    b.addSubnet({
      vpc: prod,
      name: `prod-public-${letter(az)}`,
      cidr: `10.0.${i}.0/24`,
      az,
      public: true,
      ipv6: `2600:1f18:4a3c:6e0${i}::/64`,
    }),
  );
  const prodApp = AZS.map((az, i) =>
    b.addSubnet({ vpc: prod, name: `prod-app-${letter(az)}`, cidr: `10.0.${16 * (i + 1)}.0/20`, az }),
  );
  const prodData = AZS.map((az, i) =>
    b.addSubnet({ vpc: prod, name: `prod-data-${letter(az)}`, cidr: `10.0.${64 + 4 * i}.0/22`, az }),
  );
  const prodIgw = b.addIgw(prod, 'prod-igw');
  const prodNats = AZS.map((az, i) =>
    b.addNat({
      name: `prod-nat-${letter(az)}`,
      subnet: prodPublic[i] ?? fail('subnet'),
      publicIp: `198.51.100.${10 + i}`,
      created: stamp(`prod-nat-${az}`, '2022-03-14T10:00:00.000Z', 2),
    }),
  );
  b.addRouteTable({ vpc: prod, name: null, main: true });
  b.addRouteTable({
    vpc: prod,
    name: 'prod-public',
    subnets: prodPublic,
    routes: [routeTo.igw('0.0.0.0/0', prodIgw), routeTo.igw('::/0', prodIgw)],
  });
  const prodPrivateRts = AZS.map((az, i) =>
    b.addRouteTable({
      vpc: prod,
      name: `prod-private-${letter(az)}`,
      subnets: [prodApp[i] ?? fail('subnet')],
      routes: [
        routeTo.nat('0.0.0.0/0', prodNats[i] ?? fail('nat')),
        routeTo.pcx('10.2.0.0/16', pcxId),
        routeTo.tgw('172.16.0.0/12', tgwId),
      ],
    }),
  );
  const prodDataRt = b.addRouteTable({
    vpc: prod,
    name: 'prod-data',
    subnets: prodData,
    routes: [routeTo.pcx('10.2.0.0/16', pcxId)],
  });

  b.addDefaultSecurityGroup(prod);
  const prodVpceSg = b.addSecurityGroup({
    vpc: prod,
    name: 'prod-vpce-https',
    description: 'HTTPS from the prod VPC to interface endpoints',
    ingress: () => [tcpFromCidrs(443, [['10.0.0.0/16', 'prod VPC']])],
  });
  const prodVpceOpenSg = b.addSecurityGroup({
    vpc: prod,
    name: 'prod-vpce-ecr-open',
    description: 'ECR endpoint access (temporary)',
    ingress: () => [tcpFromCidrs(443, [['0.0.0.0/0', 'temporary - tighten before audit']])],
  });
  const prodAppSg = b.addSecurityGroup({
    vpc: prod,
    name: 'prod-app',
    description: 'prod application instances',
    ingress: (self) => [
      tcpFromCidrs(8080, prodPublic.map((s): [string, string] => [s.cidr, `ALB in ${s.name}`])),
      tcpFromGroup(8080, self, 'app to app'),
    ],
  });

  const s3ProdPolicy = policy({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProdBucketsOnly',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
        Resource: [
          'arn:aws:s3:::acme-prod-artifacts',
          'arn:aws:s3:::acme-prod-artifacts/*',
          'arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*',
        ],
      },
    ],
  });
  const [rtA, rtB] = prodPrivateRts;
  b.addGatewayEndpoint({
    vpc: prod,
    name: 'prod-s3',
    service: 's3',
    // Deliberately missing prod-private-c.
    routeTables: [rtA ?? fail('rt'), rtB ?? fail('rt'), prodDataRt],
    policy: s3ProdPolicy,
    created: '2022-03-15T13:02:11.000Z',
  });
  b.addGatewayEndpoint({
    vpc: prod,
    name: 'prod-dynamodb',
    service: 'dynamodb',
    routeTables: [prodDataRt],
    created: '2022-06-02T08:41:37.000Z',
  });

  const secretsPolicy = policy({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProdSecretsOnly',
        Effect: 'Allow',
        Principal: '*',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/*`,
      },
    ],
  });
  const prodInterface: { service: string; subnets?: SubnetRec[]; privateDns?: boolean; policy?: string; sg?: SgRec }[] =
    [
      { service: 'ssm' },
      { service: 'ssmmessages' },
      { service: 'ec2messages' },
      { service: 'secretsmanager', policy: secretsPolicy },
      { service: 'logs' },
      // Only in two AZs.
      { service: 'kms', subnets: prodApp.slice(0, 2) },
      // Private DNS off: sts.us-east-1.amazonaws.com still resolves to the public endpoint.
      { service: 'sts', privateDns: false },
      { service: 'ecr.api' },
      // Security group open to the world on 443.
      { service: 'ecr.dkr', sg: prodVpceOpenSg },
    ];
  for (const ep of prodInterface) {
    b.addInterfaceEndpoint({
      vpc: prod,
      name: `prod-${ep.service}`,
      service: ep.service,
      subnets: ep.subnets ?? prodApp,
      groups: [ep.sg ?? prodVpceSg],
      privateDns: ep.privateDns,
      policy: ep.policy,
      created: stamp(`prod-${ep.service}`, '2022-03-16T00:00:00.000Z', 400),
    });
  }
  prodApp.forEach((subnet, i) =>
    b.addInstance({
      subnet,
      name: `prod-api-${i + 1}`,
      groups: [prodAppSg],
      launched: stamp(`prod-api-${i}`, '2024-09-01T00:00:00.000Z', 30),
    }),
  );
  b.addInstance({
    subnet: prodData[0] ?? fail('subnet'),
    name: 'prod-db-proxy-1',
    groups: [prodAppSg],
    launched: '2024-05-20T11:04:09.000Z',
  });

  // --- staging -----------------------------------------------------------------------------
  const staging = b.addVpc({ name: 'staging', cidrs: ['10.1.0.0/16'], created: '2022-05-09T15:12:40.000Z', env: 'staging' });
  const stagingAzs = ['us-east-1a', 'us-east-1b'];
  const stagingPublic = stagingAzs.map((az, i) =>
    b.addSubnet({ vpc: staging, name: `staging-public-${letter(az)}`, cidr: `10.1.${i}.0/24`, az, public: true }),
  );
  const stagingPrivate = stagingAzs.map((az, i) =>
    b.addSubnet({ vpc: staging, name: `staging-private-${letter(az)}`, cidr: `10.1.${16 * (i + 1)}.0/20`, az }),
  );
  const [stagingPrivateA, stagingPrivateB] = stagingPrivate;
  const stagingIgw = b.addIgw(staging, 'staging-igw');
  const stagingNat = b.addNat({
    name: 'staging-nat-a',
    subnet: stagingPublic[0] ?? fail('subnet'),
    publicIp: '198.51.100.20',
    created: '2022-05-09T15:40:02.000Z',
  });
  b.addRouteTable({ vpc: staging, name: null, main: true });
  b.addRouteTable({
    vpc: staging,
    name: 'staging-public',
    subnets: stagingPublic,
    routes: [routeTo.igw('0.0.0.0/0', stagingIgw)],
  });
  // staging-private-b is deliberately NOT associated: it falls back to the main table (local only).
  const stagingPrivateRt = b.addRouteTable({
    vpc: staging,
    name: 'staging-private',
    subnets: [stagingPrivateA ?? fail('subnet')],
    routes: [routeTo.nat('0.0.0.0/0', stagingNat)],
  });
  b.addDefaultSecurityGroup(staging);
  const stagingVpceSg = b.addSecurityGroup({
    vpc: staging,
    name: 'staging-vpce-https',
    description: 'HTTPS from the staging VPC to interface endpoints',
    ingress: () => [tcpFromCidrs(443, [['10.1.0.0/16', 'staging VPC']])],
  });
  const stagingAppSg = b.addSecurityGroup({
    vpc: staging,
    name: 'staging-app',
    description: 'staging application instances',
    ingress: () => [tcpFromCidrs(8080, [['10.1.0.0/16']])],
  });
  b.addGatewayEndpoint({
    vpc: staging,
    name: 'staging-s3',
    service: 's3',
    routeTables: [stagingPrivateRt],
    created: '2022-05-10T09:00:31.000Z',
  });
  b.addInterfaceEndpoint({
    vpc: staging,
    name: 'staging-ssm',
    service: 'ssm',
    subnets: stagingPrivate,
    groups: [stagingVpceSg],
    created: '2022-05-10T09:05:12.000Z',
  });
  b.addInterfaceEndpoint({
    vpc: staging,
    name: 'staging-logs',
    service: 'logs',
    subnets: [stagingPrivateA ?? fail('subnet')],
    groups: [stagingVpceSg],
    created: '2023-01-23T16:47:55.000Z',
  });
  b.addInstance({
    subnet: stagingPrivateA ?? fail('subnet'),
    name: 'staging-api-1',
    groups: [stagingAppSg],
    launched: '2024-10-02T07:31:18.000Z',
  });
  b.addInstance({
    subnet: stagingPrivateB ?? fail('subnet'),
    name: 'staging-worker-1',
    groups: [stagingAppSg],
    launched: '2024-10-02T07:33:40.000Z',
  });

  // --- shared-services ---------------------------------------------------------------------
  const shared = b.addVpc({
    name: 'shared-services',
    cidrs: ['10.2.0.0/16'],
    created: '2022-03-20T12:00:05.000Z',
    env: 'shared',
  });
  const sharedSubnets = ['us-east-1a', 'us-east-1b'].map((az, i) =>
    b.addSubnet({ vpc: shared, name: `shared-private-${letter(az)}`, cidr: `10.2.${16 * i}.0/20`, az }),
  );
  b.addRouteTable({ vpc: shared, name: null, main: true });
  b.addRouteTable({
    vpc: shared,
    name: 'shared-private',
    subnets: sharedSubnets,
    routes: [routeTo.pcx('10.0.0.0/16', pcxId)],
  });
  b.addDefaultSecurityGroup(shared);
  const sharedVpceSg = b.addSecurityGroup({
    vpc: shared,
    name: 'shared-vpce-https',
    description: 'HTTPS to shared-services interface endpoints',
    ingress: () => [
      tcpFromCidrs(443, [
        ['10.2.0.0/16', 'shared-services VPC'],
        ['10.0.0.0/16', 'prod via peering'],
      ]),
    ],
  });
  const sharedToolsSg = b.addSecurityGroup({
    vpc: shared,
    name: 'shared-tools',
    description: 'CI runners and tooling',
    ingress: () => [],
  });
  for (const service of ['sts', 'ecr.api', 'ecr.dkr']) {
    b.addInterfaceEndpoint({
      vpc: shared,
      name: `shared-${service}`,
      service,
      subnets: sharedSubnets,
      groups: [sharedVpceSg],
      created: stamp(`shared-${service}`, '2022-03-21T00:00:00.000Z', 60),
    });
  }
  b.addInstance({
    subnet: sharedSubnets[0] ?? fail('subnet'),
    name: 'shared-ci-runner-1',
    groups: [sharedToolsSg],
    launched: '2024-11-12T18:20:00.000Z',
  });

  // --- default VPC -------------------------------------------------------------------------
  addDefaultVpc(b, '2019-08-01T17:45:12.000Z');
  return b;
}

/** The account's default VPC: 172.31.0.0/16, one /20 per AZ, main table to its own IGW, no tags. */
function addDefaultVpc(b: RegionBuilder, created: string): void {
  const vpc = b.addVpc({ name: 'default', cidrs: ['172.31.0.0/16'], isDefault: true, created });
  Object.keys(b.region.azIds).forEach((az, i) =>
    b.addSubnet({ vpc, name: null, cidr: `172.31.${16 * i}.0/20`, az, public: true, defaultForAz: true }),
  );
  const igw = b.addIgw(vpc, null);
  b.addRouteTable({ vpc, name: null, main: true, routes: [routeTo.igw('0.0.0.0/0', igw)] });
  b.addDefaultSecurityGroup(vpc);
}

// ---------------------------------------------------------------------------------------------
// fixtures/demo: eu-west-1
// ---------------------------------------------------------------------------------------------
function demoEuWest1(): RegionBuilder {
  const b = new RegionBuilder('demo', EU_WEST_1);
  const vpc = b.addVpc({ name: 'eu-prod', cidrs: ['10.10.0.0/16'], created: '2023-02-06T10:15:27.000Z', env: 'prod' });
  const azs = ['eu-west-1a', 'eu-west-1b'];
  const pub = azs.map((az, i) =>
    b.addSubnet({ vpc, name: `eu-prod-public-${az.slice(-1)}`, cidr: `10.10.${i}.0/24`, az, public: true }),
  );
  const priv = azs.map((az, i) =>
    b.addSubnet({ vpc, name: `eu-prod-private-${az.slice(-1)}`, cidr: `10.10.${16 * (i + 1)}.0/20`, az }),
  );
  const igw = b.addIgw(vpc, 'eu-prod-igw');
  const nat = b.addNat({
    name: 'eu-prod-nat-a',
    subnet: pub[0] ?? fail('subnet'),
    publicIp: '203.0.113.10',
    created: '2023-02-06T10:31:45.000Z',
  });
  b.addRouteTable({ vpc, name: null, main: true });
  b.addRouteTable({ vpc, name: 'eu-prod-public', subnets: pub, routes: [routeTo.igw('0.0.0.0/0', igw)] });
  const privRt = b.addRouteTable({
    vpc,
    name: 'eu-prod-private',
    subnets: priv,
    routes: [routeTo.nat('0.0.0.0/0', nat)],
  });
  b.addDefaultSecurityGroup(vpc);
  const vpceSg = b.addSecurityGroup({
    vpc,
    name: 'eu-prod-vpce-https',
    description: 'HTTPS from the eu-prod VPC to interface endpoints',
    ingress: () => [tcpFromCidrs(443, [['10.10.0.0/16', 'eu-prod VPC']])],
  });
  const appSg = b.addSecurityGroup({
    vpc,
    name: 'eu-prod-app',
    description: 'eu-prod application instances',
    ingress: () => [tcpFromCidrs(8080, pub.map((s): [string, string] => [s.cidr, `ALB in ${s.name}`]))],
  });
  b.addGatewayEndpoint({ vpc, name: 'eu-prod-s3', service: 's3', routeTables: [privRt], created: '2023-02-07T08:12:00.000Z' });
  for (const service of ['ssm', 'logs']) {
    b.addInterfaceEndpoint({
      vpc,
      name: `eu-prod-${service}`,
      service,
      subnets: priv,
      groups: [vpceSg],
      created: stamp(`eu-prod-${service}`, '2023-02-07T00:00:00.000Z', 20),
    });
  }
  priv.forEach((subnet, i) =>
    b.addInstance({
      subnet,
      name: `eu-prod-api-${i + 1}`,
      groups: [appSg],
      launched: stamp(`eu-prod-api-${i}`, '2024-08-01T00:00:00.000Z', 30),
    }),
  );
  addDefaultVpc(b, '2019-08-01T17:45:40.000Z');
  return b;
}

// ---------------------------------------------------------------------------------------------
// fixtures/awkward: us-east-1
// ---------------------------------------------------------------------------------------------
function awkwardUsEast1(): RegionBuilder {
  const b = new RegionBuilder('awkward', US_EAST_1, ['s3', 'dynamodb', 'ssm', 'sts']);
  const vpc = b.addVpc({
    name: 'awkward',
    cidrs: ['10.50.0.0/16', '10.51.0.0/16'],
    created: '2024-02-29T23:59:59.000Z',
    env: 'test',
  });
  // On the main table through no explicit association.
  const implicit = b.addSubnet({ vpc, name: 'awkward-implicit-a', cidr: '10.50.1.0/24', az: 'us-east-1a', public: true });
  // Explicitly associated, with a hostile Name tag.
  const hostile = b.addSubnet({ vpc, name: '<img src=x onerror=alert(1)>', cidr: '10.50.2.0/24', az: 'us-east-1b' });
  // In the VPC's second CIDR block.
  const second = b.addSubnet({ vpc, name: 'awkward-second-cidr-b', cidr: '10.51.0.0/24', az: 'us-east-1b' });
  const igw = b.addIgw(vpc, 'awkward-igw');
  b.addRouteTable({ vpc, name: 'awkward-main', main: true, routes: [routeTo.igw('0.0.0.0/0', igw)] });
  // The NAT this default route pointed at has been deleted (and aged out of describe-nat-gateways).
  const deletedNatId = b.id('nat', 'awkward-nat-deleted');
  const privateRt = b.addRouteTable({
    vpc,
    name: 'awkward-private',
    subnets: [hostile, second],
    routes: [routeTo.nat('0.0.0.0/0', deletedNatId, 'blackhole')],
  });
  b.addDefaultSecurityGroup(vpc);
  const vpceSg = b.addSecurityGroup({
    vpc,
    name: 'awkward-vpce',
    description: 'HTTPS to interface endpoints',
    ingress: () => [
      tcpFromCidrs(443, [
        ['10.50.0.0/16', 'first CIDR'],
        ['10.51.0.0/16', 'second CIDR'],
      ]),
    ],
  });
  b.addGatewayEndpoint({ vpc, name: 'awkward-s3', service: 's3', routeTables: [privateRt], created: '2024-03-01T00:00:00.000Z' });
  b.addInterfaceEndpoint({
    vpc,
    name: 'awkward-ssm',
    service: 'ssm',
    subnets: [hostile],
    groups: [vpceSg],
    created: '2024-03-01T00:05:00.000Z',
  });
  // Deleted endpoints linger in DescribeVpcEndpoints for a while; consumers must ignore them.
  b.addInterfaceEndpoint({
    vpc,
    name: 'awkward-sts-deleted',
    service: 'sts',
    subnets: [implicit],
    groups: [vpceSg],
    created: '2024-03-01T00:10:00.000Z',
    state: 'deleted',
  });
  return b;
}

function fail(what: string): never {
  throw new Error(`missing ${what}`);
}

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------
function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const demoDir = join(root, 'fixtures', 'demo');
  const awkwardDir = join(root, 'fixtures', 'awkward');
  rmSync(demoDir, { recursive: true, force: true });
  rmSync(awkwardDir, { recursive: true, force: true });

  const builders: [RegionBuilder, string][] = [
    [demoUsEast1(), demoDir],
    [demoEuWest1(), demoDir],
    [awkwardUsEast1(), awkwardDir],
  ];
  for (const [builder, dir] of builders) {
    builder.finish(dir);
    for (const line of builder.summary()) console.log(line);
  }
}

main();
