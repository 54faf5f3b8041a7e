/**
 * Every change a person makes to the graph's view, as actions on the `ViewState` the URL holds. The canvas, the
 * toolbar and the inspector dispatch these; nothing else writes the view.
 */

import type { Direction, NodeKind } from './types';
import type { Viewport, ViewState } from './view-url';

export type ViewAction =
  /** A new initial view from the server (a navigation to the same page with another query). */
  | { type: 'replace'; view: ViewState }
  /** Select a node (null: nothing); a path highlight belongs to the old selection and goes. */
  | { type: 'select'; id: string | null }
  | { type: 'path'; service: string | null }
  | { type: 'search'; text: string }
  | { type: 'direction'; direction: Direction }
  | { type: 'endpointsOnly'; on: boolean }
  | { type: 'toggleKind'; kind: NodeKind }
  | { type: 'toggleAz'; az: string }
  | { type: 'resetFilters' }
  /** Open or close an overview group (a route-table class, a subnet tier, an endpoint class). */
  | { type: 'toggleOpen'; id: string }
  /** Open an overview group (nothing changes when it is open already). */
  | { type: 'openGroup'; id: string }
  /** Close every open overview group. */
  | { type: 'closeAll' }
  /** The canvas over the whole window, or back in the page. */
  | { type: 'fullScreen'; on: boolean }
  /** Where the user panned or zoomed to; null: the whole graph, fitted. */
  | { type: 'viewport'; viewport: Viewport | null };

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** The view after `action`. Selecting what is already selected changes nothing (the same object comes back). */
export function viewReducer(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'replace':
      return action.view;
    case 'select':
      return view.selected === action.id ? view : { ...view, selected: action.id, path: null };
    case 'path':
      return { ...view, path: action.service };
    case 'search':
      return { ...view, search: action.text };
    case 'direction':
      return { ...view, direction: action.direction };
    case 'endpointsOnly':
      return { ...view, endpointsOnly: action.on };
    case 'toggleKind':
      return { ...view, hiddenKinds: toggle(view.hiddenKinds, action.kind) };
    case 'toggleAz':
      return { ...view, hiddenAzs: toggle(view.hiddenAzs, action.az) };
    case 'resetFilters':
      return { ...view, hiddenKinds: [], hiddenAzs: [] };
    case 'toggleOpen':
      return { ...view, open: toggle(view.open, action.id) };
    case 'openGroup':
      return view.open.includes(action.id) ? view : { ...view, open: [...view.open, action.id] };
    case 'closeAll':
      return view.open.length === 0 ? view : { ...view, open: [] };
    case 'fullScreen':
      return view.fullScreen === action.on ? view : { ...view, fullScreen: action.on };
    case 'viewport':
      return { ...view, viewport: action.viewport };
  }
}

/** What Escape undoes, one step per press: the path highlight, then the selection, then the search. */
export function escapeAction(view: ViewState): ViewAction | null {
  if (view.path) return { type: 'path', service: null };
  if (view.selected) return { type: 'select', id: null };
  if (view.search) return { type: 'search', text: '' };
  return null;
}
