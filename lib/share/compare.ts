import 'server-only';
import { loadTopology, VpcNotFoundError } from '@/lib/topology/load';
import { scopeToVpc } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import { diffTopologies, mergeTopologies, type TopologyDiff } from './diff';
import type { Snapshot } from './store';
import { snapshotScope } from './view';

export interface ComparisonSide {
  /** The snapshot, or null for "now". */
  snapshot: Snapshot | null;
  label: string;
  capturedAt: string;
  topology: Topology;
}

export interface Comparison {
  before: ComparisonSide;
  after: ComparisonSide;
  diff: TopologyDiff;
  /** `after` plus what `before` lost: the one topology the graph draws. */
  merged: Topology;
  vpcId?: string;
  notices: string[];
}

/**
 * What the snapshot looks like now: the same source, region, account, profile and VPC, read again. A VPC that is gone is
 * an empty topology (so everything shows as removed), with a notice. Throws what `loadTopology` throws otherwise.
 */
export async function loadNowFor(snapshot: Snapshot): Promise<{ topology: Topology; notices: string[] }> {
  // The account and profile it was taken in: another account of the fleet is read through its role or folder again.
  const scope = { source: snapshot.source, region: snapshot.region, ...snapshotScope(snapshot.view) };
  try {
    const topology = await loadTopology({ ...scope, ...(snapshot.vpcId ? { vpcId: snapshot.vpcId } : {}) });
    return { topology, notices: [] };
  } catch (err) {
    if (!(err instanceof VpcNotFoundError)) throw err;
    const region = await loadTopology(scope);
    return {
      topology: scopeToVpc(region, err.vpcId),
      notices: [`VPC ${err.vpcId} no longer exists in ${snapshot.region}: everything it had shows as removed.`],
    };
  }
}

/**
 * Compares two topologies for the compare page. When the earlier one is of a single VPC, the later one is cut to
 * that VPC too, so a region-wide snapshot can be compared with a VPC one.
 */
export function compareSides(before: ComparisonSide, after: ComparisonSide, notices: string[] = []): Comparison {
  const vpcId = before.snapshot?.vpcId ?? after.snapshot?.vpcId;
  const scope = (t: Topology) => (vpcId && t.vpcs.some((v) => v.id === vpcId) ? scopeToVpc(t, vpcId) : t);
  const a = { ...before, topology: scope(before.topology) };
  const b = { ...after, topology: scope(after.topology) };
  const out: string[] = [...notices];
  if (before.snapshot && after.snapshot && before.snapshot.region !== after.snapshot.region) {
    out.push(`These snapshots are of different regions (${before.snapshot.region} and ${after.snapshot.region}).`);
  }
  return {
    before: a,
    after: b,
    diff: diffTopologies(a.topology, b.topology),
    merged: mergeTopologies(a.topology, b.topology),
    ...(vpcId ? { vpcId } : {}),
    notices: out,
  };
}
