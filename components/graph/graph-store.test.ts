import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW_STATE } from '@/lib/graph/view-url';
import { createGraphStore } from './graph-store';

describe('the graph store', () => {
  it('applies view actions and tells its listeners, but not for an action that changes nothing', () => {
    const store = createGraphStore(DEFAULT_VIEW_STATE);
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'select', id: 'subnet-1' });
    expect(store.getState().view.selected).toBe('subnet-1');
    expect(listener).toHaveBeenCalledTimes(1);
    store.dispatch({ type: 'select', id: 'subnet-1' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('tells listeners about published facts only when one is a new value', () => {
    const store = createGraphStore(DEFAULT_VIEW_STATE);
    const matches = ['a', 'b'];
    const listener = vi.fn();
    store.subscribe(listener);
    store.publish({ matches });
    store.publish({ matches });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().matches).toBe(matches);
  });

  it('cycles through search matches both ways, selecting and centring each, and a new search starts over', () => {
    const store = createGraphStore(DEFAULT_VIEW_STATE);
    const centre = vi.fn();
    store.setCentre(centre);
    store.publish({ matches: ['a', 'b', 'c'] });
    store.cycleMatch(1);
    store.cycleMatch(1);
    expect(store.getState().matchIndex).toBe(1);
    expect(store.getState().view.selected).toBe('b');
    expect(centre).toHaveBeenLastCalledWith('b', false);
    store.cycleMatch(-1);
    store.cycleMatch(-1);
    expect(store.getState().view.selected).toBe('c');
    store.search('vpce');
    expect(store.getState().matchIndex).toBe(-1);
    expect(store.getState().view.search).toBe('vpce');
    store.cycleMatch(-1);
    expect(store.getState().view.selected).toBe('c');
  });

  it('does nothing on Enter when nothing matches', () => {
    const store = createGraphStore(DEFAULT_VIEW_STATE);
    store.cycleMatch(1);
    expect(store.getState()).toMatchObject({ matchIndex: -1, view: { selected: null } });
  });

  it('focuses a node: selects it (dropping the path) and asks the canvas to centre it, keeping the zoom if asked', () => {
    const store = createGraphStore({ ...DEFAULT_VIEW_STATE, selected: 'subnet-1', path: 's3' });
    const centre = vi.fn();
    store.focusNode('rtb-1');
    store.setCentre(centre);
    store.focusNode('rtb-2', true);
    expect(store.getState().view).toMatchObject({ selected: 'rtb-2', path: null });
    expect(centre).toHaveBeenCalledExactlyOnceWith('rtb-2', true);
  });

  it('focusing something inside a closed group opens the group, selects it, and leaves the move for the new layout', () => {
    const store = createGraphStore(DEFAULT_VIEW_STATE);
    const centre = vi.fn();
    store.setCentre(centre);
    const group = { id: 'vpc-1/rtc-a', title: '23 private tables', members: ['rtb-1', 'rtb-2'] };
    store.publish({ matches: ['rtb-2'], holders: new Map([['rtb-2', group]]) });
    store.cycleMatch(1);
    expect(store.getState().view).toMatchObject({ selected: 'rtb-2', open: ['vpc-1/rtc-a'] });
    expect(centre).not.toHaveBeenCalled();
    expect(store.takeCamera()).toMatchObject({ kind: 'centre', id: 'rtb-2' });
    expect(store.takeCamera()).toBeNull();
  });

  it('any selection of something inside a closed group opens it (into the link), not only a focus', () => {
    const store = createGraphStore({ ...DEFAULT_VIEW_STATE, open: ['vpc-1/tier-b'] });
    const group = { id: 'vpc-1/rtc-a', title: '23 private tables', members: ['rtb-1', 'rtb-2'] };
    store.publish({ holders: new Map([['rtb-1', group], ['rtb-2', group]]) });
    store.dispatch({ type: 'select', id: 'rtb-1' });
    expect(store.getState().view).toMatchObject({ selected: 'rtb-1', open: ['vpc-1/tier-b', 'vpc-1/rtc-a'] });
    expect(store.takeCamera()).toMatchObject({ kind: 'centre', id: 'rtb-1' });
    // Something drawn, or nothing: no group opens, no move is waited for.
    store.publish({ holders: new Map() });
    store.dispatch({ type: 'select', id: 'rtb-2' });
    store.dispatch({ type: 'select', id: null });
    expect(store.getState().view).toMatchObject({ selected: null, open: ['vpc-1/tier-b', 'vpc-1/rtc-a'] });
    expect(store.takeCamera()).toBeNull();
  });

  it('opening and closing a group from the canvas keeps it in place: an intent for the next layout', () => {
    const store = createGraphStore(DEFAULT_VIEW_STATE);
    store.toggleGroup('vpc-1/rtc-a', ['rtb-1', 'rtb-2']);
    expect(store.getState().view.open).toEqual(['vpc-1/rtc-a']);
    expect(store.takeCamera()).toMatchObject({ kind: 'keep', group: 'vpc-1/rtc-a', members: ['rtb-1', 'rtb-2'] });
    store.toggleGroup('vpc-1/rtc-a', ['rtb-1', 'rtb-2']);
    expect(store.getState().view.open).toEqual([]);
  });
});
