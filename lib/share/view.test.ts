import { describe, expect, it } from 'vitest';
import { hasViewKeys, snapshotScope, snapshotViewParams, snapshotViewQuery } from './view';

describe('snapshotViewQuery', () => {
  it('keeps the view state and the profile, drops region, source and anything unknown', () => {
    expect(snapshotViewQuery('?region=us-east-1&source=fixture&sel=subnet-0abc&dir=down&zoom=1&x=5&y=6&utm=x&profile=dev')).toBe(
      'sel=subnet-0abc&dir=down&x=5&y=6&zoom=1&profile=dev',
    );
  });

  it('keeps the profile and account the server resolved for the page, never an account typed into the URL', () => {
    expect(snapshotViewQuery('?region=us-east-1&account=999999999999&sel=vpce-1', { profile: 'ops', account: '222222222222' })).toBe(
      'sel=vpce-1&profile=ops&account=222222222222',
    );
    expect(snapshotViewQuery('?region=us-east-1&account=999999999999')).toBe('');
    expect(snapshotScope('sel=vpce-1&profile=ops&account=222222222222')).toEqual({ profile: 'ops', account: '222222222222' });
    expect(snapshotScope('sel=vpce-1')).toEqual({});
  });

  it('drops invalid view values instead of storing them', () => {
    expect(snapshotViewQuery('sel=<script>&dir=sideways&hide=subnet,bogus')).toBe('hide=subnet');
    expect(snapshotViewQuery('')).toBe('');
  });
});

describe('snapshotViewParams', () => {
  it('prefers the view in the page URL, else the saved one', () => {
    expect(hasViewKeys({ sel: 'subnet-1' })).toBe(true);
    expect(hasViewKeys(new URLSearchParams('region=us-east-1'))).toBe(false);
    const saved = 'sel=subnet-saved';
    expect((snapshotViewParams(saved, {}) as URLSearchParams).get('sel')).toBe('subnet-saved');
    expect(snapshotViewParams(saved, { sel: 'subnet-url' })).toEqual({ sel: 'subnet-url' });
  });
});
