/**
 * Zod schemas for what a snapshot stores: the topology contract (`lib/topology/types.ts`) and the snapshot
 * around it. A stored row is parsed with these when it is read back, so a row that was damaged on disk, or
 * written by an older build with another shape, is reported as corrupt instead of being drawn half-way.
 */

import { z } from 'zod';
import { awsId, RegionName, VpcId } from '@/lib/aws/ids';
import { UNREAD_LISTS, type Topology } from '@/lib/topology/types';

const Tags = z.record(z.string(), z.string());
const nullableBool = z.boolean().nullable();
// Fields added to the contract after snapshots were first saved default to what an older topology meant.
const strings = z.array(z.string()).default([]);
const nullableString = z.string().nullable().default(null);

const Vpc = z.object({
  id: z.string(),
  name: z.string(),
  cidrBlocks: z.array(z.string()),
  ipv6CidrBlocks: z.array(z.string()),
  isDefault: z.boolean(),
  dnsSupport: nullableBool,
  dnsHostnames: nullableBool,
  state: z.string(),
  ownerId: z.string().nullable(),
  tags: Tags,
});

const Subnet = z.object({
  id: z.string(),
  vpcId: z.string(),
  name: z.string(),
  cidr: z.string(),
  ipv6Cidrs: z.array(z.string()),
  az: z.string(),
  azId: z.string().nullable(),
  routeTableId: z.string().nullable(),
  explicitRouteTable: z.boolean(),
  public: z.boolean(),
  availableIps: z.number().nullable(),
  mapPublicIpOnLaunch: z.boolean(),
  ipv6Native: z.boolean().default(false),
  enableDns64: z.boolean().default(false),
  zoneType: z.string().default('availability-zone'),
  outpostArn: nullableString,
  state: z.string().default('available'),
  tags: Tags,
});

const TARGET_KINDS = ['local', 'igw', 'eigw', 'nat', 'vpce', 'pcx', 'tgw', 'core-network', 'eni', 'instance', 'vgw', 'lgw', 'cagw', 'other'] as const;
const Route = z
  .object({
    destination: z.string(),
    destinationType: z.enum(['ipv4', 'ipv6', 'prefix-list']),
    target: z.string(),
    targetType: z.enum([...TARGET_KINDS, 'blackhole']),
    targetKind: z.enum(TARGET_KINDS).optional(),
    state: z.string(),
    origin: z.string().nullable(),
    propagated: z.boolean().optional(),
  })
  .transform((r) => ({
    ...r,
    targetKind: r.targetKind ?? (r.targetType === 'blackhole' ? 'other' : r.targetType),
    propagated: r.propagated ?? r.origin === 'EnableVgwRoutePropagation',
  }));

const RouteTable = z.object({
  id: z.string(),
  vpcId: z.string(),
  name: z.string(),
  main: z.boolean(),
  subnetIds: z.array(z.string()),
  effectiveSubnetIds: z.array(z.string()),
  gatewayIds: z.array(z.string()),
  routes: z.array(Route),
  tags: Tags,
});

const Endpoint = z.object({
  id: z.string(),
  vpcId: z.string(),
  name: z.string(),
  type: z.string(),
  serviceName: z.string(),
  serviceShortName: z.string(),
  serviceNetworkArn: nullableString,
  resourceConfigurationArn: nullableString,
  serviceRegion: nullableString,
  state: z.string(),
  failureReason: nullableString,
  routeTableIds: z.array(z.string()),
  subnetIds: z.array(z.string()),
  networkInterfaceIds: z.array(z.string()),
  securityGroupIds: z.array(z.string()),
  privateDnsEnabled: z.boolean(),
  policy: z.string().nullable(),
  dnsEntries: z.array(z.object({ dnsName: z.string(), hostedZoneId: z.string().nullable() })),
  dnsOptions: z
    .object({
      dnsRecordIpType: z.string().nullable(),
      privateDnsOnlyForInboundResolverEndpoint: z.boolean().nullable(),
      privateDnsPreference: z.string().nullable(),
      privateDnsSpecifiedDomains: z.array(z.string()),
    })
    .nullable()
    .default(null),
  ipAddressType: z.string().nullable(),
  ipv4Prefixes: strings,
  ipv6Prefixes: strings,
  ownerId: nullableString,
  requesterManaged: z.boolean().default(false),
  createdAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  tags: Tags,
});

const InternetGateway = z.object({ id: z.string(), name: z.string(), vpcIds: z.array(z.string()), tags: Tags });

const NatGateway = z.object({
  id: z.string(),
  name: z.string(),
  vpcId: z.string(),
  subnetId: z.string(),
  availabilityMode: z.string().default('zonal'),
  routeTableId: nullableString,
  state: z.string(),
  connectivityType: z.string(),
  publicIps: z.array(z.string()),
  privateIps: z.array(z.string()),
  addresses: z
    .array(
      z.object({
        publicIp: z.string().nullable(),
        privateIp: z.string().nullable(),
        networkInterfaceId: z.string().nullable(),
        az: z.string().nullable(),
        status: z.string().nullable(),
      }),
    )
    .default([]),
  azs: strings,
  failure: z.object({ code: z.string(), message: z.string() }).nullable().default(null),
  tags: Tags,
});

const EgressOnlyInternetGateway = z.object({ id: z.string(), name: z.string(), vpcIds: z.array(z.string()), tags: Tags });
const CarrierGateway = z.object({ id: z.string(), name: z.string(), vpcId: z.string(), state: z.string(), tags: Tags });
const TransitGatewayAttachment = z.object({
  id: z.string(),
  name: z.string(),
  transitGatewayId: z.string(),
  vpcId: z.string(),
  subnetIds: z.array(z.string()),
  state: z.string(),
  tags: Tags,
});
const Zone = z.object({ name: z.string(), id: z.string().nullable(), zoneType: z.string(), parentZoneName: z.string().nullable() });
const DataWarning = z.object({
  kind: z.enum(['skipped', 'inconsistent', 'left-out', 'unrecognised']),
  vpcId: z.string().nullable(),
  message: z.string(),
  file: z.string().optional(),
  index: z.number().optional(),
});

const SecurityGroupRule = z.object({
  protocol: z.string(),
  fromPort: z.number().nullable(),
  toPort: z.number().nullable(),
  cidrs: z.array(z.string()),
  ipv6Cidrs: z.array(z.string()),
  prefixListIds: z.array(z.string()),
  securityGroupIds: z.array(z.string()),
  description: z.string().nullable(),
});

const SecurityGroup = z.object({
  id: z.string(),
  vpcId: z.string(),
  name: z.string(),
  groupName: z.string(),
  description: z.string(),
  inbound: z.array(SecurityGroupRule),
  outbound: z.array(SecurityGroupRule),
  tags: Tags,
});

const PrefixList = z.object({
  id: z.string(),
  name: z.string(),
  serviceShortName: z.string(),
  cidrs: z.array(z.string()),
  owner: z.enum(['aws', 'customer']).default('aws'),
  entriesKnown: z.boolean().default(true),
  addressFamily: nullableString,
});

const NetworkInterface = z.object({
  id: z.string(),
  vpcId: z.string(),
  subnetId: z.string(),
  az: z.string(),
  description: z.string(),
  interfaceType: z.string(),
  privateIp: z.string().nullable(),
  privateIps: z.array(z.string()),
  securityGroupIds: z.array(z.string()),
  status: z.string(),
  requesterManaged: z.boolean(),
  endpointId: z.string().nullable(),
  tags: Tags,
});

/** The topology contract as a schema. Unknown keys are dropped, so a snapshot renders with today's shape. */
export const TopologySchema = z.object({
  source: z.enum(['fixture', 'live']),
  region: z.string(),
  fetchedAt: z.string(),
  vpcs: z.array(Vpc),
  subnets: z.array(Subnet),
  routeTables: z.array(RouteTable),
  endpoints: z.array(Endpoint),
  internetGateways: z.array(InternetGateway),
  natGateways: z.array(NatGateway),
  securityGroups: z.array(SecurityGroup),
  prefixLists: z.array(PrefixList),
  networkInterfaces: z.array(NetworkInterface),
  egressOnlyInternetGateways: z.array(EgressOnlyInternetGateway).default([]),
  carrierGateways: z.array(CarrierGateway).default([]),
  transitGatewayAttachments: z.array(TransitGatewayAttachment).default([]),
  zones: z.array(Zone).default([]),
  warnings: z.array(z.string()),
  dataWarnings: z.array(DataWarning).default([]),
  unread: z.array(z.enum(UNREAD_LISTS)).optional(),
});

// The schema and the hand-written contract must describe the same shape, both ways.
type Parsed = z.infer<typeof TopologySchema>;
const sameShape: [Parsed extends Topology ? true : false, Topology extends Parsed ? true : false] = [true, true];
void sameShape;

/**
 * A snapshot id: 16 random bytes (128 bits) in base64url are 22 characters. Longer ids are accepted so that
 * the length can grow without breaking old links.
 */
export const SnapshotId = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'id must be a snapshot id such as 3q2-7wAAAAB8bGx4sQ2xXw');
export type SnapshotId = z.infer<typeof SnapshotId>;

export const SnapshotTitle = z
  .string()
  .trim()
  .min(1, 'title must not be empty')
  .max(200, 'title must be at most 200 characters');
export type SnapshotTitle = z.infer<typeof SnapshotTitle>;

/** The query string of the view when it was saved (`sel=...&dir=down`), without the leading `?`. */
export const SnapshotView = z
  .string()
  .max(4000, 'view must be at most 4000 characters')
  .transform((v) => v.replace(/^\?/, ''));


/** A frozen topology and the view it was looked at with. */
export const Snapshot = z.object({
  id: SnapshotId,
  title: SnapshotTitle,
  createdAt: z.iso.datetime(),
  region: RegionName,
  source: z.enum(['fixture', 'live']),
  vpcId: VpcId.optional(),
  view: SnapshotView,
  topology: TopologySchema,
});
export type Snapshot = z.infer<typeof Snapshot>;

/** What the list of snapshots shows: everything but the topology. */
export type SnapshotSummary = Omit<Snapshot, 'topology'> & { sizeBytes: number };

/**
 * What the "Share snapshot" button sends: the scope of the page it is on (the same query parameters the page
 * read) and the page's query string. The server loads the topology itself; the client never sends one.
 */
export const ShareSnapshotInput = z.object({
  region: z.string().max(40),
  source: z.string().max(20).optional(),
  profile: z.string().max(128).optional(),
  /** The fleet's account the page shows (`?account=`), when not the server's default one. */
  account: z.string().max(12).optional(),
  vpcId: awsId('vpc', 'vpcId').optional(),
  /** `window.location.search` of the page. */
  view: z.string().max(4000, 'view must be at most 4000 characters'),
  title: z.string().max(200, 'title must be at most 200 characters').optional(),
});
export type ShareSnapshotInput = z.infer<typeof ShareSnapshotInput>;

/** What "Share snapshot" answers: the short link, or why there is none (field errors by input path). */
export type ShareSnapshotResult =
  | { ok: true; id: string; path: string; title: string }
  | { ok: false; error: string; fieldErrors: Record<string, string>; status?: 401 | 403 };

/** The server action that saves a snapshot; pages hand it to the share toolbar (components never import app/). */
export type ShareSnapshotAction = (input: ShareSnapshotInput) => Promise<ShareSnapshotResult>;
