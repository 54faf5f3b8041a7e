import 'server-only';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { logger } from '@/lib/log/logger';
import { SchemaTooNewError, SCHEMA_VERSION, pendingMigrations } from './migrations';
import { MAX_SNAPSHOT_BYTES, type SnapshotStore } from './snapshots';
import { SqlSnapshots, sqlAudit, sqlCopy, type SqlDriver } from './sql-store';
import { StoreUnavailableError, type AtlasStore, type AuditStore, type StoreCopy } from './types';
import { redactDatabaseUrl } from './url';

export interface PostgresStoreOptions {
  /** Largest topology JSON accepted, in bytes; MAX_SNAPSHOT_BYTES by default. */
  maxBytes?: number;
  /** Connections per process; each replica holds at most this many. */
  poolSize?: number;
  /** How long to wait for a connection (a database that is down answers nothing), in ms. */
  connectTimeoutMs?: number;
  /** How long one query may take before the request gets an error instead of hanging, in ms. */
  queryTimeoutMs?: number;
  /** The password of each new connection, asked for when it opens (RDS IAM tokens); else the URL, PGPASSWORD or ~/.pgpass. */
  password?: () => Promise<string>;
}

/** Every replica takes this pg_advisory lock around its migrations: the first migrates, the others wait and find nothing to do. */
const MIGRATION_LOCK = 0x61746c6173; // "atlas"

/**
 * A connection failure as StoreUnavailableError, or null for an error of the statement itself. Network errors
 * carry no SQLSTATE; class 08 is a connection exception, 57P0x a server shutting down or starting.
 */
function unavailable(err: unknown): StoreUnavailableError | null {
  const code = (err as { code?: unknown }).code;
  const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
  if (sqlState && !sqlState.startsWith('08') && !sqlState.startsWith('57P')) return null;
  const message = err instanceof Error ? err.message : '';
  return new StoreUnavailableError(message || (typeof code === 'string' ? code : 'no answer'));
}

/** `?` placeholders to PostgreSQL's `$1, $2, ...`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * The store on a PostgreSQL server (node-postgres pool), for several replicas. Each write is one statement,
 * committed before it resolves. A connection the server dropped is discarded by the pool and the next query
 * opens a new one, so the replica reconnects by itself when the database is back.
 */
export class PostgresStore implements AtlasStore {
  readonly kind = 'postgres' as const;
  readonly target: string;
  readonly snapshots: SnapshotStore;
  readonly audit: AuditStore;
  readonly copy: StoreCopy;
  private readonly pool: pg.Pool;
  private migrated: Promise<{ from: number; to: number }> | null = null;

  constructor(url: string, options: PostgresStoreOptions = {}) {
    this.target = redactDatabaseUrl(url);
    this.pool = new pg.Pool({
      // Parsed here rather than passed as connectionString, which would win over a `password` function.
      ...parseIntoClientConfig(url),
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      query_timeout: options.queryTimeoutMs ?? 15_000,
      idleTimeoutMillis: 30_000,
      application_name: 'vpc-atlas',
      ...(options.password ? { password: options.password } : {}),
    });
    // An idle connection the server closed (restart, failover) is reported here; unhandled, it would end the process.
    this.pool.on('error', (err) => logger.warn({ err: err.message, store: this.target }, 'database connection lost; the next query reconnects'));
    const sql: SqlDriver = {
      all: async <R>(text: string, params: unknown[] = []) => (await this.query(text, params)).rows as R[],
      run: async (text, params = []) => (await this.query(text, params)).rowCount ?? 0,
    };
    this.snapshots = new SqlSnapshots(sql, options.maxBytes ?? MAX_SNAPSHOT_BYTES, () => void this.close());
    this.audit = sqlAudit(sql);
    this.copy = sqlCopy(sql);
  }

  private async query(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    try {
      await this.migrate();
      return await this.pool.query(numbered(sql), params);
    } catch (err) {
      throw unavailable(err) ?? err;
    }
  }

  /**
   * Applies the missing migrations in one transaction under a transaction-scoped advisory lock, once per
   * process (a failed attempt is retried by the next call).
   */
  migrate(): Promise<{ from: number; to: number }> {
    this.migrated ??= this.runMigrations().catch((err: unknown) => {
      this.migrated = null;
      throw err;
    });
    return this.migrated;
  }

  private async runMigrations(): Promise<{ from: number; to: number }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS atlas_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM atlas_schema_migrations');
      const from = rows[0]?.v ?? 0;
      if (from > SCHEMA_VERSION) throw new SchemaTooNewError(this.target, from);
      for (const step of pendingMigrations(from)) {
        await client.query(step.postgres);
        await client.query('INSERT INTO atlas_schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
      }
      await client.query('COMMIT');
      return { from, to: SCHEMA_VERSION };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async ping(timeoutMs = 3_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.pool.query('SELECT 1'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
