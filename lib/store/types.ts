import type { AuditAction } from '@/lib/audit/log';
import type { SnapshotRow, SnapshotStore } from './snapshots';
import { isNamedError } from './errors';

/** Which engine holds the data: an embedded SQLite file, or a PostgreSQL server shared by replicas. */
export type StoreKind = 'sqlite' | 'postgres';

export interface AuditQuery {
  /** Exact user id (email), case-insensitive. */
  user?: string;
  action?: AuditAction;
  /** Most entries returned (newest first); 100 unless asked, never more than 1000. */
  limit?: number;
  /** Paging: only entries older than this sequence number (the previous page's `next`). */
  before?: number;
}

/** One page of the audit log, newest first; `next` is the `before` of the following page, null on the last. */
export interface AuditRows {
  rows: { seq: number; entry: string }[];
  next: number | null;
}

/** The audit log's storage: append-only lines, each the whole entry as JSON, in the order they were written. */
export interface AuditStore {
  /** Appends one entry; resolves once it is committed. */
  append(entry: { time: string; user: string; action: string; json: string }): Promise<void>;
  /** Filtered and paged in SQL. */
  query(query: AuditQuery): Promise<AuditRows>;
  /** Every user who appears in the log, sorted (for the filter's list). */
  users(): Promise<string[]>;
}

/** Everything a store holds, in order, for `npm run store:copy`: rows as stored, so ids and times survive. */
export interface StoreCopy {
  snapshotRows(): AsyncIterable<SnapshotRow>;
  /** Inserts a row unless one with its id exists; true when it was inserted. */
  putSnapshotRow(row: SnapshotRow): Promise<boolean>;
  auditRows(): AsyncIterable<{ time: string; user: string; action: string; json: string }>;
  /** Appends an audit line unless an identical one (same time and entry) is there; true when appended. */
  putAuditRow(row: { time: string; user: string; action: string; json: string }): Promise<boolean>;
}

/** The one store of a server process: snapshots and the audit log in one database. */
export interface AtlasStore {
  readonly kind: StoreKind;
  /** Where the data is, safe to print: a file path, or the URL with its password hidden. */
  readonly target: string;
  readonly snapshots: SnapshotStore;
  readonly audit: AuditStore;
  readonly copy: StoreCopy;
  /** Brings the schema up to date (idempotent; safe when several processes start at once). */
  migrate(): Promise<{ from: number; to: number }>;
  /** Resolves when the database answers a trivial query within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The database did not answer (down, restarting, unreachable): nothing was written; try again later. */
export class StoreUnavailableError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, 'StoreUnavailableError');
  }
  constructor(detail: string) {
    super(`The database does not answer (${detail}). Nothing was saved; try again in a moment.`);
    this.name = 'StoreUnavailableError';
  }
}
