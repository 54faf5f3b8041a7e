import 'server-only';
import { analyzeTopology } from '@/lib/analysis/analyze';
import type { Topology } from '@/lib/topology/types';
import { compactAnalysis, type CompactAnalysisOptions, type GraphAnalysis } from './overlay';

// The analysis of a 200-subnet VPC takes about a second; a page is opened, reloaded and shared many times for
// one loaded topology, so the result is kept per topology (a reload of the data changes `fetchedAt`).
const cache = new Map<string, GraphAnalysis>();
const CACHE_LIMIT = 16;

/**
 * The analysis overlay a graph page sends to the canvas: `analyzeTopology` (paths, findings) for the VPC (or the
 * whole topology), compacted. Remembered per loaded topology.
 */
export function analyzeForGraph(topology: Topology, options: { vpcId?: string } & CompactAnalysisOptions = {}): GraphAnalysis {
  const key = [topology.source, topology.region, topology.fetchedAt, options.vpcId ?? '*', topology.vpcs.map((v) => v.id).join(','), topology.subnets.length, topology.endpoints.length, options.maxPaths ?? ''].join('|');
  const hit = cache.get(key);
  if (hit) return hit;
  const analysis = analyzeTopology(topology, options.vpcId ? { vpcId: options.vpcId } : {});
  const result = compactAnalysis(analysis, options.maxPaths === undefined ? {} : { maxPaths: options.maxPaths });
  cache.set(key, result);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return result;
}
