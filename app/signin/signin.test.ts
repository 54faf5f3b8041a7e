import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Issue 14 §2: the place /signin returns to is a path on this site, whatever `callbackUrl` says. A signed-in
 * visitor of /signin is redirected there at once (the page), and the sign-in form hands it to Auth.js (the
 * action): both must land on this origin, and a malformed value must not answer 500.
 */

const signIn = vi.fn(async (_provider: string, _options: { redirectTo: string }) => undefined);
vi.mock('@/lib/auth/nextauth', () => ({ signIn, signOut: vi.fn() }));
let signedIn = true;
vi.mock('@/lib/auth/viewer', () => ({
  getViewer: async () => (signedIn ? { id: 'olivia@example.com', name: 'Olivia', email: 'olivia@example.com', role: 'editor', groups: [], anonymous: false } : null),
}));

type Page = typeof import('./page').default;
type Actions = typeof import('./actions');
let SignInPage: Page;
let actions: Actions;

beforeAll(async () => {
  vi.stubEnv('ATLAS_AUTH', 'oidc');
  vi.stubEnv('ATLAS_OIDC_ISSUER', 'http://127.0.0.1:9');
  vi.stubEnv('ATLAS_OIDC_CLIENT_ID', 'atlas');
  vi.stubEnv('ATLAS_OIDC_CLIENT_SECRET', 'secret');
  vi.stubEnv('ATLAS_SESSION_SECRET', 's'.repeat(40));
  SignInPage = (await import('./page')).default;
  actions = await import('./actions');
});
afterAll(() => vi.unstubAllEnvs());

/** Where the page sends a signed-in visitor: the path of Next's redirect() (it throws to redirect). */
async function pageRedirect(callbackUrl: string): Promise<string> {
  try {
    await SignInPage({ searchParams: Promise.resolve({ callbackUrl }) });
  } catch (err) {
    const digest = String((err as { digest?: unknown }).digest ?? '');
    const m = /^NEXT_REDIRECT;[a-z]+;(.*);\d{3};$/s.exec(digest);
    if (m) return m[1]!;
    throw err;
  }
  throw new Error('the page did not redirect');
}

async function actionRedirect(callbackUrl: string): Promise<string> {
  signIn.mockClear();
  const form = new FormData();
  form.set('callbackUrl', callbackUrl);
  await actions.signInAction(form);
  return signIn.mock.calls[0]![1].redirectTo;
}

const OFF_SITE = [
  '/\t/evil.example/phish',
  '//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  'https://evil.example/',
  'http:evil.example',
  'javascript:alert(1)',
  ' /vpcs',
  '/vpcs\r\nSet-Cookie: x=1',
  '/vpcs\n',
  '/vpcs\u0000',
  '/vpcs/é',
  '/vpcs/\u2028',
];

describe('/signin return paths', () => {
  it('keeps a path on this site, with its query and fragment', async () => {
    for (const go of [pageRedirect, actionRedirect]) {
      expect(await go('/vpcs/vpc-0a1?region=us-east-1&selected=subnet-1')).toBe('/vpcs/vpc-0a1?region=us-east-1&selected=subnet-1');
      expect(await go('/audit#latest')).toBe('/audit#latest');
    }
  });

  it('sends everything else home: other sites, schemes, control characters, white space and non-ASCII', async () => {
    for (const value of OFF_SITE) {
      expect(await pageRedirect(value), JSON.stringify(value)).toBe('/');
      expect(await actionRedirect(value), JSON.stringify(value)).toBe('/');
    }
  });

  it('writes only a safe path into the form (not signed in yet)', async () => {
    signedIn = false;
    try {
      const html = JSON.stringify(await SignInPage({ searchParams: Promise.resolve({ callbackUrl: '/\t/evil.example/phish' }) }));
      expect(html).toContain('"name":"callbackUrl","value":"/"');
    } finally {
      signedIn = true;
    }
  });
});
