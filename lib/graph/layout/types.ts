/** The shapes the layout stages hand each other, from the graph's tree to the positions React Flow draws. */

import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Box, EdgeRoute } from '../geometry';
import type { Size } from '../sizes';
import type { Direction, NodeKind } from '../types';

/** A node's box. `x`/`y` are relative to its parent's top-left corner, as React Flow expects for subflows. */
export interface PositionedNode {
  id: string;
  kind: NodeKind;
  parentId?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  key: string;
  direction: Direction;
  /** Same order as the input: parents before children. */
  nodes: PositionedNode[];
  /** For each edge id, which side of each end it leaves and enters by, and where it turns. */
  edges: Record<string, EdgeRoute>;
  width: number;
  height: number;
}

/** The graph's nesting. A node whose parent is not in the graph is a top-level node. */
export interface Tree {
  kindOf: ReadonlyMap<string, NodeKind>;
  parentOf: ReadonlyMap<string, string | undefined>;
  /** Children in graph order; `undefined` holds the top-level nodes. */
  childrenOf: ReadonlyMap<string | undefined, readonly string[]>;
  /** Nodes whose size is not their kind's (overview groups). */
  sizeOf: ReadonlyMap<string, Size>;
}

/** The top-level nodes drawn together: one VPC and the outside targets it routes to, or the loose rest. */
export interface ClusterMembers {
  /** The VPC's id, or `LOOSE_CLUSTER`. */
  id: string;
  /** Top-level graph nodes, in graph order. */
  tops: string[];
}

/** One container's address plan (AZ columns, subnets, chips, endpoint cards), arranged by hand. */
export interface Block {
  /** Also the id of the one fixed-size node that stands for it in ELK's graph. */
  id: string;
  /** The VPC (or undefined for the top level) whose address plan this is. */
  container: string | undefined;
  /** Top-level members, positioned relative to the block. */
  members: readonly string[];
  size: Size;
  /** The AZ grid inside the block (relative to it), if any: where ENI edges turn. */
  grid: Box | null;
  /** The band of interface endpoints inside the block, if any. */
  band: Box | null;
  /**
   * Every node of the block and what it holds, each relative to its parent; members relative to the block.
   * Its keys are exactly the nodes this block places.
   */
  boxes: ReadonlyMap<string, Box>;
}

/** One ELK run: a cluster's nodes as ELK's JSON graph. */
export interface Cluster extends ClusterMembers {
  root: ElkNode;
}

export interface Plan {
  tree: Tree;
  clusters: Cluster[];
  blocks: ReadonlyMap<string, Block>;
}

/** Lanes of one VPC along the flow axis, in absolute coordinates: where edges between layers turn. */
export interface Lanes {
  /** Between the address plan and the route tables. */
  planToTables: [number, number] | null;
  /** Between the route tables and the gateways. */
  tablesToGateways: [number, number] | null;
  /** Between the VPC's border and the targets outside it. */
  outside: [number, number] | null;
  /** Across the flow: between the AZ grid and the band of interface endpoints. */
  gridToBand: [number, number] | null;
}

/** Every node's box after ELK and the hand placement, before edges are routed. */
export interface Placed {
  /** Relative to the parent (React Flow's convention), in whole pixels. */
  relative: Map<string, Box>;
  /** By VPC id ('' for the top level). */
  lanes: Map<string, Lanes>;
  width: number;
  height: number;
}
