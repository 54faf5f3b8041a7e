import Link from 'next/link';
import { buttonClass } from '@/components/ui/button-styles';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Nothing lives at this address.</p>
      <Link href="/" className={`${buttonClass('primary', 'lg')} mt-6`}>
        Back to all VPCs
      </Link>
    </main>
  );
}
