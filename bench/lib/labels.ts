/**
 * Readable labels at fit-to-screen (issue 21): after "drawn", before any gesture, the page reports for every React
 * Flow node on screen its type, the on-screen size of each piece of text in it and whether that text is cut; a label
 * is readable when its text is at least READABLE_PX CSS pixels high on screen (font size times every scale above it:
 * React Flow's zoom, any transform of our own) and shown whole (not ellipsized, not clipped by its box or the node's).
 * Counted here, so that the rule is tested apart from a browser.
 */

/** Text smaller than this on screen is not read, only guessed at (11 CSS px: the smallest UI text of most tools). */
export const READABLE_PX = 11;

/**
 * Node types (React Flow's `type`, also the `react-flow__node-<type>` class) whose name must be readable on the
 * first screen of L and XL (issue 21 §1): gateways, gateway endpoints, NAT gateways, transit gateways and peerings
 * (`external`), and the classes of route tables and interface endpoints the overview draws in their stead.
 */
export const MUST_LABEL = ['internetGateway', 'natGateway', 'gatewayEndpoint', 'external', 'routeTable', 'routeClass', 'interfaceEndpoint', 'endpointClass'] as const;

/** What the page reports per node: its type, the on-screen px of each non-empty text in it and which of them are cut. */
export interface NodeText {
  type: string;
  textPx: number[];
  /** Per text (as `textPx`): true when part of it is not shown (an ellipsis, a clamped line, clipped by a box). */
  cut?: boolean[];
}

export interface LabelCount {
  /** Nodes on screen (in the DOM, visible, inside the canvas). */
  nodes: number;
  /** Of those, nodes with at least one readable text. */
  labelled: number;
  /** Readable texts in all. */
  readableTexts: number;
  /** Texts big enough to read but cut, in all. */
  cutTexts: number;
  /** Per node type: [on screen, labelled]. */
  byType: Record<string, [number, number]>;
  /** Nodes of a MUST_LABEL type without a readable text, per type. */
  unlabelledMust: Record<string, number>;
}

export function countLabels(nodes: readonly NodeText[], minPx = READABLE_PX): LabelCount {
  const must = new Set<string>(MUST_LABEL);
  const out: LabelCount = { nodes: 0, labelled: 0, readableTexts: 0, cutTexts: 0, byType: {}, unlabelledMust: {} };
  for (const n of nodes) {
    // Rounding to a hundredth: 11 px text at zoom 1 measures 10.999… in some layouts.
    const big = n.textPx.map((px) => Math.round(px * 100) / 100 >= minPx);
    const readable = big.filter((b, i) => b && !n.cut?.[i]).length;
    out.cutTexts += big.filter((b, i) => b && n.cut?.[i]).length;
    const counts = out.byType[n.type] ?? (out.byType[n.type] = [0, 0]);
    out.nodes += 1;
    counts[0] += 1;
    out.readableTexts += readable;
    if (readable > 0) {
      out.labelled += 1;
      counts[1] += 1;
    } else if (must.has(n.type)) {
      out.unlabelledMust[n.type] = (out.unlabelledMust[n.type] ?? 0) + 1;
    }
  }
  return out;
}

/**
 * Runs in the page (a string, so no bundler helper leaks into it): every `.react-flow__node` that is visible and
 * inside the canvas, with its type, the on-screen size of its texts and whether each is cut. The scale of a text is
 * measured (its box on screen against its layout width), so any transform counts, not only React Flow's zoom. A text
 * is cut when its element, clipping its overflow, holds more than it shows (`scrollWidth > clientWidth`: an ellipsis;
 * more than half a line taller: a clamped line), or when the text's own box reaches past the box of the node or of
 * any element between that clips.
 */
export const NODE_TEXTS_SCRIPT = `(() => {
  const pane = document.querySelector('.react-flow');
  if (!pane) return [];
  const area = pane.getBoundingClientRect();
  const viewport = document.querySelector('.react-flow__viewport');
  const m = viewport ? /scale\\(([-\\d.e]+)\\)/.exec(viewport.style.transform) : null;
  const zoom = m ? Number(m[1]) : 1;
  const visible = (el) => (typeof el.checkVisibility === 'function' ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true);
  const clips = (el) => { const s = getComputedStyle(el); return s.overflowX !== 'visible' || s.overflowY !== 'visible'; };
  const isCut = (text, el, node, font, scale) => {
    if (clips(el) && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight - el.clientHeight > font / 2)) return true;
    const range = document.createRange();
    range.selectNodeContents(text);
    const r = range.getBoundingClientRect();
    // Glyphs may reach a little past a tight line box; a hidden line or an ellipsized word reaches much further.
    const slackY = (font * scale) / 2;
    for (let a = el; a; a = a === node ? null : a.parentElement) {
      if (a !== node && !clips(a)) continue;
      const c = a.getBoundingClientRect();
      if (r.left < c.left - 1 || r.right > c.right + 1 || r.top < c.top - slackY || r.bottom > c.bottom + slackY) return true;
    }
    return false;
  };
  const out = [];
  for (const node of document.querySelectorAll('.react-flow__node')) {
    const r = node.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right < area.left || r.left > area.right || r.bottom < area.top || r.top > area.bottom) continue;
    if (!visible(node)) continue;
    const typeClass = [...node.classList].find((c) => c.startsWith('react-flow__node-'));
    const type = typeClass ? typeClass.slice('react-flow__node-'.length) : 'unknown';
    const textPx = [];
    const cut = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.textContent || !t.textContent.trim()) continue;
      const el = t.parentElement;
      if (!el || !visible(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const layoutWidth = el instanceof HTMLElement ? el.offsetWidth : 0;
      const scale = layoutWidth > 0 ? box.width / layoutWidth : zoom;
      const font = parseFloat(getComputedStyle(el).fontSize);
      textPx.push(font * scale);
      cut.push(isCut(t, el, node, font, scale));
    }
    out.push({ type, textPx, cut });
  }
  return out;
})()`;
