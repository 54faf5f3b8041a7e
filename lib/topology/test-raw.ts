import type { RawRegion } from '@/lib/ec2/api';

/**
 * What normalizeTopology's tests give it: raw lists as EC2 sends them, typed loosely on purpose (a hand-edited file
 * holds anything), on a region with nothing but its VPCs unless a test says otherwise.
 */

/** Lists of a raw region, in any shape. */
export type RawOverrides = { [K in keyof RawRegion]?: unknown };

/** The options every normalize test passes: fixture data, read at a fixed time. */
export const NORMALIZE_OPTS = { source: 'fixture' as const, fetchedAt: '2026-01-01T00:00:00.000Z' };

/** us-east-1 with `vpcs` and empty lists, changed by `over`. */
export function rawRegion(vpcs: readonly unknown[], over: RawOverrides = {}): RawRegion {
  return {
    region: 'us-east-1',
    vpcs,
    vpcDns: {},
    subnets: [],
    routeTables: [],
    vpcEndpoints: [],
    networkInterfaces: [],
    securityGroups: [],
    internetGateways: [],
    natGateways: [],
    prefixLists: [],
    warnings: [],
    ...over,
  } as RawRegion;
}
