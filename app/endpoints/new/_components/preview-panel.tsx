'use client';

import { CircleX, FlaskConical, LoaderCircle, Rocket } from 'lucide-react';
import { useState } from 'react';
import { formatUsd, HOURS_PER_MONTH, type CostEstimate } from '@/lib/endpoints/cost';
import type { EndpointPreview } from '@/lib/endpoints/preview';
import type { DryRunAnswer } from '@/lib/endpoints/results';
import { ChangeList } from '../../_components/change-list';
import { CodeBlock } from '../../_components/code-block';
import { PricingSource, ResultLine, WritesOff } from '../../_components/ui';
import { buttonClass } from '@/components/ui/button-styles';

export interface SubmitState {
  pending: 'create' | 'dry-run' | null;
  dryRun: DryRunAnswer | null;
  error: string | null;
}

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-2.5">
      <h3 className="text-xs font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">{title}</h3>
      {children}
    </div>
  );
}

function Cost({ cost }: { cost: CostEstimate }) {
  if (cost.kind === 'free') {
    return (
      <div data-testid="cost">
        <p className="text-2xl font-semibold tracking-tight">Free</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{cost.note}</p>
      </div>
    );
  }
  if (cost.kind === 'unknown') return <p data-testid="cost" className="text-sm text-slate-600 dark:text-slate-400">{cost.note}</p>;
  return (
    <div data-testid="cost">
      <p className="text-2xl font-semibold tracking-tight">
        {formatUsd(cost.monthly)}
        <span className="text-sm font-normal text-slate-500"> / month</span>
      </p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {cost.azs} AZ{cost.azs === 1 ? '' : 's'} × {HOURS_PER_MONTH} h × {formatUsd(cost.hourlyPerAz)}, plus {formatUsd(cost.perGb)} per GB processed (through a NAT gateway: {formatUsd(cost.natPerGb)}/GB).
      </p>
      <PricingSource cost={cost} className="mt-1" />
    </div>
  );
}

/** The right-hand column: what will change (in words and on the graph), what it costs, the same request as code, and the buttons. */
export function PreviewPanel({
  preview,
  cost,
  cli,
  terraform,
  emptyChanges,
  graph,
  writes,
  state,
  onSubmit,
}: {
  preview: EndpointPreview;
  /** The change drawn on the VPC's graph, under the list. */
  graph?: React.ReactNode;
  cost: CostEstimate | null;
  cli: string;
  terraform: string;
  emptyChanges: string;
  writes: { enabled: boolean; reason: string | null };
  state: SubmitState;
  onSubmit: (mode: 'create' | 'dry-run') => void;
}) {
  const [tab, setTab] = useState<'cli' | 'terraform'>('cli');
  const busy = state.pending !== null;
  return (
    <aside aria-label="Preview" className="space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <Block title="What will change">
        <ChangeList preview={preview} empty={emptyChanges} />
        {graph}
      </Block>
      <Block title="Monthly cost">
        {cost ? <Cost cost={cost} /> : <p className="text-sm text-slate-500 dark:text-slate-400">Choose subnets to see what the endpoint costs.</p>}
      </Block>
      <Block title="As code">
        <div role="tablist" aria-label="Code format" className="inline-flex rounded-lg bg-slate-100 p-0.5 text-sm dark:bg-slate-800">
          {(['cli', 'terraform'] as const).map((t) => (
            <button
              key={t}
              role="tab"
              type="button"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={`rounded-md px-3 py-1 ${tab === t ? 'bg-white font-medium shadow-sm dark:bg-slate-950' : 'text-slate-600 dark:text-slate-400'}`}
            >
              {t === 'cli' ? 'AWS CLI' : 'Terraform'}
            </button>
          ))}
        </div>
        {tab === 'cli' ? <CodeBlock code={cli} label="AWS CLI" /> : <CodeBlock code={terraform} label="Terraform" />}
      </Block>

      <div className="space-y-3 border-t border-slate-100 pt-5 dark:border-slate-800" data-testid="submit-area">
        {state.dryRun && (
          <ResultLine tone={state.dryRun.ignored ? 'warn' : state.dryRun.allowed ? 'good' : 'bad'} testId="dry-run-result">
            {state.dryRun.message}
          </ResultLine>
        )}
        {state.error && (
          <p role="alert" data-testid="submit-error" className="flex gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/60 dark:text-red-100">
            <CircleX aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
            <span>{state.error}</span>
          </p>
        )}
        {!writes.enabled && <WritesOff reason={writes.reason} testId="writes-off" />}
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            disabled={busy}
            onClick={() => onSubmit('dry-run')}
            className={`${buttonClass(writes.enabled ? 'secondary' : 'primary', 'lg')} flex-1`}
          >
            {state.pending === 'dry-run' ? <LoaderCircle aria-hidden className="h-4 w-4 animate-spin" /> : <FlaskConical aria-hidden className="h-4 w-4" />}
            Dry run
          </button>
          {writes.enabled && (
            <button
              type="button"
              disabled={busy}
              onClick={() => onSubmit('create')}
              className={`${buttonClass('primary', 'lg')} flex-1`}
            >
              {state.pending === 'create' ? <LoaderCircle aria-hidden className="h-4 w-4 animate-spin" /> : <Rocket aria-hidden className="h-4 w-4" />}
              {state.pending === 'create' ? 'Creating…' : 'Create endpoint'}
            </button>
          )}
        </div>
      </div>
    </aside>
  );
}
