'use client';

import { ChevronRight, ExternalLink } from 'lucide-react';
import { useState } from 'react';
import { SEVERITY_STYLES, SeverityPill } from '@/components/analysis/severity';
import { findingHeadline, formatUsd } from '@/lib/fleet/table-view';
import type { FleetFinding } from '@/lib/fleet/types';
import { toolbarButton } from '@/components/ui/button-styles';

/** Items a rule shows before "Show all". */
const FIRST_ITEMS = 25;

function FindingGroup({ finding, frozen }: { finding: FleetFinding; frozen: boolean }) {
  const [all, setAll] = useState(false);
  // The items are drawn once the group is opened: a large fleet has thousands.
  const [open, setOpen] = useState(false);
  const items = all ? finding.items : finding.items.slice(0, FIRST_ITEMS);
  return (
    <details
      className="group rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid="fleet-finding"
      data-rule={finding.rule}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="flex cursor-pointer list-none items-center gap-3 px-3 py-2.5">
        <ChevronRight aria-hidden size={16} className="shrink-0 text-slate-400 transition-transform group-open:rotate-90" />
        <span className={`h-2 w-2 shrink-0 rounded-full ${SEVERITY_STYLES[finding.severity].dot}`} aria-hidden />
        <SeverityPill severity={finding.severity} />
        <span className="min-w-0 flex-1 font-medium" data-testid="fleet-finding-headline">
          {findingHeadline(finding)}
        </span>
        <span className="shrink-0 text-xs text-slate-500">
          {finding.count.toLocaleString('en-US')} finding{finding.count === 1 ? '' : 's'}
        </span>
      </summary>
      {open ? (
        <div className="border-t border-slate-100 dark:border-slate-800">
          <table className="w-full table-fixed text-sm">
            <colgroup>
              <col className="w-[24%]" />
              <col className="w-[11%]" />
              <col className="w-[20%]" />
              <col />
              <col className="w-[9%]" />
              <col className="w-[9%]" />
            </colgroup>
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-1.5 text-left font-semibold">Account</th>
                <th scope="col" className="px-3 py-1.5 text-left font-semibold">Region</th>
                <th scope="col" className="px-3 py-1.5 text-left font-semibold">VPC</th>
                <th scope="col" className="px-3 py-1.5 text-left font-semibold">Finding</th>
                <th scope="col" className="px-3 py-1.5 text-right font-semibold">/mo</th>
                <th scope="col" className="px-3 py-1.5"><span className="sr-only">Open</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {items.map((item) => (
                <tr key={`${item.accountId}|${item.region}|${item.findingId}`} data-testid="fleet-finding-item">
                  <td className="truncate px-3 py-1.5" title={`${item.accountName} (${item.accountId})`}>
                    {item.accountName}
                  </td>
                  <td className="px-3 py-1.5 font-mono text-xs">{item.region}</td>
                  <td className="truncate px-3 py-1.5" title={item.vpcId}>
                    {item.vpcName && item.vpcName !== item.vpcId ? (
                      <>
                        {item.vpcName} <span className="font-mono text-xs text-slate-500">{item.vpcId}</span>
                      </>
                    ) : (
                      <span className="font-mono text-xs">{item.vpcId}</span>
                    )}
                  </td>
                  <td className="truncate px-3 py-1.5 text-slate-700 dark:text-slate-300" title={item.title}>
                    {item.title}
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{item.monthlyUsd ? formatUsd(item.monthlyUsd) : ''}</td>
                  <td className="px-3 py-1.5 text-right">
                    {frozen ? null : (
                      <a
                        href={item.href}
                        className="inline-flex items-center gap-1 text-teal-700 hover:underline dark:text-teal-400"
                        aria-label={`Open ${item.vpcName || item.vpcId} in ${item.accountName}, ${item.region}`}
                        data-testid="fleet-finding-link"
                      >
                        Open <ExternalLink aria-hidden size={13} />
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {finding.items.length > FIRST_ITEMS ? (
            <div className="border-t border-slate-100 px-3 py-2 dark:border-slate-800">
              <button type="button" className={toolbarButton} onClick={() => setAll(!all)}>
                {all ? `Show the first ${FIRST_ITEMS}` : `Show all ${finding.items.length.toLocaleString('en-US')}`}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}

/** The fleet's findings grouped by rule, most severe first; each item links to its VPC in its account and region. */
export function FleetFindings({ findings, frozen = false, loading }: { findings: FleetFinding[]; frozen?: boolean; loading: boolean }) {
  return (
    <section aria-labelledby="fleet-findings-heading" className="space-y-2" data-testid="fleet-findings">
      <h2 id="fleet-findings-heading" className="text-lg font-semibold tracking-tight">
        Findings across the fleet
        {loading ? <span className="ml-2 text-sm font-normal text-slate-500">so far; more arrive as account-regions load</span> : null}
      </h2>
      {findings.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-500 dark:border-slate-700">
          {loading ? 'No findings in the account-regions loaded so far.' : 'No findings in the account-regions shown.'}
        </p>
      ) : (
        findings.map((f) => <FindingGroup key={f.rule} finding={f} frozen={frozen} />)
      )}
    </section>
  );
}
