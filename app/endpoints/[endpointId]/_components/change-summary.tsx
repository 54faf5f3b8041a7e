import { ArrowRight, EthernetPort, FileText, Globe, Shield } from 'lucide-react';
import { formatUsd, HOURS_PER_MONTH, type CostEstimate } from '@/lib/endpoints/cost';
import type { ChangePreview } from '@/lib/endpoints/modify';
import { ChangeRows, Code, type ChangeRow } from '../../_components/change-list';
import { PricingSource } from '../../_components/ui';

/**
 * What a change to an existing endpoint does, one row per effect: network interfaces created and
 * deleted (by subnet and AZ), security groups added and removed, private DNS, the policy.
 */
export function ChangeSummary({ change, empty }: { change: ChangePreview; empty: string }) {
  const { preview } = change;
  const rows: ChangeRow[] = [
    ...preview.addNetworkInterfaces.map((n) => ({
      key: `+n${n.subnetId}`,
      tone: 'add' as const,
      icon: EthernetPort,
      text: (
        <>
          Network interface in <b>{n.subnetName}</b>
        </>
      ),
      note: `${n.az} · a free address of the subnet`,
    })),
    ...preview.removeNetworkInterfaces.map((n) => ({
      key: `-n${n.subnetId}`,
      tone: 'remove' as const,
      icon: EthernetPort,
      text: (
        <>
          Network interface {n.networkInterfaceId && <Code>{n.networkInterfaceId}</Code>} in <b>{n.subnetName}</b>
        </>
      ),
      note: `${n.az}${n.privateIp ? ` · ${n.privateIp} is freed` : ''}`,
    })),
    ...[...change.addGroups.map((g) => ['add', g] as const), ...change.removeGroups.map((g) => ['remove', g] as const)].map(([tone, g]) => ({
      key: `${tone === 'add' ? '+' : '-'}g${g.id}`,
      tone,
      icon: Shield,
      text: (
        <>
          Security group <b>{g.name}</b>
        </>
      ),
      note: g.name !== g.id ? g.id : undefined,
    })),
  ];
  if (change.privateDns) {
    rows.push({
      key: 'dns',
      tone: change.privateDns.to ? 'add' : 'remove',
      icon: Globe,
      text: <>Private DNS {change.privateDns.to ? 'on' : 'off'}</>,
      note: change.privateDns.name
        ? change.privateDns.to
          ? `${change.privateDns.name} resolves to the endpoint inside the VPC`
          : `${change.privateDns.name} resolves to the public endpoint again`
        : undefined,
    });
  }
  if (change.policy) {
    rows.push({
      key: 'policy',
      tone: 'change',
      icon: FileText,
      text: change.policy === 'reset' ? <>Policy back to AWS’s default</> : <>Policy replaced</>,
      note: change.policy === 'reset' ? 'full access for every principal' : 'the document in the editor',
    });
  }
  return <ChangeRows rows={rows} summary={change.summary} empty={empty} />;
}

/** The monthly cost before and after the change, with the difference; rates as the create form shows them. */
export function CostChange({ before, after }: { before: CostEstimate; after: CostEstimate }) {
  if (before.kind !== 'hourly' || after.kind !== 'hourly') {
    const note = after.kind === 'unknown' ? after.note : before.kind === 'unknown' ? before.note : null;
    return note ? (
      <p data-testid="cost" className="text-sm text-slate-600 dark:text-slate-400">
        {note}
      </p>
    ) : null;
  }
  const diff = Math.round((after.monthly - before.monthly) * 100) / 100;
  return (
    <div data-testid="cost" className="space-y-1">
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className={diff !== 0 ? 'text-base text-slate-500 line-through decoration-slate-400 dark:text-slate-400' : 'sr-only'}>{formatUsd(before.monthly)}</span>
        {diff !== 0 && <ArrowRight aria-label="becomes" className="h-4 w-4 self-center text-slate-400" />}
        <span className="text-2xl font-semibold tracking-tight" data-testid="cost-after">
          {formatUsd(after.monthly)}
        </span>
        <span className="text-sm text-slate-500">/ month</span>
        {diff === 0 && <span className="rounded-md bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">unchanged</span>}
        {diff !== 0 && (
          <span
            data-testid="cost-diff"
            className={`rounded-md px-1.5 py-0.5 text-xs font-medium ${
              diff > 0 ? 'bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-200' : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
            }`}
          >
            {diff > 0 ? '+' : '−'}
            {formatUsd(Math.abs(diff))}
          </span>
        )}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {after.azs} AZ{after.azs === 1 ? '' : 's'} × {HOURS_PER_MONTH} h × {formatUsd(after.hourlyPerAz)}
        {diff !== 0 && ` (${before.azs} AZ${before.azs === 1 ? '' : 's'} today)`}, plus {formatUsd(after.perGb)} per GB processed.
      </p>
      <PricingSource cost={after} />
    </div>
  );
}
