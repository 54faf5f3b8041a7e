import 'server-only';
import { analyzeTopology } from '@/lib/analysis/analyze';
import { perTopology } from '@/lib/topology/per-topology';
import type { Topology } from '@/lib/topology/types';
import { compactAnalysis, type CompactAnalysisOptions, type GraphAnalysis } from './overlay';

// A page is opened, reloaded and shared many times for one loaded topology, and `loadTopology` hands out the same
// object while the data is unchanged: the result is kept per topology object (and VPC and path limit), so two
// different topologies can never share an analysis, and a topology's analyses go when it does.
const cache = perTopology<GraphAnalysis>();

/**
 * The analysis overlay a graph page sends to the canvas: `analyzeTopology` (paths, findings) for the VPC (or the
 * whole topology), compacted. Remembered per topology object.
 */
export function analyzeForGraph(topology: Topology, options: { vpcId?: string } & CompactAnalysisOptions = {}): GraphAnalysis {
  return cache.get(topology, `${options.vpcId ?? '*'}|${options.maxPaths ?? ''}`, () => {
    const analysis = analyzeTopology(topology, options.vpcId ? { vpcId: options.vpcId } : {});
    return compactAnalysis(analysis, options.maxPaths === undefined ? {} : { maxPaths: options.maxPaths });
  });
}
