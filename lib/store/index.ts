import 'server-only';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { PostgresStore } from './postgres';
import { rdsIamPassword } from './rds-iam';
import { SqliteStore } from './sqlite';
import type { AtlasStore } from './types';
import { redactDatabaseUrl } from './url';
import { isNamedError } from './errors';

export { StoreUnavailableError, type AtlasStore, type AuditQuery, type AuditRows, type StoreKind } from './types';

/**
 * A store named the way `npm run store:copy` and ATLAS_DATABASE_URL name them: `postgres://...` (or
 * `postgresql://`), or `sqlite:PATH` for a SQLite file.
 */
export function openStore(location: string): AtlasStore {
  if (/^postgres(ql)?:\/\//i.test(location)) return openPostgres(location);
  if (location.startsWith('sqlite:')) return new SqliteStore(path.resolve(location.slice('sqlite:'.length)));
  throw new Error(`${redactDatabaseUrl(location)}: name a store as sqlite:PATH or postgres://USER@HOST:PORT/DATABASE`);
}

/** PostgreSQL, with RDS IAM tokens for passwords when ATLAS_DATABASE_AUTH=rds-iam. */
function openPostgres(url: string): PostgresStore {
  const { databaseAuth, defaultRegion } = getConfig();
  return new PostgresStore(url, databaseAuth === 'rds-iam' ? { password: rdsIamPassword(url, process.env.AWS_REGION ? defaultRegion : undefined) } : {});
}

// One store per server process, on globalThis so that dev-mode module reloads do not open another. It is
// kept with where it points: a configuration read anew (tests that reset modules) gets the store it names.
const globalStore = globalThis as unknown as { __atlasStore?: { location: string; store: AtlasStore } };

/** The process's store: PostgreSQL when ATLAS_DATABASE_URL is set, else `<ATLAS_DATA_DIR>/snapshots.db`. */
export function getStore(): AtlasStore {
  const { databaseUrl, dataDir } = getConfig();
  const location = databaseUrl ?? `sqlite:${path.join(dataDir, 'snapshots.db')}`;
  const current = globalStore.__atlasStore;
  if (current?.location === location) return current.store;
  if (current) void current.store.close();
  const store = databaseUrl ? openPostgres(databaseUrl) : new SqliteStore(path.join(dataDir, 'snapshots.db'));
  globalStore.__atlasStore = { location, store };
  return store;
}

/** Closes the process's store; the next getStore() opens it again from the configuration (scripts, tests). */
export async function closeStore(): Promise<void> {
  const current = globalStore.__atlasStore;
  globalStore.__atlasStore = undefined;
  await current?.store.close();
}

/** The store did not open at start-up; the message names the setting and hides the password. */
export class StoreStartError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, 'StoreStartError');
  }
  constructor(message: string) {
    super(message);
    this.name = 'StoreStartError';
  }
}

/**
 * Start-up: opens the store and applies its migrations (PostgreSQL: under an advisory lock, so replicas
 * starting together migrate once). Throws StoreStartError naming ATLAS_DATABASE_URL (or the data dir).
 */
export async function startStore(): Promise<AtlasStore> {
  const { databaseUrl } = getConfig();
  const setting = databaseUrl ? `ATLAS_DATABASE_URL=${redactDatabaseUrl(databaseUrl)}` : `ATLAS_DATA_DIR (${getConfig().dataDir})`;
  try {
    const store = getStore();
    await store.migrate();
    await store.ping();
    return store;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // The driver's message can quote the connection string; never let the password through.
    const safe = databaseUrl ? detail.split(databaseUrl).join(redactDatabaseUrl(databaseUrl)) : detail;
    throw new StoreStartError(`${setting}: the store could not be opened: ${safe || (err as { code?: string }).code || 'no answer'}`);
  }
}
