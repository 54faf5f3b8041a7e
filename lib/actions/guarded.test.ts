import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { failAuditWrites, resetAudit } from '@/lib/test/audit-store';
import { stubProxyAuthEnv } from '@/lib/test/proxy-auth-env';

/**
 * The guarded server action (issue 15 §4): the checks every write action shares, in order, each refusal with
 * one `denied` audit line (issue 14 §6), durable audit lines for what the action did, and errors logged with
 * the request id. The server runs in proxy mode, so a request is an editor's or a viewer's by its header.
 */

let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));

const EDITOR = 'editor@example.com';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-guarded-'));

type Guarded = typeof import('./guarded');
type Log = typeof import('@/lib/audit/log');
let guarded: Guarded['guarded'];
let audit: Log;
let logger: (typeof import('@/lib/log/logger'))['logger'];

beforeAll(async () => {
  stubProxyAuthEnv(EDITOR, dataDir);
  // Live is configured (nothing listens there) but ATLAS_LIVE_WRITES is not.
  vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:1');
  vi.stubEnv('ATLAS_LIVE_WRITES', '');
  ({ guarded } = await import('./guarded'));
  audit = await import('@/lib/audit/log');
  ({ logger } = await import('@/lib/log/logger'));
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  resetAudit(dataDir);
  as(EDITOR);
});

function as(email: string | null) {
  requestHeaders = new Headers({ 'x-request-id': 'req-guarded-1', ...(email ? { 'x-forwarded-email': email } : {}) });
}

async function lines() {
  return (await audit.queryAudit()).entries.reverse();
}

const Input = z.object({ name: z.string().min(3, 'Name needs 3 characters'), source: z.enum(['fixture', 'live']).optional() });
const spec = { action: 'RenameSnapshot' as const, doing: 'rename snapshots', role: 'editor' as const, schema: Input };

describe('guarded: the checks, in order, each refusal audited once', () => {
  it('nobody signed in: 401, one denied line, the body never runs', async () => {
    as(null);
    const body = vi.fn();
    expect(await guarded(spec, { name: 'abc' }, body)).toEqual({ ok: false, status: 401, error: 'Sign in to rename snapshots.', fieldErrors: {} });
    expect(body).not.toHaveBeenCalled();
    expect(await lines()).toEqual([
      expect.objectContaining({ user: '(not signed in)', requestId: 'req-guarded-1', action: 'RenameSnapshot', result: { status: 'denied', code: 'Unauthenticated', message: 'Sign in to rename snapshots.' } }),
    ]);
  });

  it('a viewer on an editors’ action: 403 and a Forbidden line', async () => {
    as('viewer@example.com');
    const res = await guarded(spec, { name: 'abc' }, async () => ({ ok: true as const }));
    expect(res).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/^Only editors can rename snapshots/) });
    expect((await lines()).map((l) => [l.user, l.result.code])).toEqual([['viewer@example.com', 'Forbidden']]);
  });

  it('input the schema refuses: the answer names the field, the line says why, the body never runs', async () => {
    const body = vi.fn();
    const res = await guarded(spec, { name: 'x' }, body);
    expect(res).toEqual({ ok: false, error: 'Name needs 3 characters', fieldErrors: { name: 'Name needs 3 characters' } });
    expect(body).not.toHaveBeenCalled();
    expect(await lines()).toEqual([
      expect.objectContaining({ user: EDITOR, request: { name: 'x' }, result: { status: 'denied', code: 'InvalidInput', message: 'Name needs 3 characters | name: Name needs 3 characters' } }),
    ]);
  });

  it('a live write while ATLAS_LIVE_WRITES is off: refused and audited; the same as a dry run reaches the body', async () => {
    const writeSpec = { ...spec, writeTarget: (i: z.infer<typeof Input>) => ({ source: i.source }) };
    const res = await guarded(writeSpec, { name: 'abc', source: 'live' }, async () => ({ ok: true as const }));
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/^Live writes are off on this server/) });
    const dry = await guarded({ ...writeSpec, dryRun: true }, { name: 'abc', source: 'live' }, async ({ scope }) => ({ ok: true as const, source: scope.source }));
    expect(dry).toEqual({ ok: true, source: 'live' });
    expect(await lines()).toEqual([expect.objectContaining({ source: 'live', dryRun: false, result: expect.objectContaining({ status: 'denied', code: 'WritesDisabled' }) })]);
  });

  it('a refusal the body decides (a rule the topology breaks) leaves one denied line with the field messages', async () => {
    type Fields = Record<string, string>;
    const res = await guarded<z.infer<typeof Input>, unknown, Fields>({ ...spec, auditScope: () => ({ region: 'us-east-1' }) }, { name: 'abc' }, ({ refuse }) =>
      refuse('ValidationFailed', { ok: false, error: 'The request does not fit the VPC.', fieldErrors: { name: 'Taken' } }),
    );
    expect(res).toEqual({ ok: false, error: 'The request does not fit the VPC.', fieldErrors: { name: 'Taken' } });
    expect(await lines()).toEqual([
      expect.objectContaining({ region: 'us-east-1', result: { status: 'denied', code: 'ValidationFailed', message: 'The request does not fit the VPC. | name: Taken' } }),
    ]);
  });

  it('a request that passes everything and records nothing leaves no line', async () => {
    expect(await guarded(spec, { name: 'abc' }, async ({ input, viewer }) => ({ ok: true as const, name: input.name, by: viewer.id }))).toEqual({ ok: true, name: 'abc', by: EDITOR });
    expect(await lines()).toEqual([]);
  });
});

describe('guarded: acknowledged only once audited', () => {
  it('answers "not confirmed" when the audit line of the change cannot be written', async () => {
    failAuditWrites(dataDir);
    let done = false;
    const res = await guarded(spec, { name: 'abc' }, async ({ audit: record }) => {
      await record({ request: {}, result: { status: 'ok' } });
      done = true;
      return { ok: true as const };
    });
    expect(done).toBe(false);
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/^Not confirmed: the audit log could not be written/) });
  });
});

describe('guarded: errors', () => {
  it('maps a known error to the action’s answer, and logs an unknown one with the request id, answering a sentence', async () => {
    const out: string[] = [];
    const sink = pino({ level: 'error' }, new Writable({ write: (chunk, _enc, cb) => (out.push(String(chunk)), cb()) }));
    const child = vi.spyOn(logger, 'child').mockImplementation((bindings) => sink.child(bindings));
    try {
      const known = await guarded({ ...spec, failed: (err) => (err instanceof RangeError ? { ok: false, error: 'Out of range.', fieldErrors: {} } : undefined) }, { name: 'abc' }, async () => {
        throw new RangeError('x');
      });
      expect(known).toEqual({ ok: false, error: 'Out of range.', fieldErrors: {} });
      const unknown = await guarded({ ...spec, internalError: 'Could not rename. See the server log.' }, { name: 'abc' }, async () => {
        throw new Error('disk on fire at /srv/secret/path');
      });
      expect(unknown).toEqual({ ok: false, error: 'Could not rename. See the server log.', fieldErrors: {} });
      const line = JSON.parse(out.at(-1)!) as { reqId: string; action: string; msg: string; err: { message: string } };
      expect(line).toMatchObject({ reqId: 'req-guarded-1', action: 'RenameSnapshot', msg: 'RenameSnapshot failed', err: { message: 'disk on fire at /srv/secret/path' } });
    } finally {
      child.mockRestore();
    }
  });
});
