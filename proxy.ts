import { NextResponse, type NextRequest } from 'next/server';
import { recordAudit } from '@/lib/audit/log';
import { gate, gateSettingsFromEnv } from '@/lib/auth/gate';
import { hostProblem, hostSettingsFromEnv } from '@/lib/http/host-check';
import { originProblem } from '@/lib/http/origin';
import { publicOrigin } from '@/lib/http/public-origin';
import { logger, requestIdFrom } from '@/lib/log/logger';

const settings = gateSettingsFromEnv(process.env);
const hosts = hostSettingsFromEnv(process.env);

/** A refusal at the door: one `denied` line in the audit log (who, which request, why), then the JSON answer. */
async function refuse(
  status: number,
  code: string,
  message: string,
  at: { requestId: string; method: string; path: string; user: string },
): Promise<NextResponse> {
  await recordAudit({
    user: at.user,
    requestId: at.requestId,
    action: 'Request',
    dryRun: false,
    request: { method: at.method, path: at.path },
    result: { status: 'denied', code, message },
  });
  return NextResponse.json({ error: message, code }, { status, headers: { 'x-request-id': at.requestId, 'cache-control': 'no-store' } });
}

/**
 * Every request but static assets passes here (Next.js 16 proxy, Node.js runtime), in this order:
 * 1. A request id: the proxy's `x-request-id` when it sent a plausible one, else a new one; it goes on
 *    to the page (log and audit lines carry it) and back in the response.
 * 2. The host check (lib/http/host-check.ts): 421 for a Host the operator did not name (DNS rebinding).
 *    A load balancer's probe of /api/health under another host gets a bare `{ ok: true }` from here.
 * 3. The front door (lib/auth/gate.ts): who is asking, 401 or the sign-in page when nobody is.
 *    Server actions and pages check roles themselves; this only keeps strangers out.
 * 4. Server actions: Origin must match the host (lib/http/origin.ts) before the action runs. Next.js checks
 *    it too, but its refusal leaves no audit line; this one does, like every refusal here.
 * 5. For pages, a fresh nonce and a strict Content-Security-Policy, as the Next.js CSP guide describes:
 *    only scripts carrying the nonce (and what they load) run, so a Name tag full of HTML can never
 *    execute. Styles stay 'unsafe-inline' because React Flow positions nodes with inline style
 *    attributes; a nonce in style-src would switch that off.
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get('x-request-id'));
  const { pathname, search } = request.nextUrl;
  const at = { requestId, method: request.method, path: pathname };
  const log = { reqId: requestId, method: request.method, path: pathname };
  const badHost = hostProblem(request.headers, hosts);
  if (badHost) {
    if ((request.method === 'GET' || request.method === 'HEAD') && /^\/api\/health\/?$/.test(pathname)) {
      return NextResponse.json({ ok: true }, { headers: { 'x-request-id': requestId, 'cache-control': 'no-store' } });
    }
    logger.warn({ ...log, host: request.headers.get('host') }, 'request for a host this server does not serve refused');
    return refuse(421, 'HostNotAllowed', badHost, { ...at, user: '(not signed in)' });
  }
  const decision = await gate(
    {
      method: request.method,
      pathname,
      pathWithQuery: `${pathname}${search}`,
      headers: request.headers,
      cookie: (name) => request.cookies.get(name)?.value,
    },
    settings,
  );
  if (decision.kind === 'sign-in') {
    logger.info({ ...log, status: 307 }, 'sign-in required');
    // request.url names the address Next.js listens on, not the one the browser used.
    const location = new URL(decision.location, publicOrigin(request.headers, process.env.ATLAS_PUBLIC_URL, hosts.trustProxy) ?? request.url);
    const response = NextResponse.redirect(location, 307);
    response.headers.set('x-request-id', requestId);
    response.headers.set('cache-control', 'no-store');
    return response;
  }
  if (decision.kind === 'unauthenticated') {
    logger.info({ ...log, status: 401 }, 'unauthenticated request refused');
    return refuse(401, 'Unauthenticated', decision.message, { ...at, user: '(not signed in)' });
  }
  logger.debug({ ...log, user: decision.viewer?.id }, 'request');
  if (request.headers.get('next-action')) {
    const crossSite = originProblem(request, hosts.trustProxy);
    if (crossSite) {
      logger.warn({ ...log, status: 403 }, 'cross-site server action refused');
      return refuse(403, 'CrossOriginRefused', `Cross-site request refused: ${crossSite}`, { ...at, user: decision.viewer?.id ?? 'anonymous' });
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-request-id', requestId);
  // API responses get their own fixed CSP (next.config.js); prefetches are not pages a browser renders.
  const isPage = !pathname.startsWith('/api/') && !request.headers.get('next-router-prefetch') && request.headers.get('purpose') !== 'prefetch';
  if (!isPage) {
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set('x-request-id', requestId);
    return response;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const isDev = process.env.NODE_ENV === 'development';
  const csp = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' blob: data:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    // Sign-in posts to this site, which redirects to the identity provider: some browsers apply form-action to
    // the redirect's target too, so the provider's origin is allowed in oidc mode.
    `form-action 'self'${oidcOrigin ? ` ${oidcOrigin}` : ''}`,
    `frame-ancestors 'none'`,
  ].join('; ');

  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('x-request-id', requestId);
  return response;
}

const oidcOrigin = (() => {
  if (settings.mode !== 'oidc' || !process.env.ATLAS_OIDC_ISSUER) return null;
  try {
    return new URL(process.env.ATLAS_OIDC_ISSUER).origin;
  } catch {
    return null;
  }
})();

export const config = {
  // Everything but the build's static files: API routes and prefetches too, so the front door has no side entrance.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
