/**
 * Stage 3: ELK's JSON graph of each cluster. ELK's layered algorithm places everything but the address plan
 * (route tables, then internet gateways and gateway endpoints) inside each VPC, and the route targets outside
 * it, with compound VPC nodes and `elk.hierarchyHandling: INCLUDE_CHILDREN`. Each block is one fixed-size node
 * with one fixed port per subnet or chip that has an edge, so ELK's crossing minimisation lines route tables up
 * with their subnets.
 *
 * Partitions and layer choice constraints are ignored in INCLUDE_CHILDREN hierarchies, so a table or endpoint
 * without edges gets an invisible edge that puts it in its layer.
 */

import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { Box } from '../geometry';
import type { LayoutInput } from '../layout-key';
import type { Direction } from '../types';
import { blockIdOf } from './blocks';
import { COMMON_OPTIONS, PLAN_KINDS, containerOptions } from './options';
import { childrenIn, kindIn, sizeIn } from './tree';
import type { Block, Cluster, ClusterMembers, Tree } from './types';

/** ELK's graph while it is being built: its nodes by id, and what is inside what. */
interface ElkDraft {
  tree: Tree;
  direction: Direction;
  blocks: ReadonlyMap<string, Block>;
  /** The block each hand-arranged node sits in. */
  blockOf: ReadonlyMap<string, Block>;
  nodes: Map<string, ElkNode>;
  /** ELK node id -> the ELK node it is inside. */
  parent: Map<string, string>;
  /** Port id -> the block node that has it. */
  portOwner: Map<string, string>;
}

/** Children of a container that ELK places, plus the container's block if it has one. */
function elkChildren(draft: ElkDraft, container: string | undefined, containerElkId: string, clusterId: string, members: readonly string[]): ElkNode[] {
  const result: ElkNode[] = [];
  const block = draft.blocks.get(blockIdOf(container, clusterId));
  if (block) {
    const node: ElkNode = {
      id: block.id,
      width: block.size.width,
      height: block.size.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: [],
    };
    draft.nodes.set(block.id, node);
    draft.parent.set(block.id, containerElkId);
    result.push(node);
  }
  for (const c of members) {
    const k = kindIn(draft.tree, c);
    if (PLAN_KINDS.has(k)) continue;
    const grandChildren = childrenIn(draft.tree, c);
    const node: ElkNode =
      k === 'vpc' && grandChildren.length > 0
        ? { id: c, layoutOptions: containerOptions(k, draft.direction), children: [] }
        : { id: c, width: sizeIn(draft.tree, c).width, height: sizeIn(draft.tree, c).height };
    draft.nodes.set(c, node);
    draft.parent.set(c, containerElkId);
    if (node.children) node.children = elkChildren(draft, c, c, clusterId, grandChildren);
    result.push(node);
  }
  return result;
}

/** Position of a hand-arranged node inside its block, for port placement. */
function offsetInBlock(block: Block, tree: Tree, id: string): Box | null {
  const box = block.boxes.get(id);
  if (!box) return null;
  const parent = tree.parentOf.get(id);
  if (parent === undefined || !block.boxes.has(parent)) return box;
  const p = offsetInBlock(block, tree, parent);
  return p ? { ...box, x: p.x + box.x, y: p.y + box.y } : box;
}

/**
 * What an edge attaches to in ELK's graph: the node itself, or for a hand-arranged node a port on its block's
 * border beside it, made on first use. Null when ELK has neither.
 */
function endpointFor(draft: ElkDraft, id: string, role: 'source' | 'target'): string | null {
  const block = draft.blockOf.get(id);
  if (block === undefined) return draft.nodes.has(id) ? id : null;
  const node = draft.nodes.get(block.id);
  if (!node) return null;
  const box = offsetInBlock(block, draft.tree, id);
  const size = block.size;
  // Edges leave by the downstream side of the block and arrive by the upstream side.
  const side = draft.direction === 'RIGHT' ? (role === 'source' ? 'EAST' : 'WEST') : role === 'source' ? 'SOUTH' : 'NORTH';
  const portId = `${id}>${side}`;
  if (!draft.portOwner.has(portId)) {
    const along = box ?? { x: 0, y: 0, width: size.width, height: size.height };
    const port: ElkPort =
      side === 'EAST' || side === 'WEST'
        ? { id: portId, width: 1, height: 1, x: side === 'EAST' ? size.width : -1, y: along.y + along.height / 2 }
        : { id: portId, width: 1, height: 1, x: along.x + along.width / 2, y: side === 'SOUTH' ? size.height : -1 };
    port.layoutOptions = { 'elk.port.side': side };
    (node.ports ??= []).push(port);
    draft.portOwner.set(portId, block.id);
  }
  return portId;
}

function ownerOf(draft: ElkDraft, endpoint: string): string {
  return draft.portOwner.get(endpoint) ?? endpoint;
}

function ancestorsInElk(draft: ElkDraft, id: string): string[] {
  const chain: string[] = [];
  for (let p = draft.parent.get(id); p !== undefined; p = draft.parent.get(p)) chain.push(p);
  return chain;
}

function rootOf(draft: ElkDraft, elkId: string): string | undefined {
  const chain = ancestorsInElk(draft, elkId);
  return chain[chain.length - 1];
}

/** Adds an edge to the innermost ELK node holding both ends; skipped where ELK could not route it. */
function addElkEdge(draft: ElkDraft, id: string, source: string, target: string): void {
  const sourceNode = ownerOf(draft, source);
  const targetNode = ownerOf(draft, target);
  if (sourceNode === targetNode) return;
  const sourceChain = [sourceNode, ...ancestorsInElk(draft, sourceNode)];
  const targetChain = new Set([targetNode, ...ancestorsInElk(draft, targetNode)]);
  // ELK cannot route an edge from a group into its own contents, nor between two separate runs.
  if (targetChain.has(sourceNode) || sourceChain.includes(targetNode)) return;
  const lca = sourceChain.find((x) => targetChain.has(x));
  if (lca === undefined) return;
  const container = draft.nodes.get(lca);
  if (!container) return;
  const edge: ElkExtendedEdge = { id, sources: [source], targets: [target] };
  (container.edges ??= []).push(edge);
}

/** ELK's graph for each cluster, with the graph's edges between what ELK places and the blocks' ports. */
export function buildElkGraphs(graph: LayoutInput, tree: Tree, members: readonly ClusterMembers[], blocks: ReadonlyMap<string, Block>, direction: Direction): Cluster[] {
  const blockOf = new Map<string, Block>();
  for (const block of blocks.values()) for (const id of block.boxes.keys()) blockOf.set(id, block);
  const draft: ElkDraft = { tree, direction, blocks, blockOf, nodes: new Map(), parent: new Map(), portOwner: new Map() };

  const clusters: Cluster[] = members.map((cluster) => {
    const rootId = `__root__:${cluster.id}`;
    const root: ElkNode = {
      id: rootId,
      layoutOptions: {
        ...COMMON_OPTIONS,
        'elk.direction': direction,
        'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
        'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      },
      children: [],
    };
    draft.nodes.set(rootId, root);
    root.children = elkChildren(draft, undefined, rootId, cluster.id, cluster.tops);
    return { ...cluster, root };
  });

  const hasIncoming = new Set<string>();
  for (const e of graph.edges) {
    // An edge from outside the address plan into it (a route to a NAT gateway, an ENI, a GWLB or interface
    // endpoint card) runs back against the flow: ELK would break the cycle by putting the route table before the
    // plan, where the wrapped table column then lands on the AZs. React Flow still draws it.
    const sourceBlock = blockOf.get(e.source);
    const targetBlock = blockOf.get(e.target);
    if (targetBlock !== undefined && sourceBlock === undefined) continue;
    if (sourceBlock !== undefined && sourceBlock === targetBlock) continue;
    const source = endpointFor(draft, e.source, 'source');
    const target = endpointFor(draft, e.target, 'target');
    if (source === null || target === null) continue;
    if (rootOf(draft, ownerOf(draft, source)) !== rootOf(draft, ownerOf(draft, target))) continue;
    addElkEdge(draft, e.id, source, target);
    hasIncoming.add(ownerOf(draft, target));
  }

  // A route table no subnet uses (or whose subnets are hidden) and a gateway endpoint on no table have no edge into
  // their layer; an invisible edge puts them there instead of beside the address plan.
  for (const vpc of childrenIn(tree, undefined).filter((t) => kindIn(tree, t) === 'vpc')) {
    const inside = childrenIn(tree, vpc);
    const planId = blockIdOf(vpc, vpc);
    const firstTable = inside.find((c) => kindIn(tree, c) === 'routeTable');
    for (const c of inside) {
      if (PLAN_KINDS.has(kindIn(tree, c)) || hasIncoming.has(c)) continue;
      const from = kindIn(tree, c) === 'routeTable' || firstTable === undefined ? (draft.nodes.has(planId) && blocks.has(planId) ? planId : null) : firstTable;
      if (from !== null && from !== c) addElkEdge(draft, `__layer__:${c}`, from, c);
    }
  }
  return clusters;
}
