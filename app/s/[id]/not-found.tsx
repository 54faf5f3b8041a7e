import Link from 'next/link';
import { buttonClass } from '@/components/ui/button-styles';

export default function SnapshotNotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Snapshot not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        No snapshot has this link. It may have been deleted, or the link was cut short when it was copied.
      </p>
      <Link href="/snapshots" className={`${buttonClass('primary', 'lg')} mt-6`}>
        All snapshots
      </Link>
    </main>
  );
}
