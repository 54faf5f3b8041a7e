import { describe, expect, it } from 'vitest';
import { viewportRect } from './graph-overview';

describe("the minimap's viewport rectangle", () => {
  it('is the pane in graph coordinates: the pan undone, the size divided by the zoom', () => {
    expect(viewportRect({ transform: [-300, 120, 0.5], width: 1000, height: 600 })).toEqual({ x: 600, y: -240, width: 2000, height: 1200 });
    expect(viewportRect({ transform: [0, 0, 1], width: 800, height: 500 })).toEqual({ x: -0, y: -0, width: 800, height: 500 });
  });
});
