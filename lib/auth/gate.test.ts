import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { gate, gateSettingsFromEnv, type GateRequest } from './gate';

const SECRET = 'test-secret-0123456789abcdef0123456789';
const SNAPSHOT = '3q2-7wAAAAB8bGx4sQ2xXw';

function req(path: string, init: { method?: string; headers?: Record<string, string>; cookies?: Record<string, string> } = {}): GateRequest {
  const url = new URL(path, 'http://127.0.0.1');
  return {
    method: init.method ?? 'GET',
    pathname: url.pathname,
    pathWithQuery: `${url.pathname}${url.search}`,
    headers: new Headers(init.headers ?? {}),
    cookie: (name) => init.cookies?.[name],
  };
}

describe('gateSettingsFromEnv', () => {
  it('defaults to no sign-in, the x-forwarded-email header and public snapshots', () => {
    expect(gateSettingsFromEnv({})).toEqual({ mode: 'none', header: 'x-forwarded-email', editors: [], snapshots: 'public', sessionSecret: null });
    expect(gateSettingsFromEnv({ ATLAS_AUTH: 'proxy', ATLAS_AUTH_HEADER: 'X-Auth-Request-Email', ATLAS_EDITORS: 'a@x.io', ATLAS_SNAPSHOTS: 'private' })).toMatchObject({
      mode: 'proxy',
      header: 'x-auth-request-email',
      editors: ['a@x.io'],
      snapshots: 'private',
    });
  });
});

describe('gate in proxy mode', () => {
  const settings = gateSettingsFromEnv({ ATLAS_AUTH: 'proxy', ATLAS_EDITORS: 'alice@example.com' });

  it('passes a request with the identity header, naming the viewer', async () => {
    const d = await gate(req('/vpcs/vpc-1', { headers: { 'x-forwarded-email': 'alice@example.com' } }), settings);
    expect(d).toMatchObject({ kind: 'pass', viewer: { id: 'alice@example.com', role: 'editor' } });
  });

  it('answers 401 without it: pages, API, server actions and prefetches alike', async () => {
    for (const r of [
      req('/'),
      req('/api/topology?region=us-east-1'),
      req('/endpoints/new', { method: 'POST', headers: { 'next-action': 'abc' } }),
      req('/vpcs/vpc-1', { headers: { 'next-router-prefetch': '1', rsc: '1' } }),
      req('/audit', { headers: { 'x-forwarded-email': '' } }),
    ]) {
      expect(await gate(r, settings)).toMatchObject({ kind: 'unauthenticated', message: expect.stringContaining('x-forwarded-email') });
    }
  });

  it('keeps the health check open for load balancers', async () => {
    expect(await gate(req('/api/health'), settings)).toEqual({ kind: 'pass', viewer: null });
  });

  it('opens snapshot links for reading only, unless ATLAS_SNAPSHOTS=private', async () => {
    for (const p of [`/s/${SNAPSHOT}`, `/s/${SNAPSHOT}/opengraph-image`, `/api/snapshots/${SNAPSHOT}`]) {
      expect((await gate(req(p), settings)).kind).toBe('pass');
    }
    // Comparing with now reads the live account; a POST to a snapshot path could carry any action's id.
    expect((await gate(req(`/s/${SNAPSHOT}/compare/now`), settings)).kind).toBe('unauthenticated');
    expect((await gate(req(`/s/${SNAPSHOT}`, { method: 'POST', headers: { 'next-action': 'x' } }), settings)).kind).toBe('unauthenticated');
    expect((await gate(req(`/s/${SNAPSHOT}`, { headers: { 'next-action': 'x' } }), settings)).kind).toBe('unauthenticated');
    const priv = gateSettingsFromEnv({ ATLAS_AUTH: 'proxy', ATLAS_SNAPSHOTS: 'private' });
    expect((await gate(req(`/s/${SNAPSHOT}`), priv)).kind).toBe('unauthenticated');
  });
});

describe('gate in oidc mode', () => {
  const settings = gateSettingsFromEnv({ ATLAS_AUTH: 'oidc', ATLAS_SESSION_SECRET: SECRET, ATLAS_EDITORS: 'ops' });
  const session = (claims: Record<string, unknown>, salt = 'authjs.session-token', secret = SECRET) => encode({ token: claims, secret, salt, maxAge: 3600 });

  it('passes a valid session cookie and reads its claims', async () => {
    const token = await session({ sub: 'u1', name: 'Carol', email: 'carol@example.com', groups: ['ops'] });
    const d = await gate(req('/', { cookies: { 'authjs.session-token': token } }), settings);
    expect(d).toMatchObject({ kind: 'pass', viewer: { id: 'carol@example.com', name: 'Carol', role: 'editor' } });
  });

  it('reads the __Secure- cookie and a cookie split in chunks', async () => {
    const secure = await session({ sub: 'u1', email: 'a@x.io' }, '__Secure-authjs.session-token');
    expect((await gate(req('/', { cookies: { '__Secure-authjs.session-token': secure } }), settings)).kind).toBe('pass');
    const plain = await session({ sub: 'u1', email: 'a@x.io' });
    const half = Math.floor(plain.length / 2);
    const cookies = { 'authjs.session-token.0': plain.slice(0, half), 'authjs.session-token.1': plain.slice(half) };
    expect((await gate(req('/', { cookies }), settings)).kind).toBe('pass');
  });

  it('sends page requests without a session to sign in, and gives API calls and actions 401', async () => {
    expect(await gate(req('/vpcs/vpc-1?region=eu-west-1', { headers: { accept: 'text/html' } }), settings)).toEqual({
      kind: 'sign-in',
      location: '/signin?callbackUrl=%2Fvpcs%2Fvpc-1%3Fregion%3Deu-west-1',
    });
    // The router's RSC fetches and prefetches follow the redirect like a navigation.
    expect((await gate(req('/findings', { headers: { rsc: '1', 'next-router-prefetch': '1' } }), settings)).kind).toBe('sign-in');
    expect((await gate(req('/api/topology'), settings)).kind).toBe('unauthenticated');
    expect((await gate(req('/', { method: 'POST', headers: { accept: 'text/html', 'next-action': 'x' } }), settings)).kind).toBe('unauthenticated');
  });

  it('refuses a session sealed with another secret, or tampered with', async () => {
    const other = await session({ sub: 'u1', email: 'a@x.io' }, 'authjs.session-token', 'another-secret-0123456789abcdef012345');
    expect((await gate(req('/api/topology', { cookies: { 'authjs.session-token': other } }), settings)).kind).toBe('unauthenticated');
    const good = await session({ sub: 'u1', email: 'a@x.io' });
    const tampered = `${good.slice(0, -4)}AAAA`;
    expect((await gate(req('/api/topology', { cookies: { 'authjs.session-token': tampered } }), settings)).kind).toBe('unauthenticated');
  });

  it('keeps the sign-in page and Auth.js endpoints open', async () => {
    for (const p of ['/signin', '/api/auth/signin/oidc', '/api/auth/callback/oidc?code=x', '/api/health']) {
      expect((await gate(req(p), settings)).kind).toBe('pass');
    }
  });
});

describe('gate without sign-in (ATLAS_AUTH=none)', () => {
  it('passes everything, as before sign-in existed', async () => {
    expect(await gate(req('/audit', { method: 'POST' }), gateSettingsFromEnv({}))).toEqual({ kind: 'pass', viewer: null });
  });
});

describe('public snapshot links are for reading only', () => {
  const paths = [`/s/${SNAPSHOT}`, `/api/snapshots/${SNAPSHOT}`];

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses %s without sign-in, in proxy and oidc mode, with no server action named', async (method) => {
    const proxy = gateSettingsFromEnv({ ATLAS_AUTH: 'proxy' });
    const oidc = gateSettingsFromEnv({ ATLAS_AUTH: 'oidc', ATLAS_SESSION_SECRET: SECRET });
    for (const p of paths) {
      expect(await gate(req(p, { method }), proxy)).toMatchObject({ kind: 'unauthenticated', message: expect.stringContaining('x-forwarded-email') });
      expect(await gate(req(p, { method }), oidc)).toEqual({ kind: 'unauthenticated', message: 'Sign-in required: sign in at /signin, then try again.' });
    }
  });

  it('lets GET and HEAD through without sign-in', async () => {
    const proxy = gateSettingsFromEnv({ ATLAS_AUTH: 'proxy' });
    for (const p of paths) for (const method of ['GET', 'HEAD']) expect(await gate(req(p, { method }), proxy)).toEqual({ kind: 'pass', viewer: null });
  });
});

describe('which paths the gate keeps open, exactly', () => {
  const proxy = gateSettingsFromEnv({ ATLAS_AUTH: 'proxy' });
  const oidc = gateSettingsFromEnv({ ATLAS_AUTH: 'oidc', ATLAS_SESSION_SECRET: SECRET });
  const kind = async (path: string, settings = proxy, method = 'GET') => (await gate(req(path, { method }), settings)).kind;

  it('opens the health check and the site icons, and nothing that only looks like them', async () => {
    for (const p of ['/api/health', '/api/health/', '/icon.svg', '/favicon.ico', '/robots.txt']) expect(await kind(p)).toBe('pass');
    for (const p of ['/x/api/health', '/api/healthz', '/x/icon.svg', '/icon.svgz', '/x/favicon.ico', '/favicon.ico.bak', '/x/robots.txt', '/robots.txt.bak']) {
      expect(await kind(p), p).toBe('unauthenticated');
    }
  });

  it('opens sign-in and Auth.js only in oidc mode, and only their own paths', async () => {
    for (const p of ['/signin', '/signin/', '/api/auth', '/api/auth/session']) expect(await kind(p, oidc), p).toBe('pass');
    for (const p of ['/signin', '/api/auth/session']) expect(await kind(p, proxy), p).toBe('unauthenticated');
    for (const p of ['/x/signin', '/signinx', '/api/authx', '/x/api/auth/session']) expect(await kind(p, oidc, 'POST'), p).toBe('unauthenticated');
  });

  it('opens a public snapshot, its preview images and its JSON, and no other path around them', async () => {
    for (const p of [`/s/${SNAPSHOT}/`, `/s/${SNAPSHOT}/opengraph-image`, `/s/${SNAPSHOT}/opengraph-image-1x2y`]) expect(await kind(p), p).toBe('pass');
    for (const p of [`/x/s/${SNAPSHOT}`, `/s/${SNAPSHOT}/x`, `/x/s/${SNAPSHOT}/opengraph-image`, `/s/${SNAPSHOT}/opengraph-image.png`, `/s/${SNAPSHOT}/opengraph-image/x`, `/x/api/snapshots/${SNAPSHOT}`, `/api/snapshots/${SNAPSHOT}/x`]) {
      expect(await kind(p), p).toBe('unauthenticated');
    }
  });
});

describe('settings from the environment, with blanks', () => {
  it('falls back to the default header when ATLAS_AUTH_HEADER is blank, and trims it', () => {
    expect(gateSettingsFromEnv({ ATLAS_AUTH_HEADER: '   ' }).header).toBe('x-forwarded-email');
    expect(gateSettingsFromEnv({ ATLAS_AUTH_HEADER: ' X-Email ' }).header).toBe('x-email');
  });

  it('takes the session secret trimmed, from ATLAS_SESSION_SECRET first, else AUTH_SECRET', () => {
    expect(gateSettingsFromEnv({ ATLAS_SESSION_SECRET: ' a ', AUTH_SECRET: 'b' }).sessionSecret).toBe('a');
    expect(gateSettingsFromEnv({ ATLAS_SESSION_SECRET: '  ', AUTH_SECRET: ' b ' }).sessionSecret).toBe('b');
    expect(gateSettingsFromEnv({ AUTH_SECRET: '  ' }).sessionSecret).toBeNull();
  });
});

describe('oidc: what a request without a usable session gets', () => {
  const settings = gateSettingsFromEnv({ ATLAS_AUTH: 'oidc', ATLAS_SESSION_SECRET: SECRET });
  const session = (claims: Record<string, unknown>, salt = 'authjs.session-token') => encode({ token: claims, secret: SECRET, salt, maxAge: 3600 });

  it('sends HEAD page loads to sign in, but answers a POST or a server action 401 (no redirect)', async () => {
    expect((await gate(req('/vpcs', { method: 'HEAD' }), settings)).kind).toBe('sign-in');
    expect((await gate(req('/vpcs', { method: 'POST' }), settings)).kind).toBe('unauthenticated');
    expect((await gate(req('/vpcs', { headers: { 'next-action': 'abc' } }), settings)).kind).toBe('unauthenticated');
  });

  it('tries the plain cookie when the __Secure- one names nobody', async () => {
    const nobody = await session({ name: 'x' }, '__Secure-authjs.session-token');
    const carol = await session({ sub: 'u1', email: 'carol@example.com' });
    const d = await gate(req('/', { cookies: { '__Secure-authjs.session-token': nobody, 'authjs.session-token': carol } }), settings);
    expect(d).toMatchObject({ kind: 'pass', viewer: { id: 'carol@example.com' } });
  });

  it('reads at most 20 chunks of a split cookie', async () => {
    const token = await session({ sub: 'u1', email: 'a@x.io' });
    const chunks = (n: number) => {
      const size = Math.ceil(token.length / n);
      return Object.fromEntries(Array.from({ length: n }, (_, i) => [`authjs.session-token.${i}`, token.slice(i * size, (i + 1) * size)]));
    };
    expect((await gate(req('/api/topology', { cookies: chunks(20) }), settings)).kind).toBe('pass');
    expect((await gate(req('/api/topology', { cookies: chunks(21) }), settings)).kind).toBe('unauthenticated');
  });
});
