/**
 * Edge thickness by bytes: each interface endpoint's and NAT gateway's measured bytes as a stroke width, on a log
 * scale (a busy NAT gateway carries a million times what a quiet endpoint does, and both must stay visible).
 * Client-safe: plain data in, plain data out.
 */
import { endpointBytes, natProcessedBytes, type MetricsOk } from './types';

/** The thinnest and thickest strokes, in pixels; an edge of a resource that carried nothing is drawn thinner still. */
export const MIN_WIDTH = 1.5;
export const MAX_WIDTH = 9;
export const IDLE_WIDTH = 0.75;

export interface TrafficWeight {
  bytes: number;
  width: number;
}

/** Per resource id: its bytes over the period (endpoints: BytesProcessed; NAT gateways: bytes in from either side) and the width that draws them. */
export function trafficWeights(metrics: MetricsOk): Map<string, TrafficWeight> {
  const bytes = new Map<string, number>();
  for (const [id, r] of Object.entries(metrics.resources)) {
    const b = r.kind === 'nat-gateway' ? natProcessedBytes(metrics, id) : endpointBytes(metrics, id);
    if (b !== null) bytes.set(id, b);
  }
  const top = Math.log10(1 + Math.max(0, ...bytes.values()));
  const out = new Map<string, TrafficWeight>();
  for (const [id, b] of bytes) {
    const width = b <= 0 ? IDLE_WIDTH : MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (top > 0 ? Math.log10(1 + b) / top : 0);
    out.set(id, { bytes: b, width: Math.round(width * 100) / 100 });
  }
  return out;
}

/**
 * The edges with the width of the metered resource at either end (the route to a NAT gateway, an endpoint's lines
 * to its network interfaces); other edges are returned as they were, and so is the array when no edge changes.
 */
export function weighEdges<E extends { source: string; target: string; style?: object }>(edges: E[], weights: ReadonlyMap<string, TrafficWeight>): E[] {
  if (weights.size === 0) return edges;
  let changed = false;
  const out = edges.map((e) => {
    const w = weights.get(e.source) ?? weights.get(e.target);
    if (!w) return e;
    changed = true;
    return { ...e, style: { ...e.style, strokeWidth: w.width }, data: { ...(e as { data?: object }).data, trafficBytes: w.bytes } } as E;
  });
  return changed ? out : edges;
}
