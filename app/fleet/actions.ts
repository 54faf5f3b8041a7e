'use server';

import { guarded, type ActionFailure } from '@/lib/actions/guarded';
import { createFleetSnapshot } from '@/lib/share/fleet-create';
import { ShareFleetSnapshotInput } from '@/lib/share/fleet-schema';
import { getSnapshotStore, SnapshotInputError, SnapshotTooLargeError } from '@/lib/share/store';

export type ShareFleetSnapshotResult = { ok: true; id: string; path: string; title: string } | ActionFailure<Record<string, string>>;

/**
 * "Share snapshot" on the fleet page: freezes the fleet's table and findings with the page's filters and answers
 * the short link. As for topology snapshots, the link is answered only once the audit line is written; when it
 * cannot be, the snapshot is deleted again.
 */
export async function shareFleetSnapshot(input: ShareFleetSnapshotInput): Promise<ShareFleetSnapshotResult> {
  return guarded(
    {
      action: 'SaveSnapshot',
      doing: 'save snapshots',
      role: 'editor',
      schema: ShareFleetSnapshotInput,
      failed: (err) => (err instanceof SnapshotTooLargeError || err instanceof SnapshotInputError ? { ok: false, error: err.message, fieldErrors: {} } : undefined),
      internalError: 'The snapshot could not be saved. See the server log.',
    },
    input,
    async ({ input, audit }) => {
      const snapshot = await createFleetSnapshot({ search: input.view, ...(input.title ? { title: input.title } : {}) });
      try {
        await audit({ request: { fleet: true, view: input.view, title: input.title }, result: { status: 'ok', resourceId: snapshot.id } }, { source: snapshot.source });
      } catch (err) {
        await getSnapshotStore().delete(snapshot.id);
        throw err;
      }
      return { ok: true, id: snapshot.id, path: `/s/${snapshot.id}`, title: snapshot.title };
    },
  );
}
