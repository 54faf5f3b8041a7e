/**
 * The graph's view state and its query-string form, without the parsing (`view-state.ts`, which needs zod): what
 * the canvas in the browser needs to write its state into the URL. Kept apart so the graph's JavaScript does not
 * carry zod (30 kB gzip).
 */

import { NODE_KINDS, type Direction, type NodeKind } from './types';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface ViewState {
  /** Id of the selected node (an AWS id, or `${vpcId}/${az}` for an AZ). */
  selected: string | null;
  hiddenKinds: NodeKind[];
  hiddenAzs: string[];
  endpointsOnly: boolean;
  search: string;
  direction: Direction;
  /** Null: fit the graph to the screen. */
  viewport: Viewport | null;
  /** The service whose path from the selected subnet is highlighted (`s3`, `ecr.dkr`), or null. */
  path: string | null;
  /** Overview groups (route-table classes, subnet tiers, endpoint classes) drawn as their members, by group id. */
  open: string[];
  /** The canvas covers the window (`f`), so a shared link opens that way too. */
  fullScreen: boolean;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  selected: null,
  hiddenKinds: [],
  hiddenAzs: [],
  endpointsOnly: false,
  search: '',
  direction: 'RIGHT',
  viewport: null,
  path: null,
  open: [],
  fullScreen: false,
};

/** Query-string keys the graph owns. Short, because people paste these links into chats and tickets. */
export const VIEW_STATE_KEYS = {
  selected: 'sel',
  hiddenKinds: 'hide',
  hiddenAzs: 'hideAz',
  endpointsOnly: 'endpoints',
  search: 'q',
  direction: 'dir',
  x: 'x',
  y: 'y',
  zoom: 'zoom',
  path: 'path',
  open: 'open',
  fullScreen: 'full',
} as const;

const OWN_KEYS: ReadonlySet<string> = new Set(Object.values(VIEW_STATE_KEYS));

/** React Flow's zoom range used by the canvas; a URL outside it is clamped by the schema, not trusted. */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;

/**
 * The query-string entries for a view state, in a fixed order, leaving out every value that equals its default
 * so that a fresh view has a short link.
 */
export function serializeViewState(state: ViewState): [string, string][] {
  const K = VIEW_STATE_KEYS;
  const entries: [string, string][] = [];
  if (state.selected) entries.push([K.selected, state.selected]);
  if (state.hiddenKinds.length > 0) {
    // In NODE_KINDS order, so the same filters always make the same link.
    entries.push([K.hiddenKinds, NODE_KINDS.filter((k) => state.hiddenKinds.includes(k)).join(',')]);
  }
  if (state.hiddenAzs.length > 0) entries.push([K.hiddenAzs, [...state.hiddenAzs].sort().join(',')]);
  if (state.endpointsOnly) entries.push([K.endpointsOnly, '1']);
  if (state.search !== '') entries.push([K.search, state.search]);
  if (state.direction !== DEFAULT_VIEW_STATE.direction) entries.push([K.direction, state.direction.toLowerCase()]);
  if (state.path) entries.push([K.path, state.path]);
  // Sorted, so the same groups open always make the same link.
  if (state.open.length > 0) entries.push([K.open, [...state.open].sort().join(',')]);
  if (state.fullScreen) entries.push([K.fullScreen, '1']);
  if (state.viewport) {
    // Whole pixels and three decimals of zoom: finer than anyone can see, short enough to paste.
    entries.push([K.x, String(Math.round(state.viewport.x))]);
    entries.push([K.y, String(Math.round(state.viewport.y))]);
    entries.push([K.zoom, String(Math.round(state.viewport.zoom * 1000) / 1000)]);
  }
  return entries;
}

/**
 * Replaces the view-state keys of an existing query string (`?region=us-east-1&sel=...`) with `state`,
 * keeping every other key and its position. Returns the new search string with its leading `?`, or '' if empty.
 */
export function withViewState(search: string, state: ViewState): string {
  const params = new URLSearchParams(search);
  for (const key of OWN_KEYS) params.delete(key);
  for (const [key, value] of serializeViewState(state)) params.append(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
