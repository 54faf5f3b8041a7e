import { isNamedError } from './errors';

/**
 * The store's schema, as numbered steps. A database records the last step it has (SQLite: `PRAGMA
 * user_version`; PostgreSQL: the table atlas_schema_migrations); start-up and `npm run store:migrate` apply the
 * missing ones in order, in one transaction. Never edit a step that has shipped: add the next one.
 *
 * Both engines get the same tables and columns. Times are ISO-8601 UTC text on both, so they sort the same;
 * topologies and audit entries are JSON text, so the size limit counts the same bytes everywhere.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

const snapshotsTable = (serialInt: string) => `
  CREATE TABLE IF NOT EXISTS snapshots (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    region     TEXT NOT NULL,
    source     TEXT NOT NULL,
    vpc_id     TEXT,
    view       TEXT NOT NULL,
    topology   TEXT NOT NULL,
    size_bytes ${serialInt} NOT NULL
  );
  CREATE INDEX IF NOT EXISTS snapshots_created_at ON snapshots (created_at DESC, id);`;

const auditIndexes = `
  CREATE INDEX IF NOT EXISTS audit_user ON audit (lower(user_id), seq);
  CREATE INDEX IF NOT EXISTS audit_action ON audit (action, seq);`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'snapshots', sqlite: snapshotsTable('INTEGER'), postgres: snapshotsTable('BIGINT') },
  {
    version: 2,
    name: 'audit log',
    // seq orders the log and pages it; the whole entry is kept as written, the other columns are for filtering.
    sqlite: `
      CREATE TABLE audit (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        time    TEXT NOT NULL,
        user_id TEXT NOT NULL,
        action  TEXT NOT NULL,
        entry   TEXT NOT NULL
      );${auditIndexes}`,
    postgres: `
      CREATE TABLE audit (
        seq     BIGSERIAL PRIMARY KEY,
        time    TEXT NOT NULL,
        user_id TEXT NOT NULL,
        action  TEXT NOT NULL,
        entry   TEXT NOT NULL
      );${auditIndexes}`,
  },
  {
    version: 3,
    name: 'snapshot kinds',
    // Fleet snapshots (the fleet page's table and findings) share the table, the ids and the size limit.
    sqlite: `ALTER TABLE snapshots ADD COLUMN kind TEXT NOT NULL DEFAULT 'topology';`,
    postgres: `ALTER TABLE snapshots ADD COLUMN kind TEXT NOT NULL DEFAULT 'topology';`,
  },
  {
    version: 4,
    name: 'fleet coverage',
    // What a fleet snapshot covers (its accounts, its distinct regions), so the snapshot list can say so without
    // reading each fleet's JSON. Rows saved before are counted here; a row whose JSON does not parse keeps NULLs.
    sqlite: `
      ALTER TABLE snapshots ADD COLUMN fleet_accounts INTEGER;
      ALTER TABLE snapshots ADD COLUMN fleet_regions INTEGER;
      UPDATE snapshots SET
        fleet_accounts = json_array_length(topology, '$.accounts'),
        fleet_regions = (SELECT count(DISTINCT json_extract(r.value, '$.region')) FROM json_each(snapshots.topology, '$.rows') r)
      WHERE kind = 'fleet' AND json_valid(topology);`,
    // PostgreSQL 15 has no pg_input_is_valid: each row is counted in its own block, a damaged one is left NULL.
    postgres: `
      ALTER TABLE snapshots ADD COLUMN fleet_accounts INTEGER;
      ALTER TABLE snapshots ADD COLUMN fleet_regions INTEGER;
      DO $$
      DECLARE r RECORD;
      BEGIN
        FOR r IN SELECT id, topology FROM snapshots WHERE kind = 'fleet' LOOP
          BEGIN
            UPDATE snapshots SET
              fleet_accounts = jsonb_array_length(r.topology::jsonb -> 'accounts'),
              fleet_regions = (SELECT count(DISTINCT e ->> 'region') FROM jsonb_array_elements(r.topology::jsonb -> 'rows') e)
            WHERE id = r.id;
          EXCEPTION WHEN others THEN NULL;
          END;
        END LOOP;
      END $$;`,
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** A database newer than this build: refuse rather than write rows its schema does not expect. */
export class SchemaTooNewError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, 'SchemaTooNewError');
  }
  constructor(where: string, version: number) {
    super(`${where} was written by a newer vpc-atlas (schema ${version}); this build knows schema ${SCHEMA_VERSION}. Upgrade this replica.`);
    this.name = 'SchemaTooNewError';
  }
}

/** The steps a database at `version` still needs. */
export function pendingMigrations(version: number): Migration[] {
  return MIGRATIONS.filter((m) => m.version > version);
}
