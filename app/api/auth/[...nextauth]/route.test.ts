import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Issue 14 §3: Auth.js builds its sign-in and callback URLs from the origin lib/http/public-origin.ts decides
 * (ATLAS_PUBLIC_URL, forwarded headers only with ATLAS_TRUST_PROXY=1), never from an X-Forwarded-Host a client
 * wrote. `GET /api/auth/providers` shows those URLs without asking the provider anything.
 */

async function providers(env: Record<string, string>, headers: Record<string, string>) {
  vi.resetModules();
  for (const name of ['ATLAS_PUBLIC_URL', 'ATLAS_TRUST_PROXY']) vi.stubEnv(name, undefined);
  vi.stubEnv('ATLAS_AUTH', 'oidc');
  vi.stubEnv('ATLAS_OIDC_ISSUER', 'http://127.0.0.1:9');
  vi.stubEnv('ATLAS_OIDC_CLIENT_ID', 'atlas');
  vi.stubEnv('ATLAS_OIDC_CLIENT_SECRET', 'secret');
  vi.stubEnv('ATLAS_SESSION_SECRET', 's'.repeat(40));
  vi.stubEnv('ATLAS_LOG_LEVEL', 'silent');
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { GET } = await import('./route');
  const res = await GET(new NextRequest('http://127.0.0.1:3000/api/auth/providers', { headers: { host: '127.0.0.1:3000', ...headers } }));
  return ((await res.json()) as { oidc: { callbackUrl: string } }).oidc.callbackUrl;
}

afterEach(() => vi.unstubAllEnvs());

describe('Auth.js URLs', () => {
  const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

  it('ignore a client’s X-Forwarded-Host without ATLAS_TRUST_PROXY', async () => {
    expect(await providers({}, forged)).toBe('http://127.0.0.1:3000/api/auth/callback/oidc');
  });

  it('follow the forwarded host behind a trusted proxy, and ATLAS_PUBLIC_URL above all', async () => {
    expect(await providers({ ATLAS_TRUST_PROXY: '1' }, { 'x-forwarded-host': 'atlas.example.com', 'x-forwarded-proto': 'https' })).toBe(
      'https://atlas.example.com/api/auth/callback/oidc',
    );
    expect(await providers({ ATLAS_PUBLIC_URL: 'https://atlas.example.com' }, forged)).toBe('https://atlas.example.com/api/auth/callback/oidc');
  });
});
