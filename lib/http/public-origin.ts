import { trustsProxy } from './host-check';

/**
 * The origin a browser uses to reach this server: ATLAS_PUBLIC_URL when the operator set it; else, when
 * ATLAS_TRUST_PROXY=1 says a proxy in front sets them, the request's `X-Forwarded-Proto` / `X-Forwarded-Host`;
 * else `Host` over http. Next.js hands route handlers a URL built from the address it listens on
 * (`localhost`, `0.0.0.0`), which is not where the browser is: sign-in redirects, cookies and link previews
 * must use the browser's origin. Without a trusted proxy the forwarded headers are whatever the client
 * wrote, so they are not read. Returns null when the headers name no plausible host.
 */
export function publicOrigin(
  headers: Headers,
  configured: string | undefined = process.env.ATLAS_PUBLIC_URL,
  trustProxy: boolean = trustsProxy(process.env),
): string | null {
  if (configured && /^https?:\/\//.test(configured)) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed ATLAS_PUBLIC_URL: fall back to the request.
    }
  }
  const forwardedHost = trustProxy ? headers.get('x-forwarded-host') : null;
  const host = (forwardedHost ?? headers.get('host') ?? '').split(',')[0]!.trim();
  if (!/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(host)) return null;
  const proto = ((trustProxy ? headers.get('x-forwarded-proto') : null) ?? 'http').split(',')[0]!.trim().toLowerCase();
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}
