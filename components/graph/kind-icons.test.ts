import { describe, expect, it } from 'vitest';
import { ICON_SPRITE_STYLE, MASK_SPRITE_SVG, maskIconStyle, type MaskIcon } from './kind-icons';

describe('the kind icons', () => {
  const icons: MaskIcon[] = ['vpc', 'subnet', 'routeTable', 'interfaceEndpoint', 'public', 'private', 'finding', 'instance'];

  const sprite = ICON_SPRITE_STYLE as Record<string, string>;

  it('all come from one image, set once on the canvas, so the browser builds one SVG document for them and the HTML holds it once', () => {
    expect(decodeURIComponent(sprite['--atlas-icon-sprite']!)).toContain(MASK_SPRITE_SVG);
    // An icon's own style is its cell only: no image of its own.
    for (const i of icons) expect(Object.keys(maskIconStyle(i)).sort()).toEqual(['WebkitMaskPosition', 'maskPosition']);
  });

  it('each shows its own 24-unit cell of the sprite, clipped to it', () => {
    const cells = MASK_SPRITE_SVG.match(/<svg x='(\d+)' width='24' height='24' viewBox='0 0 24 24'/g) ?? [];
    const count = cells.length;
    expect(count).toBeGreaterThanOrEqual(21);
    expect(MASK_SPRITE_SVG).toContain(`viewBox='0 0 ${24 * count} 24'`);
    expect(sprite['--atlas-icon-sprite-size']).toBe(`${count * 100}% 100%`);
    // The cell under an element: its offset in element widths is the icon's index.
    const index = (icon: MaskIcon) => (parseFloat(String(maskIconStyle(icon).maskPosition)) / 100) * (count - 1);
    const seen = new Set(icons.map((i) => Math.round(index(i))));
    expect(seen.size).toBe(icons.length);
    for (const i of icons) expect(index(i)).toBeCloseTo(Math.round(index(i)), 6);
    expect(index('vpc')).toBeCloseTo(0, 6);
    // The subnet's cell holds the subnet's shape (its four squares).
    const subnet = Math.round(index('subnet'));
    expect(MASK_SPRITE_SVG).toContain(`<svg x='${24 * subnet}' width='24' height='24' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><rect width='7' height='7' x='3' y='3' rx='1'/>`);
  });
});
