import type { AuditQuery } from './types';

/** Most audit entries on one page; the page asks for fewer. */
export const MAX_AUDIT_PAGE = 1000;

/**
 * The WHERE clause and parameters of an audit query, with `?` placeholders (PostgreSQL's `$n` are put in by
 * the caller): one place for the filter both engines run.
 */
export function auditWhere(query: AuditQuery): { where: string; params: unknown[]; limit: number } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const user = query.user?.trim().toLowerCase();
  if (user) {
    clauses.push('lower(user_id) = ?');
    params.push(user);
  }
  if (query.action) {
    clauses.push('action = ?');
    params.push(query.action);
  }
  if (query.before !== undefined && Number.isSafeInteger(query.before)) {
    clauses.push('seq < ?');
    params.push(query.before);
  }
  const limit = Math.max(1, Math.min(query.limit ?? 100, MAX_AUDIT_PAGE));
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, limit };
}

/** Rows fetched one past the page: the extra one only says whether there is a next page. */
export function auditPage(rows: { seq: number | string; entry: string }[], limit: number) {
  const page = rows.slice(0, limit).map((r) => ({ seq: Number(r.seq), entry: r.entry }));
  return { rows: page, next: rows.length > limit ? (page[page.length - 1]?.seq ?? null) : null };
}

/** Legacy audit.jsonl lines that carry the fields the table needs; anything else is skipped. */
export function auditLinesToRows(text: string): { time: string; user: string; action: string; json: string }[] {
  const out: { time: string; user: string; action: string; json: string }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as Record<string, unknown>;
      if (typeof e.time === 'string' && typeof e.user === 'string' && typeof e.action === 'string') {
        out.push({ time: e.time, user: e.user, action: e.action, json: line });
      }
    } catch {
      // A torn last line (a crash mid-write) or a hand-edited one: skipped, as /audit always did.
    }
  }
  return out;
}
