/** What the node and edge conversions of `to-flow.ts` share: their options, their cache, handles and class lists. */

import { Position, type NodeHandle } from '@xyflow/react';
import type { Collapsed } from '@/lib/graph/collapse';
import type { PathHighlight, Related } from '@/lib/graph/highlight';
import type { FindingSummary } from '@/lib/graph/overlay';
import type { EdgeKind, GraphEdge } from '@/lib/graph/types';
import type { AtlasEdge, AtlasNode, DiffMark } from './types';

/** Edge kinds that are hidden unless they matter (see the canvas's thresholds). */
export type QuietEdges = Readonly<Partial<Record<EdgeKind, boolean>>>;

export interface FlowOptions {
  selected: string | null;
  /** What the selection lights up; everything else is dimmed. */
  related: Related | null;
  /** What the hovered node lights up: its edges are shown and lifted, nothing is dimmed. */
  hovered?: Related | null;
  /** A path to highlight: its hops and edges are lit, everything else dimmed. */
  path?: PathHighlight | null;
  /** Search matches; outlined, and when nothing is selected the rest is dimmed a little. */
  matches: ReadonlySet<string>;
  /** Level of detail: AZ contents hidden and their edges redrawn to the AZ. */
  collapsed: Collapsed | null;
  showEdgeLabels: boolean;
  /** Finding badges by node id. */
  findings?: ReadonlyMap<string, FindingSummary>;
  /** Snapshot comparison marks by node id. */
  marks?: ReadonlyMap<string, DiffMark>;
  quiet?: QuietEdges;
}

/** The previous result, kept by the caller between calls so unchanged objects can be handed back. */
export interface FlowCache {
  nodes: Map<string, { key: string; node: AtlasNode }>;
  edges: Map<string, { key: string; edge: AtlasEdge }>;
  /** The graph edge behind each React Flow edge of the last result, and its index there (for `withHovered`). */
  graphEdges: Map<string, GraphEdge>;
  edgeIndex: Map<string, number>;
  /** Hovered versions of edges, kept between hovers. */
  hovered: Map<string, { key: string; edge: AtlasEdge }>;
  data: Map<string, { base: unknown; findings: FindingSummary | undefined; mark: DiffMark | undefined; collapsed: boolean; data: AtlasNode['data'] }>;
}

export function createFlowCache(): FlowCache {
  return { nodes: new Map(), edges: new Map(), graphEdges: new Map(), edgeIndex: new Map(), hovered: new Map(), data: new Map() };
}

/** Zero-thickness handles along each side; React Flow anchors an edge at the middle of the one it names. */
export function sideHandles(width: number, height: number): NodeHandle[] {
  return [
    { id: 'top', type: 'source', position: Position.Top, x: 0, y: 0, width, height: 0 },
    { id: 'right', type: 'source', position: Position.Right, x: width, y: 0, width: 0, height },
    { id: 'bottom', type: 'source', position: Position.Bottom, x: 0, y: height, width, height: 0 },
    { id: 'left', type: 'source', position: Position.Left, x: 0, y: 0, width: 0, height },
  ];
}

// Handles depend only on the size, and most nodes of a kind share one: build each set once.
const handleCache = new Map<string, NodeHandle[]>();
export function handlesFor(width: number, height: number): NodeHandle[] {
  const key = `${width}x${height}`;
  let h = handleCache.get(key);
  if (!h) {
    h = sideHandles(width, height);
    if (handleCache.size > 500) handleCache.clear();
    handleCache.set(key, h);
  }
  return h;
}


export function classes(...names: (string | false | null | undefined)[]): string | undefined {
  const text = names.filter(Boolean).join(' ');
  return text === '' ? undefined : text;
}

/** What of `FlowOptions` the nodes depend on. */
export type NodeFlowOptions = Pick<FlowOptions, 'selected' | 'related' | 'path' | 'matches' | 'collapsed' | 'findings' | 'marks'>;
/** What of `FlowOptions` the edges depend on. */
export type EdgeFlowOptions = Pick<FlowOptions, 'related' | 'hovered' | 'path' | 'collapsed' | 'showEdgeLabels' | 'quiet'>;
