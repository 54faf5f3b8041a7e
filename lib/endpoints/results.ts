import type { FieldErrors } from './types';

/** What the endpoint actions answer; the forms render it. Plain data. `status` 401/403: the role check refused. */

export type DryRunAnswer = { allowed: boolean; message: string };

export type SubmitEndpointResult =
  | { ok: true; kind: 'created'; endpointId: string; state: string; redirectTo: string }
  | { ok: true; kind: 'dry-run'; dryRun: DryRunAnswer }
  | { ok: false; error: string; fieldErrors: FieldErrors; dryRun?: DryRunAnswer; status?: 401 | 403 };

export type ChangeEndpointResult =
  | { ok: true; kind: 'done'; message: string; redirectTo?: string }
  | { ok: true; kind: 'dry-run'; dryRun: DryRunAnswer }
  | { ok: false; error: string; fieldErrors: FieldErrors; status?: 401 | 403 };
