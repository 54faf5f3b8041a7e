import { describe, expect, it } from 'vitest';
import { ANONYMOUS_EDITOR, checkRole, hasRole, parseEditors, roleFor, roleRefusal, viewerFromProxyHeader, viewerFromSession } from './roles';

const EDITORS = parseEditors('Alice@Example.com, ops-admins  bob@example.com');

describe('parseEditors', () => {
  it('splits on commas and white space, lower-cases and drops duplicates and blanks', () => {
    expect(EDITORS).toEqual(['alice@example.com', 'ops-admins', 'bob@example.com']);
    expect(parseEditors(' ,, ')).toEqual([]);
    expect(parseEditors(undefined)).toEqual([]);
    expect(parseEditors('a@x.io,A@X.IO')).toEqual(['a@x.io']);
  });
});

describe('roleFor', () => {
  it('makes listed emails editors, case-insensitively, and everyone else a viewer', () => {
    expect(roleFor({ email: 'ALICE@example.com' }, EDITORS)).toBe('editor');
    expect(roleFor({ email: 'carol@example.com' }, EDITORS)).toBe('viewer');
    expect(roleFor({ email: null }, EDITORS)).toBe('viewer');
  });

  it('makes members of a listed group editors (oidc group claims)', () => {
    expect(roleFor({ email: 'carol@example.com', groups: ['dev', 'Ops-Admins'] }, EDITORS)).toBe('editor');
    expect(roleFor({ email: 'carol@example.com', groups: ['dev'] }, EDITORS)).toBe('viewer');
  });

  it('never matches a group claim against an email entry', () => {
    expect(roleFor({ email: 'carol@example.com', groups: ['alice@example.com'] }, EDITORS)).toBe('viewer');
  });

  it('has nobody as editor when ATLAS_EDITORS is empty', () => {
    expect(roleFor({ email: 'alice@example.com', groups: ['ops-admins'] }, [])).toBe('viewer');
  });
});

describe('checkRole', () => {
  const viewer = viewerFromProxyHeader('carol@example.com', EDITORS)!;
  const editor = viewerFromProxyHeader('alice@example.com', EDITORS)!;

  it('lets editors do everything and viewers read', () => {
    expect(hasRole('editor', 'viewer')).toBe(true);
    expect(hasRole('viewer', 'editor')).toBe(false);
    expect(checkRole(editor, 'editor', 'create endpoints')).toEqual({ ok: true, viewer: editor });
    expect(checkRole(viewer, 'viewer', 'dry-run')).toEqual({ ok: true, viewer });
  });

  it('refuses a viewer with 403 and a sentence naming what and who', () => {
    const r = checkRole(viewer, 'editor', 'create endpoints');
    expect(r).toMatchObject({ ok: false, status: 403, viewer });
    expect(r.ok ? '' : r.error).toMatch(/^Only editors can create endpoints\. You are signed in as carol@example\.com, a viewer/);
  });

  it('refuses nobody-signed-in with 401', () => {
    expect(checkRole(null, 'viewer', 'save snapshots')).toEqual({ ok: false, status: 401, error: 'Sign in to save snapshots.', viewer: null });
  });

  it('lets the anonymous visitor of ATLAS_AUTH=none edit', () => {
    expect(checkRole(ANONYMOUS_EDITOR, 'editor', 'reset the demo data').ok).toBe(true);
  });

  it('turns a refusal into a 401/403 JSON response for route handlers', async () => {
    const r = checkRole(viewer, 'editor', 'delete snapshots');
    if (r.ok) throw new Error('expected a refusal');
    const res = roleRefusal(r);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: r.error, code: 'Forbidden' });
    const anon = checkRole(null, 'editor', 'delete snapshots');
    if (anon.ok) throw new Error('expected a refusal');
    expect(roleRefusal(anon).status).toBe(401);
  });
});

describe('viewerFromProxyHeader', () => {
  it('reads the email the proxy sends', () => {
    expect(viewerFromProxyHeader('  Alice@Example.com ', EDITORS)).toEqual({
      id: 'alice@example.com',
      name: 'Alice@Example.com',
      email: 'alice@example.com',
      role: 'editor',
      groups: [],
      anonymous: false,
    });
  });

  it('accepts a user name without @ as the id', () => {
    expect(viewerFromProxyHeader('ops-admins', EDITORS)).toMatchObject({ id: 'ops-admins', email: null, role: 'editor' });
  });

  it('refuses a missing, empty, over-long or control-character header', () => {
    expect(viewerFromProxyHeader(null, EDITORS)).toBeNull();
    expect(viewerFromProxyHeader('   ', EDITORS)).toBeNull();
    expect(viewerFromProxyHeader(`${'a'.repeat(400)}@x.io`, EDITORS)).toBeNull();
    expect(viewerFromProxyHeader('eve@x.io\nx-forwarded-email: alice@example.com', EDITORS)).toBeNull();
  });
});

describe('viewerFromSession', () => {
  it('reads name, email and groups from the session claims', () => {
    expect(viewerFromSession({ sub: 'u1', name: 'Carol', email: 'Carol@Example.com', groups: ['ops-admins', 7] }, EDITORS)).toEqual({
      id: 'carol@example.com',
      name: 'Carol',
      email: 'carol@example.com',
      role: 'editor',
      groups: ['ops-admins'],
      anonymous: false,
    });
  });

  it('falls back to the subject without an email, and names nobody without either', () => {
    expect(viewerFromSession({ sub: 'u1' }, EDITORS)).toMatchObject({ id: 'u1', name: 'u1', email: null, role: 'viewer' });
    expect(viewerFromSession({ name: 'x' }, EDITORS)).toBeNull();
    expect(viewerFromSession(null, EDITORS)).toBeNull();
  });
});

describe('identities as they arrive, with stray blanks and edge lengths', () => {
  it('trims group claims before matching them', () => {
    expect(roleFor({ email: null, groups: [' Ops-Admins '] }, EDITORS)).toBe('editor');
  });

  it('names a viewer without an email by name in the refusal', () => {
    const r = checkRole({ id: 'carol', name: 'carol', email: null, role: 'viewer', groups: [], anonymous: false }, 'editor', 'delete endpoints');
    expect(r.ok ? '' : r.error).toBe('Only editors can delete endpoints. You are signed in as carol, a viewer; ask an administrator to add you to ATLAS_EDITORS.');
  });

  it('answers a refusal as JSON that no cache keeps, 401 as Unauthenticated', async () => {
    const r = checkRole(null, 'viewer', 'read');
    if (r.ok) throw new Error('expected a refusal');
    const res = roleRefusal(r);
    expect(res.status).toBe(401);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: 'Sign in to read.', code: 'Unauthenticated' });
  });

  it('takes a proxy identity of up to 320 characters', () => {
    const at320 = `${'a'.repeat(313)}@x.io.z`;
    expect(at320).toHaveLength(320);
    expect(viewerFromProxyHeader(at320, EDITORS)?.id).toBe(at320);
    expect(viewerFromProxyHeader(`a${at320}`, EDITORS)).toBeNull();
  });

  it('trims session claims and treats blank ones as missing', () => {
    expect(viewerFromSession({ sub: ' u1 ', name: '   ', email: '  ' }, EDITORS)).toEqual({ id: 'u1', name: 'u1', email: null, role: 'viewer', groups: [], anonymous: false });
    expect(viewerFromSession({ sub: 'u1', name: ' Carol ', email: ' Carol@Example.com ', groups: 'ops-admins' }, EDITORS)).toEqual({
      id: 'carol@example.com',
      name: 'Carol',
      email: 'carol@example.com',
      role: 'viewer',
      groups: [],
      anonymous: false,
    });
  });
});
