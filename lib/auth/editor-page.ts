import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { auditRefusal } from '@/lib/audit/actor';
import { checkRole } from './roles';
import type { Viewer } from './types';
import { getViewer } from './viewer';

/**
 * The door of a page for editors (/audit): nobody signed in goes to sign in; a viewer gets the 403 page, and
 * the refusal is one `denied` line in the audit log (action `Request`), like every refusal at the door.
 */
export async function requireEditorPage(doing: string, path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  const check = checkRole(viewer, 'editor', doing);
  if (!check.ok) {
    await auditRefusal(check, 'Request', {}, { method: 'GET', path });
    forbidden();
  }
  return viewer;
}
