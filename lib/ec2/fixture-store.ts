import 'server-only';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '@/lib/fs/atomic';
import type { FixtureRegionData } from './fixture-files';
import { FixtureError } from './fixture-files';

/**
 * Persistence of the fixture backend's state, so what a form created survives a restart.
 * One JSON file per fixture directory and region:
 *
 *     <ATLAS_DATA_DIR>/fixture-state/<hash of the fixture dir>/<region>.json
 *
 * Writes are atomic (`writeFileAtomic`): a reader sees the old state or the new one, never half of either.
 */

/** A ClientToken CreateVpcEndpoint has seen, with what it was used for. */
export interface ClientTokenRecord {
  /** Canonical JSON of the request's parameters (without ClientToken and DryRun). */
  params: string;
  endpointId: string;
}

/** What one persisted region holds besides the EC2 state. */
export interface FixtureWriteMeta {
  clientTokens: Record<string, ClientTokenRecord>;
  /** Interface endpoints still `pending`, with the time (ISO) they become `available`. */
  pendingUntil: Record<string, string>;
}

export interface PersistedFixtureState {
  version: 1;
  region: string;
  fixtureDir: string;
  savedAt: string;
  state: FixtureRegionData;
  meta: FixtureWriteMeta;
}

const PersistedSchema = z.object({
  version: z.literal(1),
  region: z.string(),
  fixtureDir: z.string(),
  savedAt: z.string(),
  state: z.looseObject({
    region: z.string(),
    vpcs: z.array(z.unknown()),
    subnets: z.array(z.unknown()),
    routeTables: z.array(z.unknown()),
    vpcEndpoints: z.array(z.unknown()),
    networkInterfaces: z.array(z.unknown()),
    securityGroups: z.array(z.unknown()),
    internetGateways: z.array(z.unknown()),
    natGateways: z.array(z.unknown()),
    prefixLists: z.array(z.unknown()),
    // Lists added later: a state saved before them has none.
    egressOnlyInternetGateways: z.array(z.unknown()).optional(),
    carrierGateways: z.array(z.unknown()).optional(),
    transitGatewayVpcAttachments: z.array(z.unknown()).optional(),
    availabilityZones: z.array(z.unknown()).optional(),
    managedPrefixLists: z.array(z.unknown()).optional(),
    services: z.array(z.unknown()),
    serviceNames: z.array(z.string()),
    vpcAttributes: z.array(z.unknown()),
  }),
  meta: z.object({
    clientTokens: z.record(z.string(), z.object({ params: z.string(), endpointId: z.string() })),
    pendingUntil: z.record(z.string(), z.string()),
  }),
});

/** The folder that holds the persisted regions of one fixture directory. */
export function fixtureStateDir(dataDir: string, fixtureDir: string): string {
  const hash = createHash('sha256').update(path.resolve(/* turbopackIgnore: true */ fixtureDir)).digest('hex').slice(0, 16);
  return path.join(/* turbopackIgnore: true */ dataDir, 'fixture-state', hash);
}

/** The file that holds one region's persisted state. */
export function fixtureStatePath(dataDir: string, fixtureDir: string, region: string): string {
  return path.join(/* turbopackIgnore: true */ fixtureStateDir(dataDir, fixtureDir), `${region}.json`);
}

/**
 * Reads a region's persisted state; null when nothing was saved yet. A file that exists but cannot be
 * read back throws FixtureError naming it, so the page says what to do (reset the demo data).
 */
export async function loadFixtureState(dataDir: string, fixtureDir: string, region: string): Promise<PersistedFixtureState | null> {
  const file = fixtureStatePath(dataDir, fixtureDir, region);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new FixtureError(file, '', `saved demo state could not be read (${(err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FixtureError(file, '', 'saved demo state is not valid JSON; use Reset demo data (/settings) to start again from the fixtures');
  }
  const parsed = PersistedSchema.safeParse(json);
  if (!parsed.success || parsed.data.region !== region) {
    throw new FixtureError(file, '', 'saved demo state has an unexpected shape; use Reset demo data (/settings) to start again from the fixtures');
  }
  return parsed.data as unknown as PersistedFixtureState;
}

/** Saves one region's state and write bookkeeping atomically. */
export async function saveFixtureState(
  dataDir: string,
  fixtureDir: string,
  region: string,
  state: FixtureRegionData,
  meta: FixtureWriteMeta,
): Promise<void> {
  const payload: PersistedFixtureState = {
    version: 1,
    region,
    fixtureDir: path.resolve(/* turbopackIgnore: true */ fixtureDir),
    savedAt: new Date().toISOString(),
    state,
    meta,
  };
  await writeFileAtomic(fixtureStatePath(dataDir, fixtureDir, region), JSON.stringify(payload, null, 1) + '\n');
}

/** Deletes the persisted state of one region, or of every region of the fixture directory. */
export async function deleteFixtureState(dataDir: string, fixtureDir: string, region?: string): Promise<void> {
  if (region) await fs.rm(fixtureStatePath(dataDir, fixtureDir, region), { force: true });
  else await fs.rm(fixtureStateDir(dataDir, fixtureDir), { recursive: true, force: true });
}
