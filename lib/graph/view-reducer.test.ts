import { describe, expect, it } from 'vitest';
import { escapeAction, viewReducer } from './view-reducer';
import { DEFAULT_VIEW_STATE, type ViewState } from './view-url';

const view: ViewState = { ...DEFAULT_VIEW_STATE, selected: 'subnet-1', path: 's3', search: 'prod', hiddenKinds: ['natGateway'], hiddenAzs: ['us-east-1a'] };

describe('viewReducer', () => {
  it('selecting another node drops the path highlight; selecting the same one changes nothing', () => {
    expect(viewReducer(view, { type: 'select', id: 'subnet-2' })).toEqual({ ...view, selected: 'subnet-2', path: null });
    expect(viewReducer(view, { type: 'select', id: 'subnet-1' })).toBe(view);
    expect(viewReducer(view, { type: 'select', id: null })).toEqual({ ...view, selected: null, path: null });
  });

  it('toggles kinds and AZs in and out of the hidden lists, and resets both', () => {
    const more = viewReducer(view, { type: 'toggleKind', kind: 'routeTable' });
    expect(more.hiddenKinds).toEqual(['natGateway', 'routeTable']);
    expect(viewReducer(more, { type: 'toggleKind', kind: 'natGateway' }).hiddenKinds).toEqual(['routeTable']);
    expect(viewReducer(view, { type: 'toggleAz', az: 'us-east-1a' }).hiddenAzs).toEqual([]);
    expect(viewReducer(view, { type: 'toggleAz', az: 'us-east-1b' }).hiddenAzs).toEqual(['us-east-1a', 'us-east-1b']);
    const reset = viewReducer(view, { type: 'resetFilters' });
    expect([reset.hiddenKinds, reset.hiddenAzs, reset.endpointsOnly]).toEqual([[], [], false]);
  });

  it('sets the search, direction, endpoints view, path and viewport, leaving the rest', () => {
    expect(viewReducer(view, { type: 'search', text: 'vpce' })).toEqual({ ...view, search: 'vpce' });
    expect(viewReducer(view, { type: 'direction', direction: 'DOWN' })).toEqual({ ...view, direction: 'DOWN' });
    expect(viewReducer(view, { type: 'endpointsOnly', on: true })).toEqual({ ...view, endpointsOnly: true });
    expect(viewReducer(view, { type: 'path', service: null })).toEqual({ ...view, path: null });
    expect(viewReducer(view, { type: 'viewport', viewport: { x: 1, y: 2, zoom: 0.5 } }).viewport).toEqual({ x: 1, y: 2, zoom: 0.5 });
    expect(viewReducer(view, { type: 'replace', view: DEFAULT_VIEW_STATE })).toBe(DEFAULT_VIEW_STATE);
    expect(viewReducer(view, { type: 'fullScreen', on: true })).toEqual({ ...view, fullScreen: true });
    expect(viewReducer(view, { type: 'fullScreen', on: false })).toBe(view);
  });

  it('opens and closes overview groups one at a time, and closes them all', () => {
    const one = viewReducer(view, { type: 'toggleOpen', id: 'vpc-1/rtc-a1' });
    expect(one).toEqual({ ...view, open: ['vpc-1/rtc-a1'] });
    const two = viewReducer(one, { type: 'toggleOpen', id: 'vpc-1/rtc-a1/us-east-1a/private' });
    expect(two.open).toEqual(['vpc-1/rtc-a1', 'vpc-1/rtc-a1/us-east-1a/private']);
    expect(viewReducer(two, { type: 'toggleOpen', id: 'vpc-1/rtc-a1' }).open).toEqual(['vpc-1/rtc-a1/us-east-1a/private']);
    expect(viewReducer(two, { type: 'closeAll' }).open).toEqual([]);
    expect(viewReducer(view, { type: 'closeAll' })).toBe(view);
    // Opening (a search hit, a link into a closed group) never closes.
    expect(viewReducer(one, { type: 'openGroup', id: 'vpc-1/rtc-a1' })).toBe(one);
    expect(viewReducer(one, { type: 'openGroup', id: 'vpc-1/epc-2' }).open).toEqual(['vpc-1/rtc-a1', 'vpc-1/epc-2']);
  });
});

describe('escapeAction', () => {
  it('undoes the path, then the selection, then the search, then nothing', () => {
    let v = view;
    const steps: string[] = [];
    for (let action = escapeAction(v); action; action = escapeAction(v)) {
      steps.push(action.type);
      v = viewReducer(v, action);
    }
    expect(steps).toEqual(['path', 'select', 'search']);
    expect(v).toEqual({ ...view, path: null, selected: null, search: '' });
  });
});
