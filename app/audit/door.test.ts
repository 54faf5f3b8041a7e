import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stubProxyAuthEnv } from '@/lib/test/proxy-auth-env';

/** Issue 14 §6: a viewer turned away from /audit, a page for editors (403), leaves one denied line in the audit log. */

let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-editor-page-'));
let AuditPage: (typeof import('./page'))['default'];
let audit: typeof import('@/lib/audit/log');

beforeAll(async () => {
  stubProxyAuthEnv('editor@example.com', dataDir);
  // next.config.js turns on experimental.authInterrupts, which forbidden() needs.
  vi.stubEnv('__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS', 'true');
  AuditPage = (await import('./page')).default;
  audit = await import('@/lib/audit/log');
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

async function digestOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'passed',
    (err: { digest?: string }) => String(err.digest),
  );
}

const open = () => AuditPage({ searchParams: Promise.resolve({}) });

describe('/audit', () => {
  it('lets an editor in and records nothing', async () => {
    requestHeaders = new Headers({ 'x-forwarded-email': 'editor@example.com' });
    expect(JSON.stringify(await open())).toContain('Nothing has been changed yet.');
    expect((await audit.queryAudit()).entries).toEqual([]);
  });

  it('answers a viewer with the 403 page and one denied line', async () => {
    requestHeaders = new Headers({ 'x-forwarded-email': 'viewer@example.com', 'x-request-id': 'req-audit-page' });
    expect(await digestOf(open())).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect((await audit.queryAudit()).entries).toEqual([
      expect.objectContaining({
        user: 'viewer@example.com',
        requestId: 'req-audit-page',
        action: 'Request',
        request: { method: 'GET', path: '/audit' },
        result: { status: 'denied', code: 'Forbidden', message: expect.stringMatching(/^Only editors can read the audit log/) },
      }),
    ]);
  });
});
