import 'server-only';
import { getEc2Api, type Source } from '@/lib/ec2/backend';
import { readRegion } from '@/lib/ec2/read-region';
import { normalizeTopology, scopeToVpc } from './normalize';
import type { Topology } from './types';

export interface LoadOptions {
  source: Source;
  region: string;
  vpcId?: string;
}

/** Thrown when the region loads but has no VPC with the requested id. */
export class VpcNotFoundError extends Error {
  readonly vpcId: string;
  constructor(vpcId: string, region: string) {
    super(`VPC ${vpcId} was not found in ${region}.`);
    this.name = 'VpcNotFoundError';
    this.vpcId = vpcId;
  }
}

/**
 * Loads a region's topology from a source, normalized to the contract; scoped to one VPC when
 * `vpcId` is given. Throws Ec2Error (the source failed), FixtureError (a fixture file is bad) or
 * VpcNotFoundError.
 */
export async function loadTopology(options: LoadOptions): Promise<Topology> {
  const api = await getEc2Api(options.source, options.region);
  const raw = await readRegion(api);
  const topology = normalizeTopology(raw, { source: options.source, fetchedAt: new Date().toISOString() });
  if (!options.vpcId) return topology;
  if (!topology.vpcs.some((v) => v.id === options.vpcId)) throw new VpcNotFoundError(options.vpcId, options.region);
  return scopeToVpc(topology, options.vpcId);
}
