import type { Topology } from '@/lib/topology/types';

/** The shapes of a comparison (./index.ts), and what each resource kind's comparison is given. */

export type ChangeKind = 'added' | 'removed' | 'changed';

export type ChangedResource = 'vpc' | 'subnet' | 'association' | 'routeTable' | 'route' | 'endpoint' | 'internetGateway' | 'natGateway';

export interface Change {
  change: ChangeKind;
  resource: ChangedResource;
  /** The changed resource's id; for a route `${routeTableId} ${destination}`, for an association the subnet id. */
  id: string;
  /** The graph node that shows the change: the resource itself, a route's table, an association's subnet. */
  nodeId: string;
  vpcId: string;
  /** One sentence a person can read: "Route 0.0.0.0/0 → nat-1 added to private (rtb-1)". */
  description: string;
  /** For `changed`: what changed, one line per field ("state: pending → available"). */
  details: string[];
}

/** Ids to colour: the `diff` a graph needs. Node ids are AWS ids, as `lib/graph/build.ts` uses them. */
export interface DiffMarks {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface TopologyDiff {
  changes: Change[];
  counts: Record<ChangeKind, number>;
  /** Graph nodes to mark. A node that was added or removed is not also listed as changed. */
  nodes: DiffMarks;
  /**
   * Graph edges to mark, with the ids `buildGraph` gives them: `${subnetId}->${routeTableId}` for associations,
   * `${routeTableId}->${targetId}` for routes.
   */
  edges: DiffMarks;
}

/** Records a change and marks its node, as `markAs` (a route's change marks its table as changed). */
export type Push = (c: Omit<Change, 'details'> & { details?: string[] }, markAs?: ChangeKind) => void;

/** What one resource kind's comparison reads and writes. */
export interface DiffContext {
  /** The older topology (a snapshot). */
  before: Topology;
  /** The newer one (another snapshot, or now). */
  after: Topology;
  push: Push;
  /** Nodes to mark besides a change's own (an endpoint's network interfaces). */
  nodes: Record<ChangeKind, Set<string>>;
  edges: Record<ChangeKind, Set<string>>;
  /** A route table's `name (id)` from either side; 'none' for null. */
  rtName: (id: string | null) => string;
  /** A subnet's `name (id)` from either side. */
  subnetName: (id: string) => string;
}
