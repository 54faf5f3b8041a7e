'use client';

/**
 * The canvas's view state in a small store that the toolbar and the inspector read with selectors, the way
 * xyflow keeps its canvas state (`packages/react/src/store`): the view itself (selection, filters, search, direction,
 * viewport, path, through `viewReducer`), the search match in focus, and the facts the canvas derives for them
 * (matches, filter options, what the inspector describes). A panel re-renders when its slice changes, not when the
 * canvas does.
 */

import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SubnetPath } from '@/lib/analysis/paths';
import type { GraphFinding } from '@/lib/graph/overlay';
import type { OverviewGroupRef } from '@/lib/graph/overview/graph';
import type { TopologyIndex } from '@/lib/graph/topology-index';
import type { GraphNode, NodeKind } from '@/lib/graph/types';
import { viewReducer, type ViewAction } from '@/lib/graph/view-reducer';
import type { ViewState } from '@/lib/graph/view-url';

/** A kind the user can hide, with how many of it the unfiltered graph has. */
export interface KindOption {
  kind: NodeKind;
  count: number;
}

/** What the inspector describes the selection from. */
export interface InspectorData {
  /** Every node of the unfiltered graph, so a resource hidden by a filter can still be described. */
  nodes: ReadonlyMap<string, GraphNode>;
  index: TopologyIndex;
  /** Ids drawn on the canvas right now; other related ids are still buttons, marked as hidden. */
  visible: ReadonlySet<string>;
  /** A frozen view: no "fix" links. */
  readOnly: boolean;
  /** Every finding of the graph's scope; the panel lists those that name the selected resource. */
  findings: readonly GraphFinding[];
  /** The findings page, linked under the list. */
  findingsHref?: string;
  /** The selected subnet's paths to AWS services (empty for other kinds). */
  paths: SubnetPath[];
  /** False when the page sent no paths (no analysis, or a VPC too large to send them for). */
  pathsAvailable: boolean;
  /** Names of the resources paths pass, by id. */
  pathNames: Record<string, string>;
  /** The service whose path is highlighted on the graph (one of `paths`), or null. */
  selectedPath: string | null;
}

/** The facts the canvas publishes for the panels. */
export interface GraphFacts {
  /** Ids of the nodes the search matches, in graph order. */
  matches: readonly string[];
  kinds: readonly KindOption[];
  /** AZ names the user can hide, sorted. */
  azs: readonly string[];
  /** Null while nothing is selected. */
  inspector: InspectorData | null;
  /** What is inside a closed overview group, by id: the group to open to draw it. */
  holders: ReadonlyMap<string, OverviewGroupRef>;
}

/**
 * How the view moves when the next layout arrives, instead of fitting the whole graph again: `keep` holds a group
 * the user opened or closed where it was on screen (its members take the place of its box, or the box theirs);
 * `centre` moves onto a resource a search or a link into a closed group just opened.
 */
export type CameraIntent =
  | { kind: 'keep'; group: string; members: readonly string[]; at: number; /** The view was the whole graph, fitted. */ whole: boolean }
  | { kind: 'centre'; id: string; at: number };

export interface GraphState extends GraphFacts {
  view: ViewState;
  /** 0-based index of the search match in focus, or -1. */
  matchIndex: number;
}

/** Moves the view onto a node; the canvas registers it (it needs React Flow's viewport). */
export type Centre = (id: string, keepZoom: boolean) => void;

export interface GraphStore {
  getState(): GraphState;
  subscribe(listener: () => void): () => void;
  /** A view action. Selecting something inside a closed overview group opens the group, so what is selected is drawn. */
  dispatch(action: ViewAction): void;
  /** The canvas's derived facts; listeners hear of it only when one of them is a new value. */
  publish(facts: Partial<GraphFacts>): void;
  /** A new search: no match is in focus yet. */
  search(text: string): void;
  /** Enter / Shift+Enter in the search box: select and centre the next / previous match. */
  cycleMatch(step: 1 | -1): void;
  /** Selects a node and moves the view onto it. */
  focusNode(id: string, keepZoom?: boolean): void;
  setCentre(centre: Centre | null): void;
  /** Opens or closes an overview group, keeping it where it is on screen (`members`: what it stands for). */
  toggleGroup(id: string, members: readonly string[]): void;
  /** The camera intent for the layout that arrives next, taken once (null when none, or older than a few seconds). */
  takeCamera(): CameraIntent | null;
}

const NO_IDS: readonly string[] = [];
const NO_KINDS: readonly KindOption[] = [];
const NO_HOLDERS: ReadonlyMap<string, OverviewGroupRef> = new Map();
/** A layout that takes longer than this to arrive is not the one the intent was for (the worker gave up, the view moved on). */
const CAMERA_INTENT_MS = 20_000;

export function createGraphStore(view: ViewState): GraphStore {
  let state: GraphState = { view, matchIndex: -1, matches: NO_IDS, kinds: NO_KINDS, azs: NO_IDS, inspector: null, holders: NO_HOLDERS };
  let centre: Centre | null = null;
  let camera: CameraIntent | null = null;
  const listeners = new Set<() => void>();
  const set = (next: GraphState) => {
    if (next === state) return;
    state = next;
    for (const l of listeners) l();
  };
  const store: GraphStore = {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (action) => {
      let next = viewReducer(state.view, action);
      // However it is selected (search, the inspector, the keyboard, the canvas), a resource inside a closed group is
      // revealed: its group opens (into the link's `open=`), and the view moves onto it once the new layout has it.
      const selected = action.type === 'select' ? action.id : null;
      const holder = selected === null ? undefined : state.holders.get(selected);
      if (holder && selected !== null) {
        camera = { kind: 'centre', id: selected, at: Date.now() };
        next = viewReducer(next, { type: 'openGroup', id: holder.id });
      }
      if (next !== state.view) set({ ...state, view: next });
    },
    publish: (facts) => {
      const changed = (Object.keys(facts) as (keyof GraphFacts)[]).some((k) => facts[k] !== state[k]);
      if (changed) set({ ...state, ...facts });
    },
    search: (text) => set({ ...state, matchIndex: -1, view: viewReducer(state.view, { type: 'search', text }) }),
    cycleMatch: (step) => {
      const { matches, matchIndex } = state;
      if (matches.length === 0) return;
      const next = matchIndex < 0 ? (step === 1 ? 0 : matches.length - 1) : (matchIndex + step + matches.length) % matches.length;
      set({ ...state, matchIndex: next });
      const id = matches[next];
      if (id !== undefined) store.focusNode(id);
    },
    focusNode: (id, keepZoom = false) => {
      // Inside a closed group, the selection opens it and the move waits for the new layout (`dispatch`).
      const held = state.holders.has(id);
      store.dispatch({ type: 'select', id });
      if (!held) centre?.(id, keepZoom);
    },
    setCentre: (next) => {
      centre = next;
    },
    toggleGroup: (id, members) => {
      camera = { kind: 'keep', group: id, members, at: Date.now(), whole: state.view.viewport === null };
      store.dispatch({ type: 'toggleOpen', id });
    },
    takeCamera: () => {
      const intent = camera;
      camera = null;
      return intent && Date.now() - intent.at < CAMERA_INTENT_MS ? intent : null;
    },
  };
  return store;
}

const GraphStoreContext = createContext<GraphStore | null>(null);

/** Holds one store for the life of the canvas, created from the view the page was opened with. */
export function GraphStoreProvider({ initialView, store: given, children }: { initialView: ViewState; store?: GraphStore; children: ReactNode }) {
  const [store] = useState(() => given ?? createGraphStore(initialView));
  return <GraphStoreContext.Provider value={store}>{children}</GraphStoreContext.Provider>;
}

export function useGraphStore(): GraphStore {
  const store = useContext(GraphStoreContext);
  if (!store) throw new Error('useGraphStore outside GraphStoreProvider');
  return store;
}

/** A slice of the store; the component re-renders when the selector's answer changes (compared with `Object.is`). */
export function useGraph<T>(selector: (state: GraphState) => T): T {
  const store = useGraphStore();
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
