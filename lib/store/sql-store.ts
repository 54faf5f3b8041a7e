import 'server-only';
import type { FleetSnapshot } from '@/lib/share/fleet-schema';
import type { Snapshot } from '@/lib/share/schema';
import {
  SNAPSHOT_COLUMNS,
  fleetSnapshotFromRow,
  prepareFleetSnapshot,
  type NewFleetSnapshot,
  isSnapshotId,
  listEntryFromRow,
  listLimit,
  parseSnapshotTitle,
  prepareSnapshot,
  snapshotFromRow,
  type NewSnapshot,
  type SnapshotListEntry,
  type SnapshotRow,
  type SnapshotStore,
} from './snapshots';
import { auditPage, auditWhere } from './sql';
import type { AuditQuery, AuditRows, AuditStore, StoreCopy } from './types';

/**
 * What a backend gives the shared SQL: run a statement with `?` placeholders. The statements below are the
 * common subset of SQLite and PostgreSQL, so both engines run the same queries and behave the same.
 */
export interface SqlDriver {
  all<R>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs a statement; resolves with the number of rows it changed, once committed. */
  run(sql: string, params?: unknown[]): Promise<number>;
}

const INSERT_SNAPSHOT = `INSERT INTO snapshots (${SNAPSHOT_COLUMNS.join(', ')}) VALUES (${SNAPSHOT_COLUMNS.map(() => '?').join(', ')})`;
const INSERT_AUDIT = 'INSERT INTO audit (time, user_id, action, entry) VALUES (?, ?, ?, ?)';

/** SnapshotStore in the `snapshots` table; every write is one statement, so a crash mid-write leaves the old state. */
export class SqlSnapshots implements SnapshotStore {
  constructor(
    private readonly sql: SqlDriver,
    private readonly maxBytes: number,
    private readonly onClose: () => void,
  ) {}

  async save(input: NewSnapshot): Promise<Snapshot> {
    const { snapshot, row } = prepareSnapshot(input, this.maxBytes);
    await this.sql.run(INSERT_SNAPSHOT, SNAPSHOT_COLUMNS.map((c) => row[c]));
    return snapshot;
  }

  async get(id: string): Promise<Snapshot | null> {
    if (!isSnapshotId(id)) return null;
    const [row] = await this.sql.all<SnapshotRow>("SELECT * FROM snapshots WHERE id = ? AND kind = 'topology'", [id]);
    return row ? snapshotFromRow(row) : null;
  }

  async saveFleet(input: NewFleetSnapshot): Promise<FleetSnapshot> {
    const { snapshot, row } = prepareFleetSnapshot(input, this.maxBytes);
    await this.sql.run(INSERT_SNAPSHOT, SNAPSHOT_COLUMNS.map((c) => row[c]));
    return snapshot;
  }

  async getFleet(id: string): Promise<FleetSnapshot | null> {
    if (!isSnapshotId(id)) return null;
    const [row] = await this.sql.all<SnapshotRow>("SELECT * FROM snapshots WHERE id = ? AND kind = 'fleet'", [id]);
    return row ? fleetSnapshotFromRow(row) : null;
  }

  async list(options: { limit?: number } = {}): Promise<SnapshotListEntry[]> {
    const rows = await this.sql.all<Omit<SnapshotRow, 'topology'>>(
      'SELECT id, title, created_at, region, source, vpc_id, view, size_bytes, kind, fleet_accounts, fleet_regions FROM snapshots ORDER BY created_at DESC, id LIMIT ?',
      [listLimit(options.limit)],
    );
    return rows.map(listEntryFromRow);
  }

  async rename(id: string, title: string): Promise<boolean> {
    if (!isSnapshotId(id)) return false;
    return (await this.sql.run('UPDATE snapshots SET title = ? WHERE id = ?', [parseSnapshotTitle(title), id])) > 0;
  }

  async delete(id: string): Promise<boolean> {
    if (!isSnapshotId(id)) return false;
    return (await this.sql.run('DELETE FROM snapshots WHERE id = ?', [id])) > 0;
  }

  close(): void {
    this.onClose();
  }
}

/** The audit log in the `audit` table, filtered and paged in SQL. */
export function sqlAudit(db: SqlDriver): AuditStore {
  return {
    append: async (e) => {
      await db.run(INSERT_AUDIT, [e.time, e.user, e.action, e.json]);
    },
    query: async (query: AuditQuery): Promise<AuditRows> => {
      const { where, params, limit } = auditWhere(query);
      return auditPage(await db.all<{ seq: number | string; entry: string }>(`SELECT seq, entry FROM audit ${where} ORDER BY seq DESC LIMIT ?`, [...params, limit + 1]), limit);
    },
    users: async () => (await db.all<{ user_id: string }>('SELECT DISTINCT user_id FROM audit ORDER BY user_id LIMIT 1000')).map((r) => r.user_id),
  };
}

/** Reading everything out and writing it in for store:copy, in keyset pages (topologies can be megabytes each). */
export function sqlCopy(db: SqlDriver): StoreCopy {
  return {
    snapshotRows: async function* () {
      let after: [string, string] = ['', ''];
      for (;;) {
        const rows = await db.all<SnapshotRow>('SELECT * FROM snapshots WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT 20', after);
        if (rows.length === 0) return;
        for (const row of rows) yield { ...row, size_bytes: Number(row.size_bytes) };
        const last = rows[rows.length - 1]!;
        after = [last.created_at, last.id];
      }
    },
    putSnapshotRow: async (row) => (await db.run(`${INSERT_SNAPSHOT} ON CONFLICT (id) DO NOTHING`, SNAPSHOT_COLUMNS.map((c) => row[c]))) > 0,
    auditRows: async function* () {
      let after = 0;
      for (;;) {
        const rows = await db.all<{ seq: number | string; time: string; user_id: string; action: string; entry: string }>(
          'SELECT seq, time, user_id, action, entry FROM audit WHERE seq > ? ORDER BY seq LIMIT 500',
          [after],
        );
        if (rows.length === 0) return;
        for (const r of rows) yield { time: r.time, user: r.user_id, action: r.action, json: r.entry };
        after = Number(rows[rows.length - 1]!.seq);
      }
    },
    putAuditRow: async (row) =>
      (await db.run('INSERT INTO audit (time, user_id, action, entry) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM audit WHERE time = ? AND entry = ?)', [
        row.time,
        row.user,
        row.action,
        row.json,
        row.time,
        row.json,
      ])) > 0,
  };
}
