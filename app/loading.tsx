export default function Loading() {
  return (
    <main className="mx-auto max-w-screen-2xl px-4 py-6" aria-busy="true">
      <div className="h-7 w-64 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="mt-6 h-64 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
    </main>
  );
}
