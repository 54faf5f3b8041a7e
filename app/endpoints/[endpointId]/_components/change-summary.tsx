import { ArrowRight, EthernetPort, FileText, Globe, Minus, Plus, Shield } from 'lucide-react';
import { formatUsd, HOURS_PER_MONTH, type CostEstimate } from '@/lib/endpoints/cost';
import type { ChangePreview } from '@/lib/endpoints/modify';

type Row = { key: string; tone: 'add' | 'remove' | 'change'; icon: typeof Plus; text: React.ReactNode; note?: string };

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">{children}</code>;
}

/**
 * What a change to an existing endpoint does, one row per effect: network interfaces created and
 * deleted (by subnet and AZ), security groups added and removed, private DNS, the policy.
 */
export function ChangeSummary({ change, empty }: { change: ChangePreview; empty: string }) {
  const { preview } = change;
  const rows: Row[] = [
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
    ...change.addGroups.map((g) => ({
      key: `+g${g.id}`,
      tone: 'add' as const,
      icon: Shield,
      text: (
        <>
          Security group <b>{g.name}</b>
        </>
      ),
      note: g.name !== g.id ? g.id : undefined,
    })),
    ...change.removeGroups.map((g) => ({
      key: `-g${g.id}`,
      tone: 'remove' as const,
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
  if (!rows.length) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="space-y-2" data-testid="change-list" aria-label={change.summary.join(' ')}>
      {rows.map(({ key, tone, icon: Icon, text, note }) => (
        <li key={key} className="flex gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
          <span
            className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full ${
              tone === 'add'
                ? 'bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300'
                : tone === 'remove'
                  ? 'bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300'
                  : 'bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300'
            }`}
          >
            {tone === 'add' ? <Plus aria-label="adds" className="h-3.5 w-3.5" /> : tone === 'remove' ? <Minus aria-label="removes" className="h-3.5 w-3.5" /> : <ArrowRight aria-label="changes" className="h-3.5 w-3.5" />}
          </span>
          <span className="min-w-0">
            <span className="flex items-center gap-1.5">
              <Icon aria-hidden className="h-3.5 w-3.5 shrink-0 text-slate-400" />
              <span className="min-w-0 break-words">{text}</span>
            </span>
            {note && <span className="block break-words text-xs text-slate-500 dark:text-slate-400">{note}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
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
      <p className="text-xs text-slate-500">
        Rates from{' '}
        <a href={after.source} className="underline hover:text-slate-700 dark:hover:text-slate-300" target="_blank" rel="noreferrer">
          AWS PrivateLink pricing
        </a>
        , checked {after.checkedOn}.
      </p>
    </div>
  );
}
