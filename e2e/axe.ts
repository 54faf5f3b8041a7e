import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core over the page as it is now (WCAG 2.1 A and AA rules): no violation of serious or critical impact. The
 * failure lists each violation with the elements it found, so the message says what to fix.
 *
 * Left out: the canvas's dimmed nodes and edges (`.atlas-dim`). With a selection, what is not related to it fades on
 * purpose so the related part stands out; a faded node is one click (or Escape) from full contrast, and its name is
 * read out in full (its accessible name), so it is a view the user chose, not text we failed to make readable.
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.atlas-dim').analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n').slice(1, 3).join(' ') ?? ''}`).join('\n')}`);
  expect(report, `axe on ${what}`).toEqual([]);
}
