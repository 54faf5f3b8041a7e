/**
 * How wide a node's title is drawn, estimated without a browser: the layout sizes some nodes for their text (an
 * endpoint ENI's chip, `lib/graph/sizes.ts`), on the server and in the layout worker alike, where nothing can be
 * measured. The estimate uses the advance widths of DejaVu Sans Bold, the widest of the sans-serif faces the app's
 * font stack falls back to (Linux's default; San Francisco, Segoe UI, Roboto and Arial are narrower), so text sized by
 * it fits on every platform.
 */

/** Advance widths in em of DejaVu Sans Bold (semibold 600 renders with the Bold face), measured in Chromium. */
const EM: Readonly<Record<string, number>> = {
  a: 0.67, b: 0.72, c: 0.59, d: 0.72, e: 0.68, f: 0.44, g: 0.72, h: 0.71, i: 0.34, j: 0.34, k: 0.67, l: 0.34, m: 1.04,
  n: 0.71, o: 0.69, p: 0.72, q: 0.72, r: 0.49, s: 0.6, t: 0.48, u: 0.71, v: 0.65, w: 0.92, x: 0.65, y: 0.65, z: 0.58,
  '.': 0.38, '-': 0.42, _: 0.5, ' ': 0.35, '/': 0.37, ':': 0.4,
};
const DIGIT_EM = 0.7;
/** Capitals and anything else: as wide as the widest capitals but one (`W`, `M` are wider; CJK is about 1). */
const OTHER_EM = 0.85;

function charEm(ch: string): number {
  if (ch >= '0' && ch <= '9') return DIGIT_EM;
  return EM[ch] ?? (ch.charCodeAt(0) > 0x2e7f ? 1 : OTHER_EM);
}

/** The width of `text` in bold at `px`, in CSS px (an estimate on the wide side, see above). */
export function boldTextWidth(text: string, px: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * px;
}

/**
 * How many lines `text` takes in bold at `px` in a box `width` wide, broken as the browser breaks it: after a space
 * or a hyphen (UAX #14; `codeartifact.api` has no break at its dot), and inside a run only where the run alone is
 * wider than the line (`overflow-wrap: anywhere`). Greedy, like the browser's line breaker. `midWord` says whether
 * any run had to be broken inside.
 */
export function boldTextLines(text: string, px: number, width: number): { lines: number; midWord: boolean } {
  const runs = text.match(/[^\s-]*(?:-|\s+|$)/g)?.filter((r) => r !== '') ?? [];
  let lines = 1;
  let used = 0;
  let midWord = false;
  for (const run of runs) {
    const w = boldTextWidth(run.trimEnd(), px);
    if (used > 0 && used + w <= width) {
      used += boldTextWidth(run, px);
      continue;
    }
    if (used > 0) lines += 1;
    if (w <= width) {
      used = boldTextWidth(run, px);
      continue;
    }
    // A run wider than the line: broken wherever the line ends.
    midWord = true;
    used = 0;
    for (const ch of run) {
      const c = charEm(ch) * px;
      if (used + c > width && used > 0) {
        lines += 1;
        used = 0;
      }
      used += c;
    }
  }
  return { lines, midWord };
}
