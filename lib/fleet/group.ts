import { FINDING_RULE_LABELS, FINDING_RULES, SEVERITIES, type FindingRule } from '@/lib/analysis/findings';
import type { FleetFinding, FleetFindingItem } from './types';

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * The findings of every account-region grouped by rule: how many findings, in how many VPCs of how many
 * accounts, and the summed monthly money of those that have one ("S3 through NAT in 14 VPCs of 9 accounts,
 * about $X a month"). Groups most severe first, then by the number of VPCs, then in the rules' own order; items
 * by account name, region and VPC.
 */
export function groupFindings(items: readonly FleetFindingItem[]): FleetFinding[] {
  const byRule = new Map<FindingRule, FleetFindingItem[]>();
  for (const item of items) {
    const list = byRule.get(item.rule);
    if (list) list.push(item);
    else byRule.set(item.rule, [item]);
  }
  const sev = (s: FleetFinding['severity']) => SEVERITIES.indexOf(s);
  const groups = [...byRule].map(([rule, list]): FleetFinding => {
    const sorted = [...list].sort(
      (a, b) =>
        a.accountName.localeCompare(b.accountName) ||
        a.accountId.localeCompare(b.accountId) ||
        a.region.localeCompare(b.region) ||
        a.vpcId.localeCompare(b.vpcId) ||
        a.findingId.localeCompare(b.findingId),
    );
    const money = sorted.flatMap((i) => (i.monthlyUsd === null ? [] : [i.monthlyUsd]));
    return {
      rule,
      title: FINDING_RULE_LABELS[rule] ?? rule,
      severity: sorted.reduce((worst, i) => (sev(i.severity) < sev(worst) ? i.severity : worst), sorted[0]!.severity),
      count: sorted.length,
      vpcCount: new Set(sorted.map((i) => `${i.accountId}/${i.region}/${i.vpcId}`)).size,
      accountCount: new Set(sorted.map((i) => i.accountId)).size,
      monthlyUsd: money.length ? cents(money.reduce((a, x) => a + x, 0)) : null,
      items: sorted,
    };
  });
  return groups.sort((a, b) => sev(a.severity) - sev(b.severity) || b.vpcCount - a.vpcCount || FINDING_RULES.indexOf(a.rule) - FINDING_RULES.indexOf(b.rule));
}
