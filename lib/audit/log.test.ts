import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendAuditLine, parseAuditLines, readAudit, type AuditEntry } from './log';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'atlas-audit-'));

function entry(over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: '2026-11-29T10:00:00.000Z',
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

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('appendAuditLine', () => {
  it('writes one JSON line per entry, creating the folder', async () => {
    const file = path.join(dir(), 'nested', 'audit.jsonl');
    await appendAuditLine(file, entry());
    await appendAuditLine(file, entry({ user: 'bob@example.com' }));
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual(entry());
    expect(JSON.parse(lines[1]!).user).toBe('bob@example.com');
  });

  it('keeps every line whole when many appends race (O_APPEND, one write each)', async () => {
    const file = path.join(dir(), 'audit.jsonl');
    const big = 'x'.repeat(20_000);
    await Promise.all(Array.from({ length: 60 }, (_, i) => appendAuditLine(file, entry({ user: `u${i}@x.io`, request: { pad: big, i } }))));
    const parsed = parseAuditLines(readFileSync(file, 'utf8'));
    expect(parsed).toHaveLength(60);
    expect(new Set(parsed.map((e) => e.user)).size).toBe(60);
  });
});

describe('readAudit', () => {
  it('answers newest first, filtered by user (any case) and action, with the list of users', async () => {
    const file = path.join(dir(), 'audit.jsonl');
    await appendAuditLine(file, entry({ time: '2026-11-29T10:00:00.000Z' }));
    await appendAuditLine(file, entry({ time: '2026-11-29T10:01:00.000Z', user: 'bob@example.com', action: 'DeleteVpcEndpoints' }));
    await appendAuditLine(file, entry({ time: '2026-11-29T10:02:00.000Z', dryRun: true, result: { status: 'ok', code: 'DryRunOperation' } }));
    const all = await readAudit(file);
    expect(all.entries.map((e) => e.time)).toEqual(['2026-11-29T10:02:00.000Z', '2026-11-29T10:01:00.000Z', '2026-11-29T10:00:00.000Z']);
    expect(all.users).toEqual(['alice@example.com', 'bob@example.com']);
    expect((await readAudit(file, { user: 'ALICE@example.com' })).entries).toHaveLength(2);
    expect((await readAudit(file, { action: 'DeleteVpcEndpoints' })).entries.map((e) => e.user)).toEqual(['bob@example.com']);
    expect((await readAudit(file, { user: 'alice@example.com', action: 'DeleteVpcEndpoints' })).entries).toEqual([]);
    expect((await readAudit(file, { limit: 1 })).entries).toHaveLength(1);
  });

  it('skips a torn last line and lines that are not audit entries', async () => {
    const file = path.join(dir(), 'audit.jsonl');
    writeFileSync(file, `${JSON.stringify(entry())}\nnot json\n{"time":"x"}\n`);
    appendFileSync(file, JSON.stringify(entry({ user: 'torn@x.io' })).slice(0, 40));
    expect((await readAudit(file)).entries.map((e) => e.user)).toEqual(['alice@example.com']);
  });

  it('treats a missing file as an empty log', async () => {
    expect(await readAudit(path.join(dir(), 'none.jsonl'))).toEqual({ entries: [], users: [], truncated: false });
  });
});

describe('recordAudit', () => {
  it('appends to ATLAS_DATA_DIR/audit.jsonl and logs the same entry as one JSON line on stdout', async () => {
    const data = dir();
    vi.resetModules();
    vi.stubEnv('ATLAS_DATA_DIR', data);
    const { logger } = await import('@/lib/log/logger');
    const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
    const { recordAudit, auditFile } = await import('./log');
    expect(auditFile()).toBe(path.join(data, 'audit.jsonl'));
    const { time: _t, ...rest } = entry();
    const written = await recordAudit({ ...rest, requestId: 'req-1' });
    expect(written.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(parseAuditLines(readFileSync(path.join(data, 'audit.jsonl'), 'utf8'))).toEqual([written]);
    expect(info).toHaveBeenCalledWith({ audit: written, reqId: 'req-1' }, 'audit');
  });
});
