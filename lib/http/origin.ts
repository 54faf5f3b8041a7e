import { trustsProxy } from './host-check';

/**
 * Cross-site request forgery guard for mutating route handlers (POST, PUT, PATCH, DELETE).
 * Server actions get it from proxy.ts (audited) and from Next.js itself; route handlers call it.
 *
 * Browsers send `Origin` on every cross-origin request and on same-origin non-GET requests, and
 * a page cannot forge it. The request is allowed when Origin's host equals the host the request
 * was sent to (`X-Forwarded-Host` when ATLAS_TRUST_PROXY=1 says a proxy sets it, else `Host`).
 * Without Origin (curl, scripts, old browsers) `Sec-Fetch-Site` decides when present: only `same-origin` and `none` (typed into
 * the address bar) pass; with neither header the caller is not a browser a page could drive, so
 * it passes too.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a request was refused, or null when it may go on. */
export function originProblem(request: Request, trustProxy = trustsProxy(process.env)): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const h = request.headers;
  const host = ((trustProxy ? h.get('x-forwarded-host') : null) ?? h.get('host') ?? '').split(',')[0]!.trim().toLowerCase();
  const origin = h.get('origin');
  if (origin !== null) {
    if (origin === 'null') return 'Origin "null" (a sandboxed or file: page) may not change anything here.';
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return 'The Origin header is not a URL.';
    }
    if (!host) return 'The request has no Host header to compare Origin with.';
    return originHost === host ? null : `Origin ${origin} does not match this server (${host}).`;
  }
  const site = h.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return `A ${site} request may not change anything here.`;
  return null;
}

/**
 * Checks a mutating request's Origin against its Host. Returns a 403 JSON response to send
 * back when they differ, or null when the handler may go on:
 *
 *     const refused = checkOrigin(request);
 *     if (refused) return refused;
 */
export function checkOrigin(request: Request): Response | null {
  const problem = originProblem(request);
  if (!problem) return null;
  return Response.json(
    { error: `Cross-site request refused: ${problem}`, code: 'CrossOriginRefused' },
    { status: 403, headers: { 'cache-control': 'no-store' } },
  );
}
