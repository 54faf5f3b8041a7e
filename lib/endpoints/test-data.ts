import path from 'node:path';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion, type FixtureRegionData } from '@/lib/ec2/fixture-files';
import { readRegion } from '@/lib/ec2/read-region';
import { normalizeTopology } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import type { EndpointChange } from './modify';
import { toServiceOfferings } from './offerings';
import type { GatewayEndpointInput, InterfaceEndpointInput } from './schemas';
import type { ServiceOffering } from './types';

/** The demo account's fixture files (what ATLAS_FIXTURE_DIR names for tests of the fixture source). */
export const DEMO_FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/demo');

/** The demo account's describe-* data of a region, as the fixture backend is seeded with it; a fresh copy per call. */
export async function demoSeed(region = 'us-east-1'): Promise<FixtureRegionData> {
  return readFixtureRegion(DEMO_FIXTURE_DIR, region);
}

/** A fixture backend on its own copy of `seed` (the demo data by default); close it after the test. */
export async function demoApi(seed?: FixtureRegionData): Promise<FixtureEc2Api> {
  return new FixtureEc2Api(structuredClone(seed ?? (await demoSeed())));
}

/** The demo account's topology and services of a region, for the endpoint rules' unit tests. */
export async function demoRegion(region = 'us-east-1'): Promise<{ topology: Topology; services: ServiceOffering[] }> {
  const data = await demoSeed(region);
  const api = new FixtureEc2Api(structuredClone(data));
  const topology = normalizeTopology(await readRegion(api), { source: 'fixture', fetchedAt: '2026-01-01T00:00:00.000Z' });
  return { topology, services: toServiceOfferings(data.services) };
}

/** Demo ids (fixtures/demo, us-east-1). */
export const IDS = {
  prod: 'vpc-0660179868a527d19',
  staging: 'vpc-0661f838a98aac5f6',
  shared: 'vpc-0a05cda0235155c00',
  defaultVpc: 'vpc-0e0af32d484a4d654',
  sharedMain: 'rtb-0030079b1230b8a04',
  sharedPrivate: 'rtb-0a6d08db41ae6fdc8',
  sharedA: 'subnet-030e4dfb92e4810d3',
  sharedB: 'subnet-023e455e42e35444c',
  sharedHttpsSg: 'sg-0475c53ca851ff653',
  sharedToolsSg: 'sg-0b34a91353e4de020',
  stagingPrivate: 'rtb-0300bcc27e6c8b85e',
  stagingPublic: 'rtb-00ba1e6ee4dd511e8',
  stagingA: 'subnet-07c3b595eb4cd7d38',
  prodAppA: 'subnet-0a6065a856e31401d',
  prodAppB: 'subnet-03ce21eb23529fa47',
  prodAppC: 'subnet-017faca83fb6ad4e7',
  prodDataA: 'subnet-03b4aacbb33a6d5d6',
  prodDataC: 'subnet-0228e66cdfc144864',
  prodPrivateA: 'rtb-07dbb6a23713c8fbb',
  /** prod-vpce-https: the KMS endpoint's group. */
  prodHttpsSg: 'sg-00508616eb284f6b5',
  /** prod-vpce-ecr-open. */
  prodEcrSg: 'sg-084b65076a99de2c0',
  /** prod's KMS interface endpoint: prod-app-a (us-east-1a) and prod-app-b (us-east-1b), group prod-vpce-https. */
  prodKms: 'vpce-00b7208297c48f525',
  prodS3: 'vpce-0775e1b3d7bdb0442',
  stagingS3: 'vpce-01838de3ae080473a',
} as const;

/** A policy that differs from AWS's default, for the KMS endpoint. */
export const KMS_POLICY = '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}]}';

/** A change to prod's KMS endpoint that changes nothing but `over`. */
export function kmsChange(over: Partial<EndpointChange> = {}): EndpointChange {
  return { region: 'us-east-1', endpointId: IDS.prodKms, addSubnetIds: [], removeSubnetIds: [], addSecurityGroupIds: [], removeSecurityGroupIds: [], ...over };
}

/** The S3 gateway service of us-east-1. */
export const S3_SERVICE = 'com.amazonaws.us-east-1.s3';

/** A valid form for an S3 gateway endpoint on shared's two route tables, changed by `over`. */
export function gatewayInput(over: Partial<GatewayEndpointInput> = {}): GatewayEndpointInput {
  return {
    type: 'gateway',
    region: 'us-east-1',
    vpcId: IDS.shared,
    serviceName: S3_SERVICE,
    name: '',
    policy: '',
    clientToken: 't',
    routeTableIds: [IDS.sharedMain, IDS.sharedPrivate],
    ...over,
  };
}

/** A valid form for an SQS interface endpoint in shared's two subnets with its HTTPS group, changed by `over`. */
export function interfaceInput(over: Partial<InterfaceEndpointInput> = {}): InterfaceEndpointInput {
  return {
    type: 'interface',
    region: 'us-east-1',
    vpcId: IDS.shared,
    serviceName: 'com.amazonaws.us-east-1.sqs',
    name: '',
    policy: '',
    clientToken: 't',
    subnetIds: [IDS.sharedA, IDS.sharedB],
    securityGroupIds: [IDS.sharedHttpsSg],
    privateDnsEnabled: true,
    ipAddressType: 'ipv4',
    ...over,
  };
}
