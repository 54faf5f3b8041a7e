/** Findings in the overview: a group carries the findings of the resources it stands for. */

import { worseSeverity, type FindingSummary } from '@/lib/graph/overlay';

/**
 * The finding badges of the overview: every badge of the detail, plus one per group that sums its members' counts
 * at the worst of their severities (a class of 180 tables where 3 have a blackhole shows 3, high). Returns `findings`
 * itself when no group has any.
 */
export function rollUpFindings(
  findings: ReadonlyMap<string, FindingSummary>,
  groups: ReadonlyMap<string, readonly string[]>,
): ReadonlyMap<string, FindingSummary> {
  let result: Map<string, FindingSummary> | null = null;
  for (const [groupId, members] of groups) {
    let summary: FindingSummary | null = null;
    for (const m of members) {
      const f = findings.get(m);
      if (!f) continue;
      summary = summary
        ? { count: summary.count + f.count, severity: worseSeverity(f.severity, summary.severity) ? f.severity : summary.severity }
        : { ...f };
    }
    if (!summary) continue;
    result ??= new Map(findings);
    result.set(groupId, summary);
  }
  return result ?? findings;
}
