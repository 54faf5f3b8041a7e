import { describe, expect, it } from 'vitest';
import { MAX_MIN_TITLE_PX } from '@/lib/graph/sizes';
import { minTitlePx } from './overview-controls';

describe('minTitlePx: the least title size of a graph drawn in detail', () => {
  it('is unset where every title (12 px and up) already reads as 11 px on screen', () => {
    for (const zoom of [2, 1, 0.95]) expect(minTitlePx(zoom), `zoom ${zoom}`).toBeNull();
  });

  it('reads as at least 11 px on screen, and no more than half a pixel over what that needs', () => {
    for (let zoom = 0.56; zoom < 0.92; zoom += 0.01) {
      const px = minTitlePx(zoom);
      expect(px, `zoom ${zoom}`).not.toBeNull();
      expect(px! * zoom, `zoom ${zoom}`).toBeGreaterThanOrEqual(11);
      expect(px! - 11.1 / zoom, `zoom ${zoom}`).toBeLessThanOrEqual(0.5);
    }
    // The S VPC fitted in the bench's 1280 x 800 window.
    expect(minTitlePx(0.616)).toBe(18.5);
  });

  it(`stops at ${MAX_MIN_TITLE_PX} px, the most a card, a chip or a subnet header holds`, () => {
    expect(minTitlePx(0.5)).toBe(MAX_MIN_TITLE_PX);
    expect(minTitlePx(0.05)).toBe(MAX_MIN_TITLE_PX);
    expect(minTitlePx(0)).toBe(MAX_MIN_TITLE_PX);
  });
});
