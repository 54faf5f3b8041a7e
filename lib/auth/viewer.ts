import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getConfig } from '@/lib/config';
import { ANONYMOUS_EDITOR, checkRole, viewerFromProxyHeader, viewerFromSession, type SessionClaims } from './roles';
import type { Role, RoleCheck, Viewer, ViewerSummary } from './types';

/**
 * Who is asking, read on the server from what the auth mode trusts:
 * - none: nobody signs in; the anonymous editor (the server listens on loopback unless told otherwise).
 * - proxy: the identity header an authenticating proxy sets (ATLAS_AUTH_HEADER); null without it.
 * - oidc: the Auth.js session cookie; null without a valid one.
 * The role comes from ATLAS_EDITORS at each request, so a change there takes effect on restart, not at next sign-in.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const { auth } = getConfig();
  if (auth.mode === 'none') return ANONYMOUS_EDITOR;
  if (auth.mode === 'proxy') return viewerFromProxyHeader((await headers()).get(auth.header), auth.editors);
  const { auth: session } = await import('./nextauth');
  const s = (await session()) as (SessionClaims & { user?: { name?: unknown; email?: unknown } }) | null;
  if (!s) return null;
  return viewerFromSession({ sub: s.sub, name: s.user?.name, email: s.user?.email, groups: s.groups }, auth.editors);
});

/**
 * Checks that the viewer has `role`. Every server action that changes something calls this first,
 * whatever the page showed: a hidden button is not a permission. `doing` ends the refusal's sentence
 * ("Only editors can <doing>.").
 */
export async function requireRole(role: Role, doing: string): Promise<RoleCheck> {
  return checkRole(await getViewer(), role, doing);
}

/** What the header and client components may know about the viewer (null: nobody signed in). */
export async function viewerSummary(): Promise<ViewerSummary | null> {
  const v = await getViewer();
  return v ? { name: v.name, role: v.role, signedIn: !v.anonymous } : null;
}
