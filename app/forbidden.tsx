import Link from 'next/link';
import { buttonClass } from '@/components/ui/button-styles';

/** What `forbidden()` renders, with status 403: a viewer opened a page for editors. */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center" data-testid="forbidden">
      <h1 className="text-2xl font-semibold">Editors only</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        You are signed in as a viewer. Viewers see every VPC and endpoint; this page is for editors. Ask an administrator to add you to ATLAS_EDITORS.
      </p>
      <Link href="/" className={`${buttonClass('primary', 'lg')} mt-6`}>
        Back to all VPCs
      </Link>
    </main>
  );
}
