/**
 * Synthetic accounts for the benchmark (`npm run fixtures:synth`, `npm run bench`): one region of
 * EC2 state at a chosen size, built through the same RegionBuilder as the demo fixtures, so every
 * file is a valid `aws ec2 describe-* --output json` and AWS's rules hold (subnets inside their VPC,
 * one main route table per VPC, one endpoint subnet per AZ, ENI addresses inside their subnets).
 *
 * Deterministic from the seed: the seed picks ids, addresses, which services each VPC has endpoints
 * for, where each endpoint's ENIs sit and a few flags (private DNS, an open security group); the
 * counts come from the size alone.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  EU_WEST_1,
  IdRegistry,
  RegionBuilder,
  SERVICES,
  US_EAST_1,
  alnum,
  digest,
  hashInt,
  iface,
  routeTo,
  stamp,
  tcpFromCidrs,
  type RegionInfo,
  type RtbRec,
  type ServiceSpec,
  type SgRec,
  type SubnetRec,
  type VpcRec,
} from './region-builder';
import { REGION_NAME } from './args';

export const SIZES = ['S', 'M', 'L', 'XL'] as const;
export type Size = (typeof SIZES)[number];

/** The shape of one VPC: how many of each thing it holds. */
export interface VpcShape {
  subnets: number;
  /** Including the main route table. */
  routeTables: number;
  interfaceEndpoints: number;
  /** 0, 1 (S3) or 2 (S3 and DynamoDB). */
  gatewayEndpoints: number;
  natGateways: number;
  /** Availability zones the subnets are spread over, round robin. */
  azs: number;
}

/**
 * One VPC at AWS's default quotas (Amazon VPC quotas page): 200 subnets per VPC, 200 route tables per VPC,
 * 50 interface endpoints per VPC; gateway endpoints exist for S3 and DynamoDB only; one NAT gateway per AZ.
 */
const L_VPC: VpcShape = { subnets: 200, routeTables: 200, interfaceEndpoints: 50, gatewayEndpoints: 2, natGateways: 3, azs: 3 };

/** Sizes of issue 8: S = 1 VPC, 12 subnets; M = 3 VPCs, 150 subnets; L = 1 VPC at quotas; XL = 5 L VPCs. */
export const SIZE_SHAPES: Record<Size, VpcShape[]> = {
  S: [{ subnets: 12, routeTables: 5, interfaceEndpoints: 4, gatewayEndpoints: 1, natGateways: 1, azs: 3 }],
  M: Array.from({ length: 3 }, () => ({ subnets: 50, routeTables: 20, interfaceEndpoints: 10, gatewayEndpoints: 2, natGateways: 3, azs: 3 })),
  L: [L_VPC],
  XL: Array.from({ length: 5 }, () => ({ ...L_VPC })),
};

const VPC_NAMES = ['prod', 'staging', 'shared-services', 'data', 'analytics', 'sandbox', 'edge', 'batch'];
const PRIVATE_TIERS = ['app', 'data', 'svc', 'batch', 'cache', 'ml', 'web', 'ops'];

/**
 * Interface services beyond the demo catalog, so a VPC can hold 50 interface endpoints for 50 different
 * services (AWS allows one private-DNS endpoint per service per VPC). Real service names.
 */
const EXTRA_INTERFACE_SERVICES = [
  'access-analyzer', 'acm-pca', 'airflow.api', 'appconfig', 'application-autoscaling', 'appmesh-envoy-management',
  'aps-workspaces', 'athena', 'autoscaling', 'backup', 'batch', 'cloudformation', 'cloudhsmv2', 'cloudtrail',
  'codeartifact.api', 'codebuild', 'codecommit', 'codedeploy', 'codepipeline', 'comprehend', 'config', 'datasync',
  'ebs', 'ecs', 'ecs-agent', 'ecs-telemetry', 'elasticbeanstalk', 'elasticfilesystem', 'elasticmapreduce',
  'email-smtp', 'emr-containers', 'events', 'glue', 'imagebuilder', 'kinesis-firehose', 'lakeformation',
  'license-manager', 'macie2', 'rds', 'rds-data', 'redshift', 'redshift-data', 'rekognition', 'sagemaker.api',
  'sagemaker.runtime', 'securityhub', 'servicecatalog', 'servicediscovery', 'ssm-contacts', 'ssm-incidents',
  'storagegateway', 'synthetics', 'textract', 'transfer', 'xray',
];

/** The demo catalog plus the extra interface services; dotted names get AWS's reversed vpce label (`api.sagemaker`). */
export const SYNTH_SERVICES: readonly ServiceSpec[] = [
  ...SERVICES,
  ...EXTRA_INTERFACE_SERVICES.map((short) =>
    iface(short, { vpceLabel: short.includes('.') ? short.split('.').reverse().join('.') : short, allAzs: true }),
  ),
];

/** Static data of a region: the demo's for us-east-1 and eu-west-1, derived from the name for any other. */
export function regionInfo(name: string): RegionInfo {
  if (name === US_EAST_1.name) return US_EAST_1;
  if (name === EU_WEST_1.name) return EU_WEST_1;
  if (!REGION_NAME.test(name)) throw new Error(`${name} is not a region name like us-east-1`);
  const parts = name.split('-');
  const abbr = `${parts[0]}${parts.slice(1, -1).map((p) => p.charAt(0)).join('')}${parts[parts.length - 1]}`;
  const azIds: Record<string, string> = {};
  ['a', 'b', 'c'].forEach((letter, i) => (azIds[`${name}${letter}`] = `${abbr}-az${i + 1}`));
  const plId = (service: string) => `pl-${digest(`pl|${name}|${service}`).slice(0, 8)}`;
  return {
    name,
    azIds,
    vpceHostedZoneId: `Z${alnum(`vpce-zone|${name}`, 13, true)}`,
    internalDomain: `${name}.compute.internal`,
    interfaceAzs: Object.keys(azIds),
    prefixLists: [
      { service: 's3', id: plId('s3'), cidrs: ['3.5.0.0/19', '52.216.0.0/15'] },
      { service: 'dynamodb', id: plId('dynamodb'), cidrs: ['52.94.0.0/22'] },
    ],
  };
}

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence on every platform. */
export function seededRandom(seed: string): () => number {
  let a = hashInt(`rng|${seed}`) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: () => number, xs: readonly T[]): T {
  const x = xs[Math.floor(rng() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
}

function shuffled<T>(rng: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface SynthOptions {
  size: Size;
  seed: number;
  region: string;
  /** The VPCs to build instead of the size's own (a fleet varies them); the size still names the scope. */
  shapes?: readonly VpcShape[];
  /** The owning account id; the demo account when absent. */
  account?: string;
}

/** Builds the synthetic region in memory; `finish(dir)` on the result writes the files. */
export function synthRegion(options: SynthOptions): RegionBuilder {
  const region = regionInfo(options.region);
  const b = new RegionBuilder(`synth-${options.account ? `${options.account}-` : ''}${options.size}-${options.seed}`, region, {
    ids: new IdRegistry(),
    catalog: SYNTH_SERVICES,
    ...(options.account ? { account: options.account } : {}),
  });
  const azs = Object.keys(region.azIds).filter((az) => region.interfaceAzs.includes(az));
  // One transit gateway for the region, as a hub-and-spoke account has: some private tables route to it.
  const tgwId = b.id('tgw', 'corp-network');
  let natCount = 0;
  (options.shapes ?? SIZE_SHAPES[options.size]).forEach((shape, index) => {
    const rng = seededRandom(`${options.seed}|${options.size}|${region.name}|${index}`);
    natCount = addSynthVpc(b, rng, shape, index, azs, tgwId, natCount);
  });
  return b;
}

/** Builds and writes `<outDir>/<region>/describe-*.json`, replacing that region folder as a whole. */
export function writeSynth(options: SynthOptions, outDir: string): RegionBuilder {
  const b = synthRegion(options);
  rmSync(join(outDir, options.region), { recursive: true, force: true });
  b.finish(outDir);
  return b;
}

function addSynthVpc(
  b: RegionBuilder,
  rng: () => number,
  shape: VpcShape,
  index: number,
  regionAzs: string[],
  tgwId: string,
  natsSoFar: number,
): number {
  if (shape.subnets > 250) throw new Error('a synthetic VPC holds at most 250 /24 subnets');
  if (shape.routeTables < 3) throw new Error('a synthetic VPC needs at least 3 route tables (main, public, private)');
  const azs = regionAzs.slice(0, shape.azs);
  if (azs.length < shape.azs) throw new Error(`the region offers ${regionAzs.length} AZs, the shape wants ${shape.azs}`);
  const baseName = VPC_NAMES[index % VPC_NAMES.length] ?? 'vpc';
  const name = index < VPC_NAMES.length ? baseName : `${baseName}-${Math.floor(index / VPC_NAMES.length) + 1}`;
  const created = stamp(`${b.scope}|vpc|${index}`, '2021-01-01T00:00:00.000Z', 700);
  const vpc: VpcRec = b.addVpc({ name, cidrs: [`10.${index}.0.0/16`], created, env: name });
  const letter = (az: string) => az.slice(-1);

  // Subnets: round robin over the AZs, a public tier first (at least one per AZ), then private tiers.
  const publicCount = Math.max(shape.azs, Math.ceil((shape.subnets * 0.1) / shape.azs) * shape.azs);
  const subnets: SubnetRec[] = [];
  for (let i = 0; i < shape.subnets; i++) {
    const az = azs[i % azs.length] as string;
    const isPublic = i < publicCount;
    const tier = isPublic ? 'public' : (PRIVATE_TIERS[Math.floor((i - publicCount) / azs.length) % PRIVATE_TIERS.length] as string);
    subnets.push(
      b.addSubnet({ vpc, name: `${name}-${tier}-${String(i + 1).padStart(3, '0')}-${letter(az)}`, cidr: `10.${index}.${i}.0/24`, az, public: isPublic }),
    );
  }
  const publicSubnets = subnets.slice(0, publicCount);
  const privateSubnets = subnets.slice(publicCount);

  const igw = b.addIgw(vpc, `${name}-igw`);
  const nats: { id: string; az: string }[] = [];
  for (let k = 0; k < shape.natGateways; k++) {
    const subnet = publicSubnets[k % publicSubnets.length] as SubnetRec;
    const n = natsSoFar + nats.length;
    if (n >= 240) throw new Error('too many NAT gateways for the 198.51.100.0/24 documentation range');
    nats.push({
      id: b.addNat({ name: `${name}-nat-${k + 1}-${letter(subnet.az)}`, subnet, publicIp: `198.51.100.${10 + n}`, created }),
      az: subnet.az,
    });
  }

  // Route tables: the main one (local only), then public and private ones in proportion to the subnets.
  // The last private subnet stays on the main table (an implicit association, as every real account has).
  b.addRouteTable({ vpc, name: null, main: true });
  const nonMain = shape.routeTables - 1;
  const publicTables = Math.min(publicSubnets.length, Math.max(1, Math.round((nonMain * publicSubnets.length) / shape.subnets)));
  const privateTables = nonMain - publicTables;
  const onMain = privateSubnets.length > 0 ? privateSubnets[privateSubnets.length - 1] : undefined;
  const associated = privateSubnets.filter((s) => s !== onMain);
  const bucket = <T>(items: T[], buckets: number): T[][] => {
    const out: T[][] = Array.from({ length: buckets }, () => []);
    items.forEach((item, i) => out[i % buckets]?.push(item));
    return out;
  };
  bucket(publicSubnets, publicTables).forEach((members, t) =>
    b.addRouteTable({
      vpc,
      name: `${name}-public-${t + 1}`,
      subnets: members,
      routes: [routeTo.igw('0.0.0.0/0', igw)],
    }),
  );
  const privateRts: RtbRec[] = [];
  if (privateTables < 1 && associated.length > 0) throw new Error('no route table left for the private subnets');
  bucket(associated, Math.max(privateTables, 0)).forEach((members, t) => {
    const az = members[0]?.az;
    const nat = nats.find((n) => n.az === az) ?? nats[0];
    const routes = nat ? [routeTo.nat('0.0.0.0/0', nat.id)] : [];
    if (t % 8 === 0) routes.push(routeTo.tgw('172.16.0.0/12', tgwId));
    privateRts.push(b.addRouteTable({ vpc, name: `${name}-private-${t + 1}${az ? `-${letter(az)}` : ''}`, subnets: members, routes }));
  });

  b.addDefaultSecurityGroup(vpc);
  const vpceSg = b.addSecurityGroup({
    vpc,
    name: `${name}-vpce-https`,
    description: `HTTPS from the ${name} VPC to interface endpoints`,
    ingress: () => [tcpFromCidrs(443, [[vpc.cidrs[0] as string, `${name} VPC`]])],
  });
  const openSg = b.addSecurityGroup({
    vpc,
    name: `${name}-vpce-open`,
    description: 'Interface endpoint access (temporary)',
    ingress: () => [tcpFromCidrs(443, [['0.0.0.0/0', 'temporary - tighten before audit']])],
  });
  for (const tier of new Set(privateSubnets.map((s) => s.name.split('-').at(-3) ?? 'app'))) {
    b.addSecurityGroup({
      vpc,
      name: `${name}-${tier}`,
      description: `${name} ${tier} instances`,
      ingress: () => [tcpFromCidrs(8080, [[vpc.cidrs[0] as string]])],
    });
  }

  const gatewayServices = (['s3', 'dynamodb'] as const).slice(0, shape.gatewayEndpoints);
  for (const service of gatewayServices) {
    // S3 on every private table; DynamoDB on every other one (a common half-done rollout).
    const tables = service === 's3' ? privateRts : privateRts.filter((_, t) => t % 2 === 0);
    if (tables.length === 0) continue;
    b.addGatewayEndpoint({ vpc, name: `${name}-${service}-gw`, service, routeTables: tables, created });
  }

  const offered = SYNTH_SERVICES.filter((s) => s.interface && (s.allAzs || azs.every((az) => b.region.interfaceAzs.includes(az))));
  if (offered.length < shape.interfaceEndpoints) throw new Error(`only ${offered.length} interface services to choose from`);
  const services = shuffled(rng, offered.map((s) => s.short)).slice(0, shape.interfaceEndpoints).sort();
  const privateByAz = new Map(azs.map((az) => [az, privateSubnets.filter((s) => s.az === az)]));
  for (const service of services) {
    // One ENI per AZ, each in a private subnet of that AZ chosen by the seed (a public one if the AZ has none).
    const placed = azs.map((az) => {
      const candidates = privateByAz.get(az) ?? [];
      return pick(rng, candidates.length > 0 ? candidates : publicSubnets.filter((s) => s.az === az));
    });
    const groups: SgRec[] = [rng() < 0.05 ? openSg : vpceSg];
    b.addInterfaceEndpoint({
      vpc,
      name: `${name}-${service}`,
      service,
      subnets: placed,
      groups,
      privateDns: rng() >= 0.1,
      created: stamp(`${b.scope}|${name}|${service}`, created, 400),
    });
  }
  return natsSoFar + nats.length;
}

/** What one synthetic region holds, per VPC: for the CLI's summary and the tests. */
export function countsOf(b: RegionBuilder): { vpc: string; subnets: number; routeTables: number; interfaceEndpoints: number; gatewayEndpoints: number; natGateways: number; endpointEnis: number }[] {
  return b.vpcs.map((vpc) => {
    const mine = <T extends { vpc: VpcRec }>(xs: T[]) => xs.filter((x) => x.vpc === vpc).length;
    const endpoints = b.endpoints.filter((e) => e.vpc === vpc);
    return {
      vpc: vpc.id,
      subnets: mine(b.subnets),
      routeTables: mine(b.routeTables),
      interfaceEndpoints: endpoints.filter((e) => e.type === 'Interface').length,
      gatewayEndpoints: endpoints.filter((e) => e.type === 'Gateway').length,
      natGateways: mine(b.nats),
      endpointEnis: b.enis.filter((e) => e.VpcId === vpc.id && e.InterfaceType === 'vpc_endpoint').length,
    };
  });
}
