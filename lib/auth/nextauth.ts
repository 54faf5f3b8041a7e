import 'server-only';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log/logger';

/**
 * Sign-in with any OpenID Connect provider (ATLAS_AUTH=oidc) through Auth.js (next-auth v5): the
 * authorization code flow with PKCE, state and nonce; the session is an encrypted, signed JWT in an
 * HttpOnly, SameSite=Lax cookie (`authjs.session-token`, `__Secure-` prefixed over https), so the
 * server keeps no session store. Configured lazily: other auth modes never read the oidc settings.
 */

/** A session lasts a working day; then the user signs in again (usually one redirect, the provider remembers them). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Where Auth.js answers (sign-in, callback, sign-out); the app's route is app/api/auth/[...nextauth]/route.ts. */
export const AUTH_BASE_PATH = '/api/auth';

/** The provider id in the callback URL to register at the provider: `<origin>/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = 'oidc';

function authConfig(): NextAuthConfig {
  const { oidc } = getConfig().auth;
  if (!oidc) throw new Error('Auth.js was asked for while ATLAS_AUTH is not oidc.');
  const log = logger.child({ component: 'auth' });
  return {
    secret: oidc.sessionSecret,
    basePath: AUTH_BASE_PATH,
    // The callback URL is built from the URL app/api/auth/[...nextauth]/route.ts hands over, whose origin is
    // lib/http/public-origin.ts's (ATLAS_PUBLIC_URL; X-Forwarded-Host only with ATLAS_TRUST_PROXY=1). The provider
    // only redirects to registered callback URLs, so a forged Host cannot send a code elsewhere. AUTH_URL pins it.
    trustHost: true,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      {
        id: OIDC_PROVIDER_ID,
        name: 'OpenID Connect',
        type: 'oidc',
        issuer: oidc.issuer,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        checks: ['pkce', 'state', 'nonce'],
      },
    ],
    callbacks: {
      // On sign-in `profile` holds the ID token's claims; only what roles and the header need is kept.
      jwt({ token, profile }) {
        if (profile) {
          const name = [profile.name, profile.preferred_username, profile.email].find((v) => typeof v === 'string' && v.trim());
          token.name = typeof name === 'string' ? name : null;
          token.email = typeof profile.email === 'string' ? profile.email : null;
          const groups = (profile as { groups?: unknown }).groups;
          token.groups = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string').slice(0, 200) : [];
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, name: token.name ?? null, email: token.email ?? '' }, sub: token.sub, groups: token.groups ?? [] };
      },
    },
    logger: {
      error: (error) => log.error({ err: { name: error.name, message: error.message, type: (error as { type?: string }).type } }, 'auth error'),
      warn: (code) => log.warn({ code }, 'auth warning'),
      debug: () => undefined,
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
