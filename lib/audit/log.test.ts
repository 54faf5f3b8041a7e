import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from './log';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'atlas-audit-'));

function entry(over: Partial<AuditEntry> = {}): Omit<AuditEntry, 'time'> {
  return {
    user: 'alice@example.com',
    source: 'fixture',
    region: 'us-east-1',
    action: 'CreateVpcEndpoint',
    dryRun: false,
    request: { VpcId: 'vpc-1', ServiceName: 'com.amazonaws.us-east-1.s3', ClientToken: 'tok-1' },
    result: { status: 'ok', resourceId: 'vpce-1' },
    ...over,
  };
}

/** The log module on a fresh process store in `data` (ATLAS_DATA_DIR), with stdout's logger spied on. */
async function freshLog(data: string) {
  vi.resetModules();
  vi.stubEnv('ATLAS_DATA_DIR', data);
  vi.stubEnv('ATLAS_DATABASE_URL', '');
  const { closeStore } = await import('@/lib/store');
  await closeStore();
  const { logger } = await import('@/lib/log/logger');
  const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
  const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  return { ...(await import('./log')), info, error, closeStore };
}

afterEach(async () => {
  const { closeStore } = await import('@/lib/store');
  await closeStore();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('recordAudit and queryAudit', () => {
  it('stores the entry and logs the same entry as one JSON line on stdout; /audit reads it back newest first', async () => {
    const log = await freshLog(dir());
    const written = await log.recordAudit({ ...entry(), requestId: 'req-1' });
    expect(written.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(log.info).toHaveBeenCalledWith({ audit: written, reqId: 'req-1' }, 'audit');
    const later = await log.recordAudit(entry({ user: 'Bob@example.com', action: 'DeleteVpcEndpoints', dryRun: true, result: { status: 'ok', code: 'DryRunOperation' } }));
    expect(await log.queryAudit()).toEqual({ entries: [later, written], users: ['Bob@example.com', 'alice@example.com'], next: null });
    expect((await log.queryAudit({ user: 'bob@EXAMPLE.com' })).entries).toEqual([later]);
    expect((await log.queryAudit({ action: 'CreateVpcEndpoint' })).entries).toEqual([written]);
    const first = await log.queryAudit({ limit: 1 });
    expect(first.entries).toEqual([later]);
    expect((await log.queryAudit({ limit: 1, before: first.next! })).entries).toEqual([written]);
  });

  it('keeps the lines of an audit.jsonl from before the store, and skips a line that is not an audit entry', async () => {
    const data = dir();
    const old = { time: '2026-11-29T10:00:00.000Z', ...entry() };
    writeFileSync(path.join(data, 'audit.jsonl'), `${JSON.stringify(old)}\n${JSON.stringify({ time: 'x', user: 'y', action: 'Nope' })}\n`);
    const log = await freshLog(data);
    expect((await log.queryAudit()).entries).toEqual([old]);
  });

  it('durable: throws when the store cannot take the line, so the change is not reported as done; stdout still has it', async () => {
    const data = dir();
    // A folder where the database file should be: SQLite cannot open it.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(data, 'snapshots.db'));
    const log = await freshLog(data);
    await expect(log.recordAudit(entry(), { durable: true })).rejects.toThrow(/^The audit line could not be written: /);
    // A refusal is answered all the same: without `durable` the failure is only logged.
    await expect(log.recordAudit(entry({ result: { status: 'denied', code: 'Forbidden' } }))).resolves.toMatchObject({ user: 'alice@example.com' });
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ audit: expect.objectContaining({ user: 'alice@example.com' }) }), 'audit');
    expect(log.error).toHaveBeenCalledWith(expect.anything(), 'audit line could not be stored');
  });
});
