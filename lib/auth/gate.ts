import { decode } from 'next-auth/jwt';
import { parseEditors, viewerFromProxyHeader, viewerFromSession } from './roles';
import type { Viewer } from './types';

/**
 * The front door (proxy.ts runs it for every request but static assets): in proxy mode a request
 * without the identity header gets 401; in oidc mode one without a valid session cookie is sent to
 * /signin (pages, and the router's fetches of pages) or gets 401 (API, server actions). It answers "who", never "may they":
 * every server action checks the role itself (lib/auth/viewer.ts requireRole).
 *
 * No `server-only` and no lib/config here: the proxy reads the few settings it needs from the
 * environment, which instrumentation-node.ts validated at start-up.
 */

export interface GateSettings {
  mode: 'none' | 'proxy' | 'oidc';
  header: string;
  editors: string[];
  snapshots: 'public' | 'private';
  sessionSecret: string | null;
}

/** The gate's settings from the environment (the same variables lib/config.ts validates). */
export function gateSettingsFromEnv(env: Record<string, string | undefined>): GateSettings {
  const mode = env.ATLAS_AUTH === 'proxy' || env.ATLAS_AUTH === 'oidc' ? env.ATLAS_AUTH : 'none';
  return {
    mode,
    header: (env.ATLAS_AUTH_HEADER?.trim() || 'x-forwarded-email').toLowerCase(),
    editors: parseEditors(env.ATLAS_EDITORS),
    snapshots: env.ATLAS_SNAPSHOTS === 'private' ? 'private' : 'public',
    sessionSecret: env.ATLAS_SESSION_SECRET?.trim() || env.AUTH_SECRET?.trim() || null,
  };
}

export interface GateRequest {
  method: string;
  pathname: string;
  /** The path and query to come back to after sign-in. */
  pathWithQuery: string;
  headers: Headers;
  cookie: (name: string) => string | undefined;
}

export type GateDecision =
  | { kind: 'pass'; viewer: Viewer | null }
  /** 401: JSON for API callers and fetches, a short page for a browser. */
  | { kind: 'unauthenticated'; message: string }
  /** oidc: a page load without a session goes to the sign-in page. */
  | { kind: 'sign-in'; location: string };

/** Health checks, the site icon: open in every mode (a load balancer probes /api/health without identity). */
const ALWAYS_OPEN = [/^\/api\/health\/?$/, /^\/icon\.svg$/, /^\/favicon\.ico$/, /^\/robots\.txt$/];
/** oidc: the sign-in page and Auth.js's own endpoints, which start and finish the sign-in. */
const OIDC_OPEN = [/^\/signin\/?$/, /^\/api\/auth(\/|$)/];
/** ATLAS_SNAPSHOTS=public: a snapshot link, its link-preview image and its JSON open for anyone with the link (GET only). */
const SNAPSHOT_LINKS = [/^\/s\/[A-Za-z0-9_-]{22,64}\/?$/, /^\/s\/[A-Za-z0-9_-]{22,64}\/opengraph-image[\w-]*$/, /^\/api\/snapshots\/[A-Za-z0-9_-]{22,64}$/];

/** Auth.js's session cookie: `__Secure-` prefixed when the site is served over https. */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/** A cookie Auth.js may have split into `name.0`, `name.1`, … when it outgrew 4 KB. */
function readChunked(name: string, cookie: GateRequest['cookie']): string | undefined {
  const whole = cookie(name);
  if (whole) return whole;
  let joined = '';
  for (let i = 0; i < 20; i++) {
    const part = cookie(`${name}.${i}`);
    if (part === undefined) break;
    joined += part;
  }
  return joined || undefined;
}

/** The viewer a valid, unexpired Auth.js session cookie names, or null. */
export async function sessionViewer(request: Pick<GateRequest, 'cookie'>, settings: GateSettings): Promise<Viewer | null> {
  if (!settings.sessionSecret) return null;
  for (const name of SESSION_COOKIES) {
    const token = readChunked(name, request.cookie);
    if (!token) continue;
    try {
      const claims = await decode({ token, secret: settings.sessionSecret, salt: name });
      const viewer = viewerFromSession(claims, settings.editors);
      if (viewer) return viewer;
    } catch {
      // Tampered, expired or signed with another secret: not a session.
    }
  }
  return null;
}

/**
 * Whether a request asks for a page (a browser load, or the router's RSC fetch or prefetch of one) and may
 * be redirected to sign in; the router follows the redirect like a navigation. API calls and server actions
 * get a plain 401 instead.
 */
function isPageRequest(request: GateRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.headers.get('next-action')) return false;
  return !request.pathname.startsWith('/api/');
}

/** Decides what the front door does with one request. */
export async function gate(request: GateRequest, settings: GateSettings): Promise<GateDecision> {
  if (settings.mode === 'none') return { kind: 'pass', viewer: null };
  const path = request.pathname;
  const open =
    ALWAYS_OPEN.some((re) => re.test(path)) ||
    (settings.mode === 'oidc' && OIDC_OPEN.some((re) => re.test(path))) ||
    // Only reading: a POST to a snapshot path could carry any server action's id.
    (settings.snapshots === 'public' &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.headers.get('next-action') &&
      SNAPSHOT_LINKS.some((re) => re.test(path)));

  if (settings.mode === 'proxy') {
    const viewer = viewerFromProxyHeader(request.headers.get(settings.header), settings.editors);
    if (viewer || open) return { kind: 'pass', viewer };
    return {
      kind: 'unauthenticated',
      message: `Sign-in required: this server answers only requests that come through its authenticating proxy, which names the user in the ${settings.header} header.`,
    };
  }

  const viewer = await sessionViewer(request, settings);
  if (viewer || open) return { kind: 'pass', viewer };
  if (isPageRequest(request)) return { kind: 'sign-in', location: `/signin?callbackUrl=${encodeURIComponent(request.pathWithQuery)}` };
  return { kind: 'unauthenticated', message: 'Sign-in required: sign in at /signin, then try again.' };
}
