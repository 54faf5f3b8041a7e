/**
 * What an inspector panel is: how to find its resource for an id, and how to draw it. Each node kind has one
 * panel in its own file (`vpc.tsx`, `subnet.tsx`, ...), gathered in `panels.ts`.
 */

import type { ComponentType, ReactNode } from 'react';
import type { SubnetPath } from '@/lib/analysis/paths';
import type { TopologyIndex } from '@/lib/graph/topology-index';
import type { GraphNode } from '@/lib/graph/types';
import type { Select } from './parts';

/** What every panel is given: the selected id and the topology to describe it from. */
export interface InspectorPanelProps {
  id: string;
  /** The selected node when it is in the graph; absent for a resource the graph does not draw. */
  node: GraphNode | undefined;
  /** Every node of the unfiltered graph. */
  nodes: ReadonlyMap<string, GraphNode>;
  index: TopologyIndex;
  /** Ids drawn on the canvas right now; other related ids are still buttons, marked as hidden. */
  visible: ReadonlySet<string>;
  onSelect: Select;
  /** The selected subnet's paths to AWS services (empty for other kinds). */
  paths: SubnetPath[];
  /** False when the page sent no paths (no analysis, or a VPC too large to send them for). */
  pathsAvailable: boolean;
  /** Names of the resources paths pass, by id. */
  pathNames: Record<string, string>;
  /** The service whose path is highlighted on the graph. */
  selectedPath: string | null;
  onSelectPath?: (service: string | null) => void;
}

/** How to find what an id names, for one kind. */
export type FindResource<R> = (id: string, index: TopologyIndex, node: GraphNode | undefined) => R | undefined;

export interface InspectorPanel {
  /** True when `id` is of this panel's kind. */
  describes: (id: string, index: TopologyIndex, node: GraphNode | undefined) => boolean;
  /** The panel's sections; null when `id` is not of this kind. */
  render: (props: InspectorPanelProps) => ReactNode;
}

/** A panel from a lookup and a component that gets the resource found, so the component never sees a miss. */
export function definePanel<R>(find: FindResource<R>, Panel: ComponentType<InspectorPanelProps & { resource: R }>): InspectorPanel {
  return {
    describes: (id, index, node) => find(id, index, node) !== undefined,
    render: (props) => {
      const resource = find(props.id, props.index, props.node);
      return resource === undefined ? null : <Panel {...props} resource={resource} />;
    },
  };
}
