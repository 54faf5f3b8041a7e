import 'server-only';
import type { AtlasStore } from './types';

export interface CopyCounts {
  snapshots: { copied: number; present: number };
  audit: { copied: number; present: number };
}

/**
 * Copies every snapshot and audit line of `from` into `to`, as stored (ids, times and entries unchanged, the
 * audit log in its order). What `to` already has is left alone, so a copy that was cut off can be run again.
 */
export async function copyStore(from: AtlasStore, to: AtlasStore): Promise<CopyCounts> {
  await Promise.all([from.migrate(), to.migrate()]);
  const counts: CopyCounts = { snapshots: { copied: 0, present: 0 }, audit: { copied: 0, present: 0 } };
  for await (const row of from.copy.snapshotRows()) {
    if (await to.copy.putSnapshotRow(row)) counts.snapshots.copied++;
    else counts.snapshots.present++;
  }
  for await (const row of from.copy.auditRows()) {
    if (await to.copy.putAuditRow(row)) counts.audit.copied++;
    else counts.audit.present++;
  }
  return counts;
}
