import Link from 'next/link';

export default function SnapshotNotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Snapshot not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        No snapshot has this link. It may have been deleted, or the link was cut short when it was copied.
      </p>
      <Link href="/snapshots" className="mt-6 inline-block rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800">
        All snapshots
      </Link>
    </main>
  );
}
