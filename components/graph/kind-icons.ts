/**
 * The kind icons as CSS masks: one empty element per icon, painted in `currentColor` by `.atlas-icon`
 * (topology-graph.css). A lucide-react component is an `<svg>` with several shapes built by React on every mount;
 * a thousand nodes would build several thousand. Shapes from Lucide (https://lucide.dev, ISC licence), the same
 * icons as `kind-style.ts` uses elsewhere.
 */

import type { CSSProperties } from 'react';
import type { NodeKind } from '@/lib/graph/types';

/** Icons of route targets outside the VPC that are not node kinds of their own. */
type TargetIcon = 'transitGateway' | 'carrierGateway' | 'egressOnlyGateway' | 'localGateway' | 'peering' | 'vpnGateway' | 'coreNetwork' | 'instance';

const SVG = {
  vpc: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M17.5 19H9a7 7 0 1 1 6.71-9h1.79a4.5 4.5 0 1 1 0 9Z'/></svg>",
  az: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M20 10c0 4.993-5.539 10.193-7.399 11.799a1 1 0 0 1-1.202 0C9.539 20.193 4 14.993 4 10a8 8 0 0 1 16 0'/><circle cx='12' cy='10' r='3'/></svg>",
  subnet: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><rect width='7' height='7' x='3' y='3' rx='1'/><rect width='7' height='7' x='14' y='3' rx='1'/><rect width='7' height='7' x='14' y='14' rx='1'/><rect width='7' height='7' x='3' y='14' rx='1'/></svg>",
  routeTable: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M9 5h8.5a1 1 0 010 7h-11a1 1 0 000 7H15'/><circle cx='18' cy='19' r='3'/><circle cx='6' cy='5' r='3'/></svg>",
  internetGateway: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><circle cx='12' cy='12' r='10'/><path d='M12 2a14.5 14.5 0 0 0 0 20 14.5 14.5 0 0 0 0-20'/><path d='M2 12h20'/></svg>",
  natGateway: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M8 3 4 7l4 4'/><path d='M4 7h16'/><path d='m16 21 4-4-4-4'/><path d='M20 17H4'/></svg>",
  gatewayEndpoint: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M10 21H2'/><path d='M10 3H7a2 2 0 00-2 2v16'/><path d='M14 12h.01'/><path d='M19 21V5a2 2 0 00-1.675-1.974l-6.163-1.013A1 1 0 0010 3v18a1 1 0 001.124.992z'/><path d='M22 21h-3'/></svg>",
  interfaceEndpoint: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M6.3 20.3a2.4 2.4 0 0 0 3.4 0L12 18l-6-6-2.3 2.3a2.4 2.4 0 0 0 0 3.4Z'/><path d='m2 22 3-3'/><path d='M7.5 13.5 10 11'/><path d='M10.5 16.5 13 14'/><path d='m18 3-4 4h6l-4 4'/></svg>",
  endpointEni: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M17 19a1 1 0 0 1-1-1v-2a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2a1 1 0 0 1-1 1z'/><path d='M17 21v-2'/><path d='M19 14V6.5a1 1 0 0 0-7 0v11a1 1 0 0 1-7 0V10'/><path d='M21 21v-2'/><path d='M3 5V3'/><path d='M4 10a2 2 0 0 1-2-2V6a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2a2 2 0 0 1-2 2z'/><path d='M7 5V3'/></svg>",
  external: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M15 3h6v6'/><path d='M10 14 21 3'/><path d='M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6'/></svg>",
  public: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><circle cx='12' cy='12' r='10'/><path d='M12 2a14.5 14.5 0 0 0 0 20 14.5 14.5 0 0 0 0-20'/><path d='M2 12h20'/></svg>",
  private: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><rect width='18' height='11' x='3' y='11' rx='2' ry='2'/><path d='M7 11V7a5 5 0 0 1 10 0v4'/></svg>",
  finding: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3'/><path d='M12 9v4'/><path d='M12 17h.01'/></svg>",
  // Route targets outside the VPC, one icon per kind of gateway (external-node.tsx).
  transitGateway: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><rect x='16' y='16' width='6' height='6' rx='1'/><rect x='2' y='16' width='6' height='6' rx='1'/><rect x='9' y='2' width='6' height='6' rx='1'/><path d='M5 16v-3a1 1 0 0 1 1-1h12a1 1 0 0 1 1 1v3'/><path d='M12 12V8'/></svg>",
  carrierGateway: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M4.9 16.1C1 12.2 1 5.8 4.9 1.9'/><path d='M7.8 4.7a6.14 6.14 0 0 0-.8 7.5'/><circle cx='12' cy='9' r='2'/><path d='M16.2 4.8c2 2 2.26 5.11.8 7.47'/><path d='M19.1 1.9a9.96 9.96 0 0 1 0 14.1'/><path d='M9.5 18h5'/><path d='m8 22 4-11 4 11'/></svg>",
  egressOnlyGateway: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4'/><path d='m16 17 5-5-5-5'/><path d='M21 12H9'/></svg>",
  localGateway: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><rect width='20' height='8' x='2' y='2' rx='2' ry='2'/><rect width='20' height='8' x='2' y='14' rx='2' ry='2'/><path d='M6 6h.01'/><path d='M6 18h.01'/></svg>",
  peering: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71'/><path d='M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71'/></svg>",
  vpnGateway: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1c2 0 4.5-1.2 6.24-2.72a1.17 1.17 0 0 1 1.52 0C14.51 3.81 17 5 19 5a1 1 0 0 1 1 1z'/></svg>",
  coreNetwork: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><circle cx='18' cy='5' r='3'/><circle cx='6' cy='12' r='3'/><circle cx='18' cy='19' r='3'/><path d='m8.59 13.51 6.83 3.98'/><path d='m15.41 6.51-6.82 3.98'/></svg>",
  instance: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><rect width='16' height='16' x='4' y='4' rx='2'/><rect width='6' height='6' x='9' y='9' rx='1'/><path d='M15 2v2'/><path d='M15 20v2'/><path d='M2 15h2'/><path d='M2 9h2'/><path d='M20 15h2'/><path d='M20 9h2'/><path d='M9 2v2'/><path d='M9 20v2'/></svg>",
} as const satisfies Record<NodeKind | TargetIcon | 'public' | 'private' | 'finding', string>;

export type MaskIcon = keyof typeof SVG;

/**
 * Every icon in one sprite, each in a 24-unit cell of its own (a nested `<svg>` clips it to the cell): Chromium builds a
 * whole SVG document for each distinct image URL on first use, about 2 ms each inside the frame that first lays the
 * canvas out (bench/README.md, session 7), and one sprite is one document however many kinds a graph has. An
 * element shows its cell: the sprite is sized to as many of the element's widths as it has icons, and moved so that
 * the cell is under the element (square elements: a cell is square).
 */
const NAMES = Object.keys(SVG) as MaskIcon[];
const SPRITE_SVG =
  `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${24 * NAMES.length} 24' preserveAspectRatio='none'>` +
  NAMES.map((name, i) => SVG[name].replace(/^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' /, `<svg x='${24 * i}' width='24' height='24' `)).join('') +
  '</svg>';
const SPRITE_URL = `url("data:image/svg+xml,${encodeURIComponent(SPRITE_SVG)}")`;
const SPRITE_SIZE = `${NAMES.length * 100}% 100%`;

const STYLES = Object.fromEntries(
  NAMES.map((name, i) => {
    const position = `${NAMES.length > 1 ? (i / (NAMES.length - 1)) * 100 : 0}% 0%`;
    return [name, { maskPosition: position, WebkitMaskPosition: position } satisfies CSSProperties];
  }),
) as Record<MaskIcon, CSSProperties>;

/**
 * The sprite and its size, as custom properties `.atlas-icon` (topology-graph.css) paints with: set once, on the
 * canvas's root, and not on each icon. An icon's own style is only its cell; in a server-rendered canvas, a sprite
 * in every icon's style attribute would put 13 kB of HTML in each (1.3 MB for a small VPC).
 */
export const ICON_SPRITE_STYLE = { '--atlas-icon-sprite': SPRITE_URL, '--atlas-icon-sprite-size': SPRITE_SIZE } as CSSProperties;

/** The sprite's SVG text, for tests. */
export const MASK_SPRITE_SVG = SPRITE_SVG;

/** The style that puts `icon`'s cell of the sprite under an `.atlas-icon` element (inside `ICON_SPRITE_STYLE`). */
export function maskIconStyle(icon: MaskIcon): CSSProperties {
  return STYLES[icon];
}
