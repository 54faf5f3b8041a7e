import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { ViewerProvider } from '@/components/auth/viewer-context';
import { viewerSummary } from '@/lib/auth/viewer';
import { getConfig } from '@/lib/config';
import { siteOrigin } from '@/lib/share/metadata';
import { UserMenu } from './_components/user-menu';
import './globals.css';

/**
 * The site's metadata. `metadataBase` is the address the site is reached at (ATLAS_PUBLIC_URL, else the request's
 * host, lib/share/metadata.ts), so Open Graph images resolve to absolute URLs on every page, as Next asks.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: await siteOrigin(),
    title: { default: 'vpc-atlas', template: '%s · vpc-atlas' },
    description: 'See how your AWS VPCs reach AWS services, and wire new VPC endpoints safely.',
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page dynamic, so each gets the nonce proxy.ts put in its CSP.
  await headers();
  const viewer = await viewerSummary();
  const mode = getConfig().auth.mode;
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
          <div className="mx-auto flex h-12 max-w-screen-2xl items-center gap-2 px-3 sm:gap-4 sm:px-4">
            <Link href="/" className="flex shrink-0 items-center gap-2 whitespace-nowrap font-semibold tracking-tight">
              <svg aria-hidden viewBox="0 0 32 32" className="h-6 w-6">
                <rect width="32" height="32" rx="7" fill="#0f766e" />
                <circle cx="9" cy="10" r="3.5" fill="#fff" />
                <circle cx="23" cy="10" r="3.5" fill="#fff" />
                <circle cx="16" cy="23" r="3.5" fill="#fff" />
                <path d="M9 10L16 23L23 10" stroke="#fff" strokeWidth="2" fill="none" />
              </svg>
              {/* On a phone the mark alone: the header's one row keeps room for the menu and who is signed in. */}
              <span className="max-sm:sr-only">vpc-atlas</span>
            </Link>
            <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-400">VPC endpoints, mapped</span>
            <nav aria-label="Main" className="ml-auto flex items-center gap-1 text-sm">
              <Link href="/fleet" className="rounded-md px-2.5 py-1 font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-slate-50">
                Fleet
              </Link>
              <Link href="/findings" className="rounded-md px-2.5 py-1 font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-slate-50">
                Findings
              </Link>
              {viewer?.role === 'editor' && (
                <Link href="/audit" className="rounded-md px-2.5 py-1 font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-slate-50">
                  Audit
                </Link>
              )}
            </nav>
            <UserMenu viewer={viewer} mode={mode} />
          </div>
        </header>
        <ViewerProvider viewer={viewer}>{children}</ViewerProvider>
      </body>
    </html>
  );
}
