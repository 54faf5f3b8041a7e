'use client';

import { FieldMessages } from '../../_components/ui';
import { ActionButtons } from './action-buttons';
import type { EndpointAction } from './use-endpoint-action';

/**
 * The end of each endpoint editor: what will change (its `children`), what stops it as a whole, and the answer with
 * Dry run and the save button.
 */
export function EditorSubmit({
  children,
  errors,
  action,
  writes,
  applyLabel,
  disabled,
  testIdPrefix,
  divided = false,
}: {
  children: React.ReactNode;
  /** Problems of the change as a whole, not of one field. */
  errors?: string[];
  action: EndpointAction;
  writes: { enabled: boolean; reason: string | null };
  applyLabel: string;
  disabled: boolean;
  /** Names the answer line (`<prefix>-result`) and the writes-off note for tests. */
  testIdPrefix?: string;
  /** A rule above the buttons, under a long change. */
  divided?: boolean;
}) {
  return (
    <>
      {children}
      <FieldMessages field="form" errors={errors} />
      <div className={divided ? 'border-t border-slate-100 pt-4 dark:border-slate-800' : undefined}>
        <ActionButtons result={action.result} pending={action.pending} writes={writes} applyLabel={applyLabel} disabled={disabled} onSubmit={(mode) => void action.submit(mode)} testIdPrefix={testIdPrefix} />
      </div>
    </>
  );
}
