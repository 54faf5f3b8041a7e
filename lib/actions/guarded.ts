import 'server-only';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { actorFor, auditAction, auditDenial, auditRefusal, type AuditActor, type AuditScope } from '@/lib/audit/actor';
import { AuditWriteError, type AuditAction, type AuditEntry } from '@/lib/audit/log';
import type { Role, Viewer } from '@/lib/auth/types';
import { requireRole } from '@/lib/auth/viewer';
import type { Source } from '@/lib/ec2/backend';
import { resolveWriteScope } from '@/lib/endpoints/scope';
import { requestLogger } from '@/lib/log/request';
import { describeLoadFailure } from '@/lib/topology/errors';

/**
 * The guarded server action: every write action of app/**\/actions.ts runs through `guarded`, which does the
 * cross-cutting part in one order, so an action keeps only what it does (the way openstatus's
 * `protectedProcedure` puts auth first):
 * 1. role: `requireRole`; a refusal (401 nobody signed in, 403 a viewer) is audited and answered;
 * 2. input: the zod schema; a refusal is audited (`InvalidInput`) and answered in the action's own words;
 * 3. write scope (actions that write to a source): the source and profile as pages resolve them, and live
 *    writes on (ATLAS_LIVE_WRITES) unless it is a dry run; each refusal audited;
 * 4. the action's body, with the parsed input, the viewer, its audit actor and a request-scoped logger;
 *    a refusal it decides (a rule the topology breaks) goes through `ctx.refuse`, which audits it;
 * 5. errors: a known one becomes the action's message (`failed`), anything else is logged with the request
 *    id (`requestLogger`) and answered with a sentence, never a stack.
 * Audit lines the body writes with `ctx.audit` are durable: the answer waits for the line, and when it cannot
 * be written the action answers that it is not confirmed instead of "done". A lint rule (eslint.config.mjs)
 * keeps app/**\/actions.ts from checking roles, auditing or resolving write scopes on their own.
 */

/** A refusal or failure, as every action answers it. `fieldErrors` is the action's own shape (string or list per field). */
export type ActionFailure<FE = Record<string, never>> = { ok: false; error: string; fieldErrors: FE; status?: 401 | 403 };

export interface GuardSpec<I, FE> {
  /** The audited name of the change. */
  action: AuditAction;
  /** Ends the refusal's sentences: "Only editors can <doing>." */
  doing: string;
  role: Role;
  /** A dry run: recorded as such, and allowed while live writes are off. */
  dryRun?: boolean;
  schema: z.ZodType<I>;
  /** The answer to input the schema refuses, in the form's words. Default: the first problem, per field. */
  invalid?: (error: z.ZodError) => ActionFailure<FE>;
  /** For actions that write to a source: the source and profile the input names (step 3). */
  writeTarget?: (input: I) => { source?: Source | undefined; profile?: string | undefined };
  /** Where the change points, for audit lines written before the write scope is known. */
  auditScope?: (input: I) => AuditScope;
  /** A known error as the action's answer (undefined: not one it knows). */
  failed?: (err: unknown) => ActionFailure<FE> | undefined;
  /** The sentence for an unexpected error. Default: the load failure's own message. */
  internalError?: string;
}

export interface GuardContext<I, FE> {
  input: I;
  viewer: Viewer;
  actor: AuditActor;
  /** The resolved source and profile (write actions), else what auditScope said. */
  scope: AuditScope & { source?: Source; profile?: string };
  log: Logger;
  /** Refuses after the checks above (a rule the current topology breaks): one denied audit line, then the answer. */
  refuse(code: string, answer: ActionFailure<FE>): Promise<ActionFailure<FE>>;
  /** Records the outcome and waits for the line (throws AuditWriteError when it cannot be written); `where` adds to the scope. */
  audit(fields: Pick<AuditEntry, 'request' | 'result'> & { dryRun?: boolean }, where?: AuditScope): Promise<void>;
}

function defaultInvalid<FE>(error: z.ZodError): ActionFailure<FE> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join('.') || 'input'] ??= issue.message;
  return { ok: false, error: Object.values(fieldErrors)[0] ?? 'The request could not be read.', fieldErrors: fieldErrors as FE };
}

/** A refusal's sentence, for the audit line: the answer's error and its field messages. */
function reasonOf(answer: ActionFailure<unknown>): string {
  const fields = Object.entries((answer.fieldErrors ?? {}) as Record<string, string | string[]>).map(
    ([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' ') : v}`,
  );
  return [answer.error, ...fields].join(' | ').slice(0, 2000);
}

/** Runs `body` behind the checks in the header. */
export async function guarded<I, R, FE = Record<string, never>>(
  spec: GuardSpec<I, FE>,
  raw: unknown,
  body: (ctx: GuardContext<I, FE>) => Promise<R>,
): Promise<R | ActionFailure<FE>> {
  const dryRun = spec.dryRun ?? false;
  const log = (await requestLogger()).child({ action: spec.action });
  const who = await requireRole(spec.role, spec.doing);
  if (!who.ok) {
    await auditRefusal(who, spec.action, {}, raw, dryRun);
    return { ok: false, status: who.status, error: who.error, fieldErrors: {} as FE };
  }
  const actor = await actorFor(who.viewer);
  const deny = async (scope: AuditScope, request: unknown, code: string, answer: ActionFailure<FE>) => {
    await auditDenial(actor, spec.action, scope, request, dryRun, { code, message: reasonOf(answer) });
    return answer;
  };

  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) return deny({}, raw, 'InvalidInput', (spec.invalid ?? defaultInvalid<FE>)(parsed.error));
  const input = parsed.data;
  let scope: GuardContext<I, FE>['scope'] = spec.auditScope?.(input) ?? {};

  if (spec.writeTarget) {
    const target = spec.writeTarget(input);
    const resolved = await resolveWriteScope(target.source, target.profile);
    if (!resolved.ok) return deny(scope, input, 'InvalidScope', { ok: false, error: resolved.error, fieldErrors: {} as FE });
    scope = { ...scope, source: resolved.source, ...(resolved.profile ? { profile: resolved.profile } : {}) };
    if (!dryRun && !resolved.writes.enabled) {
      return deny(scope, input, 'WritesDisabled', { ok: false, error: resolved.writes.reason ?? 'Writes are off.', fieldErrors: {} as FE });
    }
  }

  const ctx: GuardContext<I, FE> = {
    input,
    viewer: who.viewer,
    actor,
    scope,
    log,
    refuse: (code, answer) => deny(scope, input, code, answer),
    audit: async (fields, where) => {
      await auditAction(actor, spec.action, { ...scope, ...where }, { dryRun, ...fields }, { durable: true });
    },
  };
  try {
    return await body(ctx);
  } catch (err) {
    if (err instanceof AuditWriteError) {
      log.error({ err }, 'audit line could not be written; the answer says so');
      return {
        ok: false,
        error: 'Not confirmed: the audit log could not be written, so this change is not acknowledged. See the server log before trying again.',
        fieldErrors: {} as FE,
      };
    }
    const known = spec.failed?.(err);
    if (known) return known;
    const failure = describeLoadFailure(err);
    if (failure.code === 'Internal') log.error({ err }, `${spec.action} failed`);
    return { ok: false, error: failure.code === 'Internal' && spec.internalError ? spec.internalError : failure.message, fieldErrors: {} as FE };
  }
}
