import { LogOut, UserRound } from 'lucide-react';
import Link from 'next/link';
import type { AuthMode } from '@/lib/config';
import type { ViewerSummary } from '@/lib/auth/types';
import { signOutAction } from '../signin/actions';

/**
 * The header's right end: who is signed in and their role, and Sign out (oidc mode; behind a proxy the
 * proxy owns the session). Nothing in ATLAS_AUTH=none, where nobody signs in.
 */
export function UserMenu({ viewer, mode }: { viewer: ViewerSummary | null; mode: AuthMode }) {
  if (mode === 'none') return null;
  if (!viewer) {
    return mode === 'oidc' ? (
      <Link href="/signin" className="rounded-md px-2.5 py-1 text-sm font-medium text-teal-700 hover:bg-slate-100 dark:text-teal-400 dark:hover:bg-slate-800">
        Sign in
      </Link>
    ) : null;
  }
  return (
    <div className="flex min-w-0 items-center gap-2 border-l border-slate-200 pl-3 text-sm dark:border-slate-800" data-testid="user-menu">
      <UserRound aria-hidden className="h-4 w-4 text-slate-500" />
      <span className="max-w-56 truncate font-medium max-sm:max-w-24" data-testid="user-name" title={viewer.name}>
        {viewer.name}
      </span>
      <span
        data-testid="user-role"
        className={`rounded-full px-2 py-0.5 text-xs font-medium max-sm:hidden ${
          viewer.role === 'editor' ? 'bg-teal-100 text-teal-800 dark:bg-teal-900/60 dark:text-teal-200' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'
        }`}
      >
        {viewer.role}
      </span>
      {mode === 'oidc' && (
        <form action={signOutAction}>
          <button type="submit" className="inline-flex items-center gap-1 rounded-md px-2 py-1 font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-slate-50">
            <LogOut aria-hidden className="h-4 w-4" /> <span className="max-sm:sr-only">Sign out</span>
          </button>
        </form>
      )}
    </div>
  );
}
