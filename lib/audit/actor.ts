import 'server-only';
import type { RoleCheck, Viewer } from '@/lib/auth/types';
import { currentRequestId } from '@/lib/log/request';
import { recordAudit, type AuditAction, type AuditEntry } from './log';

/** Who an audited change is for: the user id the log records, and the request that asked. */
export interface AuditActor {
  user: string;
  requestId?: string;
}

/** The actor for a viewer in the current request. */
export async function actorFor(viewer: Viewer): Promise<AuditActor> {
  const requestId = await currentRequestId();
  return { user: viewer.id, ...(requestId ? { requestId } : {}) };
}

/** Where an audited action pointed: source, region and profile, when it concerns a region. */
export type AuditScope = Pick<AuditEntry, 'source' | 'region' | 'profile'>;

/** Records one audited action for `actor` (`durable`: see recordAudit). */
export function auditAction(
  actor: AuditActor,
  action: AuditAction,
  scope: AuditScope,
  fields: Pick<AuditEntry, 'dryRun' | 'request' | 'result'>,
  options: { durable?: boolean } = {},
) {
  return recordAudit({
    user: actor.user,
    ...(actor.requestId ? { requestId: actor.requestId } : {}),
    ...(scope.source ? { source: scope.source } : {}),
    ...(scope.profile ? { profile: scope.profile } : {}),
    ...(scope.region ? { region: scope.region } : {}),
    action,
    ...fields,
  }, options);
}

/** Refused requests are not parsed yet and may be anything: at most this much of one goes into the log. */
const MAX_REFUSED_REQUEST_CHARS = 4096;

function boundedRequest(request: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(request);
  } catch {
    return { unserializable: true };
  }
  if (text === undefined || text.length <= MAX_REFUSED_REQUEST_CHARS) return request;
  return { truncated: true, length: text.length, start: text.slice(0, MAX_REFUSED_REQUEST_CHARS) };
}

/**
 * Records an attempt refused before it ran (input the schema refuses, a rule the topology breaks, writes off),
 * as CloudTrail records AccessDenied: one `denied` line with the reason. `request` is bounded: it may be anything.
 */
export async function auditDenial(
  actor: AuditActor,
  action: AuditAction,
  scope: AuditScope,
  request: unknown,
  dryRun: boolean,
  reason: { code: string; message: string },
) {
  await auditAction(actor, action, scope, { dryRun, request: boundedRequest(request), result: { status: 'denied', ...reason } });
}

/**
 * Records an attempt the role check refused (a viewer, or nobody signed in, calling a write action
 * anyway), as CloudTrail records AccessDenied: the refusal is worth knowing about.
 */
export async function auditRefusal(check: Extract<RoleCheck, { ok: false }>, action: AuditAction, scope: AuditScope, request: unknown, dryRun = false) {
  const requestId = await currentRequestId();
  await auditDenial({ user: check.viewer?.id ?? '(not signed in)', ...(requestId ? { requestId } : {}) }, action, scope, request, dryRun, {
    code: check.status === 401 ? 'Unauthenticated' : 'Forbidden',
    message: check.error,
  });
}
