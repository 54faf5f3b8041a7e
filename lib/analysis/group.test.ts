import { describe, expect, it } from 'vitest';
import { innerMap, pushTo } from './group';

describe('grouping helpers', () => {
  it('pushTo appends under a key, creating the list once', () => {
    const m = new Map<string, number[]>();
    pushTo(m, 'a', 1);
    pushTo(m, 'b', 2);
    pushTo(m, 'a', 3);
    expect([...m]).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });

  it('innerMap creates the inner map once and hands back the same one after', () => {
    const m = new Map<string, Map<string, number>>();
    innerMap(m, 'vpc-1').set('s3', 1);
    innerMap(m, 'vpc-1').set('kms', 2);
    expect([...innerMap(m, 'vpc-1')]).toEqual([
      ['s3', 1],
      ['kms', 2],
    ]);
    expect(innerMap(m, 'vpc-2').size).toBe(0);
    expect([...m.keys()]).toEqual(['vpc-1', 'vpc-2']);
  });
});
