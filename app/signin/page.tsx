import type { Metadata } from 'next';
import { LogIn } from 'lucide-react';
import { notFound, redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { getConfig } from '@/lib/config';
import { safeReturnPath } from '@/lib/http/return-path';
import { first, type SearchParams } from '@/lib/topology/page-params';
import { signInAction } from './actions';
import { buttonClass } from '@/components/ui/button-styles';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

/** Auth.js's error codes (`?error=`) in words a person can act on. */
const ERRORS: Record<string, string> = {
  Configuration: 'Sign-in is not set up correctly on this server (the provider could not be reached, or the client was refused). See the server log.',
  AccessDenied: 'The identity provider refused the sign-in.',
  Verification: 'The sign-in link expired or was already used. Try again.',
  CallbackRouteError: 'The answer from the identity provider could not be checked. Try again; if it keeps failing, see the server log.',
  OAuthCallbackError: 'The identity provider answered with an error. Try again.',
};

/** /signin (ATLAS_AUTH=oidc): one button that starts the OpenID Connect sign-in. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { auth } = getConfig();
  if (auth.mode === 'none') notFound();
  const sp = await searchParams;
  const callbackUrl = safeReturnPath(first(sp.callbackUrl));
  const viewer = await getViewer();
  if (viewer && auth.mode === 'oidc') redirect(callbackUrl);
  const error = first(sp.error);
  const issuerHost = auth.oidc ? new URL(auth.oidc.issuer).host : null;

  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to vpc-atlas</h1>
        {auth.mode === 'proxy' ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">Sign-in is handled by the proxy in front of this server.</p>
        ) : (
          <>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              Viewers see every VPC and endpoint; editors also create, change and delete endpoints. You sign in with your organization&apos;s identity provider
              {issuerHost ? ` (${issuerHost})` : ''}.
            </p>
            {first(sp.signedOut) === '1' && !error && (
              <p role="status" className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
                You are signed out.
              </p>
            )}
            {error && (
              <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
                {ERRORS[error] ?? 'Sign-in failed. Try again; if it keeps failing, see the server log.'}
              </p>
            )}
            <form action={signInAction} className="mt-6">
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button
                type="submit"
                className={buttonClass('primary', 'lg', true)}
              >
                <LogIn aria-hidden className="h-4 w-4" /> Sign in with single sign-on
              </button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
