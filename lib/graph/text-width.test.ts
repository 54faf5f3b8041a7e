import { describe, expect, it } from 'vitest';
import { boldTextLines, boldTextWidth } from './text-width';

describe('the width of a bold title, estimated', () => {
  it('adds up DejaVu Sans Bold advances (Chromium on Linux drew `access-analyzer` 179.1 px wide at 20 px, `codecommit` 137.2)', () => {
    expect(boldTextWidth('access-analyzer', 20)).toBeCloseTo(179.1, 0);
    expect(boldTextWidth('codecommit', 20)).toBeCloseTo(137.2, 0);
    expect(boldTextWidth('', 20)).toBe(0);
    // Capitals and other letters are counted wide, so that sized text fits.
    expect(boldTextWidth('W', 10)).toBeGreaterThan(boldTextWidth('w', 10) - 1);
  });

  it('breaks after hyphens and spaces, not at dots, and inside a word only when the word alone overflows', () => {
    expect(boldTextLines('sts', 20, 106)).toEqual({ lines: 1, midWord: false });
    expect(boldTextLines('access-analyzer', 20, 106)).toEqual({ lines: 2, midWord: false });
    expect(boldTextLines('codeartifact.api', 20, 106)).toEqual({ lines: 2, midWord: true });
    expect(boldTextLines('eni-0123456789abcdef0', 20, 106)).toEqual({ lines: 4, midWord: true });
    expect(boldTextLines('codeartifact.api', 20, 246)).toEqual({ lines: 1, midWord: false });
    expect(boldTextLines('appmesh-envoy-management', 20, 246)).toEqual({ lines: 2, midWord: false });
    expect(boldTextLines('a b c', 20, 1000)).toEqual({ lines: 1, midWord: false });
  });
});
