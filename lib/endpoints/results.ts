import type { FieldErrors } from './types';

/** What the endpoint actions answer; the forms render it. Plain data. `status` 401/403: the role check refused. */

/**
 * A DryRun's answer. `ignored`: the EC2 endpoint (an emulator: moto, LocalStack) ignored DryRun and made the
 * change for real; AWS never does that. The forms show it as a warning, not as "allowed".
 */
export type DryRunAnswer = { allowed: boolean; message: string; ignored?: true };

/** lib/endpoints/write.ts's dry-run outcome (its code `DryRunIgnored` when an emulator made the change) as the forms' answer. */
export function toDryRunAnswer(outcome: { allowed: boolean; message: string; code: string }): DryRunAnswer {
  return outcome.code === 'DryRunIgnored' ? { allowed: outcome.allowed, message: outcome.message, ignored: true } : { allowed: outcome.allowed, message: outcome.message };
}

export type SubmitEndpointResult =
  | { ok: true; kind: 'created'; endpointId: string; state: string; redirectTo: string }
  | { ok: true; kind: 'dry-run'; dryRun: DryRunAnswer }
  | { ok: false; error: string; fieldErrors: FieldErrors; dryRun?: DryRunAnswer; status?: 401 | 403 };

export type ChangeEndpointResult =
  | { ok: true; kind: 'done'; message: string; redirectTo?: string }
  | { ok: true; kind: 'dry-run'; dryRun: DryRunAnswer }
  | { ok: false; error: string; fieldErrors: FieldErrors; status?: 401 | 403 };

/**
 * Whether the endpoint is no longer what the page was drawn from: a change was saved, or an emulator ignored a
 * DryRun and ran it for real. Either way the page must read the endpoint again.
 */
export function changedEndpoint(result: ChangeEndpointResult): boolean {
  return result.ok && (result.kind === 'done' || !!result.dryRun.ignored);
}
