/** The layout's constants: which kinds are arranged by hand, the gaps, and ELK's options. */

import type { LayoutOptions } from 'elkjs/lib/elk-api';
import { GROUP_PADDING, NODE_SIZE, type Padding } from '../sizes';
import type { Direction, NodeKind } from '../types';

/** Kinds that belong to a VPC's address plan block and are arranged by hand rather than placed by ELK. */
export const PLAN_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['az', 'subnet', 'natGateway', 'endpointEni', 'interfaceEndpoint']);
export const CHIP_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['natGateway', 'endpointEni']);

/** Space between layers: wide enough for an edge label (`s3 (pl-63a5400a)`) and a few lanes. */
export const LAYER_GAP = 100;
/** Space between VPCs in the region view. */
export const CLUSTER_GAP = 72;
/** The aspect ratio (width / height) the region view aims for: a wide screen minus the toolbar. */
export const TARGET_ASPECT = 2;
/**
 * A layer longer than the address plan times this is wrapped into columns (rows when top to bottom, where a
 * wide row suits a wide screen better).
 */
export const WRAP_FACTOR: Record<Direction, number> = { RIGHT: 1.2, DOWN: 1.6 };
/** The shape (width / height) an AZ grid with many subnets aims for, before the other layers widen it. */
export const GRID_ASPECT: Record<Direction, number> = { RIGHT: 1.2, DOWN: 2 };
/** Gap between the columns of a wrapped layer. */
export const WRAP_GAP = 24;
/** Gap between the nodes of a wrapped or restacked layer (ELK's `spacing.nodeNode`). */
export const STACK_GAP = 14;
/** Margin around the whole picture. */
export const MARGIN = 24;
export const DEFAULT_PADDING: Padding = { top: 16, left: 16, bottom: 16, right: 16 };

/** Inner padding of a group of this kind. */
export function paddingOf(kind: NodeKind): Padding {
  return GROUP_PADDING[kind] ?? DEFAULT_PADDING;
}

// ELK's layered algorithm is deterministic for a given input and seed; the seed is pinned so that an ELK
// default change cannot reshuffle pictures between versions without a test noticing.
export const COMMON_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.randomSeed': '7',
  'elk.spacing.nodeNode': String(STACK_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.spacing.edgeNode': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.spacing.componentComponent': '32',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  // Edges are drawn by the canvas, not by ELK: polyline routing keeps ELK from widening the space between
  // layers into routing channels for hundreds of edges, and is much faster.
  'elk.edgeRouting': 'POLYLINE',
};

/** Options of a VPC's compound node: its padding leaves room for its header, and it is never smaller than a card. */
export function containerOptions(kind: NodeKind, direction: Direction): LayoutOptions {
  const padding = paddingOf(kind);
  const min = NODE_SIZE[kind];
  return {
    ...COMMON_OPTIONS,
    'elk.direction': direction,
    'elk.padding': `[top=${padding.top},left=${padding.left},bottom=${padding.bottom},right=${padding.right}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${min.width}, ${min.height})`,
  };
}
