import Link from 'next/link';

/** What `forbidden()` renders, with status 403: a viewer opened a page for editors. */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center" data-testid="forbidden">
      <h1 className="text-2xl font-semibold">Editors only</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        You are signed in as a viewer. Viewers see every VPC and endpoint; this page is for editors. Ask an administrator to add you to ATLAS_EDITORS.
      </p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800">
        Back to all VPCs
      </Link>
    </main>
  );
}
