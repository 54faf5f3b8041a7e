'use client';

import { useEffect, useMemo, useState } from 'react';
import type { SubnetPath } from '@/lib/analysis/paths';
import type { indexPaths } from '@/lib/graph/overlay';
import type { TopologyIndex } from '@/lib/graph/topology-index';
import type { GraphNode } from '@/lib/graph/types';
import type { Topology } from '@/lib/topology/types';

const NO_PATHS: SubnetPath[] = [];

export interface SelectedSubnetPaths {
  /** The selected node when it is a subnet. */
  subnetId: string | null;
  paths: SubnetPath[];
  /** The paths are known (sent by the page or resolved here), even if there are none. */
  available: boolean;
  /** The path of the service `path` names, when the selected subnet has one. */
  active: SubnetPath | null;
  /** Names of the resources the paths pass, by id. */
  names: Record<string, string>;
}

/**
 * The selected subnet's paths to AWS services: from the server's analysis, or, when the page sent none (a snapshot,
 * a VPC too large to send every path for), resolved here for that one subnet, off the first render.
 */
export function useSubnetPaths(
  topology: Topology,
  nodes: ReadonlyMap<string, GraphNode>,
  selected: string | null,
  sent: ReturnType<typeof indexPaths>,
  service: string | null,
  index: TopologyIndex | null,
): SelectedSubnetPaths {
  const subnetId = selected && nodes.get(selected)?.kind === 'subnet' ? selected : null;
  const [resolved, setResolved] = useState<{ subnetId: string; paths: SubnetPath[] } | null>(null);
  useEffect(() => {
    if (!subnetId || sent.has(subnetId)) return;
    let cancelled = false;
    void import('@/lib/analysis/paths').then(({ resolvePath, servicesOfInterest }) => {
      const subnet = topology.subnets.find((s) => s.id === subnetId);
      if (cancelled || !subnet) return;
      const list = servicesOfInterest(topology, subnet.vpcId).map((s) => resolvePath(topology, subnet.id, s));
      setResolved({ subnetId: subnet.id, paths: list });
    });
    return () => {
      cancelled = true;
    };
  }, [subnetId, sent, topology]);
  const paths = useMemo(() => {
    if (!subnetId) return NO_PATHS;
    if (sent.has(subnetId)) return sent.of(subnetId);
    return resolved?.subnetId === subnetId ? resolved.paths : NO_PATHS;
  }, [sent, subnetId, resolved]);
  const active = useMemo(() => paths.find((p) => p.service === service) ?? null, [paths, service]);
  const names = useMemo(() => {
    if (!index || paths.length === 0) return {};
    const result: Record<string, string> = {};
    for (const p of paths) {
      for (const hop of p.hops) {
        const named = index.subnets.get(hop) ?? index.routeTables.get(hop) ?? index.endpoints.get(hop) ?? index.natGateways.get(hop) ?? index.internetGateways.get(hop);
        if (named?.name) result[hop] = named.name;
        else if (index.networkInterfaces.get(hop)?.privateIp) result[hop] = `ENI ${index.networkInterfaces.get(hop)?.privateIp}`;
      }
    }
    return result;
  }, [index, paths]);
  const available = subnetId !== null && (sent.has(subnetId) || resolved?.subnetId === subnetId);
  // One object while nothing changes: the inspector's data is rebuilt (and the inspector re-rendered) only then.
  return useMemo(() => ({ subnetId, paths, available, active, names }), [subnetId, paths, available, active, names]);
}
