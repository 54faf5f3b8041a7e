import 'server-only';
import { z } from 'zod';
import { logger } from '@/lib/log/logger';
import { getStore } from '@/lib/store';
import type { AuditQuery } from '@/lib/store/types';
import { isNamedError } from '@/lib/store/errors';

/**
 * The audit log: one JSON line per change or dry run, on stdout (the platform's log) and in the store's
 * `audit` table (what /audit shows; SQLite by default, PostgreSQL shared by replicas). Like CloudTrail, it records refused and failed
 * attempts as well as successes: who, where, what was asked (with the ClientToken), and AWS's answer.
 */

export const AUDIT_ACTIONS = [
  'CreateVpcEndpoint',
  'ModifyVpcEndpoint',
  'DeleteVpcEndpoints',
  'ResetDemoData',
  'SaveSnapshot',
  'RenameSnapshot',
  'DeleteSnapshot',
  /** A request refused at the door (proxy.ts): a host not served, nobody signed in, a cross-site server action. */
  'Request',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditResult = z.object({
  /** ok: done (or, for a dry run, AWS answered DryRunOperation); error: AWS or the store refused; denied: refused here (role, input, rules, host, origin). */
  status: z.enum(['ok', 'error', 'denied']),
  /** The AWS error code (`InvalidRouteTableId.NotFound`, `DryRunOperation`, `UnauthorizedOperation`), or Forbidden/Unauthenticated. */
  code: z.string().optional(),
  message: z.string().optional(),
  /** What the change made or touched: the new endpoint's id, the snapshot's id. */
  resourceId: z.string().optional(),
});
export type AuditResult = z.infer<typeof AuditResult>;

export const AuditEntry = z.object({
  time: z.string(),
  user: z.string(),
  requestId: z.string().optional(),
  source: z.enum(['fixture', 'live']).optional(),
  profile: z.string().optional(),
  region: z.string().optional(),
  action: AuditAction,
  dryRun: z.boolean(),
  request: z.unknown(),
  result: AuditResult,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The audit line of a change could not be written: the change must not be acknowledged as done. */
export class AuditWriteError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, 'AuditWriteError');
  }
  constructor(cause: unknown) {
    super(`The audit line could not be written: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'AuditWriteError';
  }
}

/**
 * Records an audited action: on stdout through the structured log, and in the store (SQLite or
 * PostgreSQL, lib/store), where /audit reads it. `time` is set here; it resolves once the line is committed.
 * By default it never throws (a refusal is answered whether or not its line could be stored; the stdout
 * line still has it). `durable`: the caller acknowledges a write only after its line is stored, so a failed
 * write throws AuditWriteError.
 */
export async function recordAudit(entry: Omit<AuditEntry, 'time'>, options: { durable?: boolean } = {}): Promise<AuditEntry> {
  const full: AuditEntry = { time: new Date().toISOString(), ...entry };
  logger.info({ audit: full, reqId: full.requestId }, 'audit');
  try {
    await getStore().audit.append({ time: full.time, user: full.user, action: full.action, json: JSON.stringify(full) });
  } catch (err) {
    logger.error({ err, reqId: full.requestId }, 'audit line could not be stored');
    if (options.durable) throw new AuditWriteError(err);
  }
  return full;
}

export type { AuditQuery } from '@/lib/store/types';

/** One page of the audit log, newest first, filtered and paged by the store; `next` pages on (null: the last page). */
export async function queryAudit(query: AuditQuery = {}): Promise<{ entries: AuditEntry[]; users: string[]; next: number | null }> {
  const store = getStore().audit;
  const [page, users] = await Promise.all([store.query(query), store.users()]);
  const entries: AuditEntry[] = [];
  for (const row of page.rows) {
    try {
      const parsed = AuditEntry.safeParse(JSON.parse(row.entry));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // A line imported from an old audit.jsonl that someone edited by hand: skipped, never fatal.
    }
  }
  return { entries, users, next: page.next };
}
