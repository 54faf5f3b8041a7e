import path from 'node:path';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { readRegion } from '@/lib/ec2/read-region';
import { normalizeTopology } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import { toServiceOfferings } from './services';
import type { ServiceOffering } from './types';

/** The demo account's topology and services of a region, for the endpoint rules' unit tests. */
export async function demoRegion(region = 'us-east-1'): Promise<{ topology: Topology; services: ServiceOffering[] }> {
  const data = await readFixtureRegion(path.resolve(__dirname, '../../fixtures/demo'), region);
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
  prodDataA: 'subnet-03b4aacbb33a6d5d6',
  prodPrivateA: 'rtb-07dbb6a23713c8fbb',
  prodS3: 'vpce-0775e1b3d7bdb0442',
  stagingS3: 'vpce-01838de3ae080473a',
} as const;
