import 'server-only';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RawRegion } from './api';
import { readFixtureText } from './fixture-read';
import type { ServiceDetail } from './types';

/**
 * Reading a directory of `aws ec2 describe-* --output json` files, one folder per region.
 * Every file is parsed with zod; a fault is reported with the file name and the JSON path.
 */

const str = z.string();
const bool = z.boolean();
const int = z.number().int();
const tags = z.array(z.looseObject({ Key: str, Value: str })).optional();

const Vpc = z.looseObject({
  VpcId: str,
  CidrBlock: str.optional(),
  CidrBlockAssociationSet: z.array(z.looseObject({ CidrBlock: str.optional() })).optional(),
  Ipv6CidrBlockAssociationSet: z.array(z.looseObject({ Ipv6CidrBlock: str.optional() })).optional(),
  IsDefault: bool.optional(),
  State: str.optional(),
  Tags: tags,
});
const Subnet = z.looseObject({
  SubnetId: str,
  VpcId: str,
  CidrBlock: str.optional(),
  AvailabilityZone: str.optional(),
  // An IPv6 /64 has 2^64 addresses: more than a JSON number holds as an integer (moto reports it so).
  AvailableIpAddressCount: z.number().nonnegative().optional(),
  MapPublicIpOnLaunch: bool.optional(),
  Tags: tags,
});
const Route = z.looseObject({
  DestinationCidrBlock: str.optional(),
  DestinationIpv6CidrBlock: str.optional(),
  DestinationPrefixListId: str.optional(),
  GatewayId: str.optional(),
  NatGatewayId: str.optional(),
  State: str.optional(),
});
const RouteTable = z.looseObject({
  RouteTableId: str,
  VpcId: str,
  Associations: z
    .array(z.looseObject({ Main: bool.optional(), SubnetId: str.optional(), RouteTableAssociationId: str.optional() }))
    .optional(),
  Routes: z.array(Route).optional(),
  Tags: tags,
});
const VpcEndpoint = z.looseObject({
  VpcEndpointId: str,
  VpcId: str,
  ServiceName: str.optional(),
  VpcEndpointType: str.optional(),
  State: str.optional(),
  RouteTableIds: z.array(str).optional(),
  SubnetIds: z.array(str).optional(),
  NetworkInterfaceIds: z.array(str).optional(),
  Groups: z.array(z.looseObject({ GroupId: str })).optional(),
  PrivateDnsEnabled: bool.optional(),
  PolicyDocument: str.optional(),
  Tags: tags,
});
const NetworkInterface = z.looseObject({
  NetworkInterfaceId: str,
  SubnetId: str.optional(),
  VpcId: str.optional(),
  PrivateIpAddress: str.optional(),
  Groups: z.array(z.looseObject({ GroupId: str.optional() })).optional(),
  TagSet: tags,
});
const IpPermission = z.looseObject({
  IpProtocol: str.optional(),
  FromPort: int.optional(),
  ToPort: int.optional(),
  IpRanges: z.array(z.looseObject({ CidrIp: str.optional() })).optional(),
});
const SecurityGroup = z.looseObject({
  GroupId: str,
  GroupName: str.optional(),
  VpcId: str.optional(),
  IpPermissions: z.array(IpPermission).optional(),
  IpPermissionsEgress: z.array(IpPermission).optional(),
  Tags: tags,
});
const InternetGateway = z.looseObject({
  InternetGatewayId: str,
  Attachments: z.array(z.looseObject({ VpcId: str.optional(), State: str.optional() })).optional(),
  Tags: tags,
});
const NatGateway = z.looseObject({
  NatGatewayId: str,
  VpcId: str.optional(),
  SubnetId: str.optional(),
  State: str.optional(),
  Tags: tags,
});
const PrefixList = z.looseObject({ PrefixListId: str, PrefixListName: str.optional(), Cidrs: z.array(str).optional() });
const ServiceDetailSchema = z.looseObject({
  ServiceName: str,
  ServiceType: z.array(z.looseObject({ ServiceType: str.optional() })).optional(),
  AvailabilityZones: z.array(str).optional(),
});
const VpcAttribute = z.looseObject({
  VpcId: str,
  EnableDnsSupport: z.looseObject({ Value: bool.optional() }).optional(),
  EnableDnsHostnames: z.looseObject({ Value: bool.optional() }).optional(),
});

/** One entry per file: its name, whether a region needs it, and the schema of its content. */
export const FIXTURE_FILES = {
  vpcs: { file: 'describe-vpcs.json', required: true, schema: z.looseObject({ Vpcs: z.array(Vpc) }) },
  subnets: { file: 'describe-subnets.json', required: false, schema: z.looseObject({ Subnets: z.array(Subnet) }) },
  routeTables: {
    file: 'describe-route-tables.json',
    required: false,
    schema: z.looseObject({ RouteTables: z.array(RouteTable) }),
  },
  internetGateways: {
    file: 'describe-internet-gateways.json',
    required: false,
    schema: z.looseObject({ InternetGateways: z.array(InternetGateway) }),
  },
  natGateways: {
    file: 'describe-nat-gateways.json',
    required: false,
    schema: z.looseObject({ NatGateways: z.array(NatGateway) }),
  },
  securityGroups: {
    file: 'describe-security-groups.json',
    required: false,
    schema: z.looseObject({ SecurityGroups: z.array(SecurityGroup) }),
  },
  vpcEndpoints: {
    file: 'describe-vpc-endpoints.json',
    required: false,
    schema: z.looseObject({ VpcEndpoints: z.array(VpcEndpoint) }),
  },
  networkInterfaces: {
    file: 'describe-network-interfaces.json',
    required: false,
    schema: z.looseObject({ NetworkInterfaces: z.array(NetworkInterface) }),
  },
  prefixLists: {
    file: 'describe-prefix-lists.json',
    required: false,
    schema: z.looseObject({ PrefixLists: z.array(PrefixList) }),
  },
  services: {
    file: 'describe-vpc-endpoint-services.json',
    required: false,
    schema: z.looseObject({ ServiceNames: z.array(str).optional(), ServiceDetails: z.array(ServiceDetailSchema).optional() }),
  },
  vpcAttributes: {
    // Not an AWS CLI file: DescribeVpcAttribute answers one VPC and attribute at a time, so
    // fixtures:capture gathers the DNS settings here. Optional; without it DNS settings are unknown.
    file: 'vpc-attributes.json',
    required: false,
    schema: z.looseObject({ VpcAttributes: z.array(VpcAttribute) }),
  },
} as const;

/** A fixture file that could not be read, with the file and the JSON path of the fault. */
export class FixtureError extends Error {
  readonly file: string;
  readonly jsonPath: string;
  constructor(file: string, jsonPath: string, message: string) {
    super(`${file}${jsonPath ? ` at ${jsonPath}` : ''}: ${message}`);
    this.name = 'FixtureError';
    this.file = file;
    this.jsonPath = jsonPath;
  }
}

/** `['Subnets', 3, 'CidrBlock']` -> `$.Subnets[3].CidrBlock`. */
export function jsonPathOf(p: ReadonlyArray<PropertyKey>): string {
  return (
    '$' +
    p
      .map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(String(k)) ? `.${String(k)}` : `[${JSON.stringify(String(k))}]`))
      .join('')
  );
}

export interface FixtureRegionData extends Omit<RawRegion, 'warnings' | 'vpcDns'> {
  services: ServiceDetail[];
  serviceNames: string[];
  vpcAttributes: z.infer<typeof VpcAttribute>[];
}

type Key = keyof typeof FIXTURE_FILES;

/** Parses one fixture file's text; throws FixtureError naming the file and the JSON path. */
export function parseFixtureFile<K extends Key>(key: K, text: string, displayName: string): z.infer<(typeof FIXTURE_FILES)[K]['schema']> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new FixtureError(displayName, '', `not valid JSON (${(err as Error).message})`);
  }
  const parsed = FIXTURE_FILES[key].schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FixtureError(displayName, jsonPathOf(issue?.path ?? []), issue?.message ?? 'invalid');
  }
  return parsed.data as z.infer<(typeof FIXTURE_FILES)[K]['schema']>;
}

/** Region folders under a fixture directory: those that hold a describe-vpcs.json. */
export async function listFixtureRegions(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return [];
  }
  const regions: string[] = [];
  for (const name of entries.sort()) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(name)) continue;
    try {
      await fs.access(path.join(/* turbopackIgnore: true */ dir, name, FIXTURE_FILES.vpcs.file));
      regions.push(name);
    } catch {
      // A folder without describe-vpcs.json is not a region of this fixture.
    }
  }
  return regions;
}

/**
 * Reads `<dir>/<region>/describe-*.json`. A missing optional file means "none of those";
 * a missing describe-vpcs.json or any malformed file throws FixtureError.
 */
export async function readFixtureRegion(dir: string, region: string): Promise<FixtureRegionData> {
  const base = path.join(/* turbopackIgnore: true */ dir, region);
  async function read<K extends Key>(key: K) {
    const { file, required } = FIXTURE_FILES[key];
    const display = `${region}/${file}`;
    let text: string;
    try {
      text = await readFixtureText(dir, path.join(/* turbopackIgnore: true */ base, file));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !required) return undefined;
      throw new FixtureError(display, '', (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file is missing' : (err as Error).message);
    }
    return parseFixtureFile(key, text, display);
  }
  const [vpcs, subnets, routeTables, igws, nats, sgs, vpces, enis, pls, services, attrs] = await Promise.all([
    read('vpcs'),
    read('subnets'),
    read('routeTables'),
    read('internetGateways'),
    read('natGateways'),
    read('securityGroups'),
    read('vpcEndpoints'),
    read('networkInterfaces'),
    read('prefixLists'),
    read('services'),
    read('vpcAttributes'),
  ]);
  // The schemas are loose supersets of the SDK shapes, so the parsed values are SDK values.
  return {
    region,
    vpcs: (vpcs?.Vpcs ?? []) as RawRegion['vpcs'],
    subnets: (subnets?.Subnets ?? []) as RawRegion['subnets'],
    routeTables: (routeTables?.RouteTables ?? []) as RawRegion['routeTables'],
    internetGateways: (igws?.InternetGateways ?? []) as RawRegion['internetGateways'],
    natGateways: (nats?.NatGateways ?? []) as RawRegion['natGateways'],
    securityGroups: (sgs?.SecurityGroups ?? []) as RawRegion['securityGroups'],
    vpcEndpoints: (vpces?.VpcEndpoints ?? []) as RawRegion['vpcEndpoints'],
    networkInterfaces: (enis?.NetworkInterfaces ?? []) as RawRegion['networkInterfaces'],
    prefixLists: (pls?.PrefixLists ?? []) as RawRegion['prefixLists'],
    services: (services?.ServiceDetails ?? []) as ServiceDetail[],
    serviceNames: services?.ServiceNames ?? (services?.ServiceDetails ?? []).map((s) => s.ServiceName),
    vpcAttributes: attrs?.VpcAttributes ?? [],
  };
}
