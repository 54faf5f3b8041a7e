/**
 * Deterministic generator for the embedded fixture data:
 *   fixtures/demo/<region>/describe-*.json     a realistic account (111122223333, us-east-1 + eu-west-1)
 *   fixtures/demo/<region>/cloudwatch-metrics.json  its traffic (scripts/lib/demo-metrics.ts)
 *   fixtures/awkward/us-east-1/describe-*.json a small, tricky set for UI tests
 * Every file is shaped like `aws ec2 describe-<x> --output json` (EC2 API PascalCase, 4-space indent).
 * No randomness: ids, IPs, MACs and timestamps are all derived from names with SHA-256, so a rerun
 * rewrites byte-identical files. The builder itself is in `scripts/lib/region-builder.ts`, shared with
 * the synthetic large-account generator (`scripts/synth.ts`).
 * It owns the region folders it writes, nothing else: each is emptied first (a file an older version wrote goes),
 * while what lives beside them stays (fixtures/awkward/eu-west-2 is written by hand: other producers' JSON).
 *
 * Run from anywhere: npx tsx scripts/demo-fixtures.ts [--out <root>]   (default: this repository; writes
 * <root>/fixtures/demo and <root>/fixtures/awkward)
 */
// Must stay the first import: lets the lib modules' `import 'server-only'` load outside Next.
import './allow-server-only';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeDemoMetrics } from './lib/demo-metrics';
import {
  ACCOUNT,
  EU_WEST_1,
  IdRegistry,
  RegionBuilder,
  US_EAST_1,
  policy,
  routeTo,
  stamp,
  tcpFromCidrs,
  tcpFromGroup,
  type SgRec,
  type SubnetRec,
} from './lib/region-builder';

/** One registry for the whole embedded set: ids are unique across demo and awkward, both regions. */
const ids = new IdRegistry();

// ---------------------------------------------------------------------------------------------
// fixtures/demo: us-east-1
// ---------------------------------------------------------------------------------------------
function demoUsEast1(): RegionBuilder {
  const b = new RegionBuilder('demo', US_EAST_1, { ids });
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
  // Staging lacks DNS hostnames on purpose: its private-DNS endpoints then resolve nothing.
  const staging = b.addVpc({
    name: 'staging',
    cidrs: ['10.1.0.0/16'],
    created: '2022-05-09T15:12:40.000Z',
    env: 'staging',
    dnsHostnames: false,
  });
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
  const b = new RegionBuilder('demo', EU_WEST_1, { ids });
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
  const b = new RegionBuilder('awkward', US_EAST_1, { ids, serviceFilter: ['s3', 'dynamodb', 'ssm', 'sts'] });
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
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const root = values.out ? resolve(values.out) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const demoDir = join(root, 'fixtures', 'demo');
  const awkwardDir = join(root, 'fixtures', 'awkward');

  const builders: [RegionBuilder, string][] = [
    [demoUsEast1(), demoDir],
    [demoEuWest1(), demoDir],
    [awkwardUsEast1(), awkwardDir],
  ];
  for (const [builder, dir] of builders) {
    rmSync(join(dir, builder.region.name), { recursive: true, force: true });
    builder.finish(dir);
    for (const line of builder.summary()) console.log(line);
  }
  // The demo's saved CloudWatch answers (issue 16); the awkward set keeps none, as an account without metrics.
  for (const region of [US_EAST_1, EU_WEST_1]) console.log(await writeDemoMetrics(demoDir, region.name));
}

void main();
