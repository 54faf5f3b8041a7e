'use server';

import { actorFor, auditAction, auditRefusal } from '@/lib/audit/actor';
import { requireRole } from '@/lib/auth/viewer';
import { createSnapshot } from '@/lib/share/create';
import { ShareSnapshotInput } from '@/lib/share/schema';
import { SnapshotInputError, SnapshotTooLargeError } from '@/lib/share/store';
import { describeLoadFailure } from '@/lib/topology/errors';
import { resolvePageScope } from '@/lib/topology/page-params';

export type ShareSnapshotResult =
  | { ok: true; id: string; path: string; title: string }
  | { ok: false; error: string; fieldErrors: Record<string, string>; status?: 401 | 403 };

/**
 * "Share snapshot": freezes the topology of the page the button is on, with its view, and answers the short
 * link. Server actions only accept same-origin POSTs (Next.js compares Origin with Host), so another site cannot
 * fill the store through a visitor's browser.
 */
export async function shareSnapshot(input: ShareSnapshotInput): Promise<ShareSnapshotResult> {
  const who = await requireRole('editor', 'save snapshots');
  if (!who.ok) {
    await auditRefusal(who, 'SaveSnapshot', {}, input);
    return { ok: false, status: who.status, error: who.error, fieldErrors: {} };
  }
  const parsed = ShareSnapshotInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'input'] ??= issue.message;
    return { ok: false, error: 'The request to share this view was not valid.', fieldErrors };
  }
  const { region, source, profile, vpcId, view, title } = parsed.data;
  // The same resolution the page did, so the snapshot holds what the page showed.
  const scope = await resolvePageScope({ region, source, profile });
  try {
    const snapshot = await createSnapshot({
      source: scope.source,
      region: scope.region,
      ...(scope.profile ? { profile: scope.profile } : {}),
      ...(vpcId ? { vpcId } : {}),
      search: view,
      ...(title ? { title } : {}),
    });
    await auditAction(await actorFor(who.viewer), 'SaveSnapshot', scope, {
      dryRun: false,
      request: { vpcId, view, title },
      result: { status: 'ok', resourceId: snapshot.id },
    });
    return { ok: true, id: snapshot.id, path: `/s/${snapshot.id}`, title: snapshot.title };
  } catch (err) {
    if (err instanceof SnapshotTooLargeError) return { ok: false, error: err.message, fieldErrors: {} };
    if (err instanceof SnapshotInputError) return { ok: false, error: err.message, fieldErrors: {} };
    const failure = describeLoadFailure(err);
    if (failure.code === 'Internal') console.error('share snapshot failed', err);
    return { ok: false, error: failure.code === 'Internal' ? 'The snapshot could not be saved. See the server log.' : failure.message, fieldErrors: {} };
  }
}
