import Link from 'next/link';
import { buttonClass } from '@/components/ui/button-styles';

export default function VpcNotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">VPC not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        There is no VPC with that id in this region and source. It may have been deleted, or the link names another region.
      </p>
      <Link href="/" className={`${buttonClass('primary', 'lg')} mt-6`}>
        Back to all VPCs
      </Link>
    </main>
  );
}
