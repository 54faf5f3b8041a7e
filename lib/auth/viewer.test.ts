import { afterEach, describe, expect, it, vi } from 'vitest';

/** The request's headers, as next/headers would give them inside a request. */
let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));

/** lib/auth/viewer.ts under one environment (the configuration is read once per module load). */
async function viewerModule(env: Record<string, string>, headers: Record<string, string> = {}) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  requestHeaders = new Headers(headers);
  return import('./viewer');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('requireRole', () => {
  it('without sign-in (ATLAS_AUTH=none) lets the anonymous visitor edit, as before', async () => {
    const { requireRole, getViewer } = await viewerModule({ ATLAS_AUTH: 'none' });
    expect(await getViewer()).toMatchObject({ id: 'anonymous', role: 'editor', anonymous: true });
    expect((await requireRole('editor', 'create endpoints')).ok).toBe(true);
  });

  it('in proxy mode reads the configured header and ATLAS_EDITORS', async () => {
    const env = { ATLAS_AUTH: 'proxy', ATLAS_AUTH_HEADER: 'X-Auth-Request-Email', ATLAS_EDITORS: 'alice@example.com' };
    const editor = await viewerModule(env, { 'x-auth-request-email': 'alice@example.com' });
    expect(await editor.requireRole('editor', 'create endpoints')).toMatchObject({ ok: true, viewer: { id: 'alice@example.com', role: 'editor' } });

    const viewer = await viewerModule(env, { 'x-auth-request-email': 'bob@example.com' });
    expect(await viewer.requireRole('viewer', 'dry-run')).toMatchObject({ ok: true });
    expect(await viewer.requireRole('editor', 'create endpoints')).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/^Only editors can create endpoints/) });
    expect(await viewer.viewerSummary()).toEqual({ name: 'bob@example.com', role: 'viewer', signedIn: true });

    // The default header is not trusted once another is configured.
    const wrongHeader = await viewerModule(env, { 'x-forwarded-email': 'alice@example.com' });
    expect(await wrongHeader.requireRole('viewer', 'read')).toMatchObject({ ok: false, status: 401 });
  });
});
