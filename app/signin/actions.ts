'use server';

import { getConfig } from '@/lib/config';

/** Only a path on this site may be the place to return to after sign-in (no open redirect). */
function safeReturnPath(value: FormDataEntryValue | null): string {
  const v = typeof value === 'string' ? value : '';
  return v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/';
}

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
