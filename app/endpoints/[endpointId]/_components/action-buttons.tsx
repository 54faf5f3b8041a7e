'use client';

import { FlaskConical, LoaderCircle } from 'lucide-react';
import type { ChangeEndpointResult } from '@/lib/endpoints/results';
import { ResultLine, WritesOff } from '../../_components/ui';
import { buttonClass } from '@/components/ui/button-styles';

/** The result line and the Dry run / apply buttons of the endpoint page's editors and its delete form. */
export function ActionButtons({
  result,
  pending,
  writes,
  applyLabel,
  applyTone = 'primary',
  disabled,
  onSubmit,
  testIdPrefix,
  onCancel,
}: {
  result: ChangeEndpointResult | null;
  pending: 'apply' | 'dry-run' | null;
  writes: { enabled: boolean; reason: string | null };
  applyLabel: string;
  applyTone?: 'primary' | 'danger';
  disabled?: boolean;
  onSubmit: (mode: 'apply' | 'dry-run') => void;
  /** Names the result line (`<prefix>-result`) and the writes-off note for tests. */
  testIdPrefix?: string;
  /** A Cancel button after the others (the delete confirmation closes with it). */
  onCancel?: () => void;
}) {
  const message: { tone: 'good' | 'warn' | 'bad'; text: string } | null = !result
    ? null
    : result.ok
      ? result.kind === 'dry-run'
        ? { tone: result.dryRun.ignored ? 'warn' : result.dryRun.allowed ? 'good' : 'bad', text: result.dryRun.message }
        : { tone: 'good', text: result.message }
      : { tone: 'bad', text: result.error };
  return (
    <div className="space-y-3">
      {message && (
        <ResultLine tone={message.tone} testId={testIdPrefix ? `${testIdPrefix}-result` : undefined}>
          {message.text}
        </ResultLine>
      )}
      {!writes.enabled && <WritesOff reason={writes.reason} testId={testIdPrefix ? `${testIdPrefix}-writes-off` : undefined} />}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          disabled={pending !== null || disabled}
          onClick={() => onSubmit('dry-run')}
          // With writes off the dry run is what this form can do: it takes the primary look, as on the create form.
          className={buttonClass(writes.enabled ? 'secondary' : 'primary', 'lg')}
        >
          {pending === 'dry-run' ? <LoaderCircle aria-hidden className="h-4 w-4 animate-spin" /> : <FlaskConical aria-hidden className="h-4 w-4" />}
          Dry run
        </button>
        {writes.enabled && (
          <button
            type="button"
            disabled={pending !== null || disabled}
            onClick={() => onSubmit('apply')}
            className={buttonClass(applyTone === 'danger' ? 'danger' : 'primary', 'lg')}
          >
            {pending === 'apply' && <LoaderCircle aria-hidden className="h-4 w-4 animate-spin" />}
            {applyLabel}
          </button>
        )}
        {onCancel && (
          <button
            type="button"
            disabled={pending !== null}
            onClick={onCancel}
            className={buttonClass('quiet', 'lg')}
          >
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
