'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actorFor, auditAction, auditRefusal } from '@/lib/audit/actor';
import { requireRole } from '@/lib/auth/viewer';
import { SnapshotId, SnapshotTitle } from '@/lib/share/schema';
import { getSnapshotStore } from '@/lib/share/store';

export type SnapshotActionResult = { ok: true } | { ok: false; error: string; fieldErrors: Record<string, string>; status?: 401 | 403 };

const RenameInput = z.object({ id: SnapshotId, title: SnapshotTitle });
const DeleteInput = z.object({ id: SnapshotId });

function invalid(error: z.ZodError): SnapshotActionResult {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join('.') || 'input'] ??= issue.message;
  return { ok: false, error: Object.values(fieldErrors)[0] ?? 'invalid input', fieldErrors };
}

/** Renames a snapshot; its link stays the same. */
export async function renameSnapshot(input: { id: string; title: string }): Promise<SnapshotActionResult> {
  const who = await requireRole('editor', 'rename snapshots');
  if (!who.ok) {
    await auditRefusal(who, 'RenameSnapshot', {}, input);
    return { ok: false, status: who.status, error: who.error, fieldErrors: {} };
  }
  const parsed = RenameInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const found = await getSnapshotStore().rename(parsed.data.id, parsed.data.title);
  await auditAction(await actorFor(who.viewer), 'RenameSnapshot', {}, {
    dryRun: false,
    request: parsed.data,
    result: found ? { status: 'ok', resourceId: parsed.data.id } : { status: 'error', code: 'NotFound', resourceId: parsed.data.id },
  });
  if (!found) return { ok: false, error: 'That snapshot no longer exists.', fieldErrors: {} };
  revalidatePath('/snapshots');
  revalidatePath(`/s/${parsed.data.id}`);
  return { ok: true };
}

/** Deletes a snapshot: its link answers 404 from then on. */
export async function deleteSnapshot(input: { id: string }): Promise<SnapshotActionResult> {
  const who = await requireRole('editor', 'delete snapshots');
  if (!who.ok) {
    await auditRefusal(who, 'DeleteSnapshot', {}, input);
    return { ok: false, status: who.status, error: who.error, fieldErrors: {} };
  }
  const parsed = DeleteInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const found = await getSnapshotStore().delete(parsed.data.id);
  await auditAction(await actorFor(who.viewer), 'DeleteSnapshot', {}, {
    dryRun: false,
    request: parsed.data,
    result: found ? { status: 'ok', resourceId: parsed.data.id } : { status: 'error', code: 'NotFound', resourceId: parsed.data.id },
  });
  if (!found) return { ok: false, error: 'That snapshot no longer exists.', fieldErrors: {} };
  revalidatePath('/snapshots');
  return { ok: true };
}
