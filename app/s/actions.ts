'use server';

import { guarded } from '@/lib/actions/guarded';
import { createSnapshot } from '@/lib/share/create';
import { ShareSnapshotInput, type ShareSnapshotResult } from '@/lib/share/schema';
import { getSnapshotStore, SnapshotInputError, SnapshotTooLargeError } from '@/lib/share/store';
import { resolvePageScope, scopeLoad } from '@/lib/topology/page-params';

/**
 * "Share snapshot": freezes the topology of the page the button is on, with its view, and answers the short
 * link. Server actions only accept same-origin POSTs (proxy.ts and Next.js compare Origin with Host), so another
 * site cannot fill the store through a visitor's browser. The link is answered only once the audit line is
 * written; when it cannot be, the snapshot is deleted again.
 */
export async function shareSnapshot(input: ShareSnapshotInput): Promise<ShareSnapshotResult> {
  return guarded(
    {
      action: 'SaveSnapshot',
      doing: 'save snapshots',
      role: 'editor',
      schema: ShareSnapshotInput,
      invalid: (error) => {
        const fieldErrors: Record<string, string> = {};
        for (const issue of error.issues) fieldErrors[issue.path.join('.') || 'input'] ??= issue.message;
        return { ok: false, error: 'The request to share this view was not valid.', fieldErrors };
      },
      failed: (err) => (err instanceof SnapshotTooLargeError || err instanceof SnapshotInputError ? { ok: false, error: err.message, fieldErrors: {} } : undefined),
      internalError: 'The snapshot could not be saved. See the server log.',
    },
    input,
    async ({ input, audit }) => {
      const { region, source, profile, account, vpcId, view, title } = input;
      // The same resolution the page did, so the snapshot holds what the page showed.
      const scope = await resolvePageScope({ region, source, profile, account });
      const load = scopeLoad(scope);
      const snapshot = await createSnapshot({
        source: scope.source,
        region: scope.region,
        ...(scope.profile ? { profile: scope.profile } : {}),
        ...(load.account ? { account: load.account } : {}),
        ...(vpcId ? { vpcId } : {}),
        search: view,
        ...(title ? { title } : {}),
      });
      try {
        await audit({ request: { vpcId, view, title }, result: { status: 'ok', resourceId: snapshot.id } }, scope);
      } catch (err) {
        await getSnapshotStore().delete(snapshot.id);
        throw err;
      }
      return { ok: true, id: snapshot.id, path: `/s/${snapshot.id}`, title: snapshot.title };
    },
  );
}
