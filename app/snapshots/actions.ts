'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { guarded, type ActionFailure } from '@/lib/actions/guarded';
import { SnapshotId, SnapshotTitle } from '@/lib/share/schema';
import { getSnapshotStore } from '@/lib/share/store';

export type SnapshotActionResult = { ok: true } | ActionFailure<Record<string, string>>;

const RenameInput = z.object({ id: SnapshotId, title: SnapshotTitle });
const DeleteInput = z.object({ id: SnapshotId });

const GONE: ActionFailure<Record<string, string>> = { ok: false, error: 'That snapshot no longer exists.', fieldErrors: {} };

/** Renames a snapshot; its link stays the same. */
export async function renameSnapshot(input: { id: string; title: string }): Promise<SnapshotActionResult> {
  return guarded({ action: 'RenameSnapshot', doing: 'rename snapshots', role: 'editor', schema: RenameInput }, input, async ({ input, audit }) => {
    const found = await getSnapshotStore().rename(input.id, input.title);
    await audit({ request: input, result: found ? { status: 'ok', resourceId: input.id } : { status: 'error', code: 'NotFound', resourceId: input.id } });
    if (!found) return GONE;
    revalidatePath('/snapshots');
    revalidatePath(`/s/${input.id}`);
    return { ok: true };
  });
}

/** Deletes a snapshot: its link answers 404 from then on. */
export async function deleteSnapshot(input: { id: string }): Promise<SnapshotActionResult> {
  return guarded({ action: 'DeleteSnapshot', doing: 'delete snapshots', role: 'editor', schema: DeleteInput }, input, async ({ input, audit }) => {
    const found = await getSnapshotStore().delete(input.id);
    await audit({ request: input, result: found ? { status: 'ok', resourceId: input.id } : { status: 'error', code: 'NotFound', resourceId: input.id } });
    if (!found) return GONE;
    revalidatePath('/snapshots');
    return { ok: true };
  });
}
