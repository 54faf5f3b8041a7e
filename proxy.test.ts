import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditLines as storedAuditLines } from '@/lib/test/audit-store';

/**
 * proxy.ts, the front door, driven with the requests a browser (or an attacker's page) sends: the host
 * check against DNS rebinding, the Origin check on server actions, host trust for redirects, and the audit
 * line each refusal leaves in the audit log (the store in ATLAS_DATA_DIR).
 */

let dataDir = '';

async function proxyWith(env: Record<string, string>) {
  vi.resetModules();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-proxy-'));
  for (const name of ['ATLAS_AUTH', 'ATLAS_BIND', 'HOSTNAME', 'ATLAS_PUBLIC_URL', 'ATLAS_ALLOWED_HOSTS', 'ATLAS_TRUST_PROXY', 'ATLAS_EDITORS', 'ATLAS_OIDC_ISSUER']) vi.stubEnv(name, undefined);
  vi.stubEnv('ATLAS_DATA_DIR', dataDir);
  vi.stubEnv('ATLAS_LOG_LEVEL', 'silent');
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return (await import('./proxy')).proxy;
}

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

function request(url: string, headers: Record<string, string> = {}, method = 'GET') {
  const u = new URL(url);
  return new NextRequest(url, { method, headers: { host: u.host, ...headers } });
}

/** What NextResponse.next() answers: the request goes on to the page or route. */
const passed = (res: Response) => res.headers.get('x-middleware-next') === '1';

interface AuditLine {
  user: string;
  action: string;
  request: { method?: string; path?: string };
  result: { status: string; code?: string; message?: string };
}

function auditLines(): AuditLine[] {
  return storedAuditLines<AuditLine>(dataDir);
}

describe('DNS rebinding: only the hosts the operator named are served', () => {
  it('refuses a renamed host with 421 in the default mode, reads and server actions alike, and audits it', async () => {
    const proxy = await proxyWith({});
    const read = await proxy(request('http://rebind.evil.example:3000/api/topology?region=us-east-1', { origin: 'http://rebind.evil.example:3000' }));
    expect(read.status).toBe(421);
    expect(await read.json()).toMatchObject({ code: 'HostNotAllowed', error: expect.stringContaining('"rebind.evil.example:3000"') });
    const action = await proxy(
      request('http://rebind.evil.example:3000/settings', { origin: 'http://rebind.evil.example:3000', 'next-action': 'a'.repeat(42) }, 'POST'),
    );
    expect(action.status).toBe(421);
    expect(auditLines()).toEqual([
      expect.objectContaining({ action: 'Request', request: { method: 'GET', path: '/api/topology' }, result: expect.objectContaining({ status: 'denied', code: 'HostNotAllowed' }) }),
      expect.objectContaining({ action: 'Request', request: { method: 'POST', path: '/settings' }, result: expect.objectContaining({ status: 'denied', code: 'HostNotAllowed' }) }),
    ]);
  });

  it('serves loopback names and addresses, the bind address, ATLAS_PUBLIC_URL and ATLAS_ALLOWED_HOSTS', async () => {
    const proxy = await proxyWith({ ATLAS_BIND: '10.1.2.3', ATLAS_PUBLIC_URL: 'https://atlas.example.com/', ATLAS_ALLOWED_HOSTS: 'atlas.internal, 10.9.9.9:8080' });
    for (const host of ['127.0.0.1:3000', 'localhost:3000', 'LOCALHOST', '[::1]:3000', '127.0.0.2', '10.1.2.3:3000', 'atlas.example.com', 'atlas.internal:3000', '10.9.9.9']) {
      expect(passed(await proxy(request('http://127.0.0.1:3000/api/topology', { host }))), host).toBe(true);
    }
    for (const host of ['atlas.example.com.evil.example', 'evil.example', '10.1.2.4', '0.0.0.0:3000', 'localhost.evil.example']) {
      expect((await proxy(request('http://127.0.0.1:3000/api/topology', { host }))).status, host).toBe(421);
    }
  });

  it('refuses in proxy and oidc modes too, before the identity header is even read', async () => {
    for (const mode of ['proxy', 'oidc']) {
      const proxy = await proxyWith({ ATLAS_AUTH: mode, ATLAS_EDITORS: 'alice@example.com' });
      const res = await proxy(request('http://rebind.evil.example/vpcs', { 'x-forwarded-email': 'alice@example.com' }));
      expect(res.status, mode).toBe(421);
    }
  });

  it('reads X-Forwarded-Host only behind a trusted proxy, and then it must be allowed too', async () => {
    const untrusted = await proxyWith({});
    expect(passed(await untrusted(request('http://127.0.0.1:3000/', { 'x-forwarded-host': 'evil.example' })))).toBe(true);
    const trusted = await proxyWith({ ATLAS_TRUST_PROXY: '1', ATLAS_PUBLIC_URL: 'https://atlas.example.com' });
    expect((await trusted(request('http://127.0.0.1:3000/', { 'x-forwarded-host': 'evil.example' }))).status).toBe(421);
    expect(passed(await trusted(request('http://127.0.0.1:3000/', { 'x-forwarded-host': 'atlas.example.com' })))).toBe(true);
  });

  it('answers a load balancer’s health probe under any host with a bare liveness answer that reveals nothing', async () => {
    const proxy = await proxyWith({ ATLAS_AUTH: 'proxy' });
    const res = await proxy(request('http://10.0.0.7:3000/api/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    // Anything else from that host is refused; the configured host reaches the real health route.
    expect((await proxy(request('http://10.0.0.7:3000/api/topology'))).status).toBe(421);
    expect(passed(await proxy(request('http://127.0.0.1:3000/api/health')))).toBe(true);
  });
});

describe('refusals at the door are audited', () => {
  it('a request without the identity header (proxy mode): 401 and one denied line', async () => {
    const proxy = await proxyWith({ ATLAS_AUTH: 'proxy' });
    const res = await proxy(request('http://127.0.0.1:3000/audit?user=x'));
    expect(res.status).toBe(401);
    expect(auditLines()).toEqual([
      expect.objectContaining({
        user: '(not signed in)',
        action: 'Request',
        request: { method: 'GET', path: '/audit' },
        result: expect.objectContaining({ status: 'denied', code: 'Unauthenticated', message: expect.stringContaining('x-forwarded-email') }),
      }),
    ]);
  });

  it('a cross-site server action: 403 before it runs, and one denied line naming the Origin', async () => {
    const proxy = await proxyWith({});
    const res = await proxy(request('http://127.0.0.1:3000/settings', { origin: 'https://evil.example', 'next-action': 'a'.repeat(42) }, 'POST'));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'CrossOriginRefused' });
    expect(auditLines()).toEqual([
      expect.objectContaining({ action: 'Request', user: 'anonymous', result: expect.objectContaining({ status: 'denied', code: 'CrossOriginRefused', message: expect.stringContaining('https://evil.example') }) }),
    ]);
    // A same-origin action goes on.
    expect(passed(await proxy(request('http://127.0.0.1:3000/settings', { origin: 'http://127.0.0.1:3000', 'next-action': 'a'.repeat(42) }, 'POST')))).toBe(true);
  });

  it('a request that passes leaves no line', async () => {
    const proxy = await proxyWith({ ATLAS_AUTH: 'proxy' });
    expect(passed(await proxy(request('http://127.0.0.1:3000/', { 'x-forwarded-email': 'bob@example.com' })))).toBe(true);
    expect(auditLines()).toEqual([]);
  });
});

describe('host trust for redirects (oidc sign-in)', () => {
  const oidc = { ATLAS_AUTH: 'oidc', ATLAS_OIDC_ISSUER: 'http://127.0.0.1:9', ATLAS_SESSION_SECRET: 's'.repeat(40) };

  it('ignores X-Forwarded-Host and -Proto unless ATLAS_TRUST_PROXY=1', async () => {
    const proxy = await proxyWith({ ...oidc, ATLAS_ALLOWED_HOSTS: 'atlas.example.com' });
    const res = await proxy(request('http://127.0.0.1:3000/vpcs', { 'x-forwarded-host': 'atlas.example.com', 'x-forwarded-proto': 'https' }));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:3000/signin?callbackUrl=%2Fvpcs');
    const trusted = await proxyWith({ ...oidc, ATLAS_ALLOWED_HOSTS: 'atlas.example.com', ATLAS_TRUST_PROXY: '1' });
    const behind = await trusted(request('http://127.0.0.1:3000/vpcs', { 'x-forwarded-host': 'atlas.example.com', 'x-forwarded-proto': 'https' }));
    expect(behind.headers.get('location')).toBe('https://atlas.example.com/signin?callbackUrl=%2Fvpcs');
  });

  it('uses ATLAS_PUBLIC_URL when set, whatever the request says', async () => {
    const proxy = await proxyWith({ ...oidc, ATLAS_PUBLIC_URL: 'https://atlas.example.com', ATLAS_TRUST_PROXY: '1' });
    const res = await proxy(request('http://127.0.0.1:3000/vpcs', { 'x-forwarded-host': '127.0.0.1:3000' }));
    expect(res.headers.get('location')).toBe('https://atlas.example.com/signin?callbackUrl=%2Fvpcs');
  });
});
