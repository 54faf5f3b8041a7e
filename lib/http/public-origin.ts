/**
 * The origin a browser uses to reach this server: ATLAS_PUBLIC_URL when the operator set it, else
 * the request's `X-Forwarded-Proto` / `X-Forwarded-Host` (behind a proxy) or `Host`. Next.js hands
 * route handlers a URL built from the address it listens on (`localhost`, `0.0.0.0`), which is not
 * where the browser is: sign-in redirects and cookies must use the browser's origin.
 * Returns null when the headers name no plausible host.
 */
export function publicOrigin(headers: Headers, configured: string | undefined = process.env.ATLAS_PUBLIC_URL): string | null {
  if (configured && /^https?:\/\//.test(configured)) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed ATLAS_PUBLIC_URL: fall back to the request.
    }
  }
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0]!.trim();
  if (!/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(host)) return null;
  const proto = (headers.get('x-forwarded-proto') ?? 'http').split(',')[0]!.trim().toLowerCase();
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}
