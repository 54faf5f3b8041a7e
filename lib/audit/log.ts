import 'server-only';
import { open, readFile, stat } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log/logger';

/**
 * The audit log: one JSON line per change or dry run, on stdout (the platform's log) and appended to
 * `ATLAS_DATA_DIR/audit.jsonl` (what /audit shows). Like CloudTrail, it records refused and failed
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

/** Where the log is appended: ATLAS_DATA_DIR/audit.jsonl. */
export function auditFile(): string {
  return path.join(getConfig().dataDir, 'audit.jsonl');
}

/**
 * Appends one entry to `file` as one line. The file is opened with O_APPEND and the line goes out in a
 * single write(2): on a local file system concurrent appends from several processes never interleave
 * inside a line, and a crash leaves at most a last line without its newline (which readAudit skips).
 */
export async function appendAuditLine(file: string, entry: AuditEntry): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
  const handle = await open(file, 'a', 0o640);
  try {
    const { bytesWritten } = await handle.write(line, 0, line.length);
    if (bytesWritten !== line.length) throw new Error(`short write to ${file}: ${bytesWritten} of ${line.length} bytes`);
  } finally {
    await handle.close();
  }
}

/** The audit line of a change could not be written: the change must not be acknowledged as done. */
export class AuditWriteError extends Error {
  constructor(cause: unknown) {
    super(`The audit line could not be written: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'AuditWriteError';
  }
}

/**
 * Records an audited action: to stdout through the structured log and to audit.jsonl. `time` is set here.
 * By default it never throws (a refusal is answered whether or not its line could be appended; the stdout
 * line still has it). `durable`: the caller acknowledges a write only after its line is written, so a failed
 * append throws AuditWriteError.
 */
export async function recordAudit(entry: Omit<AuditEntry, 'time'>, options: { durable?: boolean } = {}): Promise<AuditEntry> {
  const full: AuditEntry = { time: new Date().toISOString(), ...entry };
  logger.info({ audit: full, reqId: full.requestId }, 'audit');
  try {
    await appendAuditLine(auditFile(), full);
  } catch (err) {
    logger.error({ err, reqId: full.requestId }, 'audit line could not be appended to audit.jsonl');
    if (options.durable) throw new AuditWriteError(err);
  }
  return full;
}

export interface AuditQuery {
  /** Exact user id (email), case-insensitive. */
  user?: string;
  action?: AuditAction;
  /** Most entries returned (newest first). */
  limit?: number;
}

/** Only the end of a large log is read: /audit is for recent activity; the whole file stays on disk. */
const MAX_READ_BYTES = 8 * 1024 * 1024;

/** Parses audit lines, skipping blank, torn or foreign ones; oldest first, as written. */
export function parseAuditLines(text: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = AuditEntry.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // A torn last line (a crash mid-write) or a line someone edited by hand: skipped, never fatal.
    }
  }
  return out;
}

/** The audit entries of `file`, newest first, filtered by user and action. A missing file is an empty log. */
export async function readAudit(file: string, query: AuditQuery = {}): Promise<{ entries: AuditEntry[]; users: string[]; truncated: boolean }> {
  let text: string;
  let truncated = false;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_READ_BYTES) {
      truncated = true;
      const handle = await open(file, 'r');
      try {
        const buf = Buffer.alloc(MAX_READ_BYTES);
        await handle.read(buf, 0, MAX_READ_BYTES, size - MAX_READ_BYTES);
        text = buf.toString('utf8');
        text = text.slice(text.indexOf('\n') + 1);
      } finally {
        await handle.close();
      }
    } else {
      text = await readFile(file, 'utf8');
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], users: [], truncated: false };
    throw err;
  }
  const all = parseAuditLines(text).reverse();
  const users = [...new Set(all.map((e) => e.user))].sort();
  const user = query.user?.trim().toLowerCase();
  const entries = all.filter((e) => (!user || e.user.toLowerCase() === user) && (!query.action || e.action === query.action)).slice(0, query.limit ?? 500);
  return { entries, users, truncated };
}
