import 'server-only';
import { loadTopology } from '@/lib/topology/load';
import type { Source, Topology } from '@/lib/topology/types';
import { getSnapshotStore, type Snapshot } from './store';
import { snapshotViewQuery } from './view';

export interface CreateSnapshotOptions {
  source: Source;
  region: string;
  profile?: string;
  /** The fleet's account (lib/fleet/scope.ts `accountLoad`): read through ATLAS_ORG_ROLE or its fixture folder. */
  account?: string;
  vpcId?: string;
  /** The page's query string (`location.search`). */
  search: string;
  title?: string;
}

/** "prod (vpc-0abc…) in us-east-1", or "All VPCs in us-east-1". */
export function defaultSnapshotTitle(topology: Topology, vpcId: string | undefined, region: string): string {
  const vpc = vpcId ? topology.vpcs.find((v) => v.id === vpcId) : undefined;
  if (!vpc) return `All VPCs in ${region}`;
  return vpc.name && vpc.name !== vpc.id ? `${vpc.name} (${vpc.id}) in ${region}` : `${vpc.id} in ${region}`;
}

/**
 * Freezes what a page shows: loads the topology the page loaded (same source, region, profile and VPC) and
 * stores it with the page's view. Throws what `loadTopology` throws, and the store's SnapshotTooLargeError and
 * SnapshotInputError.
 */
export async function createSnapshot(options: CreateSnapshotOptions): Promise<Snapshot> {
  const topology = await loadTopology({
    source: options.source,
    region: options.region,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.account ? { account: options.account } : {}),
    ...(options.vpcId ? { vpcId: options.vpcId } : {}),
  });
  const title = options.title?.trim() || defaultSnapshotTitle(topology, options.vpcId, options.region);
  return getSnapshotStore().save({
    title,
    region: options.region,
    source: options.source,
    ...(options.vpcId ? { vpcId: options.vpcId } : {}),
    view: snapshotViewQuery(options.search, { profile: options.profile, account: options.account }),
    topology,
  });
}
