import 'server-only';
import { analyzeTopology } from '@/lib/analysis/analyze';
import type { ServiceZones } from '@/lib/analysis/findings';
import { perTopology } from '@/lib/topology/per-topology';
import type { Topology } from '@/lib/topology/types';
import { compactAnalysis, type CompactAnalysisOptions, type GraphAnalysis } from './overlay';

// A page is opened, reloaded and shared many times for one loaded topology, and `loadTopology` hands out the same
// object while the data is unchanged: the result is kept per topology object (and VPC and path limit), so two
// different topologies can never share an analysis, and a topology's analyses go when it does. The service zones
// are read per region and cached for as long as the topology is, so their presence is enough of a key.
const cache = perTopology<GraphAnalysis>();

/**
 * The analysis overlay a graph page sends to the canvas: `analyzeTopology` (paths, findings) for the VPC (or the
 * whole topology), compacted; with `serviceZones`, AZ coverage counts the zones each service is offered in, as the
 * findings page does. Remembered per topology object.
 */
export function analyzeForGraph(topology: Topology, options: { vpcId?: string; serviceZones?: ServiceZones } & CompactAnalysisOptions = {}): GraphAnalysis {
  return cache.get(topology, `${options.vpcId ?? '*'}|${options.maxPaths ?? ''}|${options.serviceZones ? 'zones' : ''}`, () => {
    const analysis = analyzeTopology(topology, {
      ...(options.vpcId ? { vpcId: options.vpcId } : {}),
      ...(options.serviceZones ? { serviceZones: options.serviceZones } : {}),
    });
    return compactAnalysis(analysis, options.maxPaths === undefined ? {} : { maxPaths: options.maxPaths });
  });
}
