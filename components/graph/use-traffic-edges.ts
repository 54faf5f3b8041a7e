'use client';

import { useEffect, useMemo } from 'react';
import { trafficWeights, weighEdges } from '@/lib/metrics/edge-weights';
import type { AtlasEdge } from './types';
import { metricsUrl, publishTrafficStatus, stampTopology, useMetrics, useTrafficView, type TrafficStatus } from './traffic-store';

/**
 * The drawn edges, thickened by the bytes of the interface endpoint or NAT gateway at their end when the traffic
 * view is on. The metrics are read once the first picture is drawn (`drawn`) and never hold it up: the request and
 * the server's answer would otherwise share the CPU with the first render. Until they arrive (or when there are none)
 * the edges are the plain ones.
 */
export function useTrafficEdges(
  edges: AtlasEdge[],
  { fetchedAt, vpcId, readOnly, drawn }: { fetchedAt: string; vpcId: string | undefined; readOnly: boolean; drawn: boolean },
): AtlasEdge[] {
  stampTopology(fetchedAt);
  const { on, period } = useTrafficView();
  const wanted = on && !readOnly && typeof window !== 'undefined';
  const url = wanted && drawn ? metricsUrl(vpcId, period) : null;
  const loaded = useMetrics(url);
  const result = loaded && 'result' in loaded && loaded.result.status === 'ok' ? loaded.result : null;
  const weights = useMemo(() => (result ? trafficWeights(result) : null), [result]);
  const status: TrafficStatus = !wanted
    ? { state: 'off' }
    : !loaded
      ? { state: 'reading' }
      : 'error' in loaded
        ? { state: 'none', message: loaded.error }
        : loaded.result.status === 'ok'
          ? { state: 'drawn', origin: loaded.result.origin, end: loaded.result.end }
          : { state: 'none', message: loaded.result.message };
  // Published by value: a new object with the same status is no change for the toolbar.
  const statusKey = JSON.stringify(status);
  useEffect(() => publishTrafficStatus(JSON.parse(statusKey) as TrafficStatus), [statusKey]);
  return useMemo(() => (weights ? weighEdges(edges, weights) : edges), [edges, weights]);
}
