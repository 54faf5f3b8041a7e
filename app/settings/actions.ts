'use server';

import { actorFor, auditAction, auditRefusal } from '@/lib/audit/actor';
import { requireRole } from '@/lib/auth/viewer';
import { resetFixtureData } from '@/lib/ec2/backend';
import { invalidateTopology } from '@/lib/topology/load';

/** Restores the demo (fixture) data to its seed files: what forms created, changed or deleted is undone. Editors only. */
export async function resetDemoData(): Promise<{ ok: true; message: string } | { ok: false; error: string; status?: 401 | 403 }> {
  const who = await requireRole('editor', 'reset the demo data');
  if (!who.ok) {
    await auditRefusal(who, 'ResetDemoData', { source: 'fixture' }, {});
    return { ok: false, status: who.status, error: who.error };
  }
  const actor = await actorFor(who.viewer);
  try {
    await resetFixtureData();
    invalidateTopology('fixture');
    await auditAction(actor, 'ResetDemoData', { source: 'fixture' }, { dryRun: false, request: {}, result: { status: 'ok' } });
    return { ok: true, message: 'Demo data reset: every region is back to the fixture files.' };
  } catch (err) {
    console.error('resetDemoData failed', err);
    await auditAction(actor, 'ResetDemoData', { source: 'fixture' }, { dryRun: false, request: {}, result: { status: 'error', code: err instanceof Error ? err.name : 'Unknown', message: String(err) } });
    return { ok: false, error: 'The saved demo state could not be deleted; see the server log.' };
  }
}
