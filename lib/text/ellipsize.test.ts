import { describe, expect, it } from 'vitest';
import { ellipsize } from './ellipsize';

describe('ellipsize', () => {
  it('keeps a text that fits', () => {
    expect(ellipsize('prod', 4)).toBe('prod');
    expect(ellipsize('', 3)).toBe('');
  });
  it('cuts a long one to the limit, ellipsis included', () => {
    const cut = ellipsize('a'.repeat(256), 48);
    expect(Array.from(cut)).toHaveLength(48);
    expect(cut.endsWith('…')).toBe(true);
  });
  it('never splits a character made of two code units, and drops the space before the ellipsis', () => {
    expect(ellipsize('ab 😀😀😀', 4)).toBe('ab…');
    expect(ellipsize('😀😀😀😀', 3)).toBe('😀😀…');
  });
});
