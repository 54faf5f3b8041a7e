import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, parseViewState, serializeViewState, withViewState, type ViewState } from './view-state';

const full: ViewState = {
  selected: 'subnet-0abc1234',
  hiddenKinds: ['natGateway', 'external'],
  hiddenAzs: ['us-east-1b', 'us-east-1a'],
  endpointsOnly: true,
  search: 's3 & co',
  direction: 'DOWN',
  viewport: { x: -120.4, y: 35.6, zoom: 0.56789 },
  path: 'ecr.dkr',
  open: ['vpc-1/rtc-b2', 'vpc-1/rtc-a1/us-east-1a/private'],
  fullScreen: true,
};

describe('parseViewState', () => {
  it('gives the defaults, and no notices, for an empty query', () => {
    expect(parseViewState(new URLSearchParams())).toEqual({ state: DEFAULT_VIEW_STATE, notices: [] });
  });

  it('reads every field', () => {
    const params = new URLSearchParams(
      'sel=vpce-0123&hide=natGateway,external&hideAz=us-east-1a&endpoints=1&q=s3&dir=down&path=s3&open=vpc-1/rtc-x9,vpc-1/rtc-x9/us-east-1a/private&full=1&x=-10&y=20.5&zoom=0.5',
    );
    expect(parseViewState(params)).toEqual({
      state: {
        selected: 'vpce-0123',
        hiddenKinds: ['natGateway', 'external'],
        hiddenAzs: ['us-east-1a'],
        endpointsOnly: true,
        search: 's3',
        direction: 'DOWN',
        viewport: { x: -10, y: 20.5, zoom: 0.5 },
        path: 's3',
        open: ['vpc-1/rtc-x9', 'vpc-1/rtc-x9/us-east-1a/private'],
        fullScreen: true,
      },
      notices: [],
    });
  });

  it('accepts a Next.js searchParams record, taking the first of repeated values', () => {
    const { state, notices } = parseViewState({ sel: ['subnet-1', 'subnet-2'], dir: 'right', region: 'us-east-1' });
    expect(state.selected).toBe('subnet-1');
    expect(state.direction).toBe('RIGHT');
    expect(notices).toEqual([]);
  });

  it('accepts AZ group ids and local-zone names', () => {
    const { state, notices } = parseViewState(
      new URLSearchParams('sel=vpc-1/us-west-2-lax-1a&hideAz=us-west-2-lax-1a,us-east-1-wl1-bos-wlz-1'),
    );
    expect(notices).toEqual([]);
    expect(state.selected).toBe('vpc-1/us-west-2-lax-1a');
    expect(state.hiddenAzs).toEqual(['us-west-2-lax-1a', 'us-east-1-wl1-bos-wlz-1']);
  });

  it('falls back to the default for each invalid value, with a notice naming it', () => {
    const { state, notices } = parseViewState(
      new URLSearchParams({
        sel: '<script>alert(1)</script>',
        hide: 'natGateway,bogus',
        hideAz: 'Mars 1',
        endpoints: 'maybe',
        dir: 'sideways',
        full: 'yes',
        x: '1',
        y: 'abc',
        zoom: '0.5',
      }),
    );
    expect(state).toEqual({ ...DEFAULT_VIEW_STATE, hiddenKinds: ['natGateway'] });
    expect(notices).toHaveLength(7);
    expect(notices[0]).toMatch(/^Ignored sel=/);
    expect(notices[1]).toMatch(/hide.*"bogus"/);
    expect(notices[2]).toMatch(/hideAz.*"Mars 1"/);
    expect(notices[3]).toMatch(/endpoints/);
    expect(notices[4]).toMatch(/dir=.*right or down/);
    expect(notices[5]).toMatch(/full=.*1 or 0/);
    expect(notices[6]).toMatch(/viewport/);
  });

  it('rejects a zoom outside the canvas range and a partial viewport', () => {
    expect(parseViewState(new URLSearchParams('x=0&y=0&zoom=50')).state.viewport).toBeNull();
    const partial = parseViewState(new URLSearchParams('x=0&zoom=1'));
    expect(partial.state.viewport).toBeNull();
    expect(partial.notices[0]).toMatch(/partial viewport/);
  });

  it('rejects an over-long search', () => {
    const { state, notices } = parseViewState(new URLSearchParams({ q: 'a'.repeat(201) }));
    expect(state.search).toBe('');
    expect(notices).toHaveLength(1);
  });
});

describe('serializeViewState', () => {
  it('leaves out defaults', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toEqual([]);
  });

  it('reads a highlighted path and rejects one that is not a service name', () => {
    expect(parseViewState(new URLSearchParams('sel=subnet-1&path=ecr.dkr')).state.path).toBe('ecr.dkr');
    const { state, notices } = parseViewState(new URLSearchParams('path=<b>'));
    expect(state.path).toBeNull();
    expect(notices).toEqual([expect.stringContaining('path=')]);
  });

  it('writes a stable, rounded form', () => {
    expect(serializeViewState(full)).toEqual([
      ['sel', 'subnet-0abc1234'],
      ['hide', 'natGateway,external'],
      ['hideAz', 'us-east-1a,us-east-1b'],
      ['endpoints', '1'],
      ['q', 's3 & co'],
      ['dir', 'down'],
      ['path', 'ecr.dkr'],
      ['open', 'vpc-1/rtc-a1/us-east-1a/private,vpc-1/rtc-b2'],
      ['full', '1'],
      ['x', '-120'],
      ['y', '36'],
      ['zoom', '0.568'],
    ]);
  });

  it('round-trips through the query string', () => {
    const params = new URLSearchParams(serializeViewState(full));
    const { state, notices } = parseViewState(params);
    expect(notices).toEqual([]);
    expect(state).toEqual({
      ...full,
      hiddenKinds: ['natGateway', 'external'],
      hiddenAzs: ['us-east-1a', 'us-east-1b'],
      viewport: { x: -120, y: 36, zoom: 0.568 },
      open: ['vpc-1/rtc-a1/us-east-1a/private', 'vpc-1/rtc-b2'],
    });
  });

  it('reads the open overview groups, once each, and names the ones that are not group ids', () => {
    const { state, notices } = parseViewState(new URLSearchParams('open=vpc-1/rtc-a1, vpc-1/rtc-a1,<script>,vpc-1/epc-9'));
    expect(state.open).toEqual(['vpc-1/rtc-a1', 'vpc-1/epc-9']);
    expect(notices).toEqual(['Ignored invalid groups in open: "<script>".']);
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, open: [] })).toEqual([]);
  });

  it('keeps at most 100 open groups from a link', () => {
    const many = Array.from({ length: 150 }, (_, i) => `vpc-1/rtc-${i}`).join(',');
    expect(parseViewState(new URLSearchParams(`open=${many}`)).state.open).toHaveLength(100);
  });
});

describe('withViewState', () => {
  it('replaces only the graph keys and keeps the rest in place', () => {
    expect(withViewState('?region=us-east-1&sel=old&source=fixture&zoom=3', { ...DEFAULT_VIEW_STATE, search: 's3' })).toBe(
      '?region=us-east-1&source=fixture&q=s3',
    );
    expect(withViewState('?sel=old', DEFAULT_VIEW_STATE)).toBe('');
  });
});
