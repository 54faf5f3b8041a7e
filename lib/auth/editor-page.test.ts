import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubProxyAuthEnv } from '@/lib/test/proxy-auth-env';

/**
 * The door of an editors' page (requireEditorPage, used by /audit), in proxy mode: who is sent to sign in, who gets
 * the 403 page, and what the audit log says about it. app/audit/door.test.ts runs the same door through the page.
 */

let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-editor-door-'));
let requireEditorPage: (typeof import('./editor-page'))['requireEditorPage'];
let audit: typeof import('@/lib/audit/log');

beforeAll(async () => {
  stubProxyAuthEnv('editor@example.com', dataDir);
  // next.config.js turns on experimental.authInterrupts, which forbidden() needs.
  vi.stubEnv('__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS', 'true');
  ({ requireEditorPage } = await import('./editor-page'));
  audit = await import('@/lib/audit/log');
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  requestHeaders = new Headers();
});

/** What Next.js does with the answer: the digest of redirect() and forbidden(), or the viewer. */
async function outcome(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    (viewer) => viewer,
    (err: { digest?: string }) => String(err.digest),
  );
}

describe('requireEditorPage', () => {
  it('lets an editor in, as who they are, and records nothing', async () => {
    requestHeaders = new Headers({ 'x-forwarded-email': 'editor@example.com' });
    expect(await outcome(requireEditorPage('read the audit log', '/audit'))).toMatchObject({ id: 'editor@example.com', role: 'editor' });
    expect((await audit.queryAudit()).entries).toEqual([]);
  });

  it('sends nobody signed in to sign in, back to the page they asked for, and records nothing', async () => {
    expect(await outcome(requireEditorPage('read the audit log', '/audit?user=a@example.com&action=SaveSnapshot'))).toBe(
      'NEXT_REDIRECT;replace;/signin?callbackUrl=%2Faudit%3Fuser%3Da%40example.com%26action%3DSaveSnapshot;307;',
    );
    expect((await audit.queryAudit()).entries).toEqual([]);
  });

  it('answers a viewer with the 403 page and one denied Request line naming the page', async () => {
    requestHeaders = new Headers({ 'x-forwarded-email': 'viewer@example.com', 'x-request-id': 'req-editor-door' });
    expect(await outcome(requireEditorPage('read the audit log', '/audit?action=SaveSnapshot'))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect((await audit.queryAudit()).entries).toEqual([
      {
        time: expect.any(String),
        user: 'viewer@example.com',
        requestId: 'req-editor-door',
        action: 'Request',
        dryRun: false,
        request: { method: 'GET', path: '/audit?action=SaveSnapshot' },
        result: { status: 'denied', code: 'Forbidden', message: expect.stringMatching(/^Only editors can read the audit log\./) },
      },
    ]);
  });
});
