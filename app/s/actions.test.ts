import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { failAuditWrites, resetAudit } from '@/lib/test/audit-store';
import { stubProxyAuthEnv } from '@/lib/test/proxy-auth-env';

/**
 * "Share snapshot" (issue 14 §6): the link is answered only once the audit line is written. When the line
 * cannot be written, the answer says the save is not confirmed and the snapshot is not kept.
 */

let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));

const EDITOR = 'editor@example.com';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-share-action-'));
const VIEW = { region: 'us-east-1', view: '?region=us-east-1' };

let actions: typeof import('./actions');
let store: typeof import('@/lib/share/store');
let audit: typeof import('@/lib/audit/log');

beforeAll(async () => {
  stubProxyAuthEnv(EDITOR, dataDir);
  actions = await import('./actions');
  store = await import('@/lib/share/store');
  audit = await import('@/lib/audit/log');
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  resetAudit(dataDir);
  requestHeaders = new Headers({ 'x-forwarded-email': EDITOR });
});

describe('shareSnapshot', () => {
  it('answers the link once the save is in the audit log', async () => {
    const res = await actions.shareSnapshot(VIEW);
    expect(res).toMatchObject({ ok: true, path: expect.stringMatching(/^\/s\/[A-Za-z0-9_-]{22,}$/) });
    const id = res.ok ? res.id : '';
    expect(await store.getSnapshotStore().get(id)).not.toBeNull();
    const { entries } = await audit.queryAudit();
    expect(entries).toEqual([expect.objectContaining({ user: EDITOR, action: 'SaveSnapshot', source: 'fixture', region: 'us-east-1', result: { status: 'ok', resourceId: id } })]);
  });

  it('does not acknowledge, and does not keep, a snapshot whose audit line cannot be written', async () => {
    const before = (await store.getSnapshotStore().list()).map((s) => s.id);
    failAuditWrites(dataDir);
    const res = await actions.shareSnapshot(VIEW);
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/^Not confirmed: the audit log could not be written/) });
    expect((await store.getSnapshotStore().list()).map((s) => s.id)).toEqual(before);
  });

  it('a viewer’s attempt is refused with 403 and recorded as denied', async () => {
    requestHeaders = new Headers({ 'x-forwarded-email': 'viewer@example.com' });
    expect(await actions.shareSnapshot(VIEW)).toMatchObject({ ok: false, status: 403 });
    const { entries } = await audit.queryAudit();
    expect(entries).toEqual([expect.objectContaining({ user: 'viewer@example.com', action: 'SaveSnapshot', result: expect.objectContaining({ status: 'denied', code: 'Forbidden' }) })]);
  });
});
