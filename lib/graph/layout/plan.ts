/** Stages 0 to 3 together: everything decided before ELK runs. */

import type { LayoutInput } from '../layout-key';
import type { Direction } from '../types';
import { arrangeBlocks } from './blocks';
import { groupClusters } from './clusters';
import { buildElkGraphs } from './elk-graph';
import { buildTree } from './tree';
import type { Plan } from './types';

/**
 * Arranges the address plan into blocks and builds ELK's JSON graphs for the rest, one per cluster. Exported for
 * tests that want to inspect what ELK is asked to do.
 */
export function planLayout(graph: LayoutInput, direction: Direction): Plan {
  const tree = buildTree(graph);
  const members = groupClusters(graph, tree);
  const blocks = arrangeBlocks(tree, members, direction);
  const clusters = buildElkGraphs(graph, tree, members, blocks, direction);
  return { tree, clusters, blocks };
}
