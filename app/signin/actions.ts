'use server';

import { getConfig } from '@/lib/config';
import { safeReturnPath } from '@/lib/http/return-path';

/** "Sign in": starts the OpenID Connect code flow at the provider (Auth.js redirects the browser there). */
export async function signInAction(form: FormData): Promise<void> {
  if (getConfig().auth.mode !== 'oidc') return;
  const { signIn } = await import('@/lib/auth/nextauth');
  await signIn('oidc', { redirectTo: safeReturnPath(form.get('callbackUrl')) });
}

/** "Sign out": drops the session cookie and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  if (getConfig().auth.mode !== 'oidc') return;
  const { signOut } = await import('@/lib/auth/nextauth');
  await signOut({ redirectTo: '/signin?signedOut=1' });
}
