import type { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { publicOrigin } from '@/lib/http/public-origin';

export const dynamic = 'force-dynamic';

/**
 * Auth.js's endpoints (sign-in, callback, sign-out, session) in ATLAS_AUTH=oidc; nothing here in the
 * other modes. Auth.js builds its redirect URL and cookies from the request's URL, which Next.js bases
 * on the address it listens on; it gets the browser's origin instead (lib/http/public-origin.ts), so
 * the redirect URI sent to the provider is the one registered there.
 */
async function handle(request: NextRequest, method: 'GET' | 'POST'): Promise<Response> {
  if (getConfig().auth.mode !== 'oidc') return Response.json({ error: 'Sign-in with OpenID Connect is not enabled (ATLAS_AUTH is not oidc).' }, { status: 404 });
  const origin = publicOrigin(request.headers);
  if (!origin) return Response.json({ error: 'The request names no host.' }, { status: 400 });
  const { handlers } = await import('@/lib/auth/nextauth');
  const { pathname, search } = request.nextUrl;
  // A plain Request: NextRequest would turn 127.0.0.1 back into `localhost` (NextURL normalizes loopback names).
  const forAuth = new Request(new URL(`${pathname}${search}`, origin), {
    method: request.method,
    headers: request.headers,
    body: method === 'POST' ? await request.arrayBuffer() : undefined,
  });
  return handlers[method](forAuth as NextRequest);
}

export function GET(request: NextRequest) {
  return handle(request, 'GET');
}

export function POST(request: NextRequest) {
  return handle(request, 'POST');
}
