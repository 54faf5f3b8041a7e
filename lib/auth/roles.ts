import type { Role, RoleCheck, Viewer } from './types';

/**
 * Role rules, without a request: the identity comes in, the role goes out. Used by lib/auth/viewer.ts
 * (server) and proxy.ts, and tested on plain data.
 */

/** `a@x.com, B@x.com  ops-admins` -> ['a@x.com', 'b@x.com', 'ops-admins']: commas or white space separate entries. */
export function parseEditors(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(/[\s,]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1 };

/**
 * An identity's role: editor when its email, or one of its groups, is listed in ATLAS_EDITORS
 * (entries lower-cased by parseEditors); viewer otherwise. Group entries only match group claims,
 * so a group named like an email cannot make its members editors by accident of spelling.
 */
export function roleFor(identity: { email: string | null; groups?: readonly string[] }, editors: readonly string[]): Role {
  const email = identity.email?.trim().toLowerCase();
  if (email && editors.includes(email)) return 'editor';
  for (const g of identity.groups ?? []) {
    const group = g.trim().toLowerCase();
    if (group && !group.includes('@') && editors.includes(group)) return 'editor';
  }
  return 'viewer';
}

/** Whether `role` includes everything `needed` may do. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/**
 * Checks a viewer (null: nobody signed in) for a role. `doing` finishes the sentences:
 * "Only editors can <doing>." / "Sign in to <doing>.".
 */
export function checkRole(viewer: Viewer | null, needed: Role, doing: string): RoleCheck {
  if (!viewer) return { ok: false, status: 401, error: `Sign in to ${doing}.`, viewer: null };
  if (hasRole(viewer.role, needed)) return { ok: true, viewer };
  return {
    ok: false,
    status: 403,
    error: `Only editors can ${doing}. You are signed in as ${viewer.email ?? viewer.name}, a viewer; ask an administrator to add you to ATLAS_EDITORS.`,
    viewer,
  };
}

/** A refused role check as a route handler's answer: 401 or 403 JSON that says why. */
export function roleRefusal(check: Extract<RoleCheck, { ok: false }>): Response {
  return Response.json(
    { error: check.error, code: check.status === 401 ? 'Unauthenticated' : 'Forbidden' },
    { status: check.status, headers: { 'cache-control': 'no-store' } },
  );
}

/** Longest identity a proxy header may carry (an email address is at most 254 characters). */
const MAX_IDENTITY = 320;

/**
 * The viewer a trusted proxy named in its identity header (ATLAS_AUTH=proxy), or null when the
 * header is missing, empty or not a plausible identity (control characters, too long).
 */
export function viewerFromProxyHeader(value: string | null, editors: readonly string[]): Viewer | null {
  const id = value?.trim() ?? '';
  // eslint-disable-next-line no-control-regex
  if (!id || id.length > MAX_IDENTITY || /[\u0000-\u001f\u007f]/.test(id)) return null;
  const email = id.includes('@') ? id.toLowerCase() : null;
  return { id: email ?? id, name: id, email, role: roleFor({ email: email ?? id }, editors), groups: [], anonymous: false };
}

/** The claims vpc-atlas keeps in an oidc session (see lib/auth/nextauth.ts). */
export interface SessionClaims {
  sub?: unknown;
  name?: unknown;
  email?: unknown;
  groups?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The viewer an oidc session names, or null when it names nobody. */
export function viewerFromSession(claims: SessionClaims | null | undefined, editors: readonly string[]): Viewer | null {
  if (!claims) return null;
  const email = str(claims.email)?.toLowerCase() ?? null;
  const sub = str(claims.sub);
  const id = email ?? sub;
  if (!id) return null;
  const groups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
  return { id, name: str(claims.name) ?? email ?? id, email, role: roleFor({ email, groups }, editors), groups, anonymous: false };
}

/** ATLAS_AUTH=none: nobody signs in, and whoever reaches the port (loopback by default) is an editor, as before sign-in existed. */
export const ANONYMOUS_EDITOR: Viewer = Object.freeze({ id: 'anonymous', name: 'anonymous', email: null, role: 'editor', groups: [], anonymous: true }) as Viewer;
